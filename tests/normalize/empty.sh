# Empty input is a table with no columns: nothing out, status 0. A header
# alone gives our header alone.
: >empty.tsv
normalize empty.tsv
echo "status $?"
printf 'url\tplatform\n' | normalize
echo "status $?"
