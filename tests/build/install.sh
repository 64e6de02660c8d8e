# make install puts the four programs and their man pages under DESTDIR/PREFIX.
MAKEFLAGS= make -s -C "$TOP" install DESTDIR="$PWD/root" PREFIX=/opt/cl >/dev/null
ls root/opt/cl/bin root/opt/cl/share/man/man1
root/opt/cl/bin/tally --version | cut -d ' ' -f 1,2
