# A warning is said once per run: the first when it happens, then at the
# end of the inputs how many inputs had it and where the first was, before
# the --stats line. -q says neither; errors are still said, the exit
# status is the same.
for i in 1 2 3; do cp "$TESTDATA/formats/dce_old.csv" "old$i.csv"; done
echo "== three inputs"
extract --stats old1.csv old2.csv old3.csv 2>&1 >/dev/null; echo "exit $?"
echo "== one input: no count"
extract old1.csv 2>&1 >/dev/null; echo "exit $?"
echo "== -q"
extract -q --stats old1.csv old2.csv old3.csv 2>&1 >/dev/null; echo "exit $?"
echo "== -q and an error"
extract --quiet old1.csv missing.csv old2.csv 2>&1 >/dev/null; echo "exit $?"
echo "== -q, every filter"
extract -q old1.csv 2>/dev/null | normalize -q | dedupe -q -k key | tally -q -g platform
