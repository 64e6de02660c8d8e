# Files are read in order; source names each, "-" is stdin, lines count per file.
extract "$TESTDATA/io/crlf.txt" - "$TESTDATA/io/members.gz" <"$TESTDATA/io/msgs.txt" |
	sed "s|$TESTDATA|TESTDATA|"
