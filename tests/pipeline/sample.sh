# The README's pipeline on the bundled sample: distinct links per platform
# and kind, and invites per platform per day.
cd "$TESTDATA" || exit 2
extract sample.log.gz | normalize | dedupe | tally -g platform,kind
extract sample.log.gz | normalize | dedupe | tally --where kind=invite -g platform --by day
