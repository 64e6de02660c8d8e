# Real Telegram Desktop export (older exporter: no date_unixtime). Checked
# against figures computed here from the file itself: messages (type
# "message", service ones skipped), forwards (forwarded_from: only a name,
# so counted by --stats as forwards without a link), and hidden
# links: per message, each distinct text_link href that does not also
# appear elsewhere in the message is one "entity" record. And the
# exporter's link pieces: each (but one with a space inside) is a "text"
# record of its message, and no record runs on past one.
f=$CORPORA/tdesktop-help-ukrainians-de/result.json
[ -r "$f" ] || { echo "no corpus at $f (set CORPORA)" >&2; exit 77; }
extract --all --stats "$f" >out 2>err || { cat err >&2; exit 1; }
msgs=$(grep -c '^    "type": "message",$' "$f")
fwds=$(grep -c '^    "forwarded_from": ' "$f")
hrefs=$(awk '
	/^   \{$/ { flush(); n = 0; next }
	{ line[++n] = $0 }
	END { flush(); print total + 0 }
	function flush(   i, j, u, seen, other) {
		for (i = 1; i <= n; i++) {
			if (line[i] !~ /"href": "/) continue
			u = line[i]; sub(/.*"href": "/, "", u); sub(/"$/, "", u)
			if (u in seen) continue
			seen[u] = 1; other = 0
			for (j = 1; j <= n; j++)
				if (line[j] !~ /"href": "/ && index(line[j], u)) other = 1
			if (!other) total++
		}
		split("", seen)
	}' "$f")
# "line url" of every link piece, the line being where its message starts.
awk '
	/^   \{$/ { start = NR }
	prev ~ /^      "type": "link",$/ && /^      "text": "/ {
		u = $0; sub(/^      "text": "/, "", u); sub(/"$/, "", u); print start "\t" u
	}
	{ prev = $0 }' "$f" >pieces
awk -F'\t' 'NR > 1 && $8 == "text" { print $4 "\t" $6 }' out >records
pieces=$(grep -vc ' ' pieces)
found=$(grep -v ' ' pieces | grep -cxFf records)
runs=$(awk -F'\t' 'NR == FNR { p[$1] = p[$1] "\n" $2; next }
	{ n = split(p[$1], a, "\n"); for (i = 2; i <= n; i++)
		if (length($2) > length(a[i]) && index($2, a[i]) == 1) bad++ }
	END { print bad + 0 }' pieces records)
got_msgs=$(sed -n 's/.*; \([0-9]*\) messages.*/\1/p' err)
got_entity=$(awk -F'\t' 'NR > 1 && $8 == "entity"' out | wc -l)
unlinked=$(sed -n 's/.*; \([0-9]*\) forwards without a link$/\1/p' err)
got_fwd=$(($(awk -F'\t' 'NR > 1 && $8 == "forward"' out | wc -l) + ${unlinked:-0}))
bad=$(awk -F'\t' 'NR > 1 && $1 !~ /^20[0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-9:]*Z$/' out | wc -l)
# The figures go to stderr only when they differ.
if [ "$got_msgs" = "$msgs" ] && [ "$got_entity" -eq "$hrefs" ] && [ "$got_fwd" -eq "$fwds" ] &&
   	[ "$bad" -eq 0 ] && [ "$hrefs" -gt 0 ] && [ "$found" -eq "$pieces" ] &&
   	[ "$pieces" -gt 0 ] && [ "$runs" -eq 0 ]; then
	echo ok
else
	echo "messages $got_msgs = $msgs" >&2
	echo "entity $got_entity = $hrefs" >&2
	echo "forward $got_fwd = $fwds" >&2
	echo "records without an ISO time: $bad" >&2
	echo "link pieces found $found = $pieces; records running past one: $runs" >&2
	exit 1
fi
