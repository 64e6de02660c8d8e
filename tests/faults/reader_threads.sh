# dedupe and tally read, split and count their TSV rows on the one thread
# that writes: no second thread reads ahead (a pipeline already gives each
# stage a process of its own). Checked while each waits on a pipe whose
# writer has sent every row and keeps it open: the filter has read them
# all (its read bytes, from /proc) and holds one thread, asleep.
[ -r /proc/self/io ] && [ -d /proc/self/task ] || { echo "no /proc/PID/io or task" >&2; exit 77; }
. "$TOP/tests/lib/bad.sh"
{ header; rows 1 3000; } >rows.tsv
size=$(wc -c <rows.tsv)
for cmd in "dedupe" "dedupe -k key" "tally -g key"; do
	rm -f fifo gate
	mkfifo fifo gate
	{ cat rows.tsv; read -r _ <gate; } >fifo &
	writer=$!
	$cmd <fifo >out 2>err &
	pid=$!
	# Until it has read every byte (10 s at most), then its threads.
	n=0
	while [ "$n" -lt 200 ] && [ "$(sed -n 's/^rchar: //p' /proc/$pid/io 2>/dev/null || echo 0)" -lt "$size" ]; do
		sleep 0.05
		n=$((n + 1))
	done
	echo "$cmd: read all: $([ "$n" -lt 200 ] && echo yes || echo no), threads: $(ls /proc/$pid/task | wc -l)"
	echo >gate
	wait "$writer"
	wait "$pid"
	echo "$cmd: exit $?, $(wc -l <out) lines out, $(wc -c <err) bytes on stderr"
done
