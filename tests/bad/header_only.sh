# A TSV file with a header and no rows: normalize and dedupe write their
# header, tally its header (no groups, no rows); extract writes its header
# and exits 1 (no link). Exit 0 otherwise.
. "$TOP/tests/lib/bad.sh"
header >h.tsv
run extract extract h.tsv
printf 'text\n' >t.tsv
run "extract, text column" extract t.tsv
tsv_all "" h.tsv
run "tally -g url" tally -g url h.tsv
