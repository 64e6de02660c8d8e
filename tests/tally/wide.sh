# The migration matrix: src_platform against platform, long and --wide.
s=$TESTDATA/agg/sample.tsv
tally -g src_platform,platform "$s"
echo "---"
tally -g src_platform,platform --wide "$s"
