# gzip is found by its magic bytes: a file, stdin and zcat give one output.
d=$TESTDATA/io
extract "$d/msgs.txt.gz" | cut -f 2- >a
extract <"$d/msgs.txt.gz" | cut -f 2- >b
zcat "$d/msgs.txt.gz" | extract | cut -f 2- >c
extract "$d/msgs.txt" | cut -f 2- >d
cmp a b && cmp a c && cut -f 1,3- a >a2 && cut -f 1,3- d >d2 && cmp a2 d2 && cat a
