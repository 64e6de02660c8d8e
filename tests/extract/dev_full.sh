# A failed write is reported and exits 2.
extract "$TESTDATA/io/many.gz" >/dev/full
