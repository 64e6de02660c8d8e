# --fill: every bucket between the first and the last (or those of --from
# and --to) for every combination of the other groups, counted 0; count-like
# aggregates 0, first/last/min/max empty. Rows without a time keep their
# empty bucket; --sort group runs each combination in time order.
printf 'time\tplatform\tkey\tn\n' >in.tsv
printf '2019-11-29T10:00:00Z\ttelegram\ta\t1\n' >>in.tsv
printf '2019-11-29T11:00:00Z\tdiscord\tb\t2\n' >>in.tsv
printf '2019-12-02T09:00:00Z\ttelegram\ta\t3\n' >>in.tsv
printf '\ttelegram\tc\t4\n' >>in.tsv
printf '2019-12-01T09:00:00Z\ttelegram\td\t5\n' >>in.tsv
echo "--- a gap: Nov 30 for both, Dec 1 and 2 for discord"
tally -g platform --by day --fill in.tsv
echo "--- --sort group: in time order"
tally -g platform --by day --fill --sort group -a distinct:key,sum:n,first:key,max:n in.tsv
echo "--- --sort day: by time first"
tally -g platform --by day --fill --sort day in.tsv
echo "--- --from and --to extend the range"
tally -g platform --by day --fill --from 2019-11-27 --to 2019-12-03 --sort group in.tsv
echo "--- and cut it: whole buckets, rows outside filtered (--stats)"
tally -g platform --by day --fill --from 2019-11-30 --to 2019-12-01 --sort group --stats in.tsv 2>&1
tally --by week --fill --from 2019-11-30 --to 2019-12-10 --sort group in.tsv
echo "--- hours, months, and the time as a pivot"
tally --by hour --fill --sort group in.tsv | head -n 5
tally --by month --fill --from 2019-10-15 in.tsv
tally -g platform --by day --fill --sort group --wide in.tsv
echo "--- --merge --fill of --partial shards equals --fill of the whole"
head -n 3 in.tsv >a.tsv; (head -n 1 in.tsv; tail -n +4 in.tsv) >b.tsv
for f in a b; do tally -g platform --by day -a distinct:key --partial $f.tsv >$f.part; done
tally --merge --fill --sort group a.part b.part >merged
tally -g platform --by day -a distinct:key --fill --sort group in.tsv >whole
cmp merged whole && cat merged
tally --merge --fill --to 2019-12-03 -g day --sort group a.part b.part
echo "--- cohorts: days without new keys, and past the data's end"
printf 'key\tplatform\tcount\tfirst_time\tlast_time\n' >keys.tsv
printf 'a\tt\t2\t2019-11-25T10:00:00Z\t2019-12-04T00:00:00Z\n' >>keys.tsv
printf 'b\td\t2\t2019-11-28T10:00:00Z\t2019-11-29T00:00:00Z\n' >>keys.tsv
printf 'c\tt\t2\t2019-12-03T10:00:00Z\t2019-12-03T11:00:00Z\n' >>keys.tsv
tally --cohort day --fill --from 2019-11-24 --to 2019-12-06 --after 0,1 --alive-on 2019-12-01 keys.tsv
tally --cohort week --fill --to 2019-12-20 --after 0,1 -g platform keys.tsv
