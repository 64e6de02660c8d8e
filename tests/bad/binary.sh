# Binary input that is none of gzip, zstd, xz or bzip2 (a NUL byte in a
# first block that is not UTF-8: a PNG, a zip) is skipped with "FILE:
# binary input (not gzip, zstd, xz or bzip2): skipped", exit 2, and the
# other files are still read. A text with a stray NUL is text (nul.sh).
. "$TOP/tests/lib/bad.sh"
printf '\211PNG\r\n\032\n\000\000\000\rIHDR\000\000\000\001t.me/chan_0001\n' >image
printf 'PK\003\004\024\000\000\000\010\000\252\301t.me/chan_0002\n' >archive
msgs 901 902 >after.txt
run extract extract image archive after.txt
run "extract on stdin" extract <image
{ header; rows 901 902; } >after.tsv
tsv_all "" image after.tsv
