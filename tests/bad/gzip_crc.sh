# A gzip file whose CRC does not match its data: every line is written
# (the damage is only found at the end of the member), then "FILE: corrupt
# gzip input (incorrect data check)", exit 2; the next file is still read.
. "$TOP/tests/lib/bad.sh"
crc0() {	# gzip on stdin, its CRC-32 (the trailer's first 4 bytes) zeroed
	cat >z
	n=$(wc -c <z)
	head -c $((n - 8)) z
	printf '\000\000\000\000'
	tail -c 4 z
}
msgs 1 20 | gzip -n | crc0 >crc.txt.gz
msgs 901 902 >after.txt
run extract extract crc.txt.gz after.txt
{ header; rows 1 20; } | gzip -n | crc0 >crc.tsv.gz
{ header; rows 901 902; } >after.tsv
tsv_all "" crc.tsv.gz after.tsv
# On a pipe (zlib, no libdeflate) the same.
run "extract, stdin" sh -c 'extract <crc.txt.gz'
