# Hostile or broken answers never crash or hang probe; each key is unknown
# with why (exit 2): a redirect loop, a redirect off the host, an answer
# past the 2 MiB read, 100 KiB of header lines (past 64 KiB), a host that cannot be reached (asked 3 times). A
# redirect within the host is followed. A title holding control bytes is
# written escaped, one field on one line.
. "$TOP/tests/probe/mock.inc"
# a port nobody listens on: one the mock had, after it is closed
dead=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
printf 'key\nt.me/loop\nt.me/away\nt.me/moved\nt.me/huge\nt.me/headers\nt.me/ctl\ndiscord.gg/G8MGEsC53\n' >in.tsv
probe --endpoint t.me=http://127.0.0.1:$P --endpoint discord.com=http://127.0.0.1:$dead \
    --rate 50 in.tsv >out.tsv 2>err
echo "exit $?"
stamp <out.tsv
cat err
echo "requests: $(awk '{ print $3 }' "$log" | sort | uniq -c | awk '{ printf "%s %s, ", $2, $1 }')"
echo
