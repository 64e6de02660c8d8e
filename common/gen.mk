# Generated tables, included by the Makefile. No python: sh, awk and sort.
#   build/gen/rules_table.c  the platform rules of common/rules.tsv
#   build/gen/tld_table.c    top-level labels of the Public Suffix List (ICANN
#                            section), as Debian ships it in package publicsuffix
# Both are sorted with LC_ALL=C so the programs can binary-search them.

PSL	?= /usr/share/publicsuffix/public_suffix_list.dat

GEN_SRC	+= build/gen/rules_table.c build/gen/tld_table.c
GEN_HDR	+=

build/gen/rules_table.c: common/rules.tsv common/gen_rules.awk common/gen.mk
	@mkdir -p $(@D)
	LC_ALL=C awk -f common/gen_rules.awk common/rules.tsv > $@.tmp
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
