# --merge of --count shards equals --count of the whole, byte for byte,
# here with shards cut by day and given in order (files and stdin).
s=$TESTDATA/agg/sample.tsv
head -n 1 "$s" >a.tsv; cp a.tsv b.tsv; cp a.tsv c.tsv
awk 'NR > 1 && NR <= 5' "$s" >>a.tsv
awk 'NR > 5 && NR <= 9' "$s" >>b.tsv
awk 'NR > 9' "$s" >>c.tsv
for f in a b c; do dedupe --count $f.tsv >$f.count; done
dedupe --count "$s" >whole
dedupe --count b.count | dedupe --merge a.count - c.count >merged
cmp whole merged && echo "merge equals whole"
cat merged
