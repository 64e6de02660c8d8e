# --where picks the rows dedupe reads before they are keyed: a row passed
# over is neither written nor a key seen, so the first kept record of a key
# may come after rows of that key that were not. =, !=, an empty value,
# several at once, with --count and --merge; --stats counts the rows passed
# over (in = out + skipped + duplicates + filtered). An unknown column and a
# bad argument are errors, exit 2.
cp "$TESTDATA/agg/sample.tsv" s.tsv; s=s.tsv
run() { dedupe "$@" 2>&1; echo "status $?"; }
echo "--- kind=invite"; run --where kind=invite "$s"
echo "--- kind!=invite, -k channel"; run -k channel --where kind!=invite "$s"
echo "--- time= (rows without a time) and time!="
run --where time= "$s"
run -k channel --where time!= --where platform=telegram "$s"
echo "--- the first record kept is the first that holds"
run -k key --where channel=chat_c "$s"
echo "--- --count"; run --count --where platform!=telegram "$s"
echo "--- --merge of counts: the rows of the counts are tested"
dedupe --count "$s" >c.tsv
run --merge --where kind=channel c.tsv
echo "--- a value holding a tab, against its escape"
printf 'key\tnote\nk1\ta\\tb\nk2\ta\\\\tb\nk3\tab\n' >tab.tsv
run --where "note=$(printf 'a\tb')" tab.tsv
run --where 'note=a\tb' tab.tsv
echo "--- --stats"
dedupe --stats --where kind=invite "$s" >/dev/null 2>err; echo "status $?"
cat err
echo "--- unknown column"; run --where nosuch=1 "$s"
echo "--- malformed"; run --where kind "$s"; run --where '!=x' "$s"
