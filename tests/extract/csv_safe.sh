# --csv-safe: a field starting with = + - or @ gets a leading ' so that a
# spreadsheet shows it as text instead of running it as a formula; other
# fields, and the header, are as without it.
printf 'channel\ttext\tnote\n=HYPERLINK("x")\tt.me/one_channel\t-1\n@handle\t=1+2 t.me/two_channel\tok\n+1\t-3 t.me/three_chan\t@x\nplain\tok t.me/four_channel\tplain\n' >in.tsv
extract --csv-safe --text --keep note in.tsv | cut -f 2,6,11-
echo "status $?"
# Without it the fields are as in the input.
extract --text --keep note in.tsv | cut -f 2,11- | sed -n 2,4p
