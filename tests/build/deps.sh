# scripts/deps installs what pkg-config cannot find with apt-get, and names
# the packages when it cannot install them. Stubs stand in for the tools.
mkdir stub
printf '#!/bin/sh\nexit 1\n' >stub/pkg-config
printf '#!/bin/sh\necho "apt-get $*" >>"%s/log"\n' "$PWD" >stub/apt-get
printf '#!/bin/sh\necho 0\n' >stub/id
chmod +x stub/*
PATH=$PWD/stub:$PATH sh "$TOP/scripts/deps" 2>&1
sed 's/ -q / /' log
# Not root and no sudo: the packages are named, exit 1.
printf '#!/bin/sh\necho 1000\n' >stub/id
mkdir nosudo; for t in sh cc gzip sed cat; do ln -s "$(command -v $t)" nosudo/$t; done
cp stub/pkg-config stub/id nosudo/
PATH=$PWD/nosudo sh "$TOP/scripts/deps" 2>&1
echo "exit $?"
