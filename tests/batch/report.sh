# The nightly page, OUT/index.html, opened in a real browser (headless
# Chromium, no network): every chart loads and nothing reaches the console;
# channel names holding markup, quotes, control bytes, invalid UTF-8 and
# right-to-left text are shown as text and run nothing; a survival cell not
# known yet is blank, not 0; without gnuplot the page says so instead of
# showing a broken image; a folder lacking a report is named, status 2.
# Screenshots are kept in build/report/ to look at.
[ "${CROSSLINK_BUILD:-}" = san ] &&
	{ echo "page test: run once, with the release build" >&2; exit 77; }
command -v chromium >/dev/null 2>&1 ||
	{ echo "chromium is not installed (sh scripts/deps installs it)" >&2; exit 77; }
command -v gnuplot >/dev/null 2>&1 ||
	{ echo "gnuplot is not installed (sh scripts/deps installs it)" >&2; exit 77; }
bin=$(dirname "$(command -v extract)")
shots=$TOP/build/report
mkdir -p "$shots" home
nightly() {	# in out
	MAKEFLAGS= MAKELEVEL= make -s -f "$TOP/scripts/nightly.mk" IN="$1" OUT="$2" BIN="$bin"
}
# Chromium with nothing to reach: no first-run, sync, update or QUIC, a
# fresh profile and home each time.
browser() {
	prof=$(mktemp -d "$PWD/profile.XXXXXX")
	HOME=$PWD/home timeout 120 chromium --headless --no-sandbox --disable-gpu \
	    --disable-quic --no-first-run --disable-background-networking \
	    --disable-component-update --disable-sync --hide-scrollbars \
	    --user-data-dir="$prof" "$@" 2>>browser.log
	status=$?
	rm -rf "$prof"
	return $status
}

# The probe, a test-only copy of the page beside it with a script first in
# its head: it counts alerts (a name that ran would call one), console and
# load errors, then, once the page has loaded, writes what it saw into the
# DOM, which --dump-dom prints.
cat >probe.js <<'EOF'
var probe = { errors: [], alerts: 0 };
window.alert = window.confirm = window.prompt = function () { probe.alerts++; };
window.addEventListener("error", function (e) {
	probe.errors.push(e.message || "cannot load " + (e.target.src || e.target.href));
}, true);
window.addEventListener("unhandledrejection", function () { probe.errors.push("rejection"); });
console.error = function () { probe.errors.push([].join.call(arguments, " ")); };
window.addEventListener("load", function () {
	var img = document.images, loaded = 0, far = 0, i;
	for (i = 0; i < img.length; i++)
		if (img[i].complete && img[i].naturalWidth > 0) loaded++;
	var base = location.href.replace(/[^\/]*$/, "");
	var res = performance.getEntriesByType("resource");
	for (i = 0; i < res.length; i++)
		if (res[i].name.indexOf(base) !== 0) far++;
	var out = document.createElement("pre");
	out.id = "probe";
	out.textContent = "images: " + loaded + " of " + img.length + " loaded\n" +
	    "console errors: " + probe.errors.length + (probe.errors.length ? " (" + probe.errors.join("; ") + ")" : "") + "\n" +
	    "alerts: " + probe.alerts + "\n" +
	    "scripts besides the probe: " + (document.scripts.length - 1) + "\n" +
	    "loads from outside the folder: " + far + "\n" +
	    "sections: " + [].map.call(document.querySelectorAll("section"), function (s) { return s.id; }).join(" ") + "\n";
	var text = document.body.textContent;
	for (i = 0; i < shown.length; i++)
		out.textContent += shown[i][0] + " shown as text: " + (text.indexOf(shown[i][1]) >= 0 ? "yes" : "no") + "\n";
	document.body.appendChild(out);
});
EOF
# What the hostile page should show as text, in the order they are checked.
# (\u003c for "<": "</script>" would end the probe's own script.)
cat >hostile.js <<'EOF'
var shown = [["script element", "\u003cscript>alert(1)\u003c/script>"],
    ["img element, quotes, entity", "\u003cimg src=x onerror=alert(2)>\"q'&amp;"],
    ["right-to-left override", "\u202e"]];
EOF
echo 'var shown = [];' >none.js

