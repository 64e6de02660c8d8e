# An empty input is a table with no columns: nothing out, status 0. A header
# alone gives the header (and with --count its three columns).
: | dedupe; echo "status $?"
printf 'time\tkey\n' | dedupe --count; echo "status $?"
