# No memory for a long line does not end the process where it happens:
# in dedupe's (as in tally's) TSV batches, and in extract (plain text: the
# sifting thread hands a long line over as it comes, the main thread
# gathers it), the input ends as on a read error. Either way it is
# reported with the file and line ("PROG: stdin:LINE: out of memory (a
# line of N bytes)"), every row read
# before it is written, stdout ends on a whole line, exit 2. The trigger
# is real: ulimit -v (120 MB) below a 200 MB line, with --max-record
# above it. Not under the sanitizers (their shadow memory needs more
# address space than the limit).
[ "${CROSSLINK_BUILD:-}" = san ] && { echo "ulimit -v and the sanitizers do not mix" >&2; exit 77; }
(ulimit -v 120000) 2>/dev/null || { echo "no ulimit -v" >&2; exit 77; }
. "$TOP/tests/lib/bad.sh"
big() { head -c 209715200 /dev/zero; }
check() {	# label: stdout in out, stderr in err, status in $status
	echo "$1: exit $status, $(wc -l <out) lines, ends on a newline: $(
	    [ "$(tail -c 1 out | od -An -c | tr -d ' ')" = '\n' ] && echo yes || echo no)"
	sed 's/of [0-9]* bytes/of N bytes/' err
}
{ msgs 1 3000; big; echo; msgs 5 6; } |
    (ulimit -v 120000; extract --max-record 1G >out 2>err; echo $? >status)
status=$(cat status)
check "extract, sifted"
{ header; rows 1 3000; big; printf '\tk\tt\n'; rows 5 6; } |
    (ulimit -v 120000; dedupe --max-record 1G >out 2>err; echo $? >status)
status=$(cat status)
check "dedupe, batches"
