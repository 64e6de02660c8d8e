# The nightly batch with PROBE=1, with a stand-in for probe (no network):
# only the night's new keys are probed, with --skip-checked on the results
# so far; probe.tsv accumulates the nights, probe-night.tsv holds the last
# night's, alive.tsv joins them onto the day cohorts; a second run asks
# nothing; probe's status 2 with unknown keys does not fail the night, a
# usage error (status 2, no output) or any other status does, and leaves
# probe.tsv as it was; no log is changed.
# Eight batch runs: the wiring is tested once, with the release build.
[ "${CROSSLINK_BUILD:-}" = san ] &&
	{ echo "batch wiring test: run once, with the release build" >&2; exit 77; }
bin=$(dirname "$(command -v extract)")
mkdir fake
# The stand-in: logs its arguments and the keys it is given, skips those
# the --skip-checked file names, and answers by platform: telegram alive,
# discord gone, the others unknown (status 2). FAKE_FAIL=usage: what a usage
# error does (a message, no output, status 2); FAKE_FAIL=3: status 3.
cat >fake/probe <<'EOS'
#!/bin/sh
printf 'args:' >>"$FAKE_LOG"; printf ' %s' "$@" >>"$FAKE_LOG"; echo >>"$FAKE_LOG"
case ${FAKE_FAIL:-} in
usage) echo "probe: unknown option --x" >&2; exit 2 ;;
3) echo "probe: something else" >&2; exit 3 ;;
esac
skip=/dev/null
while [ $# -gt 0 ]; do
	case $1 in
	--skip-checked) skip=$2; shift 2 ;;
	--rate|--max|--fresh|--endpoint) shift 2 ;;
	--) shift; break ;;
	*) break ;;
	esac
done
awk -F '\t' -v OFS='\t' -v now="$FAKE_NOW" -v lf="$FAKE_LOG" '
FNR == 1 { for (i = 1; i <= NF; i++) col[FILENAME, $i] = i }
FILENAME == ARGV[1] { if (FNR > 1) done[$col[FILENAME, "key"]] = 1; next }
FNR == 1 { print $0, "checked_at", "status", "http", "title", "members", "why"; next }
{
	k = $col[FILENAME, "key"]; p = $col[FILENAME, "platform"]
	if (k in done) next
	print "key: " k >>lf
	if (p == "telegram") print $0, now, "alive", 200, "T " k, 7, ""
	else if (p == "discord") print $0, now, "gone", 404, "", "", ""
	else { print $0, now, "unknown", "", "", "", "no markers for " p; u = 1 }
}
END { exit u ? 2 : 0 }' "$skip" "$1"
EOS
chmod +x fake/probe
export FAKE_LOG=$PWD/probe.log
nightly() {
	MAKEFLAGS= MAKELEVEL= make -s -f "$TOP/scripts/nightly.mk" IN=logs OUT=reports \
	    BIN="$bin" PROBE_BIN="$PWD/fake/probe" "$@"
}
sums() { find -L logs -type f -exec cksum {} + | LC_ALL=C sort; }
# The keys of rows: platform and key, sorted.
keys() { awk -F '\t' 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next } { print $c["platform"], $c["key"] }' "$1" | LC_ALL=C sort; }
# What one pass gives: channels.tsv rows first seen on DAY.
new_on() { awk -F '\t' -v d="$1" 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; print; next } substr($c["first_time"], 1, 10) == d' reports/channels.tsv; }

mkdir logs
zcat "$TESTDATA/sample.log.gz" | awk -F '\t' '
	NR == 1 { h = $0; next }
	{ f = "logs/" substr($1, 1, 10) ".tsv"; if (!(f in seen)) { print h > f; seen[f] = 1 } print > f }'
# Four days are enough (and keep the run short): 2019-11-30 to 12-02 now,
# 12-03 and 12-04 later.
rm logs/2019-11-2*
mv logs/2019-12-03.tsv logs/2019-12-04.tsv .
before=$(sums)

