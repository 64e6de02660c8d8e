# The page's probe section (scripts/report), from a batch run's reports
# and the probe results beside them: per platform the keys by their latest
# check, and per day first seen how many were alive, gone, unknown or not
# checked. Values from the data (a platform holding markup, control bytes,
# right-to-left text) are escaped and isolated; a status probe does not
# write counts as unknown. probe.tsv without alive.tsv is named, status 2,
# the page left as it was. Without probe.tsv the page has no such section.
[ "${CROSSLINK_BUILD:-}" = san ] &&
	{ echo "page test: run once, with the release build" >&2; exit 77; }
bin=$(dirname "$(command -v extract)")
mkdir logs
zcat "$TESTDATA/sample.log.gz" | awk -F '\t' '
	NR == 1 { h = $0; next }
	substr($1, 1, 10) >= "2019-12-02" { f = "logs/" substr($1, 1, 10) ".tsv"; if (!(f in seen)) { print h > f; seen[f] = 1 } print > f }'
MAKEFLAGS= MAKELEVEL= make -s -f "$TOP/scripts/nightly.mk" IN=logs OUT=out BIN="$bin" 2>/dev/null ||
	echo "batch run failed"
section() { sed -n '/<section id="probe">/,/<\/section>/p' out/index.html; }
section | grep -c . 
grep -c 'href="#probe"' out/index.html

# probe.tsv by hand: the first rows of channels.tsv, statuses in turn; one
# key checked twice (the later check, written first, wins); hostile rows.
awk -F '\t' -v OFS='\t' '
	NR == 1 { print $0, "checked_at", "status", "http", "title", "members", "why"; next }
	NR <= 9 { s = NR % 3 == 0 ? "alive" : NR % 3 == 1 ? "gone" : "unknown"; print $0, "2019-12-05T01:00:00Z", s, 200, "", "", "" }
	NR == 2 { print $0, "2019-12-04T01:00:00Z", "alive", 200, "", "", "" }
' out/channels.tsv >out/probe.tsv
awk -F '\t' -v OFS='\t' 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; n = NF; next }
	NR == 2 { $c["platform"] = "<b>x</b>\033\342\200\256evil"; $c["key"] = "k<1>"; $c["checked_at"] = "2019-12-05T02:00:00Z"; $c["status"] = "up"; print; exit }' out/probe.tsv >>out/probe.tsv
cp out/index.html saved.html
"$TOP/scripts/report" out 2>err; echo "probe.tsv alone: status $?"
cat err
cmp -s saved.html out/index.html && echo "page left as it was"
tally --cohort day -g platform --alive-from out/probe.tsv out/channels.tsv >out/alive.tsv 2>err
echo "tally: status $?"; cat err
"$TOP/scripts/report" out 2>/dev/null; echo "report: status $?"
grep -o '<a href="#probe">[^<]*</a>' out/index.html
section
grep -o '<a href="probe.tsv">probe.tsv</a>\|<a href="alive.tsv">alive.tsv</a>' out/index.html
