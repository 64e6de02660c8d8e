# --help: the usage lines and every option, one a line.
probe --help
