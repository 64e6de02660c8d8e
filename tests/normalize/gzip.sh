# gzip input is recognised by its magic bytes.
printf 'url\nt.me/+AbCdEf\n' | gzip -c >in.gz
normalize in.gz
