# CSV (4CAT columns): quoted multi-line fields with commas and doubled
# quotes; body_markdown, link_attached are hidden links; a forward named only;
# a row with text after a closing quote and a short row are reported,
# skipped and counted; exit status 2.
cd "$TESTDATA/formats" || exit 2
extract --stats --keep id fourcat.csv
