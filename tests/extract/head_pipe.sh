# A closed pipe ends the run quietly: no "Broken pipe" message.
# 4096 copies of the messages (450 kB), made by doubling
cat "$TESTDATA/io/msgs.txt" >big.txt
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do cat big.txt big.txt >twice && mv twice big.txt; done
extract big.txt big.txt big.txt | head -n 1
