# Score extract's links and normalize's keys against the hand-labelled
# real messages, message by message.
#	awk -f score.awk LABELS... found.tsv
# LABELS: "corpus msg links keys" (links and keys space-separated, in the
# same order; a message with no link has both empty). found.tsv: "corpus
# msg url key", one row per record found. Only the messages a label file
# names are scored. Prints precision and recall of links (exact url) and of
# keys, for each corpus and in all; with -v min_p=.. -v min_r=.. exits 1
# when the whole set is below either bar; -v verbose=1 lists the wrong and
# missed links on stderr.
BEGIN { FS = "\t" }
FNR == 1 { next }
FILENAME != found {
	if (FILENAME == ARGV[ARGC - 1])
		found = FILENAME
	else {
		m = $1 SUBSEP $2
		if (m in labelled) {
			print "score.awk: " FILENAME ":" FNR ": message labelled twice: " $2 > "/dev/stderr"
			bad = 1
		}
		labelled[m] = 1
		corpora[$1] = 1
		nl = split($3, l, " ")
		nk = split($4, k, " ")
		if (nl != nk) {
			print "score.awk: " FILENAME ":" FNR ": " nl " links, " nk " keys" > "/dev/stderr"
			bad = 1
		}
		for (i = 1; i <= nl; i++) {
			want_url[m, l[i]]++
			want_key[m, k[i]]++
			nwant[$1]++
		}
		next
	}
}
{
	m = $1 SUBSEP $2
	if (!(m in labelled))
		next
	ngot[$1]++
	if (want_url[m, $3] > 0) {
		want_url[m, $3]--
		right_url[$1]++
	} else if (verbose)
		print "wrong link: " $1 " " $2 ": " $3 > "/dev/stderr"
	if (want_key[m, $4] > 0) {
		want_key[m, $4]--
		right_key[$1]++
	} else if (verbose)
		print "wrong key:  " $1 " " $2 ": " $4 > "/dev/stderr"
}
function line(name, what, right, got, want) {
	printf "%-10s %-5s %5.1f%% precision (%d of %d found), %5.1f%% recall (%d of %d)\n", \
	    name, what, got ? 100 * right / got : 100, right, got, \
	    want ? 100 * right / want : 100, right, want
}
END {
	if (verbose)
		for (x in want_url)
			if (want_url[x] > 0) {
				split(x, p, SUBSEP)
				print "missed link: " p[1] " " p[2] ": " p[3] > "/dev/stderr"
			}
	n = 0
	for (c in corpora)
		names[++n] = c
	# a fixed order: by name
	for (i = 2; i <= n; i++)
		for (j = i; j > 1 && names[j - 1] > names[j]; j--) {
			t = names[j]; names[j] = names[j - 1]; names[j - 1] = t
		}
	for (i = 1; i <= n; i++) {
		c = names[i]
		line(c, "links", right_url[c] + 0, ngot[c] + 0, nwant[c] + 0)
		line(c, "keys", right_key[c] + 0, ngot[c] + 0, nwant[c] + 0)
		tu += right_url[c]; tk += right_key[c]; tg += ngot[c]; tw += nwant[c]
	}
	line("all", "links", tu, tg, tw)
	line("all", "keys", tk, tg, tw)
	if (bad)
		exit 2
	if (min_p != "" && (100 * tu < min_p * tg || 100 * tk < min_p * tg))
		exit 1
	if (min_r != "" && (100 * tu < min_r * tw || 100 * tk < min_r * tw))
		exit 1
}
