# The hand-labelled real messages (testdata/links/real/*.tsv: which message
# of which corpus, and the links and keys a careful reader gets from it):
# extract --all | normalize must reach precision 99.5% and recall 99% on
# links and on keys over the whole set. The scores go to the runner's
# report as well as to stdout.
[ -d "$CORPORA" ] || { echo "no corpora at $CORPORA (set CORPORA)" >&2; exit 77; }
real=$TESTDATA/links/real
c=$CORPORA
found=$PWD/found.tsv
# corpus msg url key, from "extract ... | normalize" with these columns
pick() {	# corpus; reads normalize's output, msg from $1's columns
	awk -F'\t' -v corpus="$1" '
	NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
	$col["where"] == "forward" || $col["url"] == "" { next }
	{
		if (corpus == "tdesktop") m = $col["id"]
		else if (corpus == "tgdataset") m = $col["channel"] "/" $col["id"]
		else m = $col["source"] ":" $col["line"]
		print corpus "\t" m "\t" $col["url"] "\t" $col["key"]
	}'
}
# every stage checked where the shell can
(set -o pipefail) 2>/dev/null && set -o pipefail
{
	printf 'corpus\tmsg\turl\tkey\n'
	extract --all --keep id "$c/tdesktop-help-ukrainians-de/result.json" 2>>err |
	    normalize | pick tdesktop
	extract --all --keep id "$c/tgdataset-preview/tgdataset_preview_9ch.json" 2>>err |
	    normalize | pick tgdataset
	(cd "$c/dce-komodo/before-2019-Dec-05/csv" && find . -name '*.csv' -print0 |
	    sort -z | sed -z 's,^\./,,' | extract --all --files0-from - 2>>"$OLDPWD/err") |
	    normalize | pick dce
	(cd "$c/irc-qtox-znc" && find 2016 -name '*.txt' -print0 | sort -z |
	    extract --all --format text --files0-from - 2>>"$OLDPWD/err") | normalize | pick irc
} >"$found" || { tail -n 3 err >&2; exit 2; }
awk -f "$real/score.awk" -v min_p=99.5 -v min_r=99 -v verbose=1 \
    "$real"/dce.tsv "$real"/irc.tsv "$real"/tdesktop.tsv "$real"/tgdataset.tsv \
    "$found" >score 2>wrong
status=$?
cat score
[ -n "$CROSSLINK_REPORT" ] && sed 's/^/real set: /' score >>"$CROSSLINK_REPORT"
[ $status -eq 0 ] || { cat wrong >&2; exit 1; }
