# Group columns then count, by count descending, then by group; no -g is
# one total.
s=$TESTDATA/agg/sample.tsv
tally -g platform,kind "$s"
echo "---"
tally "$s"
