# An export cut mid-file: every message before the cut comes out, then the
# error with its line, and exit status 2.
cd "$TESTDATA/formats" || exit 2
extract tgexport_truncated.json
