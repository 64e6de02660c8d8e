# Columns normalize does not know pass through unchanged and in order,
# escapes included; platform, kind, key and channel_key are appended.
printf 'time\turl\tnote\textra\n' >in.tsv
printf '2019-11-29T10:00:00Z\thttps://t.me/s/Durov/42\ta\\tb\\\\c\t\n' >>in.tsv
printf '\tchat.whatsapp.com/invite/AbC\t\\xff\tz\n' >>in.tsv
normalize in.tsv
