# Outputs concatenated ({ extract a; extract b; } | ...): the second header
# line is no record. Every filter reading TSV skips a line equal to the
# header, says nothing of it, counts it in --stats; the exit status stays 0.
printf 'a t.me/chan_one\n' >a.txt
printf 'b t.me/chan_one and t.me/chan_two\n' >b.txt
{ extract a.txt; extract b.txt; } >two.tsv
echo "== normalize"
normalize --stats two.tsv 2>&1 >n.tsv; echo "exit $?"
cut -f 6,11 n.tsv
cat n.tsv n.tsv >four.tsv	# the header twice more
echo "== dedupe"
dedupe --stats -k key four.tsv 2>&1 | cut -f 6; echo "exit $?"
echo "== dedupe --count from stdin"
dedupe --count -k key <four.tsv 2>&1 | cut -f 12-; echo "exit $?"
echo "== tally"
tally --stats -g key four.tsv 2>&1; echo "exit $?"
echo "== tally from stdin"
tally -g key <four.tsv 2>&1; echo "exit $?"
echo "== tally --merge of two tallies"
{ tally -g key n.tsv; tally -g key n.tsv; } | tally --merge --stats 2>&1; echo "exit $?"
echo "== extract reading its own output (-f url)"
extract --stats -f url two.tsv 2>&1 >/dev/null; echo "exit $?"
