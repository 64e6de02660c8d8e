# TSV input: text, time and channel columns found by name; times become ISO
# 8601 UTC; an escaped \n in the text ends a link; a bad time is left empty.
cd "$TESTDATA/io" && extract --stats msgs.tsv
