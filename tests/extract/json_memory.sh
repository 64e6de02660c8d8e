# A TGDataset file of over 64 MB on one line is read in pieces, a message
# at a time: max RSS stays under a bound set by a message and a piece
# (1 MiB), not by the file, plain and gzip alike. Skipped without
# /usr/bin/time (sh scripts/deps installs it).
[ -x /usr/bin/time ] || { echo "no /usr/bin/time: sh scripts/deps installs time" >&2; exit 77; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/crosslink-mem.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 2
# 9 channels of 8192 messages of about 1 KB each: 73 MB, one line.
awk 'BEGIN {
	while (length(fill) < 900)
		fill = fill "lorem ipsum dolor sit amet, "
	printf "{"
	for (c = 0; c < 9; c++) {
		printf "%s\"%d\": {\"username\": \"chan_%d\", \"text_messages\": {", (c ? ", " : ""), 1000 + c, c
		for (m = 1; m <= 8192; m++)
			printf "%s\"%d\": {\"message\": \"%s\\nsee t.me/joinchat/k%d_%d\", \"date\": \"2024-03-02 21:15:07+00:00\"}", (m > 1 ? ", " : ""), m, fill, c, m
		printf "}}"
	}
	print "}"
}' >big.json || exit 2
gzip -1 <big.json >big.json.gz || exit 2
size=$(wc -c <big.json)
[ "$size" -ge 64000000 ] || { echo "made only $size bytes" >&2; exit 2; }
# ASan's shadow and quarantine grow with what is freed: a looser bound there.
bound=32768
case $(command -v extract) in
*/san/*) bound=$((bound * 8)) ;;
esac
for f in big.json big.json.gz; do
	/usr/bin/time -f '%M' -o rss extract --all --keep id "$f" >out || exit 2
	kb=$(tail -n 1 rss)
	[ "$kb" -lt "$bound" ] && under=yes || under="no ($kb KB)"
	echo "$f: $(tail -n +2 out | wc -l) records, on lines $(tail -n +2 out | cut -f 4 |
	    sort -u | tr '\n' ' '); max RSS in bound: $under"
	tail -n 1 out
	echo "json_memory: $f ($size bytes, one line): max RSS $kb KB" >>"${CROSSLINK_REPORT:-/dev/null}"
done
