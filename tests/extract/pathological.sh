# Lines built to make a matcher backtrack or rescan: each must finish in
# time linear in its length (a generous timeout stands in for "linear";
# quadratic work on 10 MB would take hours) and give the right links.
# What is checked is the output, never the time taken.
rep() {	# count string: string repeated count times, no newline
	awk -v n="$1" -v s="$2" 'BEGIN { while (n-- > 0) printf "%s", s }'
}
check() {	# label file: extract's links, counted, under a timeout
	timeout 120 extract "$2" >out 2>err
	st=$?
	echo "$1: exit $st, $(($(wc -l <out) - 1)) links, $(sort -u out | sed 1d | cut -f 6 | sort -u | wc -l) distinct," \
	    "last $(tail -n 1 out | cut -f 6), $(wc -l <err) stderr lines"
}
{ rep 2000000 't.me/'; echo ' t.me/end_one'; } >tme.txt		# 10 MB
check "t.me/ x 2M" tme.txt
{ rep 3500000 '((('; echo ' t.me/end_two'; } >paren.txt		# 10.5 MB
check "((( x 3.5M" paren.txt
{ rep 1500000 'hxxp[.]'; echo ' hxxps://t[.]me/end_three'; } >hxxp.txt	# 10.5 MB
check "hxxp[.] x 1.5M" hxxp.txt
{ rep 1000000 't.me/c_abcde '; echo; } >many.txt			# 1M links, 13 MB
check "1M links in a line" many.txt
{ echo 'first t.me/first_line'; rep 1600000 'lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod ';
  printf 't.me/no_newline'; } >long.txt					# 117 MB, no newline at the end
check "100 MB line without newline" long.txt
