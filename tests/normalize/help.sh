# --help prints the usage on stdout and exits 0; --version names the program.
normalize --help
echo "status $?"
normalize --version | cut -d ' ' -f 1,2
