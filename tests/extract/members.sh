# Concatenated gzip members (cat a.gz b.gz) are read whole.
extract "$TESTDATA/io/members.gz"
