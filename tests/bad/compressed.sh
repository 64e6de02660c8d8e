# zstd, xz and bzip2 are known by their magic bytes, never by the name
# (these files have none of the usual suffixes), as a file or on stdin,
# and concatenated frames or streams read as one: every filter gives the
# rows of the plain text.
. "$TOP/tests/lib/bad.sh"
for t in zstd xz bzip2; do command -v $t >/dev/null || { echo "no $t" >&2; exit 77; }; done
msgs 1 3 >a.txt
msgs 4 5 >b.txt
{ header; rows 1 3; } >a.tsv
{ header; rows 4 5; } >b.tsv
for c in "zstd -q" xz bzip2; do
	kind=${c%% *}
	$c -c a.txt >one.$kind.data
	{ $c -c a.txt; $c -c b.txt; } >two.$kind.data
	run "extract, $kind" extract one.$kind.data two.$kind.data
	run "extract, $kind on stdin" extract <two.$kind.data
	# a TSV split across two frames: the second's first line is a row
	{ $c -c a.tsv; rows 4 5 | $c -c; } >t.$kind.data
	tsv_all ", $kind" t.$kind.data
done
