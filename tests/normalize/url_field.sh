# -u and --url-field name another column; a missing one is named.
printf 'link\nt.me/joinchat/AbCd\n' >in.tsv
normalize -u link in.tsv
normalize --url-field link in.tsv | cut -f 3
normalize -u url in.tsv 2>&1 >/dev/null
echo "status $?"
