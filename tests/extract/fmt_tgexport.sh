# Telegram Desktop single-chat export: text string or array, text_link href
# (entity), url buttons (button; callback buttons are not links), forwards
# named only (no link, so no record: counted by --stats), service messages
# skipped, --keep paths and the chat's fields, a link both visible and
# hidden written once as text.
cd "$TESTDATA/formats" || exit 2
extract --stats --mentions --keep chat.id,id,from_id tgexport_chat.json
