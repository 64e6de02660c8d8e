# No url column: one message naming the file, exit 2, nothing on stdout.
printf 'a\tb\nx\ty\n' >in.tsv
normalize in.tsv 2>&1
