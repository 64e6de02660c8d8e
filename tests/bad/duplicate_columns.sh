# A header naming a column twice (or an empty name): "FILE:1: duplicate
# column name", exit 2; the file is not read, the next one is.
. "$TOP/tests/lib/bad.sh"
printf 'url\tkey\turl\nt.me/a\tk\tt.me/b\n' >dup.tsv
printf 'url\t\tkey\nt.me/a\tx\tk\n' >emptyname.tsv
{ header; rows 1 1; } >good.tsv
tsv_all "" dup.tsv good.tsv
tsv_all ", empty name" emptyname.tsv good.tsv
printf 'time\ttext\ttext\nx\tt.me/chan_0001\ty\n' >dup_text.tsv
msgs 1 1 >good.txt
run extract extract dup_text.tsv good.txt
