# The edge list (channel -> link key, with count and first/last time) and
# scripts/edges2gexf turning it into GEXF that Gephi opens; checked as XML
# when xmllint is present.
s=$TESTDATA/agg/sample.tsv
dedupe -k channel,key --count "$s" | cut -f 2,6- >edges.tsv
cat edges.tsv
"$TOP/scripts/edges2gexf" edges.tsv >g.gexf
cat g.gexf
if command -v xmllint >/dev/null; then xmllint --noout g.gexf && echo "well-formed"; else echo "well-formed"; fi
