# --max-record: a line longer than the bound (here 64k, the line 1 MB) is
# read and thrown away, reported with its place ("FILE:LINE: record longer
# than --max-record (65536 bytes), skipped"), counted, and the exit status
# is 2 (extract: 0 with --lenient); the good lines around it are kept with
# their own numbers. Plain and gzip, sifted (extract without -e) or not,
# a line cut by the end of the input, every filter; a CSV record of many
# lines past the bound, and one whose quoted field runs into a long line.
. "$TOP/tests/lib/bad.sh"
long() { head -c 1048576 /dev/zero | tr '\0' "$1"; }
{ msgs 1 3; long a; echo; msgs 5 6; long b; echo ' t.me/in_the_long_line'; msgs 8 8; long c; } >m.txt
gzip -n <m.txt >m.txt.gz
for f in m.txt m.txt.gz; do
	run "extract $f" extract --max-record 64k $f
	run "extract -e $f" extract --max-record 64k -e 'chan_000[0-9]' $f
	run "extract --lenient --stats $f" extract --max-record 64k --lenient --stats $f
done
# a bound above the longest line: nothing skipped
run "extract --max-record 2M" extract --max-record 2M m.txt.gz
run "extract --max-record 2M, plain" extract --max-record 2M m.txt
{ header; rows 1 2; long x; printf '\tk\tt\n'; rows 4 5; long y; } >t.tsv
gzip -n <t.tsv >t.tsv.gz
tsv_all "" --max-record 64k t.tsv
tsv_all " gzip" --max-record 64k t.tsv.gz
run "dedupe --stats" dedupe --max-record 64k --stats t.tsv.gz
run "tally --stats" tally --max-record 64k --stats t.tsv.gz
# CSV: a quoted field over many short lines (40 of 2 kB) passes the bound
# of 64k: that record is skipped, the next one kept, on its own line.
{
	echo 'id,text'
	echo '1,"see t.me/csv_one"'
	printf '2,"'
	i=0
	while [ $i -lt 40 ]; do head -c 2000 /dev/zero | tr '\0' q; echo; i=$((i + 1)); done
	echo '"'
	echo '3,"see t.me/csv_three"'
	# a quoted field open when a line too long comes: ends in it
	printf '4,"open\n'
	long d; echo '"'
	echo '5,"see t.me/csv_five"'
} >c.csv
run "extract csv" extract --max-record 64k c.csv
# A long row within the bound (9 MB, past the 8 MiB a batch copies) is
# kept whole, plain and gzip, and with the sifting thread's hand-over.
{ header; rows 1 2; head -c 9437184 /dev/zero | tr '\0' w; printf '\tk9\tt9\n'; rows 4 5; } >w.tsv
gzip -n <w.tsv >w.tsv.gz
for f in w.tsv w.tsv.gz; do
	dedupe --max-record 16M $f | cmp -s - w.tsv && echo "dedupe $f: every row, the long one whole"
done
{ msgs 1 2; head -c 9437184 /dev/zero | tr '\0' w; echo ' t.me/after_9_mb'; msgs 4 4; } >w.txt
run "extract, a 9 MB line kept" extract --max-record 16M w.txt
# The first line too: it is read in pieces (to tell JSON), and a word of
# 300 kB in it is not held past the bound. Text: skipped, the rest read. A
# TSV header past the bound names no column: the input is not read, the
# next one is.
{ head -c 300000 /dev/zero | tr '\0' 0; echo; msgs 2 3; } >first.txt
gzip -n <first.txt >first.txt.gz
run "extract, a first line of 300 kB" extract --max-record 64k first.txt first.txt.gz
{ printf 'url\tkey\ttime\t'; head -c 300000 /dev/zero | tr '\0' c; echo; rows 1 2; } >h.tsv
{ header; rows 3 3; } >good.tsv
tsv_all ", a header of 300 kB" --max-record 64k h.tsv good.tsv
{ printf 'text\tc\t'; head -c 300000 /dev/zero | tr '\0' c; printf '\nsee t.me/x\ty\n'; } >ht.tsv
run "extract, a header of 300 kB" extract --max-record 64k ht.tsv first.txt
# A first-line word past a piece (1 MiB), gzip: cut at the bound, scanned
# once, and the lines after it all read.
{ head -c 2500000 /dev/zero | tr '\0' 0; echo; msgs 2 3; } | gzip -n >word.gz
run "extract, a first word of 2.5 MB, gzip" extract --max-record 64k word.gz
