# --fill and --from/--to usage errors: one line naming the program, exit 2.
printf 'time\tplatform\n2019-11-29T10:00:00Z\tt\n' >in.tsv
tally -g platform --by day --fill in.tsv >t.part
tally -g platform --fill in.tsv 2>&1; echo "status $?"
tally -g day,week --fill in.tsv 2>&1; echo "status $?"
tally -g platform --merge --fill t.part 2>&1; echo "status $?"
tally -g platform in.tsv >p.part; tally --merge --fill p.part 2>&1; echo "status $?"
tally --by day --fill --partial in.tsv 2>&1; echo "status $?"
tally --by day --fill --min-count 2 in.tsv 2>&1; echo "status $?"
tally --cohort all --fill in.tsv 2>&1; echo "status $?"
tally --by day --from 2019-11-01 in.tsv 2>&1; echo "status $?"
tally --by day --fill --from 2019-12-01 --to 2019-11-01 in.tsv 2>&1; echo "status $?"
tally --cohort day --from 2019-12-01 --to 2019-11-01 in.tsv 2>&1; echo "status $?"
tally --by day --after 1 in.tsv 2>&1; echo "status $?"
