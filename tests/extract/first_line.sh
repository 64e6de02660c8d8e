# --first-line N numbers every input's first line N, in the line column and
# in FILE:LINE messages, in every format, from a file, a pipe and gzip, and
# on the sifted path (text lines with no sign of a link counted, not read);
# --source-name names stdin in records and messages.
shift_of() {	# the line column of a run, less N - 1, against a plain run
	extract "$@" 2>/dev/null | awk -F '\t' 'NR > 1 { print $4 }' >plain
	extract --first-line 1000 "$@" 2>/dev/null | awk -F '\t' 'NR > 1 { print $4 - 999 }' >moved
	# Files by their place in testdata, so the golden holds for any checkout.
	name=
	for a; do name="$name ${a#"$TESTDATA"/}"; done
	if [ -s plain ] && cmp -s plain moved; then echo "${name# }: $(wc -l <plain) lines, each +999"; else echo "${name# }: DIFFERS"; fi
}
run() {	# command: its stdout, status, then its stderr
	"$@" 2>err
	echo "status $?"
	cat err
}
F=$TESTDATA/formats
shift_of --all "$TESTDATA/io/msgs.txt"
shift_of --all "$TESTDATA/io/msgs.txt.gz"
shift_of --all "$TESTDATA/io/msgs.tsv"
shift_of --all "$F/fourcat.csv"
shift_of --all "$F/telethon.jsonl"
shift_of --all "$F/pyrogram_print.txt"
shift_of --all "$F/tgexport_chat.json"
shift_of --all "$F/discord.json"
shift_of -e 'quiet' "$TESTDATA/io/msgs.txt"
echo "--- a pipe, sifted; gzip on a pipe"
printf 'no link\nquiet\nsee t.me/a_chan\n' | extract --first-line 41 --source-name big.log
gzip -c "$TESTDATA/io/msgs.txt" | extract --first-line 101 --source-name msgs.txt | sed -n 2p
echo "--- messages count from N; stdin goes by its name"
printf 'text\tx\nt.me/ok\t1\nshort\n' >part.tsv
run extract --first-line 7 --source-name part.tsv <part.tsv
printf 'text\ttext\n' >dup.tsv
run extract --first-line 7 --source-name dup.tsv <dup.tsv
printf 'id,text\n1,"t.me/csv_a"\n2,"open\n' >part.csv
run extract --first-line 20 --source-name part.csv <part.csv
printf '{"message": "t.me/j_a"}\n{"message": "cut\n' >part.jsonl
run extract --first-line 5 --source-name part.jsonl <part.jsonl
printf 'a\tb\n' >notext.tsv
run extract --format tsv --first-line 3 <notext.tsv
echo "--- --stats counts messages, not line numbers"
printf 'a t.me/x\nb\n' | extract --stats --first-line 1000 2>&1 >/dev/null
echo "--- bad values"
for n in 0 x -1 '' 1x 99999999999999999999; do
	run extract --first-line "$n" </dev/null
done
run extract --source-name '' </dev/null
