/*
 * msg: every line a filter writes to stderr. err.h's four functions under
 * an x (as xmalloc is malloc that cannot fail), printing "PROG: message"
 * the same way, except that the whole message passes through visible()
 * first: a message quotes column names, fields and file names, any of
 * which the data may fill with a terminal's escape sequences.
 *
 *	xwarnx("%s:%llu: duplicate column name \"%s\"", file, line, name);
 *	xerr(EXIT_TROUBLE, "%s", path);		// "PROG: PATH: reason"
 */
#ifndef CROSSLINK_MSG_H
#define CROSSLINK_MSG_H

#include <stdarg.h>
#include <stddef.h>

/*
 * A copy of the n bytes at s (malloc'd, NUL-terminated) that is safe to
 * write to a terminal and says what the bytes were:
 *  - a C0 control byte or DEL is written \t, \n, \r or \xHH, and a byte
 *    that is not part of valid UTF-8 is written \xHH;
 *  - a C1 control, a bidirectional override or isolate (U+202A-U+202E,
 *    U+2066-U+2069) and the line and paragraph separators are written
 *    \u followed by four hex digits;
 *  - past VISIBLE_MAX bytes of output, the middle is left out and
 *    " [... N bytes ...] " written in its place, so the end of a message
 *    about a 1 GB field (its place) is still there.
 * Everything else, the backslash included, is copied as it is.
 */
#define VISIBLE_MAX	4096
char	*visible(const char *s, size_t n);

void	xwarnx(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void	xwarn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void	xerrx(int status, const char *fmt, ...)
	    __attribute__((noreturn, format(printf, 2, 3)));
void	xerr(int status, const char *fmt, ...)
	    __attribute__((noreturn, format(printf, 2, 3)));

#endif
