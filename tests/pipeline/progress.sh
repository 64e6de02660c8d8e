# --progress writes to stderr only: stdout is byte for byte the same with
# and without it, for every filter, from a file, a gzip file and a pipe.
# The line is drawn at the first block (so even a small input shows it),
# redrawn in place, and erased at the end: stderr ends with CR ESC [K.
# The rate varies from run to run, and so do the bytes a pipe gives at a
# time: both are blanked out below (and repeated draws merged).
cp "$TESTDATA/sample.log.gz" log.tsv.gz
zcat log.tsv.gz >log.tsv
extract --all log.tsv | normalize >rows.tsv
show() {	# what stderr holds, one draw a line, the rate blanked
	tr '\r\033' '\n~' <"$1" | sed 's/[0-9.]* [KMGT]*i*B\/s/RATE/; s/stdin: [0-9.]* [KMGT]*i*B/stdin: SO FAR/' |
		grep -v '^$' | uniq
	if [ "$(tail -c 4 "$1" | od -An -c | tr -d ' ')" = '\r033[K' ]; then
		echo "(ends erased)"
	else
		echo "(does not end erased)"
	fi
}
check() {	# name command...: run it with and without --progress, stdin log.tsv
	name=$1; shift
	cat log.tsv | "$@" >plain.out 2>/dev/null
	cat log.tsv | "$@" --progress >progress.out 2>progress.err
	if cmp -s plain.out progress.out; then echo "$name: stdout same"; else echo "$name: stdout DIFFERS"; fi
	show progress.err
}
check "extract file" extract --all log.tsv
check "extract gzip" extract --all log.tsv.gz
check "extract pipe" extract --all
check "normalize" normalize rows.tsv
check "dedupe" dedupe -k key rows.tsv
check "dedupe --count" dedupe --count rows.tsv
check "tally" tally -g platform,kind rows.tsv
# Nothing on stderr without --progress.
extract --all log.tsv 2>&1 >/dev/null | wc -c
