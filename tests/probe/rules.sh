# --rules: an analyst's probe row for a platform the table has no markers
# for (here WhatsApp invites, marked alive by a title block, gone by 404)
# is used, tried before the built-in rows; keys it does not take stay
# unknown, with why.
. "$TOP/tests/probe/mock.inc"
printf 'probe\twhatsapp\tinvite\tchat.whatsapp.com/{code}\t5\tGET https://chat.whatsapp.com/{code}\talive\thttp=200\thas=class="tgme_page_title"\tgone\thttp=404\ttitle=re:class="tgme_page_title"[^>]*>\\s*<span[^>]*>(.*?)</span>\n' >wa.rules
printf 'platform\tkind\tkey\n' >in.tsv
printf 'whatsapp\tinvite\tchat.whatsapp.com/durov\n' >>in.tsv
printf 'whatsapp\tinvite\tchat.whatsapp.com/AbCdEf\n' >>in.tsv
printf 'tamtam\tchannel\ttt.me/news\n' >>in.tsv
probe --rules wa.rules --endpoint chat.whatsapp.com=http://127.0.0.1:$P in.tsv >out.tsv
echo "exit $?"
stamp <out.tsv
awk '{ print $3 }' "$log" | sort
