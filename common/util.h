/*
 * util: exit codes, allocation that cannot fail, number parsing, the
 * inputs a filter is given (operands or --files0-from), and the checked
 * close of stdout every filter ends with.
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

/*
 * The same with an optional suffix k, M or G (powers of 1024): a size in
 * bytes, at least 1. Returns 0 on success, -1 (value unchanged) otherwise.
 */
int	 parse_size(const char *s, unsigned long long *value);

/*
 * Call fn(ctx, name) for each input of a filter, in order: the operands
 * argv[0..argc-1], or "-" (stdin) when there are none; or, with files0
 * set (--files0-from F), the names read from F ("-": stdin), each ended
 * by a NUL (the last one may lack it). The list is read as it is used:
 * any number of names, of any length, holding any byte but NUL. As GNU
 * wc: operands and files0 together exit 2 at once ("PROG: file operands
 * cannot be combined with --files0-from"); an empty name ("PROG: F:N:
 * invalid zero-length file name", N its place in the list) and, when
 * the list is stdin, the name "-" are reported and skipped; a list with
 * no names reads nothing. Returns 0, or -1 when a name was skipped, the
 * list could not be read ("PROG: F: reason") or fn returned < 0.
 */
typedef int	 each_input_fn(void *ctx, const char *name);
int	 each_input(int argc, char *argv[], const char *files0, each_input_fn *fn,
	    void *ctx);

/* ASCII-only case helpers: data is bytes, never locale text. */
static inline int
ascii_lower(int c)
{
	return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}
int	 ascii_casecmp_n(const char *a, const char *b, size_t n);

static inline int
ascii_alnum(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/*
 * Sort n elements of size bytes with cmp(a, b, ctx), stably (equal ones
 * keep their order), as a merge sort: qsort_r's arguments differ between
 * glibc and the BSDs, and qsort need not be stable.
 */
void	 sort_r(void *base, size_t n, size_t size,
	    int (*cmp)(const void *, const void *, void *), void *ctx);

/* Length of the valid UTF-8 sequence at s (1 for ASCII), 0 if there is none. */
size_t	 utf8_len(const char *s, size_t n);
/*
 * Is the valid UTF-8 character at s (len bytes, as utf8_len gave) one that
 * changes how the rest of a line is shown: a C1 control, a bidirectional
 * embedding, override (U+202A-U+202E) or isolate (U+2066-U+2069), a line
 * or paragraph separator? Its code point in *cp.
 */
int	 utf8_control(const unsigned char *s, size_t len, unsigned *cp);
/* Write code point c (at most U+10FFFF) as UTF-8 to out; its length, 1 to 4. */
size_t	 utf8_put(char out[4], unsigned long c);

/* The value of a hexadecimal digit, or -1. */
static inline int
hex_value(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Index of the lowest set bit of a non-zero word (the vector scans' masks). */
static inline int
lowest_bit(uint32_t bits)
{
#ifdef __GNUC__
	return __builtin_ctz(bits);
#else
	int k = 0;

	while (!(bits & 1)) {
		bits >>= 1;
		k++;
	}
	return k;
#endif
}

/*
 * The index of name among the n strings names[], or -1: a column or an
 * option's value looked up by name.
 */
int	 name_index(const char *const *names, size_t n, const char *name);

/* Free the n strings of v, then v itself. */
void	 free_strings(char **v, size_t n);

/*
 * Ignore SIGPIPE's default death? No: SIGPIPE stays default, so
 * "extract | head" ends quietly. This flushes and closes stdout and reports
 * a failed write ("PROG: stdout: No space left on device"); returns the
 * status to exit with, given the status so far.
 */
int	 close_stdout(int status);

/*
 * The one answer every filter gives a bad command line: "PROG: what", then
 * "Try 'PROG --help' for the options.", exit 2. getopt_failed says what
 * getopt_long (opterr 0, optstring starting ":") returned ch for.
 */
void	 usage_error(const char *fmt, ...)
	    __attribute__((noreturn, format(printf, 1, 2)));
void	 getopt_failed(int ch, char *argv[]) __attribute__((noreturn));

/* The name the program was started as ("extract"), for messages. */
const char *program_name(void);

/* "--help"/"--version" helpers shared by every filter. */
void	 print_version(void);

#endif
