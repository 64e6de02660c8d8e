# Rocket.Chat asks with a POST and a JSON body (the token); a Telegram
# invite that is up shows its group's title and members.
. "$TOP/tests/probe/mock.inc"
printf 'platform\tkind\tkey\n' >in.tsv
printf 'rocketchat\tinvite\topen.rocket.chat/invite/goodtoken\n' >>in.tsv
printf 'rocketchat\tinvite\topen.rocket.chat/invite/badtoken\n' >>in.tsv
printf 'telegram\tinvite\tt.me/+livehash\n' >>in.tsv
probe $EP --endpoint open.rocket.chat=http://127.0.0.1:$P --rate 20 in.tsv >out.tsv
echo "exit $?"
stamp <out.tsv
awk '{ $1 = ""; print }' "$log" | sort
