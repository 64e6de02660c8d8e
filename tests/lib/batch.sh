# Shared by tests/batch/*.sh (sourced): inputs cut from the sample, and the
# check that a batch's outputs are what one pass writes.
BIN=$(dirname "$(command -v extract)")
export BIN
one=$PWD/one.tsv

# The sample as one TSV log per day in DIR, the first three gzipped, one
# with a name holding a quote, a space, a newline and a leading dash; and
# DIR/big.tsv, the sample four times over.
split_days() {	# dir
	mkdir -p "$1"
	zcat "$TESTDATA/sample.log.gz" | awk -F '\t' -v d="$1" '
		NR == 1 { h = $0; next }
		{ f = d "/" substr($1, 1, 10) ".tsv"
		  if (!(f in seen)) { print h > f; seen[f] = 1 }
		  print > f }'
	gzip "$1"/2019-11-2[5-7].tsv
	mv "$1/2019-11-28.tsv" "$1/-it's a
name.tsv"
	{ zcat "$TESTDATA/sample.log.gz"
	  for i in 1 2 3; do zcat "$TESTDATA/sample.log.gz" | tail -n +2; done; } >"$1/big.tsv"
}

# OUT/tally.tsv and OUT/channels.tsv against one pass over FILE... in order.
same() {	# out file...
	out=$1
	shift
	{ extract --all -- "$@" || [ $? -eq 1 ]; } | normalize >"$one"
	if tally -g platform,kind --by day -a distinct:key "$one" | cmp -s - "$out/tally.tsv" &&
	    dedupe -k key --count "$one" | cmp -s - "$out/channels.tsv"; then
		echo "$out: equal to one pass ($(($(wc -l <"$out/channels.tsv") - 1)) channels)"
	else
		echo "$out: differs from one pass"
	fi
}
