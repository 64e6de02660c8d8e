# tally --cohort --alive-from on probe output that is not sound. A file
# that cannot be read, or lacks key, status or checked_at, stops tally
# before any row of the cohort input is read (exit 2, nothing on stdout).
# A row whose status is not alive, gone or unknown, or whose checked_at is
# no time, is named with its place and skipped (never counted as unknown):
# the cohorts are written without it and the exit status is 2. Bytes from
# the data in a message are escaped.
. "$TOP/tests/lib/bad.sh"
P=$TESTDATA/probe
printf 'key\tcount\tfirst_time\tlast_time\n' >keys.tsv
printf 't.me/+AbC\t1\t2019-11-29T10:00:00Z\t2019-11-29T10:00:00Z\n' >>keys.tsv
printf 't.me/durov\t1\t2019-11-29T10:00:00Z\t2019-11-29T10:00:00Z\n' >>keys.tsv
printf 't.me/+Q9\t1\t2019-11-30T10:00:00Z\t2019-11-30T10:00:00Z\n' >>keys.tsv
cp "$P/join_nostatus.tsv" nostatus.tsv
cp "$P/join_bad.tsv" bad.tsv
run "no status column" tally --cohort day --alive-from nostatus.tsv keys.tsv
run "unreadable" tally --cohort day --alive-from absent.tsv keys.tsv
: >empty.tsv
run "empty" tally --cohort day --alive-from empty.tsv keys.tsv
run "bad rows" tally --cohort day --alive-from bad.tsv keys.tsv
printf 'key\tchecked_at\tstatus\nt.me/+Q9\t2019-12-04T01:00:00Z\t\033[2Jalive\n' >esc.tsv
run "escape in status" tally --cohort day --alive-from esc.tsv keys.tsv
cut -f 2- keys.tsv >nokey.tsv
run "cohort input without key" tally --cohort day --alive-from bad.tsv nokey.tsv
run "standard input" tally --cohort day --alive-from - keys.tsv
run "without --cohort" tally -g key --alive-from bad.tsv keys.tsv
