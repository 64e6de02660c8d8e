# Every script that starts with #! runs as the README shows it, by its name:
# its run bit is committed.
cd "$TOP/scripts" || exit 2
for f in *; do
	head -c 2 "$f" | grep -q '^#!' || continue
	if [ -x "$f" ]; then echo "$f: runs"; else echo "$f: no run bit"; fi
done
