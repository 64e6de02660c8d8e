# A failed write is reported and the status is 2.
printf 'url\nt.me/durov\n' | normalize >/dev/full
