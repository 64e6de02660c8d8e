# NUL bytes in a line are bytes like any other: extract still finds the
# links around them and writes a NUL in a field as \x00; a TSV filter
# passes a raw NUL through escaped (\x00), never raw. Exit 0.
. "$TOP/tests/lib/bad.sh"
{ msgs 1 1; printf 'message 2 \000 t.me/chan_0002\000t.me/chan_0003\n'; msgs 4 4; } >nul.txt
run extract extract --text nul.txt
{ header; rows 1 1; printf 't.me/chan_0002\tt.me/x\000y\tti\000me\n'; rows 3 3; } >nul.tsv
tsv_all "" nul.tsv