look() {	# folder shown.js [screenshot]: facts about folder/index.html
	dir=$1
	{ echo '<script>'; cat "$2" probe.js; echo '</script>'; } >head.js
	sed '/<meta charset="utf-8">/r head.js' "$dir/index.html" >"$dir/probe.html"
	browser --virtual-time-budget=5000 --dump-dom "file://$PWD/$dir/probe.html" >dom.html ||
		echo "chromium failed: $(tail -n 3 browser.log)"
	sed -n '/<pre id="probe">/,/<\/pre>/p' dom.html | sed 's/<[^>]*>//g; /^$/d'
	rm "$dir/probe.html"
	if [ -n "${3:-}" ]; then
		browser --screenshot="$shots/$3" --window-size=1280,4400 "file://$PWD/$dir/index.html" >/dev/null ||
			echo "no screenshot: $(tail -n 3 browser.log)"
	fi
	# The page alone: no script, valid UTF-8, no control byte, every link
	# to a file that is there.
	echo "script tags in the page: $(grep -ci '<script' "$dir/index.html")"
	iconv -f UTF-8 -t UTF-8 "$dir/index.html" >/dev/null 2>&1 && echo "valid UTF-8"
	echo "control bytes: $(tr -d '\t\n' <"$dir/index.html" | tr -cd '\000-\037\177' | wc -c)"
	grep -o 'href="[^"#][^"]*"\|src="[^"]*"' "$dir/index.html" | sed 's/^[a-z]*="//; s/"$//' |
	while IFS= read -r f; do [ -f "$dir/$f" ] || echo "links to a missing file: $f"; done
	echo "files linked: $(grep -c 'href="[^"#]' "$dir/index.html")"
}

# The sample, one log per day, through the nightly batch.
mkdir logs
zcat "$TESTDATA/sample.log.gz" | awk -F '\t' '
	NR == 1 { h = $0; next }
	{ f = "logs/" substr($1, 1, 10) ".tsv"; if (!(f in seen)) { print h > f; seen[f] = 1 } print > f }'
nightly logs reports || echo "nightly failed"
echo "== sample"
ls reports | grep -v -x parts
look reports none.js index.png
# The headline numbers, from the page and from the reports.
sed -n 's|.*<div class="card"><b>\([0-9,]*\)</b><span>\([^<]*\)</span>.*|\2: \1|p' reports/index.html
awk -F '\t' 'NR > 1 { n += $3 } END { print "links in matrix.tsv: " n }' reports/matrix.tsv
echo "channels in channels.tsv: $(($(wc -l <reports/channels.tsv) - 1))"

# Hostile names: markup, quotes, an entity, control bytes, invalid UTF-8, and
# right-to-left Arabic with a right-to-left override, all on the last day.
echo "== hostile"
mkdir hostile
{ printf 'time\tchannel\ttext\n'
  printf '2019-12-01T10:00:00Z\tquiet\tt.me/quiet_chan\n'
  printf '2019-12-02T09:00:00Z\t<script>alert(1)</script>\tjoin t.me/joinchat/AAAAAExampleOne1\n'
  printf '2019-12-02T10:00:00Z\t<img src=x onerror=alert(2)>"q'"'"'&amp;\tsee t.me/evil_chan and http://evil.example/<script>alert(3)</script>\n'
  printf '2019-12-02T11:00:00Z\tctl\001\033[31m\177name\377\376\300\257\355\240\200end\tt.me/ctl_chan https://chat.whatsapp.com/Invite1234567890abc\n'
  printf '2019-12-02T12:00:00Z\t\331\202\331\206\330\247\330\251 \342\200\256 \330\247\331\204\330\243\330\256\330\250\330\247\330\261\tt.me/arabic_news_chan\n'
} >hostile/day.tsv
nightly hostile hout || echo "nightly failed"
# A report may hold bytes extract would have escaped: raw control bytes and
# invalid UTF-8 in a channel and a platform, written straight into it; and
# a survival cohort too young to know, its cells empty.
awk -F '\t' -v OFS='\t' 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; print; next }
	{ print }
	END { $c["key"] = "raw\001\033\177\377.example/<b>x</b>"; $c["channel"] = "bell\007\200\300"
	      $c["platform"] = "<i>plat</i>\377"; $c["kind"] = "channel"; $c["count"] = 1
	      $c["first_time"] = "2019-12-02T13:00:00Z"; print }' hout/channels.tsv >hout/c.tmp
