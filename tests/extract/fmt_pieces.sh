# Telegram Desktop's own link boundaries: a link piece ends where the
# exporter ends it, whatever text is glued to it; hashtag, mention, e-mail,
# phone and hidden-link label pieces are edges too; a style (bold) is not,
# since the exporter drops a link entity that a style cuts. A link piece
# the finder sees nothing in is the link as it is (web, so --all or -p
# web). The text column is still the whole message.
cd "$TESTDATA/formats" || exit 2
extract --all --mentions --keep id --text tgexport_pieces.json
echo "-- without --all, then -p web"
extract tgexport_pieces.json | cut -f 6
extract -p web tgexport_pieces.json | cut -f 6
