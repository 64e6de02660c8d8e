# Generated tables, included by the Makefile. No python: sh, awk and sort.
#   build/gen/platforms_table.c  the rows of common/platforms.tsv
#   build/gen/tld_table.c        top-level labels of the Public Suffix List
#                                (ICANN section), as Debian ships it in
#                                package publicsuffix; tld.c puts them in
#                                a hash set on first use

PSL	?= /usr/share/publicsuffix/public_suffix_list.dat

GEN_SRC	+= build/gen/platforms_table.c build/gen/tld_table.c
GEN_HDR	+=

build/gen/platforms_table.c: common/platforms.tsv common/gen_table.awk common/gen.mk
	@mkdir -p $(@D)
	LC_ALL=C awk -f common/gen_table.awk common/platforms.tsv > $@.tmp
	mv $@.tmp $@

# The TLD list is never typed by hand: it comes from the PSL file, so a
# refreshed publicsuffix package refreshes it (after "make clean").
build/gen/tld_table.c: common/gen_tld.awk common/gen.mk
	@mkdir -p $(@D)
	@if [ ! -r "$(PSL)" ]; then \
		echo "make: $(PSL) is missing: install the Debian package publicsuffix" >&2; \
		exit 2; \
	fi
	LC_ALL=C awk -f common/gen_tld.awk "$(PSL)" > $@.tmp
	mv $@.tmp $@
