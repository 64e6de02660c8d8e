# An unknown option: a one-line message naming the program, exit 2.
extract --no-such-option 2>&1 >/dev/null | head -n 1
extract --no-such-option >/dev/null 2>&1
