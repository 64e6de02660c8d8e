# --help on stdout with status 0; --version names the program.
dedupe --help; echo "status $?"
dedupe --version | cut -d ' ' -f 1,2
