# Real DiscordChatExporter pages 380-455 in both formats, plain text and
# CSV: the same links (url, where, time), sorted. What the text has
# more is only where=preview: the CSV of that old exporter has no embed
# column, so an embed's url the message does not also hold as written
# (the page's canonical url, a fragment cut) is found in the text alone.
d=$CORPORA/dce-komodo/before-2019-Dec-05
[ -d "$d/plaintext" ] && [ -d "$d/csv" ] || { echo "no corpus at $d (set CORPORA)" >&2; exit 77; }
: >txt.files
: >csv.files
for i in $(seq 380 455); do
	echo "$d/plaintext/feeds/feed-telegram/$i.txt" >>txt.files
	echo "$d/csv/feeds/feed-telegram/$i.csv" >>csv.files
done
for f in txt csv; do
	xargs extract --all --stats <$f.files >$f.out 2>$f.err ||
	    { tail -n 3 $f.err >&2; exit 1; }
	awk -F'\t' 'NR > 1 { print $6 "\t" $8 "\t" $1 }' $f.out | sort >$f.keys
done
echo "messages: text $(sed -n 's/.*; \([0-9]*\) messages.*/\1/p' txt.err)," \
    "csv $(sed -n 's/.*; \([0-9]*\) messages.*/\1/p' csv.err)"
echo "links: text $(wc -l <txt.keys), csv $(wc -l <csv.keys)," \
    "both $(comm -12 txt.keys csv.keys | wc -l)"
echo "csv only: $(comm -13 txt.keys csv.keys | wc -l)"
echo "text only, by where:"
comm -23 txt.keys csv.keys | cut -f 2 | sort | uniq -c
echo "bad message lines: $(grep -c 'bad message line' txt.err)"
