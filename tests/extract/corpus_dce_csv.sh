# Real DiscordChatExporter CSV (old ";" variant with trailing ";", quoted
# multi-line content, zone-less dates). Every record is read and none is
# skipped: the figure is the count of lines that open a record
# ("<digits>";"), computed here; every record has a time.
d=$CORPORA/dce-komodo/before-2019-Dec-05/csv
[ -d "$d" ] || { echo "no corpus at $d (set CORPORA)" >&2; exit 77; }
find "$d" -name '*.csv' | sort >files
xargs extract --all --stats <files >out 2>err || { tail -n 3 err >&2; exit 1; }
rows=$(xargs cat <files | grep -c '^"[0-9]*";"')
got=$(sed -n 's/.*; \([0-9]*\) messages.*/\1/p' err)
skipped=$(sed -n 's/.* out, \([0-9]*\) skipped.*/\1/p' err)
notime=$(awk -F'\t' 'NR > 1 && $1 == ""' out | wc -l)
# The figures go to stderr only when they differ.
if [ "$got" -eq "$rows" ] && [ "$skipped" = 0 ] && [ "$notime" -eq 0 ]; then
	echo ok
else
	echo "messages $got = $rows; skipped $skipped; records without time $notime" >&2
	exit 1
fi
