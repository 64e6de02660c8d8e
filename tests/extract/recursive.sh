# -r: a folder is read as every regular file below it, in the byte order
# of the paths (find | LC_ALL=C sort: "b.txt" before "b/"), compressed or
# not; source is the path as built. Symbolic links below the top are not
# followed, to a folder or a file; the top one is. Without -r a folder is
# "FILE: is a directory", exit 2, and the other files are still read.
for t in zstd xz bzip2; do command -v $t >/dev/null || { echo "no $t" >&2; exit 77; }; done
m() { printf 'message t.me/chan_%s\n' "$@"; }
mkdir -p tree/b tree/a/x tree/empty
m 1 >tree/b.txt
m 2 | zstd -q -c >tree/b/c
m 3 | xz -c >tree/a/x/y
m 4 | bzip2 -c >tree/a/z
m 5 | gzip -n -c >tree/a.gz
ln -s a tree/link
ln -s b.txt tree/lfile
ln -s tree top
echo "== extract -r tree"
extract -r tree 2>&1 | cut -f3-6
echo "== find | sort"
find tree -type f | LC_ALL=C sort
echo "== extract --recursive top/ (the link on the command line is followed)"
extract --recursive top/ 2>&1 | cut -f3
echo "== extract tree b.txt: exit $(extract tree tree/b.txt >out 2>err; echo $?)"
cut -f3 out
cat err
echo "== tally --recursive (tally -r is --reverse)"
mkdir -p tsv/one
extract -r tree >tsv/one/all.tsv
extract tree/b.txt >tsv/b.tsv
tally --recursive tsv
