# An export from before date_unixtime: the local date is used, said once on
# stderr; an unparseable date leaves the time empty and is counted.
cd "$TESTDATA/formats" || exit 2
extract --stats tgexport_old.json
