# --line-buffered: a message's record comes out while the input is still
# open, so tail -f log | extract --line-buffered | normalize --line-buffered
# | dedupe --line-buffered works (dedupe reads a row at a time, not a
# batch; the repeated link is dropped). The writer sends the next messages
# only once the first record is out; without line buffering it would wait
# in vain (up to 60 s) and say so. Twice: extract alone, and with
# --mentions (every line read, no sifting).
follow() {	# extract options...
	rm -f in
	mkfifo in
	: >out	# the writer may look before the pipeline's own redirection is made
	extract --line-buffered "$@" in | normalize --line-buffered |
	    dedupe --line-buffered >out &
	{
		echo 'first t.me/first_chan'
		i=0
		while [ "$(wc -l <out)" -lt 2 ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i + 1)); done
		[ $i -lt 600 ] && echo "first record out before the second message" >&2
		echo 'again t.me/first_chan'
		echo 'second t.me/second_chan'
	} >in 2>log
	wait
	cat log
	cut -f 6,11,12 out
}
follow
follow --mentions
