# A failed write (stdout on /dev/full) is reported once, naming stdout and
# the reason, and every filter exits 2.
[ -w /dev/full ] || { echo "no /dev/full" >&2; exit 77; }
zcat "$TESTDATA/sample.log.gz" >log.tsv
extract --all log.tsv | normalize >rows.tsv
for cmd in "extract --all log.tsv" "normalize rows.tsv" "dedupe rows.tsv" \
    "dedupe --count rows.tsv" "tally -g platform rows.tsv"; do
	$cmd >/dev/full 2>err
	echo "$cmd: exit $?: $(cat err)"
done
