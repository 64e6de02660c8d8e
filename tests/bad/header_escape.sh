# Header cells are written as fields are: a raw control byte a foreign
# writer left in a column name is escaped (ESC as \x1b, C1 CSI as
# \xc2\x9b), and --csv-safe puts a ' before a name starting with = + - @.
# Two names that would be written alike ("a" + ESC and "a\x1b") are a
# duplicate column name.
. "$TOP/tests/lib/bad.sh"
printf 'url\tkey\tnote\033[2J\tx\302\233y\t=sum\n' >h.tsv
printf 't.me/a\tt.me/a\t1\t2\t=3\n' >>h.tsv
run "normalize --csv-safe" normalize --csv-safe h.tsv
run dedupe dedupe h.tsv
run "tally -g" tally -g "$(printf 'note\033[2J')" h.tsv
run "extract --keep, --csv-safe" extract --format tsv -f url --csv-safe --keep "$(printf 'note\033[2J'),=sum" h.tsv
# Each stage reads the header the one before wrote.
normalize --csv-safe h.tsv | dedupe | tally -g "'=sum" -a 'distinct:note\x1b[2J' >chain.out
run "normalize | dedupe | tally" cat chain.out
printf 'url\tkey\ta\033\ta\\x1b\nt.me/a\tk\t1\t2\n' >same.tsv
run "written alike" dedupe same.tsv
echo "raw control bytes in all output: $(tr -d '\t\n' <all.out | od -An -tx1 -v |
	tr ' ' '\n' | grep -c '^[01][0-9a-f]$\|^7f$')"
