# SIGINT and SIGTERM mid-run end every filter at once with the shell's
# status for the signal (130, 143) and no message of its own: what it had
# flushed (at most its header) stays, nothing else is written. Each filter reads a
# fifo kept open; --progress tells when it has read its first block.
# (Background jobs start with SIGINT ignored: env gives it back.)
wait_for() {	# file: until it is not empty, up to 60 s
	i=0
	while [ ! -s "$1" ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i + 1)); done
}
printf 'time\tchannel\ttext\n2019-11-29T10:00:00Z\tc\tsee t.me/chan_000001\n' >log.tsv
extract log.tsv | normalize >rows.tsv
for sig in INT TERM; do
	for cmd in "extract --progress" "normalize --progress" "dedupe --progress" \
	    "tally --progress -g key"; do
		rm -f in out err
		mkfifo in
		case $cmd in extract*) src=log.tsv ;; *) src=rows.tsv ;; esac
		env --default-signal=INT,TERM $cmd in >out 2>err &
		pid=$!
		exec 3>in
		cat "$src" >&3
		wait_for err
		kill -$sig $pid
		wait $pid 2>/dev/null	# the shell's own "Terminated": not ours
		st=$?
		# Whether the header got out before the signal is a race; what
		# matters is that no row (nor a torn line) follows it.
		rows=$(sed '1{/^time\tchannel\t\|^key\tcount$/d;}' out | wc -c)
		echo "$cmd, SIG$sig: exit $st, stdout: $rows bytes besides a header," \
		    "stderr: $(tr '\r' '\n' <err | grep -v '^$' | grep -vc 'B/s') line(s) besides progress"
		exec 3>&-
	done
done
