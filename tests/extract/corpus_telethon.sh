# Real Telethon to_json() array (old layer, \u escapes with surrogate
# pairs), read as JSON with no options. Figures computed from the file:
# messages, forwards (fwd_from objects: a record each when they link to a
# post, else counted by --stats as forwards without a link), and that every
# record's line is where a message object starts.
f=$CORPORA/telethon-curly-2019/messages_from_chat.json
[ -r "$f" ] || { echo "no corpus at $f (set CORPORA)" >&2; exit 77; }
gzip -c "$f" >in.json.gz
extract --all --stats in.json.gz >out 2>err || { cat err >&2; exit 1; }
msgs=$(grep -c '^    "_": "Message",$' "$f")
fwds=$(grep -c '^    "fwd_from": {$' "$f")
got_msgs=$(sed -n 's/.*; \([0-9]*\) messages.*/\1/p' err)
unlinked=$(sed -n 's/.*; \([0-9]*\) forwards without a link$/\1/p' err)
got_fwd=$(($(awk -F'\t' 'NR > 1 && $8 == "forward"' out | wc -l) + ${unlinked:-0}))
starts=$(awk 'NR == FNR { if ($0 == "  {") start[FNR] = 1; next }
	FNR > 1 { split($0, c, "\t"); if (!(c[4] in start)) bad++ }
	END { print bad + 0 }' "$f" out)
times=$(sed -n 's/.* \([0-9]*\) unparseable times.*/\1/p' err)
# The figures go to stderr only when they differ.
if [ "$got_msgs" = "$msgs" ] && [ "$got_fwd" -eq "$fwds" ] && [ "$starts" -eq 0 ] &&
   	[ "$times" = 0 ]; then
	echo ok
else
	echo "messages $got_msgs = $msgs" >&2
	echo "forward $got_fwd = $fwds" >&2
	echo "records not at a message start: $starts; unparseable times: $times" >&2
	exit 1
fi
