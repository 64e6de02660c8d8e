# --csv-safe: every field written (passed through or ours) that starts with
# = + - or @ gets a leading '; others are unchanged.
printf 'channel\turl\tnote\n=cmd|x\tt.me/some_channel\t-2\n@me\thttps://t.me/+AbCdEfGhIjK\tplain\n' >in.tsv
normalize --csv-safe in.tsv
echo "status $?"
normalize in.tsv | cut -f 1,3
