# scripts/plot survival: an empty after_N cell (a cohort too young to know)
# is left out, never drawn as 0, and a cohort with no cell known is left
# out and counted in the title; the cohorts past -n are pooled into
# "other" over the cohorts that know each N; x ticks fall on whole days.
command -v gnuplot >/dev/null || { echo "gnuplot is not installed" >&2; exit 77; }
show() {
	sed -n 1p k/plot.gp
	grep -e '^set title' -e '^set xtics' k/plot.gp
	grep -o "title '.*'" k/plot.gp | tr '\n' ' '; echo
	grep -v '^$' k/data.tsv | tr '\n' ' '; echo
}
printf 'cohort\tnew\tafter_1\tafter_3\n' >surv.tsv
printf '2019-11-29\t10\t5\t2\n2019-11-30\t4\t2\t1\n2019-12-01\t6\t3\t\n2019-12-02\t8\t0\t\n2019-12-03\t2\t\t\n' >>surv.tsv
echo "== empty cells"
rm -rf k; PLOT_KEEP=k "$TOP/scripts/plot" survival surv.tsv x.png && show
echo "== -n 3: two cohorts and other, each N over the cohorts that know it"
rm -rf k; PLOT_KEEP=k "$TOP/scripts/plot" -n 3 survival surv.tsv x.png && show
echo "== 20 intervals: a tick every 2 days"
extract "$TESTDATA/sample.log.gz" | normalize | dedupe -k key --count |
	tally --cohort day --after 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20 >long.tsv
rm -rf k; PLOT_KEEP=k "$TOP/scripts/plot" survival long.tsv x.png && grep '^set x' k/plot.gp
echo "== every cell empty"
printf 'cohort\tnew\tafter_1\n2019-12-03\t2\t\n' | "$TOP/scripts/plot" survival - x.png 2>&1
echo "exit $?"
