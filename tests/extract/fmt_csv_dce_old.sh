# Old DiscordChatExporter CSV: ";" separated with a trailing ";", culture
# dates without a zone (written as UTC, said once), Attachments read; a
# tab-separated CSV whose text column is "message" is found too. Its
# channel is the folder it is in (here: formats), the other CSV has none.
cd "$TESTDATA/formats" || exit 2
extract --all dce_old.csv
printf 'message\tdate\n"a ""quoted""\ttab t.me/tab_csv"\t1700000000\n' >"$OLDPWD/t.csv"
cd "$OLDPWD" && extract t.csv
