# zcat | extract, extract FILE.gz and extract < FILE.gz feed the same tally.
# (Outputs go to the case's own folder: testdata is only read.)
log=$TESTDATA/sample.log.gz
zcat "$log" | extract | tally -g platform --by day >a
extract "$log" | tally -g platform --by day >b
extract <"$log" | tally -g platform --by day >c
cmp a b && cmp a c && wc -l <a
