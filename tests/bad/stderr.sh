# Nothing from the data reaches stderr raw: a field, a column name or a
# file name holding a terminal's escape sequence (ESC ] 0 ; ... BEL sets
# the window title), a C1 control, a bidirectional override or bytes that
# are not UTF-8 is shown escaped (\x1b, \u009b, \u202e, \xff), and a
# field of 10,000 bytes is quoted by its two ends. The goldens hold the
# messages as shown; a raw byte would show in their diff.
. "$TOP/tests/lib/bad.sh"
osc=$(printf '\033]0;pwned\007')
printf 'url\tkey\ttime\tcount\tfirst_time\tlast_time\n' >merge.tsv
printf 't.me/a\tt.me/a\tx\t1%s\tx\tx\n' "$osc" >>merge.tsv
printf 't.me/b\tt.me/b\tx\t2\tx\tx\n' >>merge.tsv
run "dedupe --merge, a count with an escape sequence" dedupe -k key --merge merge.tsv
printf 'key\tcount\nt.me/a\t\302\2339m\nt.me/b\t3\n' >tally.tsv
run "tally --merge, a count with a C1 CSI" tally -g key --merge tally.tsv
long=$(head -c 10000 /dev/zero | tr '\0' 7)$osc
printf '%s\tkey\t%s\nx\ty\tz\n' "$long" "$long" >long.tsv
run "tally, a duplicate column name of 10,000 bytes" tally -g key long.tsv
printf 'u%srl\tkey\tu%srl\nt.me/a\tk\tt.me/b\n' "$osc" "$osc" >dup.tsv
run "normalize, a duplicate column name" normalize dup.tsv
run "dedupe -k, a column name the header lacks" dedupe -k "$(printf 'k\342\200\256ey')" merge.tsv
run "normalize, a file name with an escape and a bad byte" normalize "$(printf 'no%s\377.tsv' "$osc")"
