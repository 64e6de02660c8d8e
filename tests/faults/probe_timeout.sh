# An answer slower than --timeout is given up on, asked again twice (0.5
# then 1 s later), then unknown with why; probe does not wait for it.
. "$TOP/tests/probe/mock.inc"
printf 'key\nt.me/slow\n' >in.tsv
start=$(date +%s)
probe $EP --timeout 1 --stats in.tsv >out.tsv 2>err
echo "exit $?"
end=$(date +%s)
stamp <out.tsv
cat err
echo "requests: $(grep -c ' /slow$' "$log")"
echo "done within 8 s: $([ $((end - start)) -le 8 ] && echo yes || echo no)"
