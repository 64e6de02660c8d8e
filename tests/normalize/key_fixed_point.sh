# A key, normalized again, is itself: the inputs below are fuzz findings
# (fuzz_keys) and their neighbours, each once broke that fixed point.
{ echo url; printf '%s\n' 'lbry://@X://b' 'lbry://@X:1//b/' 'lbry://@X/b' \
    'odysee.com/@X//b' 'lbry://@X/b/c' 'lbry:@X/b%2Fc' 'odysee.com/@X/b%2Fc/d' \
    'lbry:name%%%%332' 'odysee.com/@X/a%2532' 'sgnl://m.youtube.com/c/@x' \
    'facebook.com/.t.me' 'facebook.com/t.m.e.x.y'; } >in.tsv
normalize in.tsv >once.tsv
cut -f 4 once.tsv | sed '1s/.*/url/' | normalize >twice.tsv
cut -f 1,2,4 once.tsv
paste once.tsv twice.tsv | awk -F '\t' 'NR > 1 && $4 != "" && ($4 != $9 || $2 != $7) { print "not a fixed point: " $1 " -> " $2 " " $4 " -> " $7 " " $9 }'
