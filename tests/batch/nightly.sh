# The nightly batch: a first run builds every part and report, a second run
# does nothing, a third after one new log processes only that log, and the
# merged reports equal one pass over all the logs.
bin=$(dirname "$(command -v extract)")
nightly() { MAKEFLAGS= make -f "$TOP/scripts/nightly.mk" IN=logs OUT=reports BIN="$bin" "$@"; }
mkdir logs
# Split the sample into one log per day, gzipped or not, as they arrive.
zcat "$TESTDATA/sample.log.gz" | awk -F '\t' '
	NR == 1 { h = $0; next }
	{ f = "logs/" substr($1, 1, 10) ".tsv"; if (!(f in seen)) { print h > f; seen[f] = 1 } print > f }'
gzip logs/2019-11-2*.tsv
mv logs/2019-12-04.tsv later.tsv

nightly -s -j2 >/dev/null 2>&1 || echo "first run failed"
echo "first run: $(ls reports/parts | grep -c rows) logs"
nightly -q && echo "second run: nothing to do"
mv later.tsv logs/2019-12-04.tsv
echo "third run: $(nightly -j2 2>/dev/null | grep -c 'extract --all') log extracted"

# One pass over everything, the same reports.
extract --all --src-platform telegram logs/* | normalize >all.tsv
tally -g platform --by day -a distinct:key --sort group all.tsv | cmp - reports/channels-per-day.tsv &&
dedupe -k key --count all.tsv | cmp - reports/channels.tsv &&
dedupe -k key --count all.tsv | tally --cohort day --after 1,2,3,7 | cmp - reports/survival.tsv &&
tally -g src_platform,platform --sort group all.tsv | cmp - reports/matrix.tsv &&
dedupe -k channel,key --count all.tsv | cmp - reports/edges.tsv &&
echo "merged reports equal one pass"
grep -c '<edge ' reports/edges.gexf
ls reports | grep -v parts
