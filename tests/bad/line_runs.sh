# Rows read as runs of whole lines: lines of every length across many
# read blocks, one longer than --max-record in the middle (skipped,
# reported with its line, counted), a row of the wrong width, a CRLF
# row, the header met again and a last line without a newline; from a
# file, stdin and gzip alike: the same records, line numbers and counts.
# The records are long: shown by their count and checksum only.
. "$TOP/tests/lib/bad.sh"
sums() {	# label command...
	label=$1
	shift
	"$@" >run.out 2>run.err
	echo "== $label: exit $?"
	echo "out: $(wc -l <run.out) lines, cksum $(cksum <run.out)"
	sed 's/^/err: /' run.err
}
awk 'BEGIN {
	printf "key\tpad\ttime\n"
	for (i = 1; i <= 3000; i++) {
		n = i == 1500 ? 5000 : (i * 37) % 900
		pad = sprintf("%*s", n, ""); gsub(/ /, "x", pad)
		if (i == 700)
			printf "k%d\t%s\n", i % 500, pad
		else if (i == 2000)
			printf "key\tpad\ttime\n"
		else if (i == 1200)
			printf "k%d\t%s\t2019-11-29T10:00:00Z\r\n", i % 500, pad
		else if (i == 3000)
			printf "k%d\t%s\t2019-11-29T10:00:00Z", i % 500, pad
		else
			printf "k%d\t%s\t2019-11-29T10:%02d:00Z\n", i % 500, pad, i % 60
	}
}' >runs.tsv
gzip -c runs.tsv >runs.tsv.gz
for f in runs.tsv runs.tsv.gz; do
	sums "dedupe $f" dedupe -k key --max-record 2000 --stats "$f"
	sums "dedupe --count $f" dedupe -k key --count --max-record 2000 "$f"
	sums "tally $f" tally -g key --max-record 2000 "$f"
done
sums "dedupe stdin" dedupe -k pad,key --max-record 2000 <runs.tsv
sums "tally stdin" tally -g time,key --max-record 2000 <runs.tsv
sums "tally -g pad,time" tally -g pad,time --max-record 2000 runs.tsv
sums "tally -g key,pad stdin" tally -g key,pad --max-record 2000 <runs.tsv
