# Score found links against the labelled corpus, line by line.
#	awk -f score.awk -v name=extract labelled.tsv found.tsv
# labelled.tsv: header, then "LINKS<tab>MESSAGE" (LINKS space-separated,
# as a careful reader would extract them; message N is line N of the text
# given to the extractor). found.tsv: a header naming the columns "line" and
# "url", then one row per link found. A found link is right when the same
# line expects it (each expected link matches once). Prints precision and
# recall; with -v min_p=.. -v min_r=.. exits 1 below either bar, and with
# -v verbose=1 lists the wrong and the missed links on stderr.
BEGIN { FS = "\t" }
NR == FNR {
	if (FNR == 1)
		next
	n = split($1, a, " ")
	for (i = 1; i <= n; i++) {
		want[FNR - 1, a[i]]++
		nwant++
	}
	next
}
FNR == 1 {
	for (i = 1; i <= NF; i++)
		col[$i] = i
	if (!("line" in col) || !("url" in col)) {
		print "score.awk: " FILENAME ": no line and url columns" > "/dev/stderr"
		exit 2
	}
	next
}
{
	l = $col["line"]
	u = $col["url"]
	ngot++
	if (want[l, u] > 0) {
		want[l, u]--
		right++
	} else if (verbose)
		print name ": wrong, line " l ": " u > "/dev/stderr"
}
END {
	if (verbose)
		for (k in want)
			if (want[k] > 0) {
				split(k, kk, SUBSEP)
				print name ": missed, line " kk[1] ": " kk[2] > "/dev/stderr"
			}
	p = ngot ? 100 * right / ngot : 0
	r = nwant ? 100 * right / nwant : 0
	printf "%s: precision %.1f%% (%d of %d found), recall %.1f%% (%d of %d)\n", \
	    name, p, right, ngot, r, right, nwant
	if ((min_p != "" && p < min_p) || (min_r != "" && r < min_r))
		exit 1
}
