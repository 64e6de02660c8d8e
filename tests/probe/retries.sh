# 5xx answers are asked again, further apart each time: /flaky answers 500
# twice, then the page (alive after 3 requests); /down answers 500 every
# time (unknown after 3 tries, exit 2).
. "$TOP/tests/probe/mock.inc"
printf 'key\nt.me/flaky\nt.me/down\n' >in.tsv
probe $EP --rate 20 --stats in.tsv >out.tsv 2>err
echo "exit $?"
stamp <out.tsv
cat err
echo "requests: flaky $(grep -c ' /flaky$' "$log"), down $(grep -c ' /down$' "$log")"
echo "flaky gaps of at least 480 ms: $(gaps '^/flaky$' | awk '$1 >= 480' | wc -l)"
