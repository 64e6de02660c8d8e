# --where along the pipeline: the Telegram invites of the sample, each test
# made at the first stage that has its column, are the records that
# filtering the whole output afterwards keeps (every record here has a
# channel, so the order of dedupe and channel!= does not matter); every
# stage's --stats still accounts for each record (in = out + ... + filtered).
cd "$TESTDATA" || exit 2
out=$OLDPWD
extract --stats --where platform=telegram sample.log.gz 2>"$out/e1" |
	normalize --stats --where kind=invite 2>"$out/e2" |
	dedupe --stats --where channel!= 2>"$out/e3" >"$out/early.tsv"
echo "status $?"
cat "$out/early.tsv"
cat "$out/e1" "$out/e2" "$out/e3"
# The same rows, filtered once at the end by awk.
extract sample.log.gz | normalize | dedupe | awk -F '\t' '
	NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; print; next }
	$c["platform"] == "telegram" && $c["kind"] == "invite" && $c["channel"] != ""' >"$out/late.tsv"
cmp -s "$out/early.tsv" "$out/late.tsv" && echo "early = late: $(($(wc -l <"$out/late.tsv") - 1)) records"
echo "--- per channel"
extract --where platform=telegram sample.log.gz | normalize --where kind=invite |
	dedupe -k channel,key | tally -g channel -n 3
