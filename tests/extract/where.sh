# --where tests extract's output columns, before escaping: =, !=, an empty
# value, several at once (all must hold), a --keep column, line, text and
# a channel holding a tab; --stats counts the records not written. No
# record left is exit 1, as no link found; an unknown column or a bad
# argument is a usage error, exit 2, before anything is read.
. "$TOP/tests/lib/where.sh"
filter=extract
{
	printf 'time\tchannel\tlang\ttext\n'
	printf '2019-11-29T10:00:00Z\tnews_a\ten\tjoin t.me/+AbCdEfGh and chat.whatsapp.com/K1abc\n'
	printf '2019-11-29T11:00:00Z\t\tru\tsee tt.me/primebot or tamtam.chat/other_bot\n'
	printf '2019-11-30T12:00:00Z\tnews_b\ten\thxxps://t[.]me/durov\n'
	printf '2019-11-30T13:00:00Z\ta\\tb\tru\tline one\\nt.me/+Q9xyzzyQ9\n'
} >in.tsv
cases <<EOF
platform=tamtam|platform=tamtam
platform!=telegram|platform!=telegram
channel= (none)|channel=
channel!= (some)|channel!=
EOF
echo "--- platform=telegram, written!=defanged, a --keep column"
run --keep lang --where platform=telegram --where written!=defanged --where lang=ru
cases <<EOF
line=2|line=2
a channel holding a tab|channel=$(printf 'a\tb')
a value that is only written escaped: no match|channel=a\tb
EOF
echo "--- text, with --text"; run --text --where "text=$(printf 'line one\nt.me/+Q9xyzzyQ9')"
echo "--- source, url with '='"
printf 'see example.com/?a=b\n' | extract --all --where url=example.com/?a=b --where source=- 2>&1
echo "status $?"
echo "--- --stats: out + filtered = the records found"
extract --stats --where platform=telegram in.tsv 2>err >/dev/null; echo "status $?"
cat err
echo "--- nothing left: exit 1"; run --where platform=discord
echo "--- unknown columns: text without --text, a --keep column not asked for"
run --where text=x
run --where lang=en
echo "--- malformed"
run --where platform
run --where =telegram
run --where '!=telegram'
