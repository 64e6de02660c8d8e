# scripts/shard -S across machines, for real: an sshd started on 127.0.0.1
# with a host that shares this filesystem (root) and one that does not (a
# user who cannot read our files, crosslink installed in its home). Both
# write what one pass writes, a file a job and in blocks; the inputs stay
# where they were, unchanged; a host that fails is an error naming the input.
[ "${CROSSLINK_BUILD:-}" = san ] &&
	{ echo "scripts only: run once, with the release build" >&2; exit 77; }
shard=$TOP/scripts/shard
. "$TOP/tests/lib/batch.sh"
. "$TOP/tests/lib/sshd.sh"
rdir=
trap '[ -z "$rdir" ] || $SSH_OTHER "rm -rf $rdir" 2>/dev/null; sshd_stop' EXIT
trap 'exit 1' INT TERM HUP
sshd_start "$PWD/sshd"; s=$?
[ $s -eq 0 ] || { [ $s -eq 77 ] && echo "no sshd here" >&2; exit $s; }

# crosslink on the other host, installed through ssh as a user would.
# A folder of this run's own: other runs may share the user.
rdir=$($SSH_OTHER 'mktemp -d "$HOME/crosslink-test.XXXXXX"')
$SSH_OTHER "mkdir $rdir/bin"
for f in extract normalize dedupe tally; do
	$SSH_OTHER "cat >$rdir/bin/$f && chmod +x $rdir/bin/$f" <"$BIN/$f"
done

split_days in
sums() { cksum in/* | LC_ALL=C sort; }
before=$(sums)

"$shard" -S "2/$SSH_SHARED" -o shared -- in/* && same shared in/*
"$shard" -S "2/$SSH_OTHER" --remote-bin "$rdir/bin" -o other -- in/* &&
	same other in/*
"$shard" -S "2/$SSH_OTHER" --remote-bin "$rdir/bin" -b 20k -o other-blocks -- \
    in/big.tsv in/2019-11-25.tsv.gz && same other-blocks in/big.tsv in/2019-11-25.tsv.gz
"$shard" -S "1/$SSH_SHARED,1/$SSH_OTHER" --remote-bin "$rdir/bin" -b 60k \
    -o both -- in/* && same both in/*
[ "$before" = "$(sums)" ] && echo "inputs unchanged, none removed"

# A host that does not answer, and a job that fails on the far side.
"$shard" -S "1/ssh -p 1 -o BatchMode=yes -o ConnectTimeout=5 root@127.0.0.1" -o down -- \
    in/2019-11-30.tsv 2>err
echo "host down: status $? ($(grep -c '^shard: in/2019-11-30.tsv: job 1 failed (status 255 on root@127.0.0.1)' err))"
cp "$TESTDATA/io/truncated.gz" in/cut.gz
"$shard" -S "1/$SSH_OTHER" --remote-bin "$rdir/bin" -o cut -- \
    in/2019-11-30.tsv in/cut.gz 2>err
echo "truncated gzip: status $? ($(grep -c '^shard: in/cut.gz: job 2 failed' err))"
echo "$(ls -A down cut | grep -c tsv) files written"
