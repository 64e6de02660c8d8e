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
# the long output too: a tally of a count column, or a group named as an
# aggregate, renames the column it makes (count~2), and --merge reads it
printf 'key\tcount\na\t1\nb\t1\nc\t2\n' >counts.tsv
run "-g count" tally -g count counts.tsv
tally -g count counts.tsv >c.out
run "-g count | tally -g count~2" tally -g count~2 c.out
run "-g count | tally --merge" tally --merge c.out c.out
printf 'sum:n\tn\nx\t1\nx\t2\n' >agg.tsv
tally -g sum:n -a sum:n --partial agg.tsv >p.out
run "-g sum:n -a sum:n --partial" cat p.out
run "--merge of it" tally --merge p.out p.out
