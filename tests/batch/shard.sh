# scripts/shard, run as the README shows, writes byte for byte what one pass
# writes: a job per file, and in block mode for plain text (a tab in its
# first line), TSV, CSV (quoted newlines across the cuts) and JSON Lines.
# Names may hold any byte but NUL; a job that fails is an error naming its
# input, with nothing written; no input is ever changed.
[ "${CROSSLINK_BUILD:-}" = san ] &&
	{ echo "scripts only: run once, with the release build" >&2; exit 77; }
. "$TOP/tests/lib/batch.sh"
shard=$TOP/scripts/shard

sums() { cksum -- * | LC_ALL=C sort; }
split_days in
cd in || exit 2
mv 2019-11-29.tsv 'sp ace $x.tsv'

# The same messages as plain text whose first line holds a tab, as CSV
# with every message broken over two lines, and as JSON Lines.
{ printf 'first\tline t.me/tabbed_first\n'; zcat "$TESTDATA/sample.txt.gz"; } >plain.txt
zcat "$TESTDATA/sample.log.gz" | awk -F '\t' '
	NR == 1 { print "AuthorID,Author,Date,Content,Attachments,Reactions"; next }
	{ t = $3; gsub(/"/, "\"\"", t); sub(/ /, "\n", t)
	  printf "%d,\"%s\",\"%s\",\"%s\",\"\",\"\"\n", NR, $2, $1, t }' >msgs.csv
zcat "$TESTDATA/sample.log.gz" | awk -F '\t' '
	NR == 1 { next }
	{ t = $3; gsub(/\\/, "\\\\", t); gsub(/"/, "\\\"", t)
	  printf "{\"id\": %d, \"date\": \"%s\", \"message\": \"%s\"}\n", NR, $1, t }' >msgs.jsonl

before=$(sums)
printf '%s\0' * >../names
"$shard" -j 2 -o ../files --files0-from ../names && same ../files *

for f in plain.txt big.tsv msgs.csv msgs.jsonl; do
	"$shard" -j 2 -b 20k -o "../blocks-$f" -- "$f" || echo "blocks of $f failed"
	printf '%s in %s blocks, ' "$f" "$(extract --blocks 20k -- "$f" | tail -n +2 | wc -l)"
	same "../blocks-$f" "$f"
done
"$shard" -j 2 -b 20k -o ../blocks-all -- big.tsv 2019-11-25.tsv.gz msgs.csv plain.txt &&
	same ../blocks-all big.tsv 2019-11-25.tsv.gz msgs.csv plain.txt
[ "$before" = "$(sums)" ] && echo "inputs unchanged"
cd .. || exit 2

# A job that fails: its input named, exit 2, nothing written.
cp "$TESTDATA/io/truncated.gz" 'cut short.gz'
"$shard" -j 2 -o failed -- in/2019-12-01.tsv 'cut short.gz' in/2019-11-30.tsv 2>err
echo "truncated gzip: status $?"
grep -c "^shard: cut short.gz: job 2 failed" err
echo "$(ls -A failed | wc -l) files written"
"$shard" -o missing -- in/2019-12-01.tsv nowhere.tsv 2>&1; echo "missing input: status $?"
"$shard" -o x -j 0 -- in/2019-12-01.tsv 2>&1; echo "bad -j: status $?"
"$shard" --bogus 2>&1; echo "unknown option: status $?"
"$shard" --help
