# extract skips lines with no sign of a link unread (plain input on a
# thread of its own, gzip on the caller's): the lines it does read must
# keep their numbers, from a file, a pipe and gzip alike, across block
# ends (1 MiB) and a giant line, with CRLF lines and a last line without
# a newline; --stats still counts every line as a message.
awk 'BEGIN {
	for (i = 1; i <= 300000; i++) {
		if (i % 9973 == 0)
			printf "see t.me/chan_%d here\n", i
		else if (i % 7919 == 0)
			printf "crlf hxxps://t[.]me/crlf_%d\r\n", i
		else if (i == 150001) {
			printf "giant "
			for (k = 0; k < 300000; k++) printf "word. "
			printf "t.me/giant_%d\n", i
		} else
			printf "quiet words. Done, 3.5 report.pdf (see) %d\n", i
	}
	printf "t.me/last_300001"
}' >log.txt
# the links and their line numbers, as awk sees them
awk '/t\.me\/|t\[\.\]me/ { n = split($0, w, / /); for (j = 1; j <= n; j++) if (w[j] ~ /t(\.|\[\.\])me/) {
	sub(/\r$/, "", w[j]); sub(/^hxxps:\/\/t\[\.\]me/, "https://t.me", w[j]); print NR "\t" w[j] } }' log.txt >want
extract log.txt | sed 1d | cut -f 4,6 >file
extract <log.txt | sed 1d | cut -f 4,6 >pipe
gzip -c log.txt >log.gz
extract log.gz | sed 1d | cut -f 4,6 >gz
for f in file pipe gz; do
	if cmp -s want $f; then echo "$f: $(wc -l <$f) links, lines as awk numbers them"; else echo "$f: differs"; diff want $f | head -5; fi
done
extract --stats log.txt 2>&1 >/dev/null
extract --stats log.gz 2>&1 >/dev/null
