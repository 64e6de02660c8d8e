# scripts/shard --slurm on a real Slurm: slurmctld, slurmd and munge started
# on 127.0.0.1 for the test. A job array does the jobs (a file each, or
# blocks), a merge job that depends on it merges, and shard waits: the same
# tally.tsv and channels.tsv as one pass. A failing job fails the run,
# naming its input, with nothing written.
[ "${CROSSLINK_BUILD:-}" = san ] &&
	{ echo "scripts only: run once, with the release build" >&2; exit 77; }
shard=$TOP/scripts/shard
. "$TOP/tests/lib/batch.sh"
. "$TOP/tests/lib/slurm.sh"
trap 'slurm_stop' EXIT
trap 'exit 1' INT TERM HUP
slurm_start "$PWD/slurm"; s=$?
[ $s -eq 0 ] || { [ $s -eq 77 ] && echo "no Slurm here" >&2; exit $s; }

split_days in
sums() { cksum in/* | LC_ALL=C sort; }
before=$(sums)

"$shard" --slurm -o files -- in/* && same files in/*
"$shard" --slurm -b 20k -o blocks -- in/big.tsv in/2019-11-25.tsv.gz &&
	same blocks in/big.tsv in/2019-11-25.tsv.gz
[ "$before" = "$(sums)" ] && echo "inputs unchanged"

cp "$TESTDATA/io/truncated.gz" in/cut.gz
"$shard" --slurm -o cut -- in/2019-11-30.tsv in/cut.gz 2>err
echo "truncated gzip: status $? ($(grep -c '^shard: in/cut.gz: job 2 ' err))"
echo "$(ls -A cut | wc -l) files written"
