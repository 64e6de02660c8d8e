# --files0-from: 3000 "dedupe --count" partials merged through a
# NUL-terminated list equal one call naming them all, names with a newline
# or a leading "-" among them. Bad lists: exit 2.
. "$TOP/tests/lib/files0.sh"
partials keys 'key\tplatform\tcount\tfirst_time\tlast_time' '
	for (j = 0; j < 3; j++) {
		k = (i * 7 + j * 13) % 97
		printf "t.me/k%d\ttelegram\t%d\t2019-11-%02dT10:00:00Z\t2019-12-%02dT10:00:00Z\n",
		    k, j + 1, (i + j) % 28 + 1, (i * j) % 28 + 1 >f
	}'
cd p
set -- *
echo "$# partials"
dedupe -k key --merge -- * >../args.out
printf '%s\0' * >../list
dedupe -k key --merge --files0-from ../list >../list.out
cmp ../args.out ../list.out && echo "--files0-from equals one call naming them ($(wc -l <../list.out) lines)"
echo "--- only the names with a leading - and a newline"
printf '%s\0' -dash.keys 'new
line.keys' | dedupe -k key --merge --files0-from -
cd ..
echo "--- bad lists"
: >empty.list
dedupe -k key --merge --files0-from empty.list; echo "no names: status $?"
printf 'p/0001.keys\0\0' | dedupe -k key --merge --files0-from - 2>&1 >/dev/null
echo "empty name: status $?"
printf -- '-\0' | dedupe -k key --merge --files0-from - 2>&1 >/dev/null
echo "\"-\" in a list on stdin: status $?"
dedupe -k key --files0-from list p/0001.keys 2>&1; echo "operands too: status $?"
dedupe -k key --files0-from nosuch.list 2>&1; echo "no list: status $?"
