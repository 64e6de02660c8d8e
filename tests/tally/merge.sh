# --merge of shard tallies equals the tally of the whole; distinct merges
# exactly through --partial, which carries each group's values.
s=$TESTDATA/agg/sample.tsv
head -n 1 "$s" >a.tsv; cp a.tsv b.tsv
awk 'NR > 1 && NR <= 7' "$s" >>a.tsv
awk 'NR > 7' "$s" >>b.tsv
agg=distinct:key,first:channel,last:channel,min:time,max:time
tally -g platform -a $agg "$s" >whole
tally -g platform -a $agg --partial a.tsv >a.part
tally -g platform -a $agg --partial b.tsv >b.part
tally --merge a.part b.part >merged
cmp whole merged && echo "merge equals whole"
cat a.part
echo "--- roll up: merge by a subset of the groups"
tally -g platform,kind a.tsv >a.t; tally -g platform,kind b.tsv >b.t
tally --merge -g kind a.t b.t
