# A whole-account export: chats.list and left_chats.list are read, other
# sections (personal_information, contacts) are skipped; a chat without a
# name (saved messages) is named by its id. Detection needs no --format.
cd "$TESTDATA/formats" || exit 2
extract --keep chat.type tgexport_account.json
