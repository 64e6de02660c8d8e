# Raw control characters never reach the output: extract writes ESC as
# \x1b, a C1 CSI (U+009B, bytes c2 9b) as \xc2\x9b, DEL as \x7f; a TSV
# filter given a field with a raw control byte (a foreign writer's) passes
# it through escaped the same way, so cat of any output cannot drive a
# terminal. Not an error: exit 0.
. "$TOP/tests/lib/bad.sh"
printf 'red \033[31m t.me/chan_0001 \302\233 2J\177 end\n' >c.txt
run extract extract --text c.txt
printf 'time\tchannel\ttext\n\tch\033]0;title\007\tt.me/chan_0002\n' >c_in.tsv
run "extract, channel" extract c_in.tsv
{ header; printf 't.me/chan_0001\tt.me/chan_0001\t\033[2J\302\233x\177\n'; rows 2 2; } >c.tsv
tsv_all "" c.tsv
run "tally -g time" tally -g time c.tsv
# No output above holds a raw control byte (but tab and newline) or C1.
echo "raw control bytes in all output: $(tr -d '\t\n' <all.out | od -An -tx1 -v |
	tr ' ' '\n' | grep -c '^[01][0-9a-f]$\|^7f$\|^c2$')"
echo "raw ESC in the input: $(od -An -tx1 -v c.tsv | tr ' ' '\n' | grep -c '^1b$')"
