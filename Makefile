# crosslink: small Unix filters for links between messaging platforms.
#	make		build bin/extract bin/normalize bin/dedupe bin/tally bin/probe
#	make check	unit and golden tests, then again under ASan and UBSan
#	make demo	the pipeline on testdata/sample.log.gz
# PCRE2, zlib, libdeflate, libzstd, liblzma, libidn2, libcurl (probe) and ISA-L
# (optional) come through pkg-config, libbz2 too where it has a bzip2.pc (Debian's has none: -lbz2); "make check" and
# "make demo" install the Debian packages they need first (scripts/deps).

PREFIX	?= /usr/local
BINDIR	?= $(PREFIX)/bin
MANDIR	?= $(PREFIX)/share/man/man1
DESTDIR	?=

CC	?= cc
CFLAGS	?= -O2 -g
PKGS	 = libpcre2-8 zlib libdeflate libzstd liblzma libidn2 libcurl
# ISA-L inflates gzip where it is installed (libisal-dev); make ISAL=0 does without.
ISAL	?= $(shell pkg-config --exists libisal 2>/dev/null && echo 1 || echo 0)
ifeq ($(ISAL),1)
PKGS	+= libisal
ISAL_FLAGS = -DHAVE_ISAL
endif
BZ2_LIBS   := $(shell pkg-config --libs bzip2 2>/dev/null || echo -lbz2)
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null) $(BZ2_LIBS)
XCFLAGS	 = -std=c11 -Wall -Wextra -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	   -Icommon -Ibuild/gen $(PKG_CFLAGS) $(ISAL_FLAGS)
LDLIBS	 = $(PKG_LIBS) -lpthread

