/*
 * gen_tables: the tables generated at build time by common/gen.mk, sorted in
 * byte order: the platform rules of common/rules.tsv and the top-level
 * labels of the Public Suffix List. Read through rules.h and tld.h only.
 */
#ifndef CROSSLINK_GEN_TABLES_H
#define CROSSLINK_GEN_TABLES_H

#include <stddef.h>

struct rules_row {
	const char	*host;		/* "t.me", "*.t.me", "*" or "tg:" */
	const char	*path;		/* "" or a path pattern */
	const char	*platform;	/* "-": no platform */
};

extern const struct rules_row	 rules_builtin[];
extern const size_t		 rules_nbuiltin;

extern const char *const	 tld_table[];	/* lower case, UTF-8 */
extern const size_t		 tld_count;

#endif