mv hout/c.tmp hout/channels.tsv
awk -F '\t' -v OFS='\t' 'NR > 1 && $1 == "2019-12-02" { for (i = 3; i <= NF; i++) $i = "" } { print }' \
    hout/survival.tsv >hout/s.tmp
mv hout/s.tmp hout/survival.tsv
"$TOP/scripts/report" hout || echo "report failed"
look hout hostile.js hostile.png
# In the file: each name escaped and isolated in <bdi>.
fffd=$(printf '\357\277\275')
found=0
has() {	# what string
	if grep -qF -- "$2" hout/index.html; then found=$((found + 1)); else echo "$1: not escaped as expected"; fi
}
has "script element" '<bdi>&lt;script&gt;alert(1)&lt;/script&gt;</bdi>'
has "img element, quotes, entity" '<bdi>&lt;img src=x onerror=alert(2)&gt;&quot;q&#39;&amp;amp;</bdi>'
has "control bytes, invalid UTF-8" "<bdi>ctl\\x01\\x1b[31m\\x7fname$fffd$fffd$fffd$fffd$fffd$fffd${fffd}end</bdi>"
has "right-to-left" "<bdi>$(printf '\331\202\331\206\330\247\330\251 \342\200\256 ')"
has "raw control bytes in a key" "<bdi>raw\\x01\\x1b\\x7f$fffd.example/&lt;b&gt;x&lt;/b&gt;</bdi>"
has "C1 control, bare lead byte" "<bdi>bell\\x07$fffd$fffd</bdi>"
has "markup in a platform" "<bdi>&lt;i&gt;plat&lt;/i&gt;$fffd</bdi>"
echo "hostile names escaped: $found of 7"
echo "survival not known yet: $(grep -o '<td class="na"[^>]*>&#8212;</td>' hout/index.html | wc -l) cells blank"

# The probe itself sees a script that runs, a console error and an image
# that does not load.
echo "== probe"
mkdir bad
printf '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>bad</title>\n</head>\n<body>\n<script>alert(1); console.error("x")</script>\n<img src="gone.png" alt="">\n</body>\n</html>\n' >bad/index.html
look bad none.js 2>&1 | sed "s|file://$PWD/||" | sed -n 1,4p

# Without gnuplot the page says so, and the old charts go.
echo "== no gnuplot"
mkdir nognu
for d in $(echo "$PATH" | tr ':' ' '); do
	for f in "$d"/*; do
		n=${f##*/}
		[ "$n" = gnuplot ] || [ -e "nognu/$n" ] || ln -s "$f" "nognu/$n" 2>/dev/null
	done
done
cp -r reports plain
PATH=$PWD/nognu "$TOP/scripts/report" plain 2>&1 | sed "s|$PWD/||"
echo "charts left: $(ls plain | grep -c '\.png$')"
look plain none.js
grep -o 'No chart [^<]*' plain/index.html

# A folder whose name reads as an option or an awk assignment, after --.
mv -- plain -a=b
"$TOP/scripts/report" -- -a=b 2>/dev/null && echo "-- -a=b: $(grep -c '<img ' -- -a=b/index.html) charts"
mv -- -a=b plain

# A folder lacking a report, an empty one, a column missing, a missing
# folder, no operand.
echo "== errors"
rm plain/survival.tsv plain/edges.gexf
: >plain/matrix.tsv
"$TOP/scripts/report" plain 2>&1; echo "status $?"
cp reports/survival.tsv reports/edges.gexf reports/matrix.tsv plain/
sed '1s/cohort/day/' reports/survival.tsv >plain/survival.tsv
"$TOP/scripts/report" plain 2>&1; echo "status $?"
"$TOP/scripts/report" -x 2>&1; echo "status $?"
"$TOP/scripts/report" nowhere 2>&1; echo "status $?"
"$TOP/scripts/report" 2>&1; echo "status $?"
[ -f plain/index.html ] && echo "old page kept"
