# \r\n line ends are accepted; the \r is not part of the link.
cd "$TESTDATA/io" && extract crlf.txt
