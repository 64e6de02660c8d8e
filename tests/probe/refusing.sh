# A host that refuses (Cloudflare's "error code: 1015") is asked nothing
# more: its keys left are unknown, with why; other hosts go on.
. "$TOP/tests/probe/mock.inc"
printf 'key\ndiscord.gg/ban1\ndiscord.gg/ban2\ndiscord.gg/G8MGEsC53\nt.me/durov\nt.me/python\n' >in.tsv
probe $EP --rate 20 --stats in.tsv >out.tsv 2>err
echo "exit $?"
stamp <out.tsv
cat err
echo "requests to discord.com: $(grep -c ' /api/' "$log"), to t.me: $(grep -vc ' /api/' "$log")"
