# A header without a column the filter needs: one line naming the file and
# the column, exit 2, before any row of it is read. dedupe and tally stop
# there (nothing on stdout); normalize and extract go on to the next file.
. "$TOP/tests/lib/bad.sh"
printf 'link\tkey\n t.me/a\tk\n' >nourl.tsv
{ header; rows 1 1; } >good.tsv
run normalize normalize nourl.tsv good.tsv
run dedupe dedupe -k channel good.tsv
run "dedupe --merge" dedupe --merge good.tsv
run tally tally -g platform good.tsv
run "tally --by day, no time" tally --by day nourl.tsv
printf 'time\tbody\nx\tt.me/chan_0001\n' >notext.tsv
run "extract --format tsv -f text" extract --format tsv -f text notext.tsv
