# genlog is deterministic: the same seed and options give the same bytes
# (every mode), another seed gives other bytes, and option spellings agree.
same() {	# label file file
	if cmp -s "$2" "$3"; then echo "$1: same bytes"; else echo "$1: DIFFERENT bytes"; fi
}
differ() {	# label file file
	if cmp -s "$2" "$3"; then echo "$1: SAME bytes"; else echo "$1: different bytes"; fi
}
genlog -s 7 -n 300 >a1
genlog -s 7 -n 300 >a2
genlog -s 8 -n 300 >a3
genlog --seed=7 --messages=300 --format=tsv >a4
same "tsv, seed 7 twice" a1 a2
differ "tsv, seed 7 vs 8" a1 a3
same "tsv, long options" a1 a4

genlog -s 7 -n 300 --format text >b1
genlog -s7 -n300 --format text >b2
genlog -s 8 -n 300 --format text >b3
same "text, seed 7 twice" b1 b2
differ "text, seed 7 vs 8" b1 b3

genlog -s 3 -b 200000 --format text >c1
genlog -s 3 -b 200000 --format text >c2
same "-b, seed 3 twice" c1 c2

genlog -s 5 --rows 3000 --keys 700 >d1
genlog -s 5 --rows 3000 --keys 700 >d2
genlog -s 6 --rows 3000 --keys 700 >d3
same "rows, seed 5 twice" d1 d2
differ "rows, seed 5 vs 6" d1 d3

# Text and TSV share the message stream: the TSV text column, unescaped,
# is the text format line for line.
cut -f 3 a1 | sed 1d | sed -e 's/\\n/ /g' -e 's/\\\\/\\/g' >a1.text
same "tsv text column = text format" a1.text b1
