# --where counts only the rows that hold: =, !=, an empty value, several at
# once, a value against a field written with escapes, in the batch path
# (plain tally) and the row path (--merge, --cohort). --stats counts the
# rows passed over as filtered. An unknown column and a bad argument are
# errors, exit 2.
cp "$TESTDATA/agg/sample.tsv" s.tsv
run() { tally "$@" 2>&1; echo "status $?"; }
echo "--- kind=invite"; run --where kind=invite -g platform s.tsv
echo "--- kind!=invite"; run --where kind!=invite -g channel s.tsv
echo "--- time= and time!="
run --where time= -g key s.tsv
run --where time!= --where platform=telegram --where channel!=news_a -g channel,kind s.tsv
echo "--- with aggregates and buckets"
run --where src_platform=telegram -g platform --by month -a distinct:key,first:key s.tsv
echo "--- --merge: the partial rows are tested"
tally -g platform,kind -a distinct:key --partial s.tsv >p.tsv
run --merge --where kind=invite -g platform p.tsv
echo "--- --cohort: the dedupe --count rows are tested"
dedupe --count s.tsv >c.tsv
run --cohort all --where platform!=telegram -g platform c.tsv
echo "--- a value holding a tab, against its escape"
printf 'key\tnote\nk1\ta\\tb\nk2\ta\\\\tb\nk3\tab\n' >tab.tsv
run --where "note=$(printf 'a\tb')" -g key tab.tsv
run --where 'note=a\tb' -g key tab.tsv
echo "--- --stats"
tally --stats --where kind=invite --where platform!=discord -g key s.tsv >/dev/null 2>err
echo "status $?"
cat err
echo "--- unknown column"; run --where nosuch=1 -g key s.tsv
echo "--- malformed"; run --where kind -g key s.tsv; run --where =invite s.tsv