echo "== night 1 (logs to 2019-12-02)"
FAKE_NOW=2019-12-03T01:00:00Z nightly PROBE=1 2>err; echo "status $?"
cat err
grep '^args' probe.log | sed "s|$PWD/||g"
grep -c '^key: ' probe.log
new_on 2019-12-02 >expect.tsv
keys expect.tsv >want; grep '^key: ' probe.log | cut -c 6- | LC_ALL=C sort >got
awk '{ print $2 }' want | LC_ALL=C sort | cmp -s - got && echo "probed: the keys first seen on 2019-12-02"
keys reports/probe.tsv | cmp -s - want && echo "probe.tsv: those keys"
cmp -s reports/probe.tsv reports/probe-night.tsv && echo "probe-night.tsv: the same"
tally --cohort day -g platform --alive-from reports/probe.tsv reports/channels.tsv |
	cmp -s - reports/alive.tsv && echo "alive.tsv: tally --cohort day -g platform --alive-from probe.tsv"
tail -n 3 reports/alive.tsv

echo "== a second run asks nothing"
: >probe.log
FAKE_NOW=2019-12-03T02:00:00Z nightly PROBE=1 2>err; echo "status $?"
cat err; wc -l <probe.log

echo "== night 2 (a log of 2019-12-03 comes), PROBE_DAYS=2, flags"
mv 2019-12-03.tsv logs/
before=$(sums)
: >probe.log
cp reports/probe.tsv night1.tsv
FAKE_NOW=2019-12-04T01:00:00Z nightly PROBE=1 PROBE_DAYS=2 PROBE_FLAGS='--rate 4 --max 500' 2>err
echo "status $?"
cat err
grep '^args' probe.log | sed "s|$PWD/||g"
{ new_on 2019-12-02; new_on 2019-12-03 | tail -n +2; } >expect.tsv
keys expect.tsv | awk '{ print $2 }' | LC_ALL=C sort >want
keys night1.tsv | awk '{ print $2 }' | LC_ALL=C sort >skipped
grep '^key: ' probe.log | cut -c 6- | LC_ALL=C sort >got
LC_ALL=C comm -23 want skipped | cmp -s - got &&
	echo "probed: the keys of 2019-12-02 and -03 but those probe.tsv had"
{ cat night1.tsv; tail -n +2 reports/probe-night.tsv; } | cmp -s - reports/probe.tsv &&
	echo "probe.tsv: night 1's rows, then night 2's"
tally --cohort day -g platform --alive-from reports/probe.tsv reports/channels.tsv |
	cmp -s - reports/alive.tsv && echo "alive.tsv: joined again"

echo "== probe fails: the night fails, probe.tsv as it was"
mv 2019-12-04.tsv logs/
before=$(sums)
cp reports/probe.tsv kept.tsv
for f in usage 3; do
	FAKE_FAIL=$f FAKE_NOW=2019-12-05T01:00:00Z nightly PROBE=1 2>err; echo "FAKE_FAIL=$f: status $?"
	grep '^nightly:' err
	cmp -s kept.tsv reports/probe.tsv && echo "probe.tsv unchanged"
	ls reports | grep -c 'tmp\|keys' 
done
echo "== bad PROBE_DAYS"
nightly PROBE=1 PROBE_DAYS=x 2>err; echo "status $?"; grep '^nightly:' err

echo "== without PROBE, probe.tsv is still joined on; clean keeps it"
: >probe.log
nightly 2>err; echo "status $?"; cat err; wc -l <probe.log
tally --cohort day -g platform --alive-from reports/probe.tsv reports/channels.tsv |
	cmp -s - reports/alive.tsv && echo "alive.tsv: joined on the new channels.tsv"
nightly clean
ls reports
[ "$before" = "$(sums)" ] && echo "logs unchanged"
