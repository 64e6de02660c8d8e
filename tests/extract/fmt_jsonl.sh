# JSON Lines of several shapes: Telethon (both layers), 4CAT (_type, unix
# float dates, _chat), Pyrogram, a Bot API update. A line cut in half and a
# line that is not an object are reported, skipped and counted; the lines
# after them are still read; exit status 2.
cd "$TESTDATA/formats" || exit 2
extract --stats telethon.jsonl
