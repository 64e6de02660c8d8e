# A header of 150,000 columns (a broken or hostile input) is read in
# linear time by every filter: names are checked for duplicates in a hash
# set, not against every earlier name, which took over 30 s a filter. Each
# run is under a timeout far above the time it takes (also under ASan).
. "$TOP/tests/lib/bad.sh"
awk 'BEGIN {
	printf "url\tkey\ttime\ttext"
	for (i = 1; i <= 150000; i++) printf "\tc%d", i
	printf "\nt.me/chan_0001\tt.me/chan_0001\t2019-11-29T10:00:00Z\tsee t.me/chan_0001"
	for (i = 1; i <= 150000; i++) printf "\t%d", i % 7
	printf "\n"
}' >wide.tsv
# The exit status, the header's width and a piece of the row.
show() {	# label command...
	label=$1
	shift
	timeout 20 "$@" >out 2>err
	echo "== $label: exit $?"
	echo "columns: $(head -n 1 out | tr '\t' '\n' | wc -l)"
	tail -n +2 out | cut -f 1-4 | sed 's/^/out: /'
	sed 's/^/err: /' err
}
show normalize normalize wide.tsv
show dedupe dedupe -k key --count wide.tsv
show tally tally -g c150000 -a distinct:key wide.tsv
show "extract, --keep" extract --keep c7 wide.tsv
# A duplicate far along is still found.
awk 'BEGIN { for (i = 1; i <= 150000; i++) printf "c%d\t", i; print "c1" }' >dup.tsv
show "tally, duplicate" tally dup.tsv
