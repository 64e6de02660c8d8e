# An unknown option: "PROG: unknown option --x", a one-line hint, exit 2,
# the same shape in every filter.
extract --no-such-option 2>&1 >/dev/null
extract --no-such-option >/dev/null 2>&1
