# The labelled corpus (testdata/links/labelled.tsv, one message a line with
# the links a careful reader extracts): extract --all must reach precision
# 99.5% and recall 99%. The grep -oE line users would write otherwise is
# scored on the same corpus for comparison (BENCHMARKS.md).
corpus=$TESTDATA/links/labelled.tsv
score=$TESTDATA/links/score.awk
tail -n +2 "$corpus" | cut -f 2- > messages.txt
extract --all --format text messages.txt > found.tsv
[ $? -le 1 ] || exit 2
awk -f "$score" -v name=extract -v min_p=99.5 -v min_r=99 -v verbose=1 \
    "$corpus" found.tsv >score
status=$?
cat score
[ -n "$CROSSLINK_REPORT" ] && sed 's/^/labelled set: /' score >>"$CROSSLINK_REPORT"
[ $status -eq 0 ] || exit 1
{
	printf 'line\turl\n'
	grep -noE '(https?://|www\.)[^ ]+' messages.txt | sed 's/:/	/'
} > grep.tsv
awk -f "$score" -v name='grep -oE' "$corpus" grep.tsv
