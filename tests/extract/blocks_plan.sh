# extract --blocks: the plan's rows for each kind of file, and its errors.
# Files that cannot be cut are one row; an empty file has none.
F=$TESTDATA/formats
printf 'text\tchannel\nt.me/a\tc\nt.me/b\tc\n' >h.tsv
printf 'text\tchannel\n' >header_only.tsv
printf '"text\nwith a newline",id\n"t.me/a",1\n"t.me/b",2\n' >quoted_header.csv
printf 'a t.me/x\nno newline at the end' >tail.txt
: >empty.txt
extract --blocks 10 h.tsv header_only.tsv tail.txt empty.txt; echo "status $?"
echo "--- a CSV header record over two lines"
extract --blocks 10 --format csv quoted_header.csv
echo "--- whole files: compressed, exports, JSON that is not one object a line"
cp "$TESTDATA/sample.log.gz" "$F/tgexport_chat.json" "$F/discord.json" \
    "$F/pyrogram_print.txt" "$F/telethon_array.json" .
printf 'BZh91AY&SY rest of a bzip2 file\n' >x.bz2
extract --blocks 1 sample.log.gz tgexport_chat.json discord.json pyrogram_print.txt \
    telethon_array.json x.bz2; echo "status $?"
echo "--- --format and -f decide as in a run"
extract --blocks 1 --format text h.tsv
printf 'msg\tx\nt.me/a\t1\n' >msg.tsv
extract --blocks 1M -f msg msg.tsv
extract --blocks 1M msg.tsv
echo "--- sizes: k, M, G are powers of 1024"
awk 'BEGIN { for (i = 0; i < 5000; i++) print "line t.me/x_" i }' >big.txt
for s in 4096 4k 1M 1G; do echo "$s: $(extract --blocks $s big.txt | tail -n +2 | wc -l) pieces"; done
echo "--- errors"
extract --blocks 1k <h.tsv 2>&1; echo "status $?"
extract --blocks 1k - h.tsv 2>err; echo "status $?"
cat err
extract --blocks 1k /dev/null . nosuch h.tsv 2>err; echo "status $?"
cat err
for s in 0 x 1T 1.5M -1 k 1kk '' 17179869184G; do
	extract --blocks "$s" h.tsv 2>&1; echo "status $?"
done
