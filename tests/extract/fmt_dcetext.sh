# DiscordChatExporter plain text, old header (Messages:, Range:, dates
# like "02-Jul-19 08:28 PM") and new (After:, a category in Channel:,
# "3/2/2024 9:15 PM", the footer): a message per "[TIME] AUTHOR" line after
# a blank line, its time and channel; attachments and the embed's url as
# hidden links; the Topic gives nothing; a line shaped like a message
# line inside a message is text; a bad message line is reported, its
# message skipped, the rest read.
cd "$TESTDATA/formats" || exit 2
extract --all --text dce_text_old.txt
echo "status $?"
extract --all --text dce_text_new.txt
echo "status $?"
# detected from two lines only: a rule then anything but Guild: is text
printf '==========\nhello t.me/not_dce\n' | extract
# forced on plain text, and a message line without an author
printf 'hello t.me/nowhere\n\n[1/2/2024 10:00 AM]\n\n[1/2/2024 10:01 AM] ok\nt.me/kept_one\n' |
    extract --format discord-text --lenient
echo "status $?"
# a header that never closes
printf '==========\nGuild: g\nChannel: c\n\n[1/2/2024 10:01 AM] a\nt.me/in_header\n' | extract
echo "status $?"
