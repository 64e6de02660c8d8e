# A truncated gzip: every line before the damage is still searched, then a
# message naming the file, and exit status 2.
extract "$TESTDATA/io/truncated.gz" 2>err | tail -n 2
status=$(extract "$TESTDATA/io/truncated.gz" 2>/dev/null | wc -l)
echo "records: $status"
sed "s|$TESTDATA|TESTDATA|" err >&2
extract "$TESTDATA/io/truncated.gz" >/dev/null 2>&1
exit $?
