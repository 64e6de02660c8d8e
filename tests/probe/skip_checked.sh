# --skip-checked: a key found alive or gone within --fresh in an earlier
# output is not asked again (its earlier answer is written, checked_at and
# all); a stale one, or one that was unknown, is.
. "$TOP/tests/probe/mock.inc"
now=$(date -u -d "1 hour ago" +%Y-%m-%dT%H:%M:%SZ)
printf 'key\tchecked_at\tstatus\thttp\ttitle\tmembers\twhy\n' >earlier.tsv
printf 't.me/durov\t%s\talive\t200\tPavel Durov\t11286994\t\n' "$now" >>earlier.tsv
printf 't.me/python\t2020-01-01T00:00:00Z\talive\t200\tPython\t5\t\n' >>earlier.tsv
printf 't.me/nikolai\t%s\tunknown\t\t\t\tHTTP 500 (after 3 tries)\n' "$now" >>earlier.tsv
printf 't.me/zzq9x7v2knot44\t%s\tgone\t200\t\t\t\n' "$now" >>earlier.tsv
printf 'key\nt.me/durov\nt.me/python\nt.me/nikolai\nt.me/zzq9x7v2knot44\n' >in.tsv
probe $EP --rate 20 --skip-checked earlier.tsv --fresh 7d --stats in.tsv >out.tsv 2>err
echo "exit $?"
awk -F'\t' -v now="$now" 'NR > 1 && $2 == now { $2 = "EARLIER" } { print }' OFS='\t' out.tsv | stamp
cat err
echo "asked: $(awk '{ print $3 }' "$log" | sort | tr '\n' ' ')"
