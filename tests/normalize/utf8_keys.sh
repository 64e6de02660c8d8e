# Keys are valid UTF-8 whatever the link holds: every byte that is not part
# of valid UTF-8, raw in the url field or decoded from an escape, and C1
# controls, are written %XX (upper-case hex); valid UTF-8 stays as it is.
# A proxy whose server is not valid UTF-8 is invalid (TDLib refuses it).
{
	echo url
	echo 'tg://proxy?server=%FF&port=443&secret=abc'
	echo 'https://t.me/proxy?server=%C3'
	echo 'https://t.me/proxy?server=%C3&port=443&secret=dd000102030405060708090a0b0c0d0e0f'
	echo 'https://matrix.to/#/%23r%FF:x.org/$e%C2%85'
	echo 'https://matrix.to/#/%23кот:x.org'
	printf 'https://web.archive.org/web/2019/https://ex.com/\377\n'
	printf 'https://\377.com/a\342\202\n'
	printf 'https://x.com/ab\300\257/status/1\n'
} >in.tsv
normalize in.tsv | cut -f 3-
# the whole output, the url column's bad bytes aside, is valid UTF-8
normalize in.tsv | cut -f 2- | iconv -f UTF-8 -t UTF-8 >/dev/null && echo valid UTF-8
