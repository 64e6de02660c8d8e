# Usage and data errors: one line naming the program, exit 2.
cp "$TESTDATA/agg/sample.tsv" s.tsv
s=s.tsv
dedupe --bogus 2>&1; echo "status $?"
dedupe -k nosuch "$s" 2>&1; echo "status $?"
dedupe --merge "$s" 2>&1; echo "status $?"
dedupe -k 2>&1; echo "status $?"
printf 'key\tx\na\t1\nb\nc\t3\na\t4\n' | dedupe 2>&1; echo "status $?"
printf 'key\tcount\tfirst_time\tlast_time\na\tmany\t\t\n' | dedupe --merge 2>&1; echo "status $?"
dedupe "$s" nosuch.tsv 2>&1 >/dev/null; echo "status $?"
