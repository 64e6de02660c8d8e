# The sign pass for JSON Lines, TSV and CSV: records that show no sign of
# a link once their escapes are decoded are counted, not parsed. Links
# written every hostile way (escaped slashes and dots, \u escapes, pairs
# and lone surrogates, a "\n" glued to the host, Telegram Desktop's text
# in pieces, hidden links, forwards, CSV records over two lines) are
# still found, and records, line numbers, warnings and --stats are those
# of a run without the pass (a -e pattern that matches nothing turns it
# off), default, --all, --lenient and --max-record alike, from gzip and a
# pipe too.
for f in hostile.jsonl hostile.tsv hostile.csv; do
	cp "$TESTDATA/sign/$f" .
done
# many rows: the TSV sift runs over blocks of the input; long JSON lines,
# one longer than a piece of 1 MiB; only their verdicts are written.
rows=12000 lines=2000
awk -v rows=$rows 'BEGIN {
	printf "time\tchannel\ttext\n"
	for (i = 1; i <= rows; i++) {
		if (i % 997 == 0)
			printf "2024-01-01T00:00:00Z\tc\tglued\\nt.me/row_%d\n", i
		else if (i % 1009 == 0)
			printf "2024-01-01T00:00:00Z\tc\tt.me/plain_%d\n", i
		else if (i % 1013 == 0)
			printf "2024-01-01T00:00:00Z\tshort row %d\n", i
		else if (i % 1019 == 0)
			printf "not a time\tc\tquiet, bad time %d\n", i
		else
			printf "2024-01-%02dT00:00:00Z\tc\tquiet\\\\words. Done %d\n", i % 28 + 1, i
	}
}' >many.tsv
awk -v lines=$lines 'BEGIN {
	printf "{\"id\":0,\"text\":\"first\"}\n"
	for (n = 1; n <= 3; n++) {
		printf "{\"id\":%d,\"text\":\"", n
		for (k = 0; k < (n == 3 ? 200000 : 20000); k++) printf "quiet words. "
		printf "%s\"}\n", n == 1 ? "still quiet" : "https:\\/\\/t.me\\/long_" n
	}
	for (i = 4; i <= lines; i++)
		printf "{\"id\":%d,\"date\":\"2024-01-01T00:00:%02dZ\",\"text\":\"quiet \\u00e9t\\u00e9 %d\"}\n", i, i % 60, i
	printf "{\"id\":%d,\"text\":\"t\\u002eme/last\"}\n", lines + 1
}' >long.jsonl
for f in hostile.jsonl hostile.tsv hostile.csv many.tsv long.jsonl; do
	for mode in --all --lenient "--max-record 60" ""; do
		extract --stats $mode "$f" >on.out 2>on.err
		echo "exit $?" >>on.err
		extract --stats $mode -e '(?!)' "$f" >off.out 2>off.err
		echo "exit $?" >>off.err
		if cmp -s on.out off.out && cmp -s on.err off.err; then
			echo "$f ${mode:-default}: as without the sign pass"
		else
			echo "$f ${mode:-default}: differs"
			diff on.out off.out | head -5
			diff on.err off.err | head -5
		fi
	done
	case $f in hostile.*) cat on.out on.err ;; esac	# the default run
done
# gzip (the TSV sift on the caller's thread) and a pipe
for f in hostile.jsonl hostile.tsv many.tsv; do
	gzip -c "$f" >"$f.gz"
	extract --stats "$f.gz" >on.out 2>on.err
	extract --stats -e '(?!)' "$f.gz" >off.out 2>off.err
	extract --stats <"$f" >>on.out 2>>on.err
	extract --stats -e '(?!)' <"$f" >>off.out 2>>off.err
	if cmp -s on.out off.out && cmp -s on.err off.err; then
		echo "$f.gz and stdin: as without the sign pass"
	else
		echo "$f.gz and stdin: differs"
	fi
done
# A JSON Lines line past --max-record is skipped alike whether the input is
# sifted (plain) or read in pieces (gzip, a -e pattern).
for f in hostile.jsonl long.jsonl; do
	extract --stats --max-record 60 <"$f" >plain.out 2>plain.err
	gzip -c "$f" | extract --stats --max-record 60 >gz.out 2>gz.err
	if cmp -s plain.out gz.out && cmp -s plain.err gz.err; then
		echo "$f --max-record 60, plain and gzip: the same"
	else
		echo "$f --max-record 60, plain and gzip: differ"
	fi
done
