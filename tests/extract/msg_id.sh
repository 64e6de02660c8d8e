# msg_id: every record leads back to its message, whatever the input calls
# its id: Telegram Desktop, Telethon, Pyrogram and Discord "id", Bot API
# "message_id", Slack "ts", a TGDataset message's member name, a CSV
# column msg_id/message_id/id, a TSV column msg_id. Plain text has none.
show() { extract --all "$@" 2>/dev/null | cut -f 3,6,10; }
cp -R "$TESTDATA/formats" f
show f/tgexport_chat.json
show f/telethon.jsonl
show f/tgdataset.json
show f/discord.json
show f/slack/general/2015-06-05.json
printf '{"update_id":1,"message":{"message_id":77,"date":1700000000,"text":"see t.me/bot_api_chan"}}\n' >bot.jsonl
show bot.jsonl
printf 'id,date,text\n501,2023-01-01,join t.me/csv_chan\n' >c.csv
show c.csv
printf 'msg_id\ttext\n9001\tjoin t.me/tsv_chan\n' >t.tsv
show t.tsv
printf 'plain t.me/text_chan\n' >p.txt
show p.txt
