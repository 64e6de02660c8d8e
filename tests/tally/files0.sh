# --files0-from: the names of the inputs, NUL-terminated, from a file or
# stdin; 3000 partials merged through it equal one call naming them all,
# names with a newline or a leading "-" among them. Bad lists: exit 2.
. "$TOP/tests/lib/files0.sh"
partials tally 'platform\tday\tcount\tdistinct:key\tpartial_agg\tpartial_value' '
	p = i % 3 == 0 ? "telegram" : i % 3 == 1 ? "whatsapp" : "discord"
	d = sprintf("2019-11-%02d", i % 28 + 1)
	printf "%s\t%s\t%d\t2\t\t\n", p, d, i % 5 + 2 >f
	printf "%s\t%s\t0\t\tdistinct:key\tk%d\n", p, d, i % 41 >f
	printf "%s\t%s\t0\t\tdistinct:key\tk%d\n", p, d, i % 43 + 50 >f'
cd p
set -- *
echo "$# partials"
tally --merge -- * >../args.out
printf '%s\0' * >../list
tally --merge --files0-from ../list >../list.out
cmp ../args.out ../list.out && echo "--files0-from equals one call naming them"
tally --merge --files0-from - <../list | cmp - ../args.out && echo "list on stdin: equal"
echo "--- only the names with a leading - and a newline"
printf '%s\0' -dash.tally 'new
line.tally' | tally --merge --files0-from -
echo "--- the last name may lack its NUL"
printf '%s\0%s' 0001.tally 0002.tally | tally --merge --files0-from -
cd ..
echo "--- merged"
head -n 4 args.out
echo "--- bad lists"
: >empty.list
tally --merge --files0-from empty.list; echo "no names: status $?"
printf 'p/0001.tally\0\0p/0002.tally\0' | tally --merge --files0-from - 2>&1 >/dev/null
echo "empty name: status $?"
printf 'p/0001.tally\0-\0' | tally --merge --files0-from - 2>&1 >/dev/null
echo "\"-\" in a list on stdin: status $?"
tally --merge --files0-from list p/0001.tally 2>&1; echo "operands too: status $?"
tally --merge --files0-from nosuch.list 2>&1 >/dev/null; echo "no list: status $?"
printf 'p/0001.tally\0nosuch.tally\0' | tally --merge --files0-from - 2>&1 >/dev/null
echo "missing file: status $?"
