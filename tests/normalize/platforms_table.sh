# Link forms of the other platforms and generic web links
# (testdata/normalize/platforms.tsv): kind and key must agree with every row.
normalize "$TESTDATA/normalize/platforms.tsv" | awk -F '\t' -f "$TESTDATA/normalize/agree.awk"
