# gzip reads the same whichever inflater the build has (ISA-L, or zlib and
# libdeflate): damage ISA-L finds is read again by zlib, so the lines, the
# --stats and the message are zlib's. A distance too far back, where ISA-L
# alone would make a few bytes more (a 133rd line); reserved header flags,
# which ISA-L alone would let by; a header cut short. Members larger than
# a block each, back to back, read as one stream.
. "$TOP/tests/lib/bad.sh"
cp "$TESTDATA/io/lookback.gz" .
run "extract, distance too far back" extract --stats lookback.gz
msgs 1 3 | gzip -n >flags.gz
printf '\040' | dd of=flags.gz bs=1 seek=3 conv=notrunc 2>/dev/null
run "extract, reserved flags" extract flags.gz
{ msgs 1 3 | gzip -n; printf '\037\213\010\000'; } >cut.gz
run "extract, header cut" extract cut.gz
awk 'BEGIN { for (i = 1; i <= 40000; i++) printf "message %d t.me/chan_%05d\n", i, i }' >a.txt
awk 'BEGIN { for (i = 40001; i <= 80000; i++) printf "message %d t.me/chan_%05d\n", i, i }' >b.txt
{ gzip -n -1 <a.txt; gzip -n -1 <b.txt; } >big.gz
echo "== members: $(wc -c <a.txt) and $(wc -c <b.txt) bytes"
cat a.txt b.txt | extract >plain.out
extract big.gz | awk -F'\t' -v OFS='\t' 'NR > 1 { $3 = "-" } 1' >big.out
echo "$(wc -l <big.out) rows"
cmp plain.out big.out && echo same rows as the plain text
# on stdin (a regular file), and through a pipe (zlib)
extract <big.gz | cmp - plain.out && echo same on stdin
cat big.gz | extract | cmp - plain.out && echo same through a pipe
