# Every aggregate: distinct, first/last by time (with the time), min/max
# (numbers by value, before other strings), sum (exact decimals).
s=$TESTDATA/agg/sample.tsv
tally -g platform -a distinct:key,distinct:channel,first:channel,last:key "$s"
echo "--- min, max, sum"
printf 'g\tv\na\t10\na\t9.5\na\t-2\na\t\nb\tx\nb\t3\nb\ty\nc\t0.1\nc\t0.2\nc\t-0.3\n' |
	tally -g g -a min:v,max:v,sum:v --sort group
