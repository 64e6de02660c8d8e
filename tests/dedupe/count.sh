# --count: one row per key, its first record, count, first and last time.
# The row with an empty time counts but does not move the times.
dedupe --count "$TESTDATA/agg/sample.tsv"
echo "--- --summary --last -k channel"
dedupe --summary --last -k channel "$TESTDATA/agg/sample.tsv"
