# Real DiscordChatExporter CSV, Slack and ZNC IRC exports: every record has
# a channel (DCE: the folder; Slack: the channel folder; IRC: the file name)
# and a time; the counts go to stderr only when a record lacks either.
C=${CORPORA:-}
for d in dce-komodo/before-2019-Dec-05/csv slack-houstondatavis irc-qtox-znc; do
	[ -d "$C/$d" ] || { echo "no corpus at $C/$d (set CORPORA)" >&2; exit 77; }
done
status=0
for d in dce-komodo/before-2019-Dec-05/csv slack-houstondatavis irc-qtox-znc; do
	# Slack's channels.json and integration_logs.json are no day of messages.
	find "$C/$d" -type f \( -name '*.csv' -o -name '????-??-??.json' -o -name '*.log.txt' \) \
	    -print0 | sort -z >files
	rc=0
	extract --all --files0-from files >out 2>err || rc=$?
	[ "$rc" -le 1 ] || { tail -n 3 err >&2; status=1; }
	awk -F '\t' -v d="$d" 'NR > 1 { n++; if ($2 == "") c++; if ($1 == "") t++ }
	    END { if (n == 0 || c || t) { printf "%s: %d records, %d without a channel, %d without a time\n", d, n, c, t > "/dev/stderr"; exit 1 }
	    print d ": every record has a channel and a time" }' out || status=1
done
exit $status
