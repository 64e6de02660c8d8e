# Entities with UTF-16 offsets (Telethon, 4CAT, gramjs, Pyrogram, Bot API
# captions): a url entity ends its link whatever is glued to it, counted
# past astral characters (two code units each). Entities out of range,
# cutting a surrogate pair, negative, fractional or not numbers are
# ignored, the text searched as before; one starting inside another is
# dropped.
cd "$TESTDATA/formats" || exit 2
extract --all --mentions --keep id entities.jsonl
