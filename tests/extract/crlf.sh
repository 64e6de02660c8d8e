# \r\n line ends are accepted; the \r is not part of the link.
extract "$TESTDATA/io/crlf.txt"