FILTERS	 = extract normalize dedupe tally probe
BINS	 = $(FILTERS:%=bin/%)
COMMON_SRC = $(wildcard common/*.c)
all:

# Generated sources (tables built from data files) are added by common/gen.mk.
GEN_SRC	 =
include common/gen.mk
COMMON_OBJ = $(COMMON_SRC:%.c=build/obj/%.o) $(GEN_SRC:build/gen/%.c=build/obj/gen/%.o)
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNITS	 = $(UNIT_SRC:tests/unit/%.c=build/unit/%)

# Other build flavours live apart in build/NAME, each with its compiler
# and flags. $(call flavour,NAME,CC,FLAGS,OWN) makes the objects and
# library of one (OWN: flags for our own sources, not generated ones);
# $(call flavour_bins,NAME,FLAGS) its filters and unit tests. CC and FLAGS
# are variable names, expanded when the rules run.
define flavour
build/$1/obj/%.o: %.c $$(wildcard common/*.h) $$(GEN_HDR)
	@mkdir -p $$(@D)
	$$($2) $$(XCFLAGS) $$($3) $4 -c -o $$@ $$<

build/$1/obj/gen/%.o: build/gen/%.c
	@mkdir -p $$(@D)
	$$($2) $$(XCFLAGS) $$($3) -c -o $$@ $$<

build/$1/libcommon.a: $$(COMMON_OBJ:build/obj/%=build/$1/obj/%)
	rm -f $$@
	ar rcs $$@ $$^
endef

define flavour_bins
build/$1/bin/%: build/$1/obj/filters/%.o build/$1/libcommon.a
	@mkdir -p $$(@D)
	$$(CC) $$($2) -o $$@ $$^ $$(LDLIBS)

build/$1/unit/%: tests/unit/%.c tests/unit/check.h build/$1/libcommon.a
	@mkdir -p $$(@D)
	$$(CC) $$(XCFLAGS) $$($2) -Itests/unit -o $$@ $$< build/$1/libcommon.a $$(LDLIBS)
endef

# The sanitizer build lives apart so both can be tested in one run.
SAN_FLAGS = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
	    -fno-sanitize-recover=undefined
SAN_BINS = $(FILTERS:%=build/san/bin/%)
SAN_UNITS = $(UNIT_SRC:tests/unit/%.c=build/san/unit/%)

all: $(BINS)

bin/%: build/obj/filters/%.o build/libcommon.a
	@mkdir -p bin
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

build/obj/%.o: %.c $(wildcard common/*.h) $(GEN_HDR)
	@mkdir -p $(@D)
	$(CC) $(XCFLAGS) $(CFLAGS) -c -o $@ $<

build/obj/gen/%.o: build/gen/%.c
	@mkdir -p $(@D)
	$(CC) $(XCFLAGS) $(CFLAGS) -c -o $@ $<

build/libcommon.a: $(COMMON_OBJ)
	rm -f $@
	ar rcs $@ $^

build/unit/%: tests/unit/%.c tests/unit/check.h build/libcommon.a
	@mkdir -p $(@D)
	$(CC) $(XCFLAGS) $(CFLAGS) -Itests/unit -o $@ $< build/libcommon.a $(LDLIBS)

$(eval $(call flavour,san,CC,SAN_FLAGS,))
$(eval $(call flavour_bins,san,SAN_FLAGS))

# The scalar build (-DCROSSLINK_NO_SIMD): the code every other processor
# runs, built and tested too, or it would rot unseen behind the vector paths;
# without ISA-L too (-DCROSSLINK_NO_ISAL), so that zlib's gzip path is tested.
SCALAR_FLAGS = -O2 -DCROSSLINK_NO_SIMD -DCROSSLINK_NO_ISAL
SCALAR_BINS = $(FILTERS:%=build/scalar/bin/%)
SCALAR_UNITS = $(UNIT_SRC:tests/unit/%.c=build/scalar/unit/%)

$(eval $(call flavour,scalar,CC,SCALAR_FLAGS,-Werror))
$(eval $(call flavour_bins,scalar,SCALAR_FLAGS))

build/genlog: scripts/genlog.c
	@mkdir -p $(@D)
	$(CC) -std=c11 -Wall -Wextra -O2 -o $@ $< -lm

asan: $(SAN_BINS) $(SAN_UNITS)

# libFuzzer targets (clang): tests/fuzz/fuzz_NAME.c, each run with ASan and
# UBSan from its seed folder tests/fuzz/seeds/NAME (plus testdata). Findings
# are written to build/fuzz/ and become regression tests.
FUZZ_CC	 = clang
FUZZ_FLAGS = -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined \
	     -fno-sanitize-recover=undefined
FUZZ_OBJ_FLAGS = $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link
FUZZ_SRC = $(wildcard tests/fuzz/fuzz_*.c)
FUZZERS	 = $(FUZZ_SRC:tests/fuzz/%.c=build/fuzz/%)
FUZZ_TIME ?= 300

$(eval $(call flavour,fuzz,FUZZ_CC,FUZZ_OBJ_FLAGS,))

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h build/fuzz/libcommon.a
	$(FUZZ_CC) $(XCFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer -Itests/fuzz -o $@ $< \
		build/fuzz/libcommon.a $(LDLIBS)

fuzz: $(FUZZERS)
	@sh scripts/fuzz $(FUZZ_TIME) $(FUZZERS)

fuzz-smoke: $(FUZZERS)
	@FUZZ_SEED=1 sh scripts/fuzz 20 $(FUZZERS)

# deps installs what is missing, then a fresh make sees pkg-config's answer.
deps:
	@sh scripts/deps

# check is the whole suite (.ci/run): fuzz-smoke first, so the runner's
# "N passed, N failed" stays the last line.
# Everything is built first, on every core (the builds are independent).
JOBS	?= $(shell nproc 2>/dev/null || echo 2)
check: deps
	@$(MAKE) --no-print-directory -j$(JOBS) $(FUZZERS) $(BINS) $(UNITS) \
	    $(SAN_BINS) $(SAN_UNITS) $(SCALAR_BINS) $(SCALAR_UNITS) build/genlog
	@$(MAKE) --no-print-directory fuzz-smoke
	@$(MAKE) --no-print-directory test

test: $(BINS) $(UNITS) $(SAN_BINS) $(SAN_UNITS) $(SCALAR_BINS) $(SCALAR_UNITS) build/genlog
	@sh scripts/runtests

demo: deps
	@$(MAKE) --no-print-directory $(BINS)
	@sh scripts/demo

# The benchmark races our filters against igzip, zcat, pigz, grep -P, ripgrep,
# jq, sort | uniq -c, datamash, Miller and mawk; never part of "make check".
bench:
	@sh scripts/deps --bench
	@$(MAKE) --no-print-directory $(BINS) build/genlog
	@sh scripts/bench $(BENCH_ARGS)

install: $(BINS)
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)
	cp $(BINS) $(DESTDIR)$(BINDIR)/
	for f in $(FILTERS); do \
		if [ -f filters/$$f.1 ]; then cp filters/$$f.1 $(DESTDIR)$(MANDIR)/; fi; \
	done

uninstall:
	for f in $(FILTERS); do rm -f $(DESTDIR)$(BINDIR)/$$f $(DESTDIR)$(MANDIR)/$$f.1; done

clean:
	rm -rf build bin

.PHONY: all asan bench fuzz fuzz-smoke deps check test demo install uninstall clean
.SECONDARY:
