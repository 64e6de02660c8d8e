# Shared by tests/bad/*.sh (sourced): run a filter on a bad input and show
# its stdout, stderr and exit status, each labelled, so one golden holds
# all three. Long output is shown as its first and last 4 lines and a
# count of those between (the goldens stay small; the count still checks
# that nothing was lost).
#	run LABEL COMMAND...
run() {
	label=$1
	shift
	"$@" >run.out 2>run.err
	echo "== $label: exit $?"
	cat run.out >>all.out
	n=$(wc -l <run.out)
	if [ "$n" -le 12 ]; then
		sed 's/^/out: /' run.out
	else
		head -n 4 run.out | sed 's/^/out: /'
		echo "out: ... $((n - 8)) more lines ..."
		tail -n 4 run.out | sed 's/^/out: /'
	fi
	sed 's/^/err: /' run.err
}

# Good rows for the TSV filters (url key time), numbered first..last.
header() { printf 'url\tkey\ttime\n'; }
rows() {
	i=$1
	while [ "$i" -le "$2" ]; do
		printf 't.me/chan_%04d\tt.me/chan_%04d\t2019-11-29T10:%02d:00Z\n' \
		    "$i" "$i" $((i % 60))
		i=$((i + 1))
	done
}
# Good messages for extract, numbered first..last.
msgs() {
	i=$1
	while [ "$i" -le "$2" ]; do
		printf 'message %d t.me/chan_%04d\n' "$i" "$i"
		i=$((i + 1))
	done
}
# Every filter on the same TSV files: the rows of all, their keys, a count.
tsv_all() {	# label-suffix file...
	sfx=$1
	shift
	run "normalize$sfx" normalize "$@"
	run "dedupe$sfx" dedupe "$@"
	run "tally$sfx" tally -a distinct:key "$@"
}
