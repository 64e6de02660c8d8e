# extract --blocks cuts a file at record ends; each piece, read alone with
# the file's header in front, its format named and its first line given,
# gives exactly the rows one pass gives for its lines. Shown for text, TSV,
# CSV with quoted newlines (cut every 200 bytes, so quoted newlines straddle
# the naive cut points) and JSON Lines, with bad records in each.
pieces() {	# file size: the rows of every piece, in order
	f=$1 size=$2
	extract --blocks "$size" -- "$f" >plan || echo "$f: no plan"
	tail -n +2 plan | while IFS='	' read -r src off len line fmt hb hl; do
		first=$line
		if [ "$off" -gt 0 ]; then first=$((line - hl)); fi
		{
			if [ "$off" -gt 0 ] && [ "$hb" -gt 0 ]; then
				dd if="$f" bs=64K iflag=count_bytes count="$hb" status=none
			fi
			dd if="$f" bs=64K iflag=skip_bytes,count_bytes skip="$off" count="$len" status=none
		} | extract --all --format "$fmt" --source-name "$f" --first-line "$first" \
		    2>/dev/null | tail -n +2
	done
}
check() {	# file size: one pass, and the pieces
	extract --all "$1" 2>/dev/null | tail -n +2 >one
	pieces "$@" >all
	n=$(($(wc -l <plan) - 1))
	if cmp -s one all; then
		echo "$1 every $2 bytes: $n pieces ($(cut -f 5 plan | sed -n 2p)), rows equal one pass ($(wc -l <one) rows)"
	else
		echo "$1 every $2 bytes: $n pieces, rows DIFFER"
		diff one all | head -n 5
	fi
}

awk 'BEGIN {
	for (i = 1; i <= 300; i++) {
		if (i % 7 == 0) printf "crlf t.me/crlf_%d\r\n", i
		else if (i % 11 == 0) print ""
		else if (i % 5 == 0) printf "defanged hxxps://t[.]me/d_%d and chat.whatsapp.com/W%d\n", i, i
		else printf "quiet words. Done, 3.5 report.pdf %d\n", i
	}
	printf "last t.me/no_newline"
}' >log.txt
awk 'BEGIN {
	print "time\tchannel\ttext"
	for (i = 1; i <= 300; i++) {
		if (i % 13 == 0) printf "2019-11-29T10:%02d:00Z\tc%d\tshort row\n", i % 60, i
		printf "2019-11-29T10:%02d:00Z\tc%d\tline\\none t.me/tsv_%d\\tx\n", i % 60, i % 9, i
	}
}' >rows.tsv
awk 'BEGIN {
	print "id,channel,text"
	for (i = 1; i <= 200; i++) {
		r = i % 6
		if (r == 0) printf "%d,c%d,\"multi\nline t.me/q_%d\n\"\"quoted\"\" end\"\n", i, i % 4, i
		else if (r == 1) printf "%d,c,5\" screen t.me/u_%d\n", i, i
		else if (r == 2) printf "%d,\"a,b\",\"crlf\r\ninside t.me/crlf_%d\"\r\n", i, i
		else if (r == 3) printf "%d,c,\"bad\"junk t.me/bad_%d\n", i, i
		else if (r == 4) printf "\n%d,c,plain t.me/p_%d\n", i, i
		else printf "%d,y,\"\"\"lead quote\n\nt.me/l_%d,\"\n", i, i
	}
}' >msgs.csv
awk 'BEGIN {
	for (i = 1; i <= 200; i++) {
		if (i % 17 == 0) printf "{\"message\": \"cut in half t.me/cut_%d\n", i
		else if (i % 19 == 0) print ""
		else if (i % 23 == 0) print "[1, 2]"
		else printf "{\"message\": \"see t.me/j_%d\", \"peer_id\": {\"channel_id\": %d}}\n", i, i % 5
	}
}' >msgs.jsonl
zcat "$TESTDATA/sample.log.gz" >sample.tsv

check log.txt 200
check rows.tsv 200
check msgs.csv 200
check msgs.csv 50
check msgs.jsonl 200
check sample.tsv 10k
echo "--- the plan of msgs.csv"
extract --blocks 200 msgs.csv | head -n 4
echo "--- cut at every newline instead, CSV pieces lose or garble rows"
extract --all msgs.csv 2>/dev/null | tail -n +2 >one
extract --blocks 200 --format text msgs.csv | tail -n +2 | while IFS='	' read -r src off len line fmt hb hl; do
	first=$line
	[ "$off" -gt 0 ] && first=$((line - 1))
	{ [ "$off" -gt 0 ] && head -n 1 msgs.csv; dd if=msgs.csv bs=64K iflag=skip_bytes,count_bytes skip="$off" count="$len" status=none; } |
	    extract --all --format csv --source-name msgs.csv --first-line "$first" 2>/dev/null | tail -n +2
done >naive
cmp -s one naive || echo "naive cuts: $(diff one naive | grep -c '^[<>]') rows differ"
