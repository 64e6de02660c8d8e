# scripts/plot puts its x ticks on calendar boundaries fit for the span:
# days for ten days, Mondays (days between as minor ticks) for three
# months, months for 18 months of days, each label once, the year on the
# first and where it changes; a day with no row is drawn as 0, not skipped.
command -v gnuplot >/dev/null || { echo "gnuplot is not installed" >&2; exit 77; }
# dedupe --count rows of 16 platforms, every day from 2019-01-01 to
# 2020-06-30 but 2019-01-05, tallied as the nightly batch does.
awk 'BEGIN {
	print "key\tplatform\tcount\tfirst_time\tlast_time"
	split("31 28 31 30 31 30 31 31 30 31 30 31", md, " ")
	for (y = 2019; y <= 2020; y++) for (m = 1; m <= (y == 2020 ? 6 : 12); m++)
		for (d = 1; d <= md[m] + (y == 2020 && m == 2); d++) {
			if (y == 2019 && m == 1 && d == 5) continue
			t = sprintf("%d-%02d-%02dT12:00:00Z", y, m, d)
			for (p = 1; p <= 16; p++) for (k = 0; k < 1 + (d + p) % 3; k++)
				printf "k%d\tp%02d\t1\t%s\t%s\n", ++n, p, t, t
		}
}' >keys.tsv
tally --cohort day -g platform keys.tsv >days.tsv
ticks() {	# the tick unit, the labelled ticks and the number of minor ones
	grep '^# x ticks' k/plot.gp
	grep '^set xrange' k/plot.gp
	grep '^set xtics add ("[^"]' k/plot.gp | sed 's/^set xtics add (//; s/)$//' | tr '\n' ' '; echo
	echo "minor: $(grep -c '^set xtics add ("" ' k/plot.gp)"
}
echo "== 18 months"
rm -rf k; PLOT_KEEP=k "$TOP/scripts/plot" new days.tsv x.png && ticks
echo "== 10 days"
awk -F '\t' 'NR == 1 || $2 <= "2019-01-10"' days.tsv >short.tsv
rm -rf k; PLOT_KEEP=k "$TOP/scripts/plot" new short.tsv x.png && ticks
awk -F '\t' 'NR <= 7 { print $1, $2, $3, $4 }' k/data.tsv
echo "== 3 months"
awk -F '\t' 'NR == 1 || $2 <= "2019-03-31"' days.tsv >months.tsv
rm -rf k; PLOT_KEEP=k "$TOP/scripts/plot" new months.tsv x.png && ticks
