# A message of a JSON document that cannot be read, nested deeper than 512
# levels or longer than --max-record, is reported at the line it begins
# on, counted with the other skipped records and skipped alone, held no
# further than the bound: every message after it is still read. Exit 2,
# 0 with --lenient. A JSON Lines line nested too deep costs that line.
. "$TOP/tests/lib/bad.sh"
rep() {	# count string: string repeated count times, no newline
	awk -v n="$1" -v s="$2" 'BEGIN { while (n-- > 0) printf "%s", s }'
}
msg() {	# id text
	printf '{"id": %d, "type": "message", "date_unixtime": "1575021600", "text": "%s"}' "$1" "$2"
}
{
	echo '{"name": "c", "type": "public_channel", "id": 7, "messages": ['
	msg 1 'one t.me/chan_0001'; echo ','
	# brackets and an escaped quote inside strings of the deep part
	printf '{"id": 2, "type": "message", "text": "t.me/deep", "x": '
	rep 600 '[{"a": "]}\\"]} [", "b": '; printf 1; rep 600 '}]'; echo '},'
	msg 3 'three t.me/chan_0003'; echo ','
	printf '{"id": 4, "type": "message", "date_unixtime": "1575021600", "text": "t.me/long '
	rep 200 'lorem ipsum '; echo '"},'
	msg 5 'five t.me/chan_0005'; echo
	echo ']}'
} >export.json
run "extract" extract export.json
run "extract --max-record 1k --stats" extract --max-record 1k --stats export.json
run "extract --max-record 1k --lenient" extract --max-record 1k --lenient export.json
# A message too deep with the file cut inside it: truncated, as any cut.
{ sed -n 1,2p export.json; printf '{"id": 2, "x": '; rep 600 '['; echo; } >cut.json
run "extract, cut inside" extract cut.json
# JSON Lines, and a JSON array of such messages.
{
	echo '{"id": 1, "date": "2019-11-29T10:00:00", "message": "one t.me/chan_0001"}'
	printf '{"id": 2, "message": "t.me/deep", "x": '; rep 600 '['; rep 600 ']'; echo '}'
	echo '{"id": 3, "date": "2019-11-29T10:00:00", "message": "three t.me/chan_0003"}'
} >deep.jsonl
run "extract, JSON Lines" extract deep.jsonl
{ echo '['; sed -n 1p deep.jsonl; echo ','; sed -n 2p deep.jsonl; echo ','; sed -n 3p deep.jsonl; echo ']'; } >array.json
run "extract, array" extract --format jsonl array.json
