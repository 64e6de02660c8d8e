# -f names the text column; --keep carries other columns; --text adds the message.
printf 'id\tbody\twhen\n7\tsee t.me/kept_chan\t2020-01-02T03:04:05Z\n' >in.tsv
extract -f body --time-field when --keep id --text in.tsv
