# Concatenated gzip members (cat a.gz b.gz) are read whole.
cd "$TESTDATA/io" && extract members.gz
