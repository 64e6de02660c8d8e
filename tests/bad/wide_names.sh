# tally --wide writes each column name once, so the next filter accepts
# its header: a value heading a column that a group column, count or an
# earlier value already names is headed NAME~2 (or ~3 ...), the empty
# value "(empty)" (the value "(empty)" then "(empty)~2").
. "$TOP/tests/lib/bad.sh"
printf 'platform\tv\n' >w.tsv
printf 'a\t\na\t(empty)\na\tcount\nb\tplatform\nb\tplatform~2\nb\tcount~2\nb\tx\033y\nb\tx\\x1by\n' >>w.tsv
run "--wide" tally -g platform,v --wide w.tsv
tally -g platform,v --wide w.tsv >wide.out
run "| tally" tally -g "(empty)~2" wide.out
run "| dedupe" dedupe -k platform~2~2 wide.out
