# An unknown option or a missing argument: one line naming the program, exit 2.
normalize --no-such-option 2>&1
echo "status $?"
normalize -u 2>&1
echo "status $?"
normalize -x 2>&1
