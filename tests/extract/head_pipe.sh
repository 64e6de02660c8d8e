# A closed pipe ends the run quietly: no "Broken pipe" message.
i=0; while [ $i -lt 3000 ]; do cat "$TESTDATA/io/msgs.txt"; i=$((i + 1)); done >big.txt
extract big.txt big.txt big.txt | head -n 1
