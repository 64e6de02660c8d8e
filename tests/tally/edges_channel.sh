# scripts/edges2gexf says on stderr how many rows had no channel (and how
# to supply one) instead of dropping them silently; the edges left make
# the graph and the exit is 0, even when none is left (an empty graph).
gexf() {	# args: the note on stderr, the exit status, the edges written
	"$TOP/scripts/edges2gexf" "$@" >g.gexf 2>err; st=$?
	cat err; echo "exit $st, $(grep -c '<edge ' g.gexf) edges"
}
# A log whose channel column is called "group": extract finds none.
printf 'time\tgroup\ttext\n' >log.tsv
printf '2019-11-29T10:00:00Z\tnews_a\tjoin https://t.me/alpha\n' >>log.tsv
printf '2019-11-29T11:00:00Z\tnews_b\tsee https://t.me/beta and https://t.me/alpha\n' >>log.tsv
extract log.tsv | normalize | dedupe -k channel,key --count >none.tsv
echo "== no channel column"
gexf none.tsv
if command -v xmllint >/dev/null; then xmllint --noout g.gexf && echo "well-formed"; else echo "well-formed"; fi
echo "== named with extract --channel-field"
extract --channel-field group log.tsv | normalize | dedupe -k channel,key --count >named.tsv
gexf named.tsv
echo "== given with extract --channel"
extract --channel news log.tsv | normalize | dedupe -k channel,key --count | gexf
echo "== a DiscordChatExporter CSV: its folder"
extract "$TESTDATA/formats/dce/feed-news/3.csv" | normalize | dedupe -k channel,key --count | gexf
echo "== some rows without, from stdin"
{ cat named.tsv; tail -n +2 none.tsv; } | gexf
echo "== -q"
gexf -q none.tsv
echo "== another source column"
gexf -s forward_from named.tsv
echo "== a file named like an awk assignment"
cp named.tsv 'a=b.tsv'
gexf 'a=b.tsv'
echo "== errors"
gexf missing.tsv
gexf -s nowhere named.tsv
gexf a b
