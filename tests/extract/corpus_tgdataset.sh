# Real TGDataset sample (one JSON object on one line): every text message is
# read ("message" keys appear only in text_messages), each record's channel
# is one of the file's usernames.
f=$CORPORA/tgdataset-preview/tgdataset_preview_9ch.json
[ -r "$f" ] || { echo "no corpus at $f (set CORPORA)" >&2; exit 77; }
extract --all --stats "$f" >out 2>err || { cat err >&2; exit 1; }
msgs=$(grep -o '"message": ' "$f" | wc -l)
got_msgs=$(sed -n 's/.*; \([0-9]*\) messages.*/\1/p' err)
grep -o '"username": "[^"]*"' "$f" | sed 's/.*: "//; s/"$//' | sort -u >names
chans=$(awk -F'\t' 'NR > 1 { print $2 }' out | sort -u | comm -23 - names | wc -l)
# The figures go to stderr only when they differ.
if [ "$got_msgs" -eq "$msgs" ] && [ "$chans" -eq 0 ]; then
	echo ok
else
	echo "messages $got_msgs = $msgs" >&2
	echo "channels not among the usernames: $chans" >&2
	exit 1
fi
