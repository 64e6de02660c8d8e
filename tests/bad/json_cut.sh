# A JSON line cut in half: JSON Lines resynchronise at the next line, so
# the cut record is reported (FILE:LINE: what) and skipped, every record
# before and after it is written, and "FILE: 1 record skipped", exit 2
# (0 with --lenient). A JSON document (an export) cut in half cannot be
# resynchronised: what came before is written, then exit 2.
. "$TOP/tests/lib/bad.sh"
{
	echo '{"id": 1, "date": "2019-11-29T10:00:00", "message": "one t.me/chan_0001"}'
	echo '{"id": 2, "date": "2019-11-29T10:00:00", "message": "two t.me/cha'
	echo '{"id": 3, "date": "2019-11-29T10:00:00", "message": "three t.me/chan_0003"}'
} >cut.jsonl
run extract extract cut.jsonl
run "extract --lenient" extract --lenient cut.jsonl
{
	echo '{"name": "c", "type": "public_channel", "id": 7, "messages": ['
	echo ' {"id": 1, "type": "message", "date": "2019-11-29T10:00:00", "text": "one t.me/chan_0001"},'
	echo ' {"id": 2, "type": "message", "date": "2019-11-29T10:00:00", "text": "two t.me/chan_00'
} >cut.json
run "extract, export" extract cut.json
