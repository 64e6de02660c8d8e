# A platform from one row of a rules file (testdata/rules/example.tsv): the
# made-up messenger hopx is found by extract, named, kinded and keyed by
# normalize, with the code's case kept; the other links are untouched.
rules=$TESTDATA/rules/example.tsv
printf '%s\n' 'join: hxxps://hop[.]example/j/AbC123 or HTTPS://HOP.EXAMPLE/j/abc123/' \
    'not an invite: hop.example/about, and t.me/durov' |
extract --rules "$rules" | normalize --rules "$rules" | cut -f 4,5,6,11,12
