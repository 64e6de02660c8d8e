/*
 * rules: which platform a link belongs to. One table, common/rules.tsv,
 * compiled into every program (see PIPELINE.md for its format); --rules FILE
 * adds rows or overrides built-in ones at run time.
 *
 *	const char *p = rules_platform("https://t.me/x", 14);	// "telegram"
 */
#ifndef CROSSLINK_RULES_H
#define CROSSLINK_RULES_H

#include <stddef.h>

/*
 * Platform of a link as extract writes it: refanged, any case, with or
 * without a scheme. Returns a static name ("telegram", "tamtam", ...), or
 * NULL when no rule matches (the caller says "web"). Look-alike hosts
 * (t.me.evil.com, nott.me) match nothing.
 */
const char	*rules_platform(const char *url, size_t len);

/*
 * Add the rows of a rules file, overriding built-in rows for the same host.
 * Errors are reported as "PROG: FILE:LINE: what"; returns 0 or -1.
 */
int		 rules_load(const char *path);

/* Every platform name the table knows, NULL-terminated (for -p checks). */
const char *const *rules_platforms(void);

#endif
