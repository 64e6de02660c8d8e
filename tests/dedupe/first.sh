# Default: the first record of each key, in input order; -k names the key.
dedupe "$TESTDATA/agg/sample.tsv"
echo "--- -k channel,key"
dedupe -k channel,key "$TESTDATA/agg/sample.tsv"
