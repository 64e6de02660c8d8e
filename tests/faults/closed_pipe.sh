# A closed pipe (| head -n 1) ends every filter quietly: killed by SIGPIPE
# (exit 141 as the shell shows it), no "Broken pipe" message. Each writes
# well over a pipe's buffer, so it must still be writing when head exits.
awk 'BEGIN { print "time\tchannel\ttext"
	for (i = 0; i < 40000; i++) printf "2019-11-29T10:00:00Z\tc%d\tsee t.me/chan_%06d\n", i % 7, i }' >log.tsv
extract --all log.tsv | normalize >rows.tsv
for cmd in "extract --all log.tsv" "normalize rows.tsv" "dedupe rows.tsv" \
    "dedupe --count rows.tsv" "tally -g key rows.tsv"; do
	{ $cmd 2>err; echo $? >status; } | head -n 1 >first
	echo "$cmd: exit $(cat status), $(wc -c <err) bytes on stderr, first line: $(cut -f 1-3 first)"
done
