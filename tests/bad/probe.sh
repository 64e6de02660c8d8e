# Bad input to probe: each is reported with its place, or written back
# with status unknown and why; nothing is dropped without a word. --max 0
# everywhere: these cases send no request. checked_at is written T.
. "$TOP/tests/lib/bad.sh"
{
printf 'url\tn\nt.me/a\t1\n' >nokey.tsv
run "no key column" probe --max 0 nokey.tsv
run "no column for -k" probe -k channel_key --max 0 nokey.tsv
printf 'key\tn\nt.me/a\t1\nt.me/b\nt.me/c\t3\n' >width.tsv
run "a row of the wrong width" probe --max 0 width.tsv
printf 'key\tn\n\t1\nt.me/a\\tb\t2\n' >empty.tsv
run "an empty key, a key holding a tab" probe --max 0 empty.tsv
printf 'platform\tkind\tkey\nwhatsapp\tinvite\tchat.whatsapp.com/AbC\n' >norow.tsv
run "a key no probe row takes" probe --max 0 norow.tsv
printf 'key\tstatus\nt.me/a\talive\n' >again.tsv
run "an input that has a status column already" probe --max 0 again.tsv
printf 'key\tchecked_at\tstatus\nt.me/a\tyesterday\talive\n' >earlier.tsv
run "--skip-checked with a bad checked_at" probe --max 0 --skip-checked earlier.tsv again.tsv
run "--skip-checked that is no probe output" probe --max 0 --skip-checked nokey.tsv again.tsv
run "--skip-checked that cannot be read" probe --max 0 --skip-checked missing.tsv again.tsv
run "--fresh without --skip-checked" probe --max 0 --fresh 2h again.tsv
printf 'probe\twhatsapp\tinvite\tchat.whatsapp.com/{code}\t5\n' >short.rules
run "--rules with a probe row of too few fields" probe --max 0 --rules short.rules again.tsv
printf 'probe\twhatsapp\tinvite\tchat.whatsapp.com/{code}\t5\tGET http://chat.whatsapp.com/{code}\tgone\thttp=404\n' >http.rules
run "--rules with a probe row asking over http://" probe --max 0 --rules http.rules again.tsv
run "--rate 0" probe --rate 0 again.tsv
run "--rate x" probe --rate x again.tsv
run "--timeout 0" probe --timeout 0 again.tsv
run "--max -1" probe --max -1 again.tsv
run "--fresh 3x" probe --fresh 3x again.tsv
run "--endpoint t.me" probe --endpoint t.me again.tsv
run "--endpoint t.me=ftp://x" probe --endpoint t.me=ftp://x again.tsv
} | sed 's/[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z/T/'
