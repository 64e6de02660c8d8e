# -f names the text column of TSV and CSV input. A name the header lacks
# is an error, that input skipped, exit 2, even when the header has the
# default text column (the header is still taken for one); the next input
# is read. Inputs without columns (text, JSON) do not use -f: said once,
# counted at the end; -q says nothing of it.
printf 'time\tchannel\ttext\n2024-01-01T00:00:00Z\tc1\tsee t.me/in_tsv\n' >day.tsv
printf 'time\tchannel\tmessage\n2024-01-01T00:00:00Z\tc1\tsee t.me/in_msg\n' >msg.tsv
printf 'text,date\nsee t.me/in_csv,2024-01-02\n' >day.csv
printf 'see t.me/in_txt\n' >a.txt
printf '{"message": "see t.me/in_json"}\n' >a.jsonl
echo "== -f message day.tsv msg.tsv"
extract -f message day.tsv msg.tsv 2>&1; echo "exit $?"
echo "== -f message day.csv"
extract -f message day.csv 2>&1; echo "exit $?"
echo "== --time-field ts day.tsv"
extract --time-field ts day.tsv 2>&1; echo "exit $?"
echo "== -f message a.txt a.txt a.jsonl"
extract -f message a.txt a.txt a.jsonl 2>&1; echo "exit $?"
echo "== -q -f message a.txt a.jsonl"
extract -q -f message a.txt a.jsonl 2>&1; echo "exit $?"
echo "== -q -f message day.tsv: errors still said"
extract -q -f message day.tsv 2>&1; echo "exit $?"
