# ZNC IRC logs: the channel and the date from the name "#CHAN_YYYYMMDD.log"
# (.log.txt), the time of day from each "[HH:MM:SS] " line, written as UTC
# (said once a run); the text is the rest of the line; a line without a
# time has none. A "[HH:MM:SS] " log whose name says nothing has no time
# and no channel (said); --format irc and the --blocks plan name it irc.
cd "$TESTDATA/formats" || exit 2
extract --all 'irc/#chat_20160901.log.txt' irc/session.log
extract --text --source-name '#chat_20160901.log.txt' < 'irc/#chat_20160901.log.txt'
printf 'nothing like a ZNC line t.me/first_plain\n' > "$OLDPWD/#room_20240302.log"
extract --blocks 1k 'irc/#chat_20160901.log.txt' "$OLDPWD/#room_20240302.log" | cut -f 5
extract --format irc "$OLDPWD/#room_20240302.log" | cut -f 1,2,6
