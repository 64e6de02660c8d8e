# The nightly batch says when the edge list lacks channels (the logs name
# their channel column in a way extract does not know) and how to name it;
# CHANNEL_FIELD names it, and a change of it reads every log again.
bin=$(dirname "$(command -v extract)")
nightly() { MAKEFLAGS='' MAKELEVEL='' make -f "$TOP/scripts/nightly.mk" IN=logs OUT=reports BIN="$bin" "$@"; }
run() {	# the notes on stderr, the logs extracted, the edges in the graph
	nightly "$@" >out 2>err; st=$?
	grep -h '^nightly:\|^edges2gexf:' err
	echo "status $st, $(grep -c 'extract" --all' out) logs extracted, $(grep -c '<edge ' reports/edges.gexf) edges"
}
mkdir logs
printf 'time\tgroup\ttext\n2019-11-29T10:00:00Z\tnews_a\tjoin https://t.me/alpha\n' >logs/a.tsv
printf 'time\tgroup\ttext\n2019-11-30T10:00:00Z\tnews_b\tsee https://t.me/beta and https://t.me/alpha\n' >logs/b.tsv
echo "== no channel column"
run
echo "== again: nothing to do, nothing to say"
run
echo "== CHANNEL_FIELD=group"
run CHANNEL_FIELD=group
cut -f 2,13 reports/edges.tsv
echo "== again"
run CHANNEL_FIELD=group
