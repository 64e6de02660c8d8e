# Telegram and Discord keys against the mock: status, title and members of
# each, a key repeated in the input asked once (every row gets its answer),
# rows in input order, and never two requests to one host closer than
# 1/rate (0.25 s here; the server's clock, 20 ms allowed for its jitter).
. "$TOP/tests/probe/mock.inc"
printf 'platform\tkind\tkey\tn\n' >in.tsv
for k in t.me/durov t.me/python t.me/nikolai t.me/BotFather t.me/zzq9x7v2knot44 \
    t.me/+expiredhash t.me/kanal_ru discord.gg/G8MGEsC53 discord.gg/nosuchinvite t.me/durov; do
	case $k in discord*) p=discord ;; *) p=telegram ;; esac
	case $k in t.me/+*|discord*) kind=invite ;; *) kind=channel ;; esac
	printf '%s\t%s\t%s\t%s\n' $p $kind $k $((n = n + 1))
done >>in.tsv
probe $EP --rate 4 --stats in.tsv >out.tsv 2>err
echo "exit $?"
stamp <out.tsv
sed 's/^/stderr: /' err
echo "requests to t.me: $(grep -vc ' /api/' "$log"), to discord.com: $(grep -c ' /api/' "$log")"
echo "requests for /durov: $(grep -c ' /durov$' "$log")"
echo "t.me gaps under 230 ms: $(gaps '^/[^a]' | awk '$1 < 230' | wc -l)"
echo "discord.com gaps under 230 ms: $(gaps '^/api/' | awk '$1 < 230' | wc -l)"
echo "User-Agent: $(sort -u "$log.ua")"
