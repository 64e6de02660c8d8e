# scripts/shard over 3,000 inputs equals one pass byte for byte: the merges
# read their thousands of parts from a list, never an argument list that
# xargs or the kernel would cut.
[ "${CROSSLINK_BUILD:-}" = san ] &&
	{ echo "scripts only: run once, with the release build" >&2; exit 77; }
BIN=$(dirname "$(command -v extract)"); export BIN
mkdir in
# Each input a few messages of the sample, long names so the list is long.
zcat "$TESTDATA/sample.log.gz" | awk -F '\t' -v n=3000 '
	NR == 1 { h = $0; next }
	{ m[++k] = $0 }
	END {
		for (i = 1; i <= n; i++) {
			f = sprintf("in/channel-export-with-a-rather-long-name-%05d.tsv", i)
			print h > f
			for (j = 0; j < 3; j++) print m[(i * 7 + j * 131) % k + 1] > f
			close(f)
		}
	}'
printf '%s\0' in/* >names
set -- in/*
"$TOP/scripts/shard" -j 2 -o out -- "$@" || echo "shard failed"
"$TOP/scripts/shard" -j 2 -o listed --files0-from names || echo "shard --files0-from failed"
cmp out/tally.tsv listed/tally.tsv && cmp out/channels.tsv listed/channels.tsv &&
	echo "--files0-from: the same"
{ extract --all --files0-from names || [ $? -eq 1 ]; } | normalize >one.tsv
tally -g platform,kind --by day -a distinct:key one.tsv | cmp - out/tally.tsv &&
	echo "tally.tsv equal to one pass"
dedupe -k key --count one.tsv | cmp - out/channels.tsv &&
	echo "channels.tsv equal to one pass ($(($(wc -l <out/channels.tsv) - 1)) channels)"
echo "$(tr -cd '\0' <names | wc -c) inputs, $(wc -c <names) bytes of names"
