# An empty input (zero bytes) is a table with no columns and no rows, not an
# error: extract writes its header and exits 1 (no link); the TSV filters
# write nothing for it, and read the next file as the first.
. "$TOP/tests/lib/bad.sh"
: >empty
run extract extract empty
run "extract, stdin" sh -c 'extract </dev/null'
tsv_all "" empty
{ header; rows 1 2; } >good.tsv
tsv_all ", then a good file" empty good.tsv
