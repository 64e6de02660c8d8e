# Probe rows ("probe" first) in a rules file are not link rows: extract and
# normalize pass them by and read the link rows around them; a probe row
# of too few fields refuses the file, named with its line, exit 2.
. "$TOP/tests/lib/bad.sh"
{
	printf 'hop.example\thopx\tinvite\t/j/{code}\thop.example/j/{code}\n'
	printf 'probe\thopx\tinvite\thop.example/j/{code}\t0.5\tGET https://hop.example/api/{code}\talive\thttp=200\n'
	printf '^\thopx\tchannel\t/c/{name}\thop.example/c/{name}\n'
} >good.rules
printf 'hop.example\thopx\n' >short.rules
printf 'probe\thopx\tinvite\thop.example/j/{code}\t0.5\tGET https://hop.example/api/{code}\n' >>short.rules
printf 'url\nhttps://hop.example/j/AbC\nhttps://hop.example/c/news\n' >links.tsv
printf 'see https://hop.example/j/AbC\n' >text.txt
run "normalize --rules good" normalize --rules good.rules links.tsv
run "extract --rules good" extract --all --rules good.rules text.txt
run "normalize --rules short" normalize --rules short.rules links.tsv
