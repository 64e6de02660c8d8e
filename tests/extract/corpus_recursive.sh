# -r over a real tree of exports gives the same records, in the same
# order, as the files find lists, sorted as LC_ALL=C sort does.
d=$CORPORA/dce-komodo/before-2019-Dec-05/csv
[ -d "$d" ] || { echo "no corpus at $d (set CORPORA)" >&2; exit 77; }
extract -r "$d" >r.out 2>/dev/null
find "$d" -type f | LC_ALL=C sort | tr '\n' '\0' >files
extract --files0-from files >f.out 2>/dev/null
if cmp -s r.out f.out && [ "$(wc -l <r.out)" -gt 1000 ]; then
	echo "ok: $(($(wc -l <r.out) - 1)) records from $(tr -cd '\0' <files | wc -c) files"
else
	echo "extract -r and the sorted find list differ" >&2
	exit 1
fi
