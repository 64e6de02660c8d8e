# A platform-table row whose pattern meets PCRE2's match limit on a link
# (a --rules row backtracking without end, on a hostile path) is reported
# with the input's place and the row's, the other rows still decide the
# link, every other record is written, and the exit status is 2.
. "$TOP/tests/lib/bad.sh"
printf 'evil.example\tevil\tchannel\t/{x~(?:a|aa)+[bc]}\tevil.example/{x}\n' >evil.rules
{
	printf 'url\n'
	printf 'https://evil.example/%s\n' "$(head -c 60 /dev/zero | tr '\0' a)"
	printf 'https://evil.example/ab\n'
	printf 'https://t.me/durov\n'
} >links.tsv
run "normalize --rules" normalize --rules evil.rules links.tsv
