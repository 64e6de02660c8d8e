# DiscordChatExporter CSV (the current "," variant, ISO dates with an
# offset) has no channel column: the channel is the name of the folder the
# file is in, from the name as given (--source-name's for stdin); plain
# stdin has no folder, so no channel.
cd "$TESTDATA/formats" || exit 2
extract --all dce/feed-news/3.csv
extract < dce/feed-news/3.csv
extract --source-name dce/feed-news/3.csv < dce/feed-news/3.csv
cd dce/feed-news && extract 3.csv
