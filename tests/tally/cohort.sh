# Cohorts from dedupe --count: of the keys first seen Nov 29 - Dec 2, how
# many were last seen on or after Dec 3; and new keys per day with how many
# were still seen 1 and 3 days later.
s=$TESTDATA/agg/sample.tsv
dedupe --count "$s" >keys.tsv
tally --cohort all --from 2019-11-29 --to 2019-12-02 --alive-on 2019-12-03 keys.tsv
tally --cohort all --from 2019-11-29 --to 2019-12-02 --alive-on 2019-12-03 -g platform keys.tsv
echo "---"
tally --cohort day --after 1,3 keys.tsv
tally --cohort week keys.tsv
