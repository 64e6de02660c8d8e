# A failed write is reported and exits 2.
[ -w /dev/full ] || { echo "no /dev/full" >&2; exit 77; }
dedupe --count "$TESTDATA/agg/sample.tsv" >/dev/full 2>err; echo "status $?"
cat err
