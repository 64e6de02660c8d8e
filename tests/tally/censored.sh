# Survival cells the data cannot show yet are empty, not 0. The sample's
# keys end on 2019-12-04: a day cohort D knows after_N when D + N is on or
# before that day; a week or month cohort when its last day (or --to's, or
# the data's, if earlier) is; --alive-on when its day is.
zcat "$TESTDATA/sample.log.gz" | extract | normalize | dedupe -k key --count >keys.tsv
tally --cohort day --after 1,7 keys.tsv
echo "--- weeks: 2019-W48 ends Dec 1, 2019-W49 is cut by the data's end"
tally --cohort week --after 0,1,3,7 keys.tsv
echo "--- months, and --alive-on on the last day of the data"
tally --cohort month --after 1,7 --alive-on 2019-12-04 keys.tsv
echo "--- --alive-on after the data's end"
tally --cohort day --from 2019-12-02 --alive-on 2019-12-05 --after 1 keys.tsv
echo "--- all: keys first seen up to --to, so N days known up to the end"
tally --cohort all --after 0,1,2,3 keys.tsv
tally --cohort all --to 2019-12-02 --after 0,1,2,3 keys.tsv
echo "--- per platform, near the end"
tally --cohort day --from 2019-12-02 --after 0,1,2 -g platform keys.tsv
