# A gzip file cut short: every line before the damage is written, and the
# line the cut runs through as far as it goes (a TSV filter reports it if
# it has too few fields); then "FILE: truncated gzip input", exit 2. The
# file named after it is still read, whole.
. "$TOP/tests/lib/bad.sh"
msgs 1 400 | gzip -n >m.gz
head -c $(($(wc -c <m.gz) / 2)) m.gz >cut.txt.gz
msgs 901 902 >after.txt
run extract extract cut.txt.gz after.txt
{ header; rows 1 400; } | gzip -n >t.gz
head -c $(($(wc -c <t.gz) / 2)) t.gz >cut.tsv.gz
{ header; rows 901 902; } >after.tsv
tsv_all "" cut.tsv.gz after.tsv
