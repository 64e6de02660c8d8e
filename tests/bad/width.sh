# Rows with too few or too many fields: each is reported with its place,
# "PROG: FILE:LINE: N fields, header has M", and skipped; every good row
# before and after it is written; exit 2 at the end. extract (reading TSV)
# says "FILE: N records skipped" too, and with --lenient exits 0.
. "$TOP/tests/lib/bad.sh"
{ header; rows 1 2; printf 't.me/chan_0003\tt.me/chan_0003\n'; rows 4 4;
  printf 't.me/chan_0005\tt.me/chan_0005\tx\textra\n'; rows 6 6; } >w.tsv
tsv_all "" w.tsv
{ printf 'time\ttext\n'; printf 'x\tm1 t.me/chan_0001\n'; printf 'm2 t.me/chan_0002\n';
  printf 'x\tm3 t.me/chan_0003\ty\n'; printf 'x\tm4 t.me/chan_0004\n'; } >m.tsv
run extract extract m.tsv
run "extract --lenient" extract --lenient m.tsv
