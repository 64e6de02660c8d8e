# --stats counts records per kind on stderr at the end; an unparseable url
# is kind invalid with an empty key and gets no message of its own.
printf 'url\nt.me/durov\nt.me/abc\n\nhttp://\nexample.com/x\nt.me/durov/5\n' >in.tsv
normalize --stats in.tsv 2>err.txt
echo "status $?"
cat err.txt
