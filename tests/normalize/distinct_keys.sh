# No link has an empty key and two different links never share one: links
# of a known platform whose shape no row knows (TamTam joins, Hoop pages),
# invalid ones and web links keep apart through normalize and dedupe.
printf '%s\n' url tt.me/join/AbCdEf tt.me/join/ZyXwVu https://hoopmessenger.com/dl \
    https://hoopmessenger.com/about https://t.me/ab https://t.me/abc \
    https://user@t.me/durov https://t.me/durov 'ftp://t.me/durov' \
    https://signal.art/addstickers/#pack_id=a https://signal.art/addstickers/#pack_id=b |
normalize | dedupe --stats
