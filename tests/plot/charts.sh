# scripts/plot draws PNGs of the given size from tally output, and names a
# missing column.
command -v gnuplot >/dev/null || { echo "gnuplot is not installed" >&2; exit 77; }
png() {	# signature and IHDR width x height of a PNG
	od -An -tx1 -N 8 "$1" | tr -d ' \n'; echo
	od -An -tu1 -j 16 -N 8 "$1" | awk '{ printf "%dx%d\n", $3 * 256 + $4, $7 * 256 + $8 }'
}
extract "$TESTDATA/sample.log.gz" | normalize | dedupe -k key --count >channels.tsv
tally --cohort day -g platform channels.tsv | "$TOP/scripts/plot" new - new.png && png new.png
tally --cohort day --after 1,3 channels.tsv >surv.tsv
"$TOP/scripts/plot" survival surv.tsv surv.png && png surv.png
"$TOP/scripts/plot" new surv.tsv x.png
echo "exit $?"
