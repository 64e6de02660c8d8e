# Names that are not valid XML text (bytes that are not UTF-8, a lone
# surrogate, code points past U+10FFFF, control bytes, U+FFFF, markup
# characters) still make a graph Gephi opens: bad bytes and characters XML
# 1.0 forbids become U+FFFD, CR a reference, & < > " ' entities. Checked
# with xmllint, or Python's XML parser where xmllint is absent. Shown with
# cat -v (U+FFFD is M-oM-?M-=).
{
	printf 'channel\tkey\tcount\tfirst_time\n'
	printf 'ok <&"\047>\tt.me/a\t2\t2019\n'
	printf 'bad\377\376 \300\257 \355\240\200 \364\220\200\200 \360\237\230\200 \342\202\t\001\033[31mred\r\t3\t\357\277\276x\357\277\275\n'
	printf 'ru \320\272\320\260\320\275\320\260\320\273 \342\202\254\tlast\300\t1\t\037\n'
	printf 'cut\342\202\t\360\237\230\t1\t\n'
} >hostile.tsv
"$TOP/scripts/edges2gexf" hostile.tsv >g.gexf
echo "exit $?"
grep '<node \|<edge ' g.gexf | cat -v
if command -v xmllint >/dev/null; then
	xmllint --noout g.gexf && echo "well-formed"
else
	python3 -c 'import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])' g.gexf &&
	    echo "well-formed"
fi
