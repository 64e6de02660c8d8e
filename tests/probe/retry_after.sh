# A 429 is waited out: Retry-After: 1 (the header) on t.me, retry_after
# 1.0 (Discord's JSON) on discord.com; the second request comes at least
# a second after the first (the server's clock, 20 ms allowed), and the key
# is then answered.
. "$TOP/tests/probe/mock.inc"
printf 'key\nt.me/busy\ndiscord.gg/busyjson\n' >in.tsv
probe $EP --rate 10 --stats in.tsv >out.tsv 2>err
echo "exit $?"
stamp <out.tsv
cat err
echo "t.me requests: $(grep -c ' /busy$' "$log"), gap at least 980 ms: $(gaps '^/busy$' | awk '$1 >= 980' | wc -l)"
echo "discord.com requests: $(grep -c '/busyjson$' "$log"), gap at least 980 ms: $(gaps 'busyjson$' | awk '$1 >= 980' | wc -l)"
