# gen.awk: deterministic rows shaped like normalize output, for the
# dedupe and tally property tests. awk -v n=ROWS -v seed=S -f gen.awk
# Times are canonical ISO UTC over Nov 25 - Dec 5 2019; a few fields empty;
# n is a decimal with two places (sum is checked in cents).
BEGIN {
	srand(seed ? seed : 42)
	OFS = "\t"
	print "time", "channel", "src_platform", "platform", "kind", "key", "n"
	split("telegram whatsapp discord tamtam", plat, " ")
	split("invite channel post", kinds, " ")
	for (i = 1; i <= n; i++) {
		d = 25 + int(rand() * 11)
		m = d > 30 ? 12 : 11
		if (d > 30) d -= 30
		t = sprintf("2019-%02d-%02dT%02d:%02d:%02dZ", m, d, int(rand() * 24),
		    int(rand() * 60), int(rand() * 60))
		if (rand() < 0.03) t = ""
		ch = "c" int(rand() * rand() * 40)
		sp = plat[1 + int(rand() * rand() * 4)]
		p = plat[1 + int(rand() * 4)]
		k = p "/k" int(rand() * rand() * 300)
		v = sprintf("%d.%02d", int(rand() * 1000), int(rand() * 100))
		if (rand() < 0.05) v = ""
		print t, ch, sp, p, kinds[1 + int(rand() * 3)], k, v
	}
}
