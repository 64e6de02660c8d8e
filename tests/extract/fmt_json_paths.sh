# --json-* paths read other shapes (here Matrix events); --json-links takes
# a comma list; a malformed path is an error before any data is read.
printf '%s\n' \
 '{"room_id":"!room:x.org","origin_server_ts":1709410507123,"content":{"body":"see here","formatted_body":"see <a href=\"https://t.me/matrix_hidden\">here</a>","url":"https://t.me/matrix_media"}}' \
 '{"room_id":"!room:x.org","origin_server_ts":1709410508000,"content":{"body":["t.me/part_one","t.me/part_two"]}}' >m.jsonl
extract --json-text content.body,content.body[] --json-time origin_server_ts \
	--json-channel room_id --json-links content.formatted_body,content.url m.jsonl
extract --json-text 'content..body' m.jsonl
