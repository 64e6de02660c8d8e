# testdata/sample.log.gz and sample.txt.gz are exactly what the commands
# documented at the top of scripts/genlog.c write. The commands are read
# from that comment, so the comment cannot drift; the comparison is of the
# decompressed bytes, since gzip versions may compress differently.
src=${TOP:-$TESTDATA/..}/scripts/genlog.c
sed -n 's#^ \*	build/genlog \(.*\) | gzip -n -9 >testdata/\([a-z.]*\)$#\2 \1#p' "$src" >commands
printf 'documented commands: %s\n' "$(wc -l <commands | tr -d ' ')"
while read -r file args; do
	# shellcheck disable=SC2086 # args is a word list on purpose
	genlog $args >new
	gzip -dc "$TESTDATA/$file" >old
	if cmp -s new old; then echo "$file: regenerated exactly"; else echo "$file: DIFFERS"; fi
done <commands

# The sample has links of every platform and every defanged form.
gzip -dc "$TESTDATA/sample.log.gz" >s.tsv
fwdot=$(printf '\357\274\216')	# U+FF0E full-width full stop
ideo=$(printf '\343\200\202')	# U+3002 ideographic full stop
zwsp=$(printf '\342\200\213')	# U+200B zero-width space
printf 'messages: %s\n' "$(sed 1d s.tsv | wc -l | tr -d ' ')"
for p in 't.me/+' 't.me/joinchat/' 'telegram.me/' 'telegram.dog/' '.t.me' \
    'tg://resolve?domain=' 'tg://join?invite=' 't.me/addlist/' 'tamtam.chat/' 'tt.me/' \
    '/invite/' 'go.rocket.chat/invite?host=' 'hoopmessenger.com' \
    'chat.whatsapp.com/' 'wa.me/' 'whatsapp.com/channel/' 'discord.gg/' \
    'discord.com/invite/' 'twitter.com/' 'x.com/' 'facebook.com/' 'youtu.be/' \
    'youtube.com/' 'vk.com/' 'vk.me/join/' 'archive.org/details/' \
    'web.archive.org/web/' 'justpaste.it/' 'bit.ly/' 'tinyurl.com/' 't.co/' \
    'hxxp' '[.]' '(.)' '[dot]' '{.}' '[:]' ' . ' "$fwdot" "$ideo" "$zwsp" '¯\\'; do
	n=$(grep -c -F -e "$p" s.tsv)
	if [ "$n" -gt 0 ]; then printf 'present: %s\n' "$p"; else printf 'MISSING: %s\n' "$p"; fi
done | sed -e "s/$zwsp/<U+200B>/" -e "s/$fwdot/<U+FF0E>/" -e "s/$ideo/<U+3002>/"
