# --help on stdout with status 0; --version names the program.
tally --help; echo "status $?"
tally --version | cut -d ' ' -f 1,2
