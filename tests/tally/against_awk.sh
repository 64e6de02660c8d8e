# tally against independent computations (sort | uniq -c, awk, date) on
# generated rows, for count, every aggregate and every bucket; then shards
# tallied with --partial and merged equal the whole, for every aggregate.
awk -v n=4000 -v seed=11 -f "$TESTDATA/agg/gen.awk" >rows.tsv
fail=0
check() { if cmp -s "$2" "$3"; then echo "ok $1"; else echo "FAIL $1"; diff "$2" "$3" | head -n 5; fail=1; fi; }

# count: sort | uniq -c, then ordered as tally orders (count desc, group).
tally -g platform,key rows.tsv | tail -n +2 | sort >ours
tail -n +2 rows.tsv | cut -f 4,6 | sort | uniq -c | awk '{ print $2 "\t" $3 "\t" $1 }' | sort >theirs
check count ours theirs
tally -g platform,key rows.tsv | tail -n +2 >ours
sort -t '	' -k3,3nr -k1,1 -k2,2 theirs >theirs.sorted
check count-order ours theirs.sorted

# distinct: unique (platform, channel) pairs counted; empties skipped.
tally -g platform -a distinct:channel,distinct:n rows.tsv | tail -n +2 | cut -f 1,3,4 | sort >ours
tail -n +2 rows.tsv | awk -F '\t' '$2 != "" && !s[$4 FS $2]++ { c[$4]++ }
	$7 != "" && !t[$4 FS $7]++ { d[$4]++ } END { for (p in c) print p "\t" c[p] "\t" d[p] }' | sort >theirs
check distinct ours theirs

# first/last by time (ties: first row for first, last row for last).
tally -g platform -a first:channel,last:key rows.tsv | tail -n +2 | cut -f 1,3- | sort >ours
tail -n +2 rows.tsv | awk -F '\t' '$1 != "" && $2 != "" && (!($4 in ft) || $1 < ft[$4]) { ft[$4] = $1; fv[$4] = $2 }
	$1 != "" && $6 != "" && (!($4 in lt) || $1 >= lt[$4]) { lt[$4] = $1; lv[$4] = $6 }
	END { for (p in ft) print p "\t" fv[p] "\t" ft[p] "\t" lv[p] "\t" lt[p] }' | sort >theirs
check first-last ours theirs

# min/max (numeric) and sum (in cents, exact).
tally -g kind -a min:n,max:n,sum:n rows.tsv | tail -n +2 | awk -F '\t' '{
	split($5, a, "."); c = a[1] * 100 + (a[2] == "" ? 0 : substr(a[2] "00", 1, 2))
	print $1 "\t" $3 "\t" $4 "\t" c }' | sort >ours
tail -n +2 rows.tsv | awk -F '\t' '$7 != "" { v = $7 + 0
	if (!($5 in lo) || v < lo[$5]) { lo[$5] = v; los[$5] = $7 }
	if (!($5 in hi) || v > hi[$5]) { hi[$5] = v; his[$5] = $7 }
	split($7, a, "."); s[$5] += a[1] * 100 + a[2] }
	END { for (k in lo) print k "\t" los[k] "\t" his[k] "\t" s[k] }' | sort >theirs
check min-max-sum ours theirs

# buckets: hour, day, month by prefix; ISO week from date(1) per day.
tally -g hour,day,month rows.tsv | tail -n +2 | sort >ours
tail -n +2 rows.tsv | cut -f 1 | awk '{ print ($0 == "" ? "\t\t" : substr($0, 1, 13) "\t" substr($0, 1, 10) "\t" substr($0, 1, 7)) }' |
	sort | uniq -c | awk '{ n = $1; sub(/^ *[0-9]+ /, ""); print $0 "\t" n }' | sort >theirs
check hour-day-month ours theirs
tally -g day,week rows.tsv | tail -n +2 | awk -F '\t' '$1 != "" { print $1 "\t" $2 }' | sort >ours
cut -f 1 ours | while read -r d; do printf '%s\t%s\n' "$d" "$(date -u -d "$d" +%G-W%V)"; done >theirs
check week ours theirs

# Sharded then merged equals whole, for every aggregate at once.
agg=distinct:channel,distinct:key,first:channel,last:key,min:n,max:n,sum:n
tally -g platform,day -a $agg rows.tsv >whole
tail -n +2 rows.tsv | split -l 900 - shard.
for p in shard.??; do { head -n 1 rows.tsv; cat "$p"; } | tally -g platform,day -a $agg --partial >"$p.t"; done
tally --merge shard.*.t >merged
check merge-all whole merged
# Merging partials into a partial, then merging that, changes nothing.
tally --merge --partial shard.aa.t shard.ab.t >ab.t
tally --merge ab.t shard.a[c-z].t >merged2
check merge-nested whole merged2
exit $fail
