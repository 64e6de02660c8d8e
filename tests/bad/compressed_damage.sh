# Damaged zstd, xz and bzip2: every line before the damage is written
# (bzip2 decodes 900 kB blocks whole, so the lines of a damaged block are
# lost with it), then "FILE: truncated NAME input", "FILE: corrupt NAME
# input (what)" or, bzip2, "trailing garbage after bzip2 data", exit 2; the
# file named after it is still read.
. "$TOP/tests/lib/bad.sh"
for t in zstd xz bzip2; do command -v $t >/dev/null || { echo "no $t" >&2; exit 77; }; done
msgs 1 20000 >m.txt
msgs 901 902 >after.txt
for c in "zstd -q" xz bzip2; do
	kind=${c%% *}
	$c -c m.txt >m.$kind
	head -c $(($(wc -c <m.$kind) / 2)) m.$kind >cut.$kind
	run "extract, $kind cut" extract cut.$kind after.txt
	{ cat m.$kind; echo not compressed; } >tail.$kind
	run "extract, $kind with a tail" extract tail.$kind after.txt
	# a byte changed near the end: the check at the end fails
	cp m.$kind bad.$kind
	printf 'Z' | dd of=bad.$kind bs=1 seek=$(($(wc -c <m.$kind) - 12)) conv=notrunc 2>/dev/null
	run "extract, $kind corrupt" extract bad.$kind after.txt
done
{ header; rows 1 400; } | zstd -q -c >t.zst
head -c $(($(wc -c <t.zst) / 2)) t.zst >cut.tsv.zst
{ header; rows 901 902; } >after.tsv
tsv_all "" cut.tsv.zst after.tsv
