# A file that cannot be opened is named; the other files are still read.
extract no-such-file "$TESTDATA/io/crlf.txt" | cut -f 3- | sed "s|$TESTDATA|TESTDATA|"
