# A line of 192 MB of zeros in a gzip of well under 1 MB, skipped with
# --max-record 16M: max RSS stays under 64 MB for every filter (the
# line's bytes are thrown away as they come, never held), and the good
# records around it are kept. Not under the sanitizers (their shadow
# memory is no measure); skipped without /usr/bin/time.
[ -x /usr/bin/time ] || { echo "no /usr/bin/time: sh scripts/deps installs time" >&2; exit 77; }
[ "${CROSSLINK_BUILD:-}" = san ] && { echo "max RSS is not measured under the sanitizers" >&2; exit 77; }
. "$TOP/tests/lib/bad.sh"
# 12 gzip members of 16 MiB of zeros each: one line, quick to make.
head -c 16777216 /dev/zero | gzip -1 -n >z.gz
zeros() { for i in 1 2 3 4 5 6 7 8 9 10 11 12; do cat z.gz; done; }
{ msgs 1 2 | gzip -n; zeros; { echo; msgs 4 5; } | gzip -n; } >m.gz
{ { header; rows 1 2; } | gzip -n; zeros; { echo; rows 4 5; } | gzip -n; } >t.gz
measure() {	# label file command...
	label=$1
	shift
	/usr/bin/time -f '%M' -o rss "$@" --max-record 16M >out 2>err
	status=$?
	kb=$(tail -n 1 rss)
	[ "$kb" -lt 65536 ] && under=yes || under="no ($kb KB)"
	echo "$label: exit $status, $(($(wc -l <out) - 1)) records, max RSS under 64 MB: $under"
	cat err
	echo "max_record_memory: $label: 192 MB line skipped, max RSS $kb KB" >>"${CROSSLINK_REPORT:-/dev/null}"
}
measure extract extract m.gz
measure normalize normalize t.gz
measure dedupe dedupe t.gz
measure tally tally -a distinct:key t.gz
