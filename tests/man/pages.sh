# Every filter has a man page that mandoc finds no fault in, and three
# lists of its options agree: the code's (the own_options[] table of
# filters/NAME.c and the shared options of common/opts.c it gives a place
# to or all filters take, from which getopt's tables and --help are made), the lines of
# --help, and the page (its SYNOPSIS and its option list).
command -v mandoc >/dev/null || { echo "mandoc is not installed" >&2; exit 77; }
norm() { sed 's/\\-/-/g' | tr ' ' '\n' | grep -E '^-(-[a-z0-9-]+|[a-zA-Z])$' | sort -u | tr '\n' ' '; echo; }
for f in extract normalize dedupe tally probe; do
	src=$TOP/filters/$f.c page=$TOP/filters/$f.1
	mandoc -Tlint -Wwarning "$page" || echo "$f.1: mandoc -Tlint complains"
	# the code: { "name", 'x', ... } rows of own_options[], and the shared
	# ones whose place (.stats = ..., .files0 = ...) the filter gives
	{
		sed -n '/^static const struct opt own_options\[\] = {/,/^};/p' "$src"
		for o in where stats progress line-buffered csv-safe; do
			field=$(echo "$o" | sed 's/where/wheres/; s/-/_/g')
			grep -q "\.$field = " "$src" && grep "^	{ \"$o\"" "$TOP/common/opts.c"
		done
		grep -E '^	\{ "(files0-from|recursive|max-record|quiet|help|version)"' "$TOP/common/opts.c"
	} | sed -n 's/^	{ \(NULL\|"\([a-z0-9-]*\)"\), \(0\|'"'"'\(.\)'"'"'\),.*/--\2 -\4/p' |
	    sed 's/^-- //; s/ -$//' | norm >code.opts
	# --help: the first word or two of each line after "options:"
	"$f" --help | sed -n '/^options:/,$p' | sed 1d |
	    awk '{ for (i = 1; i <= 2; i++) { w = $i; sub(/,$/, "", w); print w } }' |
	    norm >help.opts
	# the page: every "Fl x" of the option list, and the SYNOPSIS
	sed -n 's/^\.It //p' "$page" | sed 's/Fl \([^ ]*\)/\n-\1\n/g' | sed 's/^-\\-/--/' |
	    norm >list.opts
	MANWIDTH=200 mandoc -Tascii "$page" | sed 's/.\x08//g' |
	    sed -n '/^SYNOPSIS/,/^DESCRIPTION/p' | grep -o -- '-[-a-z0-9][-a-z0-9]*' |
	    norm >syn.opts
	# --help and --version are in every filter and on no page's list
	sed 's/--help //; s/--version //; s/-h //' code.opts >code.page
	sed 's/--help //; s/--version //; s/-h //' list.opts >list.page
	sed 's/--help //; s/--version //; s/-h //' syn.opts >syn.page
	# the SYNOPSIS may give an option by one of its names only
	extra=
	for o in $(cat syn.page); do
		case " $(cat code.page)" in *" $o "*) ;; *) extra="$extra $o" ;; esac
	done
	if cmp -s code.opts help.opts && cmp -s code.page list.page && [ -z "$extra" ]; then
		echo "$f: $(wc -w <code.opts) options: code, --help and page agree"
	else
		echo "$f: code: $(cat code.opts)"; echo "$f: help: $(cat help.opts)"
		echo "$f: page: $(cat list.opts)"; echo "$f: synopsis: $(cat syn.opts)"
	fi
done
