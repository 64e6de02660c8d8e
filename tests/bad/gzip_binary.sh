# gzip holding binary data (here, gzip data gzipped again): it is read as
# lines like any text, so extract finds no link in it (exit 1 alone) and
# writes the links of the other files; a TSV filter sees a header that is
# not one (an empty or missing column name) and says so, exit 2, and
# still reads the next file.
. "$TOP/tests/lib/bad.sh"
msgs 1 50 | gzip -n | gzip -n >bin.gz
run "extract, alone" extract bin.gz
msgs 901 902 >after.txt
run extract extract bin.gz after.txt
{ header; rows 901 902; } >after.tsv
tsv_all "" bin.gz after.tsv
