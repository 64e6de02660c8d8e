# scripts/plot refuses bad input by name and line, exit 2, drawing nothing.
command -v gnuplot >/dev/null || { echo "gnuplot is not installed" >&2; exit 77; }
plot() { "$TOP/scripts/plot" "$@" 2>&1; echo "exit $?"; }
printf 'platform\tcohort\tnew\nt\t2019-11-29\t1\n' >ok.tsv
plot new ok.tsv
plot -n 13 new ok.tsv x.png
plot -n x new ok.tsv x.png
plot bars ok.tsv x.png
plot new missing.tsv x.png
plot new ok.tsv no/such/folder/x.png
plot survival ok.tsv x.png
printf 'platform\tday\tnew\n' | plot new - x.png
: | plot new - x.png
printf 'platform\tcohort\tnew\n' | plot new - x.png
printf 'platform\tcohort\tnew\nt\t2019-11-29\t1\nt\t2019-W48\t2\n' | plot new - x.png
printf 'platform\tcohort\tnew\nt\t2019-11-31\t1\n' | plot new - x.png
printf 'platform\tcohort\tnew\nt\t2019-W54\t1\n' | plot new - x.png
printf 'platform\tcohort\tnew\nt\t2019-11-29\tmany\n' | plot new - x.png
printf 'platform\tcohort\tnew\nt\t2019-11-29\n' | plot new - x.png
printf 'platform\tcohort\tnew\nt\tall\t3\n' | plot new - x.png
printf 'cohort\tnew\tafter_1\n2019-11-29\t3\t-1\n' | plot survival - x.png
printf 'cohort\tnew\n2019-11-29\t3\n' | plot survival - x.png
ls
