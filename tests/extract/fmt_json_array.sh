# A pretty-printed JSON array of Telethon messages (to_json of a list), and
# Pyrogram's print() output: objects over many lines, one after another.
cd "$TESTDATA/formats" || exit 2
extract telethon_array.json pyrogram_print.txt
