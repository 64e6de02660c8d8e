# zcat | extract, extract FILE.gz and extract < FILE.gz feed the same tally.
cd "$TESTDATA" || exit 2
zcat sample.log.gz | extract | tally -g platform --by day >a
extract sample.log.gz | tally -g platform --by day >b
extract <sample.log.gz | tally -g platform --by day >c
cmp a b && cmp a c && wc -l <a
