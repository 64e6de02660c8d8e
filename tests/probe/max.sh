# --max N: N requests at most; the keys past it are unknown, and said so.
. "$TOP/tests/probe/mock.inc"
printf 'key\nt.me/durov\nt.me/python\nt.me/nikolai\nt.me/durov\n' >in.tsv
probe $EP --rate 20 --max 2 in.tsv >out.tsv
echo "exit $?"
stamp <out.tsv
echo "requests: $(wc -l <"$log")"
