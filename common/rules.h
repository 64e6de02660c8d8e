/*
 * rules: which platform a link belongs to, read from the platform table
 * (table.h, common/platforms.tsv); --rules FILE adds rows at run time.
 *
 *	const char *p = rules_platform("https://t.me/x", 14);	// "telegram"
 */
#ifndef CROSSLINK_RULES_H
#define CROSSLINK_RULES_H

#include <stddef.h>

/*
 * Platform of a link as extract writes it: refanged, any case, with or
 * without a scheme. Returns a static name ("telegram", "tamtam", ...), or
 * NULL when no row names its host (the caller says "web"). Look-alike
 * hosts (t.me.evil.com, nott.me) match nothing.
 */
const char	*rules_platform(const char *url, size_t len);

/*
 * Add the rows of a rules file (the syntax of common/platforms.tsv).
 * Errors are reported as "PROG: FILE:LINE: what"; returns 0 or -1.
 */
int		 rules_load(const char *path);

/* Every platform the table knows, NULL-terminated (for -p checks). */
const char *const *rules_platforms(void);

#endif
