# --mentions: @name by Telegram's rules (2-32 chars, kept from 4 or a legacy
# 3-letter bot, not glued to a word character, not an e-mail).
cd "$TESTDATA/formats" || exit 2
extract --mentions mentions.txt | cut -f 6-
printf 'x @mention_one t.me/mention_one\n' | extract --mentions | cut -f 6-
