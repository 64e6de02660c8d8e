# dedupe against awk on generated rows: first, last, pairs, --count (count,
# first and last time computed by awk), and shards merged equal the whole.
awk -v n=4000 -v seed=7 -f "$TESTDATA/agg/gen.awk" >rows.tsv
fail=0
check() { if cmp -s "$2" "$3"; then echo "ok $1"; else echo "FAIL $1"; diff "$2" "$3" | head -n 5; fail=1; fi; }

dedupe rows.tsv >ours
awk -F '\t' '!seen[$6]++' rows.tsv >theirs
check first ours theirs

dedupe -k channel,key rows.tsv >ours
awk -F '\t' '!seen[$2 FS $6]++' rows.tsv >theirs
check pairs ours theirs

dedupe --last rows.tsv >ours
{ head -n 1 rows.tsv; tail -n +2 rows.tsv | awk '{ a[NR] = $0 } END { for (i = NR; i; i--) print a[i] }' |
  awk -F '\t' '!seen[$6]++' | awk '{ a[NR] = $0 } END { for (i = NR; i; i--) print a[i] }'; } >theirs
check last ours theirs

dedupe --count rows.tsv >ours
awk -F '\t' 'BEGIN { OFS = "\t" }
NR == 1 { print $0, "count", "first_time", "last_time"; next }
{	k = $6
	if (!(k in c)) { order[++n] = k; rec[k] = $0 }
	c[k]++
	if ($1 != "" && (!(k in lo) || $1 < lo[k])) lo[k] = $1
	if ($1 != "" && (!(k in hi) || $1 > hi[k])) hi[k] = $1
}
END { for (i = 1; i <= n; i++) { k = order[i]; print rec[k], c[k], lo[k], hi[k] } }' rows.tsv >theirs
check count ours theirs

# Shards of 1000 rows, merged, equal the whole byte for byte.
tail -n +2 rows.tsv | split -l 1000 - shard.
for p in shard.??; do { head -n 1 rows.tsv; cat "$p"; } | dedupe --count >"$p.count"; done
dedupe --merge shard.*.count >merged
check merge ours merged
# Merged in another order: the same keys, counts and times once sorted (the
# record kept is the first one merged, so the other columns may differ).
ls shard.*.count | sort -r | xargs dedupe --merge | cut -f 6,8- | sort >merged.sorted
cut -f 6,8- ours | sort >ours.sorted
check merge-any-order ours.sorted merged.sorted
exit $fail
