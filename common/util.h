/*
 * util: exit codes, allocation that cannot fail, number parsing, and the
 * checked close of stdout every filter ends with.
 * Allocation failures print "PROG: out of memory" and exit EXIT_TROUBLE,
 * so callers never test for NULL.
 */
#ifndef CROSSLINK_UTIL_H
#define CROSSLINK_UTIL_H

#include <stddef.h>
#include <stdint.h>

enum {
	EXIT_OK = 0,		/* done (extract: at least one link found) */
	EXIT_NONE = 1,		/* extract only: no link found, as grep */
	EXIT_TROUBLE = 2	/* usage, I/O, bad gzip, malformed records */
};

#define CROSSLINK_VERSION "0.1.0"

void	*xmalloc(size_t n);
void	*xcalloc(size_t n, size_t size);
void	*xrealloc(void *p, size_t n);
char	*xstrdup(const char *s);
char	*xmemdup(const void *p, size_t n);	/* adds a NUL */

/* Grow *buf (capacity *cap) to hold at least need bytes; doubles. */
void	 xgrow(char **buf, size_t *cap, size_t need);

/*
 * Parse a whole string as a non-negative decimal number no larger than max.
 * Returns 0 on success, -1 (value unchanged) otherwise.
 */
int	 parse_count(const char *s, unsigned long long max, unsigned long long *value);

/* ASCII-only case helpers: data is bytes, never locale text. */
static inline int
ascii_lower(int c)
{
	return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}
int	 ascii_casecmp_n(const char *a, const char *b, size_t n);

/*
 * Ignore SIGPIPE's default death? No: SIGPIPE stays default, so
 * "extract | head" ends quietly. This flushes and closes stdout and reports
 * a failed write ("PROG: stdout: No space left on device"); returns the
 * status to exit with, given the status so far.
 */
int	 close_stdout(int status);

/* "--help"/"--version" helpers shared by every filter. */
void	 print_version(void);

#endif
