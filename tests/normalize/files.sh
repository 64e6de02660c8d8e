# Several files are read in order into one table; "-" is stdin. A file whose
# header differs, or that cannot be opened, is reported and skipped; status 2.
printf 'url\nt.me/aaaa1\n' >a.tsv
printf 'url\nt.me/bbbb2\n' >b.tsv
printf 'url\tx\nt.me/cccc3\t1\n' >c.tsv
printf 'url\nt.me/dddd4\n' | normalize a.tsv - b.tsv
echo "status $?"
normalize a.tsv c.tsv b.tsv 2>err.txt
echo "status $?"
cat err.txt
normalize a.tsv nonexistent.tsv 2>err.txt
echo "status $?"
cat err.txt
