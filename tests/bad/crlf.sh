# CRLF line ends read like LF: the CR before each LF is dropped, so the
# records (and the header's last column name) are the same as from an LF
# file; a CR elsewhere in a line is data, written escaped (\r). Exit 0.
. "$TOP/tests/lib/bad.sh"
{ msgs 1 2; printf 'inner\rCR t.me/chan_0003\n'; } | sed 's/$/\r/' >crlf.txt
run extract extract --text crlf.txt
{ header; rows 1 2; printf 't.me/chan_0003\tt.me/chan_0003\tx\ry\n'; } | sed 's/$/\r/' >crlf.tsv
tsv_all "" crlf.tsv
run "tally -g time" tally -g time crlf.tsv
