# normalize --files0-from: input names, NUL-terminated; a name may start
# with "-" or hold a newline. Operands as well: exit 2.
printf 'url\nhttps://t.me/joinchat/AbC\n' >-dash.tsv
printf 'url\nt.me/s/durov\n' >'new
line.tsv'
printf '%s\0' -dash.tsv 'new
line.tsv' | normalize --files0-from -; echo "status $?"
printf 'x\0' >list
normalize --files0-from list -- -dash.tsv 2>&1; echo "status $?"
