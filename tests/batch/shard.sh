# scripts/shard through GNU parallel equals one pass: per file, and one big
# TSV cut on line boundaries (its header repeated in every block).
command -v parallel >/dev/null || { echo "GNU parallel is not installed" >&2; exit 77; }
BIN=$(dirname "$(command -v extract)"); export BIN
zcat "$TESTDATA/sample.log.gz" | awk -F '\t' '
	NR == 1 { h = $0; next }
	{ f = substr($1, 1, 10) ".tsv"; if (!(f in seen)) { print h > f; seen[f] = 1 } print > f }'
sh "$TOP/scripts/shard" -j 2 -o files 2019-*.tsv
extract --all 2019-*.tsv | normalize >one.tsv
tally -g platform,kind --by day -a distinct:key one.tsv | cmp - files/tally.tsv &&
dedupe -k key --count one.tsv | cmp - files/channels.tsv && echo "per file: equal"

# One file, many blocks: source and line differ by block, the rest is equal.
{ zcat "$TESTDATA/sample.log.gz"; for i in 1 2 3; do zcat "$TESTDATA/sample.log.gz" | tail -n +2; done; } >big.tsv
sh "$TOP/scripts/shard" -j 2 -b 20k -o blocks big.tsv
extract --all big.tsv | normalize >one.tsv
tally -g platform,kind --by day -a distinct:key one.tsv | cmp - blocks/tally.tsv && echo "blocks: tally equal"
keys() { awk -F '\t' '{ print $(NF - 4), $(NF - 2), $(NF - 1), $NF }' | sort; }
dedupe -k key --count one.tsv | keys >a
keys <blocks/channels.tsv >b
cmp a b && echo "blocks: channels equal ($(wc -l <b) keys)"
ls -A files blocks
