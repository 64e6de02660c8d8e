# --help prints the usage on stdout and exits 0; --version names the program.
extract --help | head -n 1
extract --version | cut -d ' ' -f 1,2
