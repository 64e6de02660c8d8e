# The shapes genlog promises: TSV messages with a header, three fields a
# row, ISO 8601 UTC times in order inside the span; text with one message a
# line and no tabs; -b stops just past the size; --rows with the
# extract | normalize columns and exactly min(N, K) distinct keys.
genlog -s 11 -n 500 -d 3 >m.tsv
head -n 1 m.tsv
awk -F '\t' 'NR > 1 { n[NF]++ } END { for (f in n) print n[f] " rows of " f " fields" }' m.tsv
sed 1d m.tsv | cut -f 1 | grep -c -v -E '^2019-11-(25|26|27)T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]Z$' |
	sed 's/$/ times outside 2019-11-25 .. 2019-11-27/'
sed 1d m.tsv | cut -f 1 | sort -c && echo "times in order"
# Raw CR or other control bytes never appear; escapes are \n and \\ only.
printf 'control bytes: %s\n' "$(tr -d '\n\t' <m.tsv | tr -d '\040-\176\200-\377' | wc -c | tr -d ' ')"
sed 1d m.tsv | cut -f 3 | sed 's/\\[n\\]//g' | grep -c '\\' | sed 's/$/ texts with another escape/'
cut -f 3 m.tsv | grep -c '^$' | sed 's/$/ empty texts/'

genlog -s 11 -n 500 --format text >m.txt
printf 'text: %s lines, %s with a tab\n' "$(wc -l <m.txt | tr -d ' ')" "$(grep -c '	' m.txt)"

genlog -s 11 -b 100000 --format text >b.txt
size=$(wc -c <b.txt)
if [ "$size" -ge 100000 ] && [ "$size" -lt 110000 ]; then echo "-b 100000: between 100000 and 110000 bytes"; else echo "-b 100000: $size bytes"; fi
tail -c 1 b.txt | od -An -c | tr -d ' '

# Extracted rows.
genlog -s 11 --rows 5000 --keys 1200 >r.tsv
head -n 1 r.tsv
awk -F '\t' 'NR > 1 { n[NF]++ } END { for (f in n) print n[f] " rows of " f " fields" }' r.tsv
printf 'distinct keys: %s\n' "$(sed 1d r.tsv | cut -f 10 | sort -u | wc -l | tr -d ' ')"
printf 'empty keys: %s\n' "$(sed 1d r.tsv | cut -f 10 | grep -c '^$')"
# channel_key is set only on posts, and is where the post key starts.
awk -F '\t' 'NR > 1 && $11 != "" { n++; if ($9 != "post" || index($10, $11 "/") != 1) bad++ }
	END { print "rows with a channel_key: " (n > 0 ? "some" : "none"); print bad + 0 " of them wrong" }' r.tsv
sed 1d r.tsv | cut -f 1 | sort -c && echo "row times in order"
genlog -s 11 --rows 300 --keys 1200 | sed 1d | cut -f 10 | sort -u | wc -l | sed 's/^ */N < K: distinct keys /'
genlog -s 11 --rows 300 --keys 1 | sed 1d | cut -f 10 | sort -u | wc -l | sed 's/^ */K = 1: distinct keys /'

# JSON Lines: one object a line, valid JSON, the same texts as TSV.
genlog -s 11 -n 500 -d 3 --format jsonl >m.jsonl
python3 -c '
import json, sys
n = 0
for line in open(sys.argv[1], encoding="utf-8"):
    o = json.loads(line)
    n += 1
    assert list(o) == ["id", "date", "channel", "text"] and o["id"] == n
    print(o["text"].replace("\\", "\\\\").replace("\n", "\\n"))
print(n, "objects", file=sys.stderr)
' m.jsonl >j.txt 2>j.err
cat j.err
sed 1d m.tsv | cut -f 3 | cmp -s - j.txt && echo "jsonl texts: same as tsv"
sed 1d m.tsv | cut -f 1,2 >tc.tsv
python3 -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    o = json.loads(line)
    print(o["date"] + "\t" + o["channel"])
' m.jsonl | cmp -s - tc.tsv && echo "jsonl dates and channels: same as tsv"
