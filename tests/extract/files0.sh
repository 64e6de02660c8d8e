# extract --files0-from: input names, NUL-terminated, from a file or stdin;
# a name may start with "-" or hold a newline. Bad lists: exit 2, and no
# header before a usage error.
printf 'see t.me/dash_chan\n' >-dash.txt
printf 'see t.me/newline_chan\n' >'new
line.txt'
printf 'see t.me/plain_chan\n' >plain.txt
printf '%s\0' -dash.txt 'new
line.txt' plain.txt >list
extract --files0-from list; echo "status $?"
echo "--- the list on stdin, gzip among the inputs"
gzip -c plain.txt >plain.gz
printf '%s\0' plain.gz -dash.txt | extract --files0-from - | cut -f 3-6
echo "--- --blocks from a list"
printf '%s\0' -dash.txt 'new
line.txt' | extract --blocks 1k --files0-from -; echo "status $?"
echo "--- bad lists"
: >empty.list
extract --files0-from empty.list; echo "no names: status $?"
printf 'plain.txt\0\0-dash.txt\0' | extract --files0-from - >out 2>err
echo "empty name: status $?"
cut -f 3,4 out
cat err
printf 'plain.txt\0-\0' | extract --files0-from - 2>&1 >/dev/null
echo "\"-\" in a list on stdin: status $?"
extract --files0-from list plain.txt 2>&1; echo "operands too: status $?"
extract --files0-from nosuch.list 2>&1 >/dev/null; echo "no list: status $?"
