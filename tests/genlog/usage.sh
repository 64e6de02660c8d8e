# --help prints the usage on stdout and exits 0; a bad option or value is
# one line on stderr naming genlog, exit 2, and nothing on stdout.
# (Scratch files are g.*: the runner keeps its own out and err here.)
genlog --help | head -n 1
echo "--help: exit $?"
for args in "-x" "--no-such-option" "-n" "-n abc" "-n 0" "-n 5 -b 6" \
    "--format xml" "--keys 5" "--rows 5 --format text" "--rows 5 -n 3" \
    "stray" "-d 0" "-l 101" "--keys=0 --rows 3" "-s 18446744073709551616"; do
	# shellcheck disable=SC2086 # args is a word list on purpose
	genlog $args >g.out 2>g.err
	echo "$args: exit $?, $(wc -l <g.out | tr -d ' ') lines out, $(wc -l <g.err | tr -d ' ') on stderr"
	cat g.err
done
# A failed write is reported.
genlog -n 20000 >/dev/full 2>g.err
echo "/dev/full: exit $?"
cat g.err
