# scripts/plot reads the cohort unit from the cohort labels tally writes
# (2019-11-29, 2019-W48, 2019-11) and titles, labels and ticks the chart by
# it: weeks are ISO weeks drawn on their Mondays, months on their first day.
command -v gnuplot >/dev/null || { echo "gnuplot is not installed" >&2; exit 77; }
extract "$TESTDATA/sample.log.gz" | normalize | dedupe -k key --count >channels.tsv
# Which of the sample's cohorts are too young for an interval is tally's
# to say; the titles' note of them is left out here.
show() {
	grep -e '^set title' -e '^set xlabel' -e '^set key' -e '^# x ticks' k/plot.gp |
		sed 's/\\n(.* left out)//'
	grep '^set xtics add ("[^"]' k/plot.gp | sed 's/^set xtics add (//; s/)$//' | tr '\n' ' '; echo
}
for unit in day week month; do
	echo "== new, $unit"
	tally --cohort $unit -g platform channels.tsv >new.tsv
	rm -rf k; PLOT_KEEP=k "$TOP/scripts/plot" new new.tsv x.png && show
	cut -f 1-3 k/data.tsv | sed -n '1,3p'
	echo "== survival, $unit"
	tally --cohort $unit --after 1,3 channels.tsv >surv.tsv
	rm -rf k; PLOT_KEEP=k "$TOP/scripts/plot" survival surv.tsv x.png && show
done
