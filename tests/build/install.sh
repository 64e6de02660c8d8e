# make install puts the four programs under DESTDIR/PREFIX/bin.
MAKEFLAGS= make -s -C "$TOP" install DESTDIR="$PWD/root" PREFIX=/opt/cl >/dev/null
ls root/opt/cl/bin
root/opt/cl/bin/tally --version | cut -d ' ' -f 1,2
