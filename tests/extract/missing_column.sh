# A named column that the header lacks fails before any data is read.
printf 'a\tb\nx\ty\n' >in.tsv
extract -f body --format tsv in.tsv
