# A file that cannot be opened is named; the other files are still read,
# and the exit status is 2.
extract no-such-file "$TESTDATA/io/crlf.txt" >out
status=$?
cut -f 3- out | sed "s|$TESTDATA|TESTDATA|"
exit $status
