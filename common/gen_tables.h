/*
 * gen_tables: the tables generated at build time by common/gen.mk: the rows
 * of common/platforms.tsv and the top-level labels of the Public Suffix
 * List (sorted in byte order). Read through table.h and tld.h only.
 */
#ifndef CROSSLINK_GEN_TABLES_H
#define CROSSLINK_GEN_TABLES_H

#include <stddef.h>

struct table_src {
	unsigned long	 line;		/* in common/platforms.tsv */
	const char	*text;		/* the row, fields split by tabs */
};

extern const struct table_src	 table_builtin[];
extern const size_t		 table_nbuiltin;

extern const char *const	 tld_table[];	/* lower case, UTF-8 */
extern const size_t		 tld_count;

#endif
