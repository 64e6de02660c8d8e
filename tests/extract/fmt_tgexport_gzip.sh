# gzip on stdin, --format forced: the same records as the plain file.
cd "$TESTDATA/formats" || exit 2
extract tgexport_chat.json | cut -f 1,2,4- >plain
gzip -c tgexport_chat.json >"$OLDPWD/t.gz"
extract --format tgexport <"$OLDPWD/t.gz" | cut -f 1,2,4- >"$OLDPWD/gz"
cmp plain "$OLDPWD/gz" && rm -f plain && wc -l <"$OLDPWD/gz"
