# Detection: IRC lines starting with "[" stay text, a line starting with
# "{" that is no JSON stays text; --format text reads JSON as lines.
printf '[12:00] <nick> see t.me/irc_chan\n' | extract | cut -f 6-
printf '{ not json t.me/brace_chan\n' | extract | cut -f 6-
extract --format text "$TESTDATA/formats/telethon_array.json" | cut -f 4,6,8
