# --alive-from joins probe output onto the cohorts on the key column: of
# the keys first seen in each cohort, how many were alive, gone or unknown
# when probe last checked them, and how many were never checked (the four
# add up to new). A key checked twice counts by its latest checked_at,
# wherever its row is; several files read as one; keys probed but not in
# the cohorts count nowhere.
s=$TESTDATA/agg/sample.tsv
p=$TESTDATA/probe
dedupe --count "$s" >keys.tsv
tally --cohort all --from 2019-11-29 --to 2019-12-02 --alive-on 2019-12-03 \
    --alive-from "$p/join_night1.tsv" keys.tsv
echo "---"
tally --cohort day -g platform --alive-from "$p/join_night1.tsv" \
    --alive-from "$p/join_night2.tsv" keys.tsv
echo "---"
tally --cohort day --fill --after 1 --alive-from "$p/join_night1.tsv" keys.tsv
echo "--- the files in the other order: the same"
tally --cohort all --alive-from "$p/join_night2.tsv" --alive-from "$p/join_night1.tsv" keys.tsv
tally --cohort all --alive-from "$p/join_night1.tsv" --alive-from "$p/join_night2.tsv" keys.tsv
echo "--- as BATCH.md and PIPELINE.md show it"
cd "$TESTDATA/agg" && dedupe -k key --count sample.tsv | tally --cohort all \
    --from 2019-11-29 --to 2019-12-02 --alive-from ../probe/join_night1.tsv
