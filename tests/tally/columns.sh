# tally reads only the columns it needs from each row, yet every row is
# checked whole: files with the same columns in another order, rows short
# and long (past 512 bytes), a row of the wrong width (reported, skipped,
# exit 2), groups with --where on one of them, aggregates, time buckets.
awk 'BEGIN {
	OFS = "\t"
	print "time", "channel", "text", "platform", "key", "note"
	for (i = 0; i < 60; i++) {
		pad = ""
		for (j = 0; j < (i * 37) % 700; j++)
			pad = pad "x"
		print "2019-11-" 25 + i % 4 "T0" i % 10 ":00:00Z", "ch" i % 3, pad,
		    i % 2 ? "telegram" : "discord", "t.me/k" i % 7, i % 5 ? "" : "n"
	}
}' >a.tsv
# The same rows, columns reversed; then a short file with a bad row.
awk -F '\t' -v OFS='\t' '{ print $6, $5, $4, $3, $2, $1 }' a.tsv >b.tsv
printf 'key\tplatform\ttime\tchannel\tnote\ttext\nt.me/k1\ttelegram\t\tch0\t\t\nbad\trow\nt.me/k9\tvk\t2019-11-26T00:00:00Z\tch1\tn\t%s\n' \
    "$(awk 'BEGIN { for (i = 0; i < 600; i++) printf "y" }')" >c.tsv
tally -g platform,key a.tsv b.tsv c.tsv 2>&1; echo "status $?"
tally -g key,platform --where platform=telegram a.tsv b.tsv 2>&1; echo "status $?"
tally -g platform -a distinct:key,first:channel,last:key,max:note a.tsv b.tsv 2>&1; echo "status $?"
tally -g platform --by day -a distinct:key a.tsv c.tsv 2>&1; echo "status $?"
tally -g note,platform -a distinct:platform b.tsv <a.tsv - 2>&1; echo "status $?"
