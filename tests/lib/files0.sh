# Shared by the --files0-from tests of the merging filters (sourced): many
# partial inputs, some with names that a list must carry whole.
#	partials EXT HEADER ROWS
# makes p/0001.EXT to p/3000.EXT, but for the 7th, p/-dash.EXT, and the
# 8th, p/new<newline>line.EXT: each holds HEADER (awk's escapes read) and
# then what the awk code ROWS prints to f for the file's number i.
partials() {
	mkdir p
	awk -v ext="$1" -v header="$2" 'BEGIN {
		for (i = 1; i <= 3000; i++) {
			f = sprintf("p/%04d.%s", i, ext)
			if (i == 7) f = "p/-dash." ext
			if (i == 8) f = "p/new\nline." ext
			print header >f
			'"$3"'
			close(f)
		}
	}'
}
