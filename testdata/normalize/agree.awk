# agree.awk: read normalize's output of a link table and list the rows whose
# kind or key differs from expected_kind / expected_key; end with a count.
NR == 1 {
	for (i = 1; i <= NF; i++)
		col[$i] = i
	if (!("kind" in col) || !("expected_kind" in col)) {
		print "agree.awk: missing columns"
		exit 1
	}
	next
}
{
	n++
	if ($col["kind"] != $col["expected_kind"] || $col["key"] != $col["expected_key"]) {
		bad++
		printf "%s: got %s \"%s\", want %s \"%s\"\n", $col["url"], $col["kind"],
		    $col["key"], $col["expected_kind"], $col["expected_key"]
	}
}
END { printf "%d links, %d disagree\n", n, bad + 0 }
