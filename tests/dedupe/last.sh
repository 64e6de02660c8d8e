# --last keeps each key's last record; they come out in input order.
dedupe --last "$TESTDATA/agg/sample.tsv"
