# The WhatsApp links corpus: 3 599 links, 472 of them in the /invite/
# spelling, 3 348 distinct invite codes (corpora README). Both spellings
# must give one key per code, and every link must be an invite.
f=$CORPORA/whatsapp-group-links/whatsapp_group_links.txt
if [ ! -f "$f" ]; then
	echo "no corpus at $f" >&2
	exit 77
fi
{ echo url; cat "$f"; } | normalize | awk -F '\t' '
	NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
	{ kinds[$c["kind"]]++; if (!($c["key"] in seen)) { seen[$c["key"]] = 1; keys++ } }
	END { for (k in kinds) print k, kinds[k]; print "keys", keys }' | sort
