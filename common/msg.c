/*
 * msg: messages on stderr, made safe to show. Why: a message quotes what
 * it is about (a column name, a field, a file name), and those come from
 * the data: a field holding ESC ] 0 ; ... BEL retitles the analyst's
 * terminal, a bidirectional override reverses the rest of the line, and a
 * 1 GB field quoted whole buries the terminal. Escaping the whole message
 * in one place, rather than each quoted argument at its call site, leaves
 * no message that forgot to.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "util.h"

struct out {
	char	*p;
	size_t	 len;
};

static void
put(struct out *o, const char *s, size_t n)
{
	if (o->p)
		memcpy(o->p + o->len, s, n);
	o->len += n;
}

/* Escape n bytes of s into o (or only count them when o->p is NULL). */
static void
escape(struct out *o, const unsigned char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	char buf[16];
	size_t i = 0, k;
	unsigned c;

	while (i < n) {
		if (s[i] >= 0x20 && s[i] < 0x7f) {
			for (k = i; k < n && s[k] >= 0x20 && s[k] < 0x7f; k++)
				;
			put(o, (const char *)s + i, k - i);
			i = k;
		} else if (s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
			buf[0] = '\\';
			buf[1] = s[i] == '\t' ? 't' : s[i] == '\n' ? 'n' : 'r';
			put(o, buf, 2);
			i++;
		} else if (s[i] >= 0x80 && (k = utf8_len((const char *)s + i, n - i)) > 0) {
			if (utf8_control(s + i, k, &c)) {
				snprintf(buf, sizeof(buf), "\\u%04x", c);
				put(o, buf, 6);
			} else
				put(o, (const char *)s + i, k);
			i += k;
		} else {
			buf[0] = '\\';
			buf[1] = 'x';
			buf[2] = hex[s[i] >> 4];
			buf[3] = hex[s[i] & 15];
			put(o, buf, 4);
			i++;
		}
	}
}

/* Move i back (or with forward, on) to the start of a UTF-8 character. */
static size_t
char_start(const unsigned char *s, size_t n, size_t i, int forward)
{
	for (int k = 0; k < 3 && i > 0 && i < n && (s[i] & 0xc0) == 0x80; k++)
		i = forward ? i + 1 : i - 1;
	return i;
}

/* visible(), writing into o; a first call with o->p NULL measures. */
static void
visible_into(struct out *o, const unsigned char *s, size_t n)
{
	size_t head, tail;
	char gap[64];

	if (n <= VISIBLE_MAX) {
		escape(o, s, n);
		return;
	}
	head = char_start(s, n, VISIBLE_MAX / 2, 0);
	tail = char_start(s, n, n - VISIBLE_MAX / 2, 1);
	escape(o, s, head);
	put(o, gap, (size_t)snprintf(gap, sizeof(gap), " [... %zu bytes ...] ", tail - head));
	escape(o, s + tail, n - tail);
}

/* visible() with malloc: NULL when out of memory. */
static char *
try_visible(const char *s, size_t n)
{
	struct out o = { NULL, 0 };

	visible_into(&o, (const unsigned char *)s, n);
	if ((o.p = malloc(o.len + 1)) == NULL)
		return NULL;
	o.len = 0;
	visible_into(&o, (const unsigned char *)s, n);
	o.p[o.len] = '\0';
	return o.p;
}

char *
visible(const char *s, size_t n)
{
	char *v = try_visible(s, n);

	if (v == NULL)
		xerrx(EXIT_TROUBLE, "out of memory (%zu bytes)", n);
	return v;
}

/*
 * "PROG: message[: reason]\n" in one write. Out of memory, the format
 * itself is printed: it holds nothing from the data, and saying less
 * beats saying nothing.
 */
static void
vmessage(int errnum, const char *fmt, va_list ap)
{
	va_list again;
	char *raw = NULL, *shown = NULL;
	int n;

	va_copy(again, ap);
	n = vsnprintf(NULL, 0, fmt, again);
	va_end(again);
	if (n >= 0 && (raw = malloc((size_t)n + 1)) != NULL) {
		vsnprintf(raw, (size_t)n + 1, fmt, ap);
		shown = try_visible(raw, (size_t)n);
	}
	if (errnum >= 0)
		fprintf(stderr, "%s: %s: %s\n", program_name(), shown ? shown : fmt,
		    strerror(errnum));
	else
		fprintf(stderr, "%s: %s\n", program_name(), shown ? shown : fmt);
	free(shown);
	free(raw);
}

void
xwarnx(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(-1, fmt, ap);
	va_end(ap);
}

void
xwarn(const char *fmt, ...)
{
	int saved = errno;
	va_list ap;

	va_start(ap, fmt);
	vmessage(saved, fmt, ap);
	va_end(ap);
}

void
xerrx(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(-1, fmt, ap);
	va_end(ap);
	exit(status);
}

void
xerr(int status, const char *fmt, ...)
{
	int saved = errno;
	va_list ap;

	va_start(ap, fmt);
	vmessage(saved, fmt, ap);
	va_end(ap);
	exit(status);
}
