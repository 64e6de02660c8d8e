# No link: the header alone and exit status 1, as grep.
printf 'nothing here\nnor here\n' | extract
