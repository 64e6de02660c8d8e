# --where tests the records normalize writes: its own columns (kind, key,
# channel_key appended, platform filled in where empty) as well as the
# input's, decoded; =, !=, an empty value, several at once. --stats counts
# the records not written (in = out + skipped + filtered) and the kinds of
# those written. An unknown column skips the file, exit 2; a bad argument
# is a usage error.
. "$TOP/tests/lib/where.sh"
filter=normalize
{
	printf 'channel\tplatform\turl\n'
	printf 'news_a\ttelegram\thttps://t.me/+AbCdEfGh\n'
	printf 'news_a\t\tt.me/durov/42\n'
	printf '\t\tchat.whatsapp.com/K1abc\n'
	printf 'a\\tb\tcustom\tt.me/durov\n'
	printf 'news_b\t\thttp://\n'
} >in.tsv
cases <<EOF
kind=invite (an appended column)|kind=invite
kind!=invite|kind!=invite
platform=telegram: filled in, or as read|platform=telegram
key= (none: only an empty link has an empty key)|key=
channel_key!=|channel_key!=
EOF
echo "--- channel= and channel!= (an input column)"
run --where channel=
run --where channel!= --where platform!=custom --where kind!=invalid
echo "--- a channel holding a tab"; run --where "channel=$(printf 'a\tb')"
echo "--- on input that already has kind: the kind we write is tested"
printf 'url\tkind\nt.me/durov\tinvite\n' | normalize --where kind=channel 2>&1; echo "status $?"
echo "--- --stats"
normalize --stats --where platform=telegram in.tsv >/dev/null 2>err; echo "status $?"
cat err
echo "--- unknown column: that file skipped"
printf 'url\tlang\nt.me/durov\ten\n' >lang.tsv
normalize --where lang=en in.tsv lang.tsv 2>&1; echo "status $?"
normalize --where lang=en lang.tsv in.tsv 2>&1; echo "status $?"
echo "--- malformed"
run --where kind
run --where =invite
