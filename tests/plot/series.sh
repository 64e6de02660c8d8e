# scripts/plot draws at most -n lines (default 8, 2 to 12), each in its own
# colour: past that the largest platforms by total are kept, the rest summed
# into one grey "other" line; the numbers drawn add up to the input's.
command -v gnuplot >/dev/null || { echo "gnuplot is not installed" >&2; exit 77; }
# 15 platforms over 10 days, p15 the largest, p01 the smallest.
awk 'BEGIN { print "platform\tcohort\tnew"
	for (p = 1; p <= 15; p++) for (d = 20; d <= 29; d++) printf "p%02d\t2019-11-%02d\t%d\n", p, d, p + d % 3 }' >new.tsv
show() {	# what the kept script and data say
	sed -n 1p k/plot.gp
	echo "lines: $(grep -c 'lc rgb' k/plot.gp), colours: $(grep -o 'lc rgb "#[0-9A-F]*"' k/plot.gp | sort -u | wc -l)"
	grep -o "title '.*'" k/plot.gp | tr '\n' ' '; echo
	head -n 1 k/data.tsv
	awk -F '\t' 'NR > 1 { for (i = 3; i <= NF; i++) s += $i } END { print "sum drawn " s }' k/data.tsv
}
awk -F '\t' 'NR > 1 { s += $3 } END { print "sum read " s }' new.tsv
for n in "" "-n 12" "-n 2"; do
	echo "== plot $n"
	rm -rf k; PLOT_KEEP=k "$TOP/scripts/plot" $n new new.tsv x.png && show
done
echo "== 12 platforms, -n 12: no other"
head -n 121 new.tsv >twelve.tsv
rm -rf k; PLOT_KEEP=k "$TOP/scripts/plot" -n 12 new twelve.tsv x.png && show
