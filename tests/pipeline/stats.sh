# --stats on every stage accounts for every record read: extract's
# in = messages + skipped, normalize's in = out + skipped, dedupe's
# in = out + skipped + duplicates, tally's in = counted + filtered + skipped;
# each stage's in is the record count of the file it read, and its out the
# count of the file it wrote. A malformed message goes into extract and a
# row of the wrong width into normalize.
{
	zcat "$TESTDATA/sample.log.gz" | head -n 200
	echo 'a malformed row without tabs t.me/some_channel'
	zcat "$TESTDATA/sample.log.gz" | tail -n +201
} >log.tsv
extract --all --stats log.tsv >x.tsv 2>e1; echo "extract exit $?"
awk 'NR == 10 { print "one\ttoo few" } { print }' x.tsv >x2.tsv
normalize --stats x2.tsv >n.tsv 2>e2; echo "normalize exit $?"
dedupe --stats -k channel,key n.tsv >d.tsv 2>e3; echo "dedupe exit $?"
tally --stats -g platform --where kind=channel d.tsv >t.tsv 2>e4; echo "tally exit $?"
cat e1 e2 e3 e4
# The stats lines, then each file's records (lines after the header).
for f in e1 e2 e3 e4; do grep -v ': .*:[0-9]*: \|records* skipped$' $f; done >stats
for f in log.tsv x.tsv x2.tsv n.tsv d.tsv t.tsv; do echo "$f $(($(wc -l <$f) - 1))"; done >rows
awk '
FILENAME == "rows" { rows[$1] = $2; next }
{
	prog = $1; sub(/:$/, "", prog)
	for (i = 2; i <= NF; i++) gsub(/[,;()]/, "", $i)
	for (i = 2; i < NF; i++) if ($i ~ /^[0-9]+$/) n[prog, $(i + 1)] = $i
}
function check(what, a, b) { printf "%s: %s (%d = %d)\n", (a == b ? "ok" : "FAIL"), what, a, b }
END {
	check("extract in = messages + skipped", n["extract", "in"], n["extract", "messages"] + n["extract", "skipped"])
	check("extract in = rows of log.tsv", n["extract", "in"], rows["log.tsv"])
	check("extract out = rows of x.tsv", n["extract", "out"], rows["x.tsv"])
	check("normalize in = out + skipped", n["normalize", "in"], n["normalize", "out"] + n["normalize", "skipped"])
	check("normalize in = rows of x2.tsv", n["normalize", "in"], rows["x2.tsv"])
	check("normalize out = rows of n.tsv", n["normalize", "out"], rows["n.tsv"])
	check("dedupe in = out + skipped + duplicates", n["dedupe", "in"], n["dedupe", "out"] + n["dedupe", "skipped"] + n["dedupe", "duplicates"])
	check("dedupe in = normalize out", n["dedupe", "in"], n["normalize", "out"])
	check("dedupe out = rows of d.tsv", n["dedupe", "out"], rows["d.tsv"])
	check("tally in = counted + filtered + skipped", n["tally", "in"], n["tally", "counted"] + n["tally", "filtered"] + n["tally", "skipped"])
	check("tally in = dedupe out", n["tally", "in"], n["dedupe", "out"])
	check("tally out = rows of t.tsv", n["tally", "out"], rows["t.tsv"])
}' rows stats
# tally counted exactly the rows it was asked to: those of kind channel.
awk -F '\t' 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "kind") k = i; next }
	$k == "channel" { n++ } END { print "channel rows in d.tsv: " n }' d.tsv
