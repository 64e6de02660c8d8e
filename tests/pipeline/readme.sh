# The README's commands, run as written from a checkout, print what the
# README shows: every "$ bin/..." line of its examples whose output follows.
cd "$TOP" || exit 2
work=$(mktemp -d) || exit 2
trap 'rm -rf "$work"' EXIT
cp -R testdata scripts "$work"/
mkdir -p "$work/tests" && cp -R tests/lib "$work/tests/"
mkdir "$work/bin"
cp -R "$(dirname "$(command -v extract)")"/. "$work/bin/"
cd "$work" || exit 2
# In each plain ``` block, a "$ cmd" line runs and the lines up to the next
# command or blank line are its output; ```sh blocks are only shown.
awk '
	/^```/ { if (open) open = inb = 0; else { open = 1; inb = $0 == "```" }
		 cur = 0; next }
	inb && /^\$ / { cur = ++n; print substr($0, 3) > ("cmd." n); next }
	inb && /^$/ { cur = 0; next }
	inb && cur { print > ("want." cur) }
' "$TOP/README.md"
i=1
while [ -f "cmd.$i" ]; do
	sh "cmd.$i" >"got.$i" 2>&1
	touch "want.$i"
	if cmp -s "want.$i" "got.$i"; then
		echo "ok: $(cat "cmd.$i")"
	else
		echo "differs: $(cat "cmd.$i")"
		diff "want.$i" "got.$i" | head -n 5
	fi
	i=$((i + 1))
done
