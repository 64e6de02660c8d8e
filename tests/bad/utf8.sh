# Invalid UTF-8 (a stray continuation byte, an overlong "/", a cut
# sequence, 0xff) is not an error: filters work on bytes. extract finds the
# links next to it, and a byte that is not part of a link ends the link;
# TSV filters pass such bytes through unchanged. Exit 0.
. "$TOP/tests/lib/bad.sh"
{ msgs 1 1; printf 'bad \200 t.me/chan_0002\377 t.me/chan\300\257x \342\202 t.me/chan_0004\n'; msgs 5 5; } >u.txt
run extract extract --text u.txt
{ header; rows 1 1; printf 't.me/chan_0002\tt.me/ch\377an\342\202\tti\377me\n'; rows 3 3; } >u.tsv
tsv_all "" u.tsv
