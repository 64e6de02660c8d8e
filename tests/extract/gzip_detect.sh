# gzip is found by its magic bytes: a file, stdin and zcat give one output
# (but for the source column), the same as the plain file's.
d=$TESTDATA/io
extract "$d/msgs.txt.gz" | cut -f 1,2,4- >a
extract <"$d/msgs.txt.gz" | cut -f 1,2,4- >b
zcat "$d/msgs.txt.gz" | extract | cut -f 1,2,4- >c
extract "$d/msgs.txt" | cut -f 1,2,4- >d
cmp a b && cmp a c && cmp a d && cat a
