# Every filter has a man page that mandoc finds no fault in, and its
# SYNOPSIS names the same options as its --help.
command -v mandoc >/dev/null || { echo "mandoc is not installed" >&2; exit 77; }
opts() { grep -o -- '-[-a-z][-a-z]*' | sed 's/^-\([a-z]\)$/-\1/' | sort -u | tr '\n' ' '; echo; }
for f in extract normalize dedupe tally; do
	mandoc -Tlint -Wwarning "$TOP/filters/$f.1" || echo "$f.1: mandoc -Tlint complains"
	# SYNOPSIS as mandoc renders it, up to DESCRIPTION.
	MANWIDTH=200 mandoc -Tascii "$TOP/filters/$f.1" | sed 's/.\x08//g' |
		sed -n '/^SYNOPSIS/,/^DESCRIPTION/p' | opts >man.opts
	"$f" --help | opts >help.opts
	if cmp -s man.opts help.opts; then
		echo "$f: $(wc -w <man.opts) options, page and --help agree"
	else
		echo "$f: page: $(cat man.opts)"; echo "$f: help: $(cat help.opts)"
	fi
done
