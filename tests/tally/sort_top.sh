# --sort by a group column, the group, or an aggregate; -r; -n; --min-count;
# --where keeps matching rows only.
s=$TESTDATA/agg/sample.tsv
tally -g channel -a distinct:key --sort distinct:key "$s"
echo "--- -r --sort channel"
tally -g channel -r --sort channel "$s"
echo "--- -n 2 --min-count 3"
tally -g key -n 2 "$s"
tally -g key --min-count 3 "$s"
echo "--- --where kind=invite: which channels spread the most invites"
tally --where kind=invite -g channel -a distinct:key --sort distinct:key "$s"
