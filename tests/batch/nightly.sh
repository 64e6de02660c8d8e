# The nightly batch, run as the README shows: the reports always equal one
# pass over the logs now in IN, whatever happens to IN between runs (a new,
# deleted or replaced log, two logs with one stem, names make cannot write,
# subfolders), a part cut after it was made is refused by name, a log that
# cannot be read fails the run without stopping the others, two runs on one
# OUT do not spoil each other, and no log is ever changed.
[ "${CROSSLINK_BUILD:-}" = san ] &&
	{ echo "scripts only: run once, with the release build" >&2; exit 77; }
bin=$(dirname "$(command -v extract)")
nightly() { MAKEFLAGS= MAKELEVEL= make -f "$TOP/scripts/nightly.mk" IN=logs OUT=reports BIN="$bin" "$@"; }

# One pass over every readable log below logs/, in byte order of its path.
same() {	# what
	find -L logs -mindepth 1 -type f -print0 | LC_ALL=C sort -z >list
	{ extract --all --src-platform telegram --files0-from list || [ $? -eq 1 ]; } |
		normalize >all.tsv
	why=
	tally -g platform --by day -a distinct:key --sort group all.tsv |
		cmp -s - reports/channels-per-day.tsv || why="$why channels-per-day"
	dedupe -k key --count all.tsv | cmp -s - reports/channels.tsv || why="$why channels"
	dedupe -k key --count all.tsv | tally --cohort day -g platform |
		cmp -s - reports/new-per-day.tsv || why="$why new-per-day"
	dedupe -k key --count all.tsv | tally --cohort day --after 1,2,3,7 |
		cmp -s - reports/survival.tsv || why="$why survival"
	tally -g src_platform,platform --sort group all.tsv |
		cmp -s - reports/matrix.tsv || why="$why matrix"
	dedupe -k channel,key --count all.tsv | cmp -s - reports/edges.tsv || why="$why edges"
	if [ -z "$why" ]; then echo "$1: reports equal one pass"; else echo "$1: differ:$why"; fi
}
sums() { find -L logs -type f -exec cksum {} + | LC_ALL=C sort; }

mkdir logs
# Split the sample into one log per day, gzipped or not, as they arrive.
zcat "$TESTDATA/sample.log.gz" | awk -F '\t' '
	NR == 1 { h = $0; next }
	{ f = "logs/" substr($1, 1, 10) ".tsv"; if (!(f in seen)) { print h > f; seen[f] = 1 } print > f }'
gzip logs/2019-11-2*.tsv
mv logs/2019-12-04.tsv later.tsv

nightly -s -j2 >/dev/null 2>&1 || echo "first run failed"
echo "first run: $(grep -c . reports/parts/logs) logs"
same "first run"
echo "second run: $(nightly -j2 2>&1 | grep -c 'extract" --all') logs extracted"
nightly -q >/dev/null && echo "make -q: up to date"
mv later.tsv logs/2019-12-04.tsv
echo "third run: $(nightly -j2 2>&1 | grep -c 'extract" --all') log extracted"
same "third run"
grep -c '<edge ' reports/edges.gexf
ls reports | grep -v -e parts -e '\.png$'

# Two logs with one stem are two logs.
zcat logs/2019-11-29.tsv.gz >logs/2019-11-29.tsv
echo "same stem: $(nightly -s 2>&1 | wc -l) lines of warnings, $(grep -c . reports/parts/logs) logs"
same "same stem"

# A deleted log leaves the reports.
rm logs/2019-11-29.tsv.gz
nightly -s >/dev/null 2>&1 || echo "run after a delete failed"
same "deleted log"
ls reports/parts | grep -c '^2019-11-29\.tsv\.gz' 

# A log replaced by another dated older is read again.
gzip -c logs/2019-11-30.tsv >logs/2019-11-25.tsv.gz
touch -d '2001-01-01' logs/2019-11-25.tsv.gz
echo "replaced: $(nightly 2>&1 | grep -c 'extract" --all') log extracted"
same "replaced log"

# Names make cannot write, and subfolders.
mkdir -p 'logs/sub dir/deeper'
zcat logs/2019-11-27.tsv.gz >'logs/a b$c:d#e%f.tsv'
zcat logs/2019-11-28.tsv.gz >"logs/-dash
newline.tsv"
mv logs/2019-11-26.tsv.gz 'logs/sub dir/deeper/'
nightly -s -j2 >/dev/null 2>&1 || echo "run with odd names failed"
same "odd names"
LC_ALL=C sort reports/parts/logs

# A part cut after it was made, at a line boundary, to its header, or to
# nothing, is refused by name and the report is left as it was.
for cut in 'head -n 5' 'head -n 1' 'head -c 0'; do
	f=reports/parts/2019-12-01.tsv.keys.tsv
	cp $f saved
	$cut saved >$f
	nightly -s >/dev/null 2>err; echo "cut ($cut): status $?"
	grep -c 'parts/2019-12-01.tsv.keys.tsv: missing, or not as sealed' err
	cp saved $f
done
nightly -s >/dev/null 2>&1 || echo "run after mending failed"
same "mended"

# A log that cannot be read is named and fails the run; the others go on.
ln -s nowhere logs/dangling.tsv
cp logs/2019-12-01.tsv logs/2019-12-01b.tsv
nightly -s -j2 >/dev/null 2>err; echo "unreadable log: status $?"
grep -c 'logs/dangling.tsv: not a regular file, skipped' err
same "unreadable log"
rm logs/dangling.tsv

# Two runs on one OUT at once: both finish, the reports whole.
before=$(sums)
for i in 1 2 3; do
	rm -rf reports
	nightly -s >/dev/null 2>&1 & a=$!
	nightly -s >/dev/null 2>&1 & b=$!
	wait $a; sa=$?; wait $b; sb=$?
	echo "two runs: $sa $sb"
done
same "two runs"
[ "$before" = "$(sums)" ] && echo "logs unchanged"
