# A truncated gzip: every line before the damage is still searched, then a
# message naming the file, and exit status 2.
extract "$TESTDATA/io/truncated.gz" >out 2>err
status=$?
tail -n 2 out | cut -f 3- | sed "s|$TESTDATA|TESTDATA|"
echo "records: $(wc -l <out)"
sed "s|$TESTDATA|TESTDATA|" err >&2
exit $status
