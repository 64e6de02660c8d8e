# --channel NAME: the channel of messages whose input gives none; the
# input's own channel wins (a column, the path); --where sees it.
cd "$TESTDATA/formats" || exit 2
printf 'a t.me/no_channel_here\n' | extract --channel fallback
printf 'text\tchannel\nx t.me/own_one\ny t.me/empty_one\n' | sed '2s/$/\town/; 3s/$/\t/' |
    extract --channel fallback
extract --channel fallback dce/feed-news/3.csv | cut -f 2 | sort | uniq -c
printf 'a t.me/no_channel_here\n' | extract --channel fallback --where channel=fallback | cut -f 2
