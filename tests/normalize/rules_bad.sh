# A rules file with bad rows is refused whole: each bad row is named with
# its line and what is wrong, nothing is read, and the exit status is 2.
printf '%s\n' '# a comment' 'good.example	good' 'hop.example	hopx	invite	/j/{code}	hop.example/j/{cod}' \
    'x.example	x	channel	/{a:nope}	x.example/{a}' 'bad host!	x' \
    'y.example	y	sometimes	/{a}	y.example/{a}' >bad.rules
printf 'url\nhttps://good.example/x\n' | normalize --rules bad.rules
echo "status $?"
printf 'https://good.example/x\n' | extract --all --rules bad.rules
echo "status $?"
