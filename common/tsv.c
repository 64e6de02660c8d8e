/*
 * tsv: header-checked reading and one-to-one escaping of TSV records.
 * See tsv.h for the contract.
 */
#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "tsv.h"
#include "util.h"

/* Bytes tsv_put must escape: C0 controls, backslash and DEL. */
static int
needs_escape(unsigned char c)
{
	return c < 0x20 || c == '\\' || c == 0x7f;
}

/* Split line into at most max fields; returns the number of fields seen. */
static size_t
split(const char *line, size_t len, struct tsv_field *f, size_t max)
{
	const char *p = line, *end = line + len, *tab;
	size_t n = 0;

	for (;;) {
		tab = memchr(p, '\t', (size_t)(end - p));
		if (n < max) {
			f[n].p = p;
			f[n].len = (size_t)((tab ? tab : end) - p);
		}
		n++;
		if (tab == NULL)
			return n;
		p = tab + 1;
	}
}

static void
free_names(struct tsv_reader *r)
{
	for (size_t i = 0; i < r->ncols; i++)
		free(r->names[i]);
	free(r->names);
	r->names = NULL;
}

struct tsv_reader *
tsv_open(const char *path)
{
	struct input *in;
	const char *line;
	size_t len;
	int rc;

	if ((in = input_open(path)) == NULL)
		return NULL;
	rc = input_line(in, &line, &len);
	return tsv_attach(in, rc > 0 ? line : NULL, len, rc < 0);
}

struct tsv_reader *
tsv_attach(struct input *in, const char *header, size_t len, int error)
{
	struct tsv_reader *r;
	size_t n, i, j;

	r = xcalloc(1, sizeof(*r));
	r->in = in;
	if (header == NULL) {
		/* Empty input: a table with no columns and no rows. */
		r->error = error;
		return r;
	}
	n = split(header, len, NULL, 0);
	r->ncols = n;
	r->cap = n;
	r->names = xcalloc(n, sizeof(*r->names));
	r->field = xcalloc(n, sizeof(*r->field));
	split(header, len, r->field, n);
	r->header = xmemdup(header, len);
	r->header_len = len;
	for (i = 0; i < n; i++)
		r->names[i] = xmemdup(r->field[i].p, r->field[i].len);
	for (i = 0; i < n; i++) {
		if (r->field[i].len == 0 || strlen(r->names[i]) != r->field[i].len) {
			warnx("%s:1: empty column name (column %zu)", input_name(in), i + 1);
			goto bad;
		}
		for (j = 0; j < i; j++)
			if (strcmp(r->names[i], r->names[j]) == 0) {
				warnx("%s:1: duplicate column name \"%s\"",
				    input_name(in), r->names[i]);
				goto bad;
			}
	}
	return r;
bad:
	tsv_close(r);
	return NULL;
}

int
tsv_col(const struct tsv_reader *r, const char *name)
{
	for (size_t i = 0; i < r->ncols; i++)
		if (strcmp(r->names[i], name) == 0)
			return (int)i;
	return -1;
}

int
tsv_next(struct tsv_reader *r)
{
	const char *line;
	size_t len, n;
	int rc;

	if (r->ncols == 0)
		return r->error ? -1 : 0;
	for (;;) {
		rc = input_line(r->in, &line, &len);
		if (rc <= 0) {
			if (rc < 0)
				r->error = 1;
			return rc;
		}
		n = split(line, len, r->field, r->ncols);
		if (n == r->ncols) {
			r->rows++;
			return 1;
		}
		warnx("%s:%llu: %zu field%s, header has %zu", input_name(r->in),
		    input_lineno(r->in), n, n == 1 ? "" : "s", r->ncols);
		r->skipped++;
	}
}

const char *
tsv_name(const struct tsv_reader *r)
{
	return input_name(r->in);
}

unsigned long long
tsv_lineno(const struct tsv_reader *r)
{
	return input_lineno(r->in);
}

int
tsv_close(struct tsv_reader *r)
{
	int bad;

	if (r == NULL)
		return 0;
	bad = input_close(r->in) < 0 || r->error || r->skipped > 0;
	free_names(r);
	free(r->field);
	free((char *)r->header);
	free(r);
	return bad ? -1 : 0;
}

void
tsv_put(FILE *out, const char *s, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	size_t i, run = 0;
	unsigned char c;

	for (i = 0; i < len; i++) {
		c = (unsigned char)s[i];
		if (!needs_escape(c))
			continue;
		if (i > run)
			fwrite(s + run, 1, i - run, out);
		run = i + 1;
		putc('\\', out);
		switch (c) {
		case '\\': putc('\\', out); break;
		case '\t': putc('t', out); break;
		case '\n': putc('n', out); break;
		case '\r': putc('r', out); break;
		default:
			putc('x', out);
			putc(hex[c >> 4], out);
			putc(hex[c & 15], out);
		}
	}
	if (len > run)
		fwrite(s + run, 1, len - run, out);
}

void
tsv_puts(FILE *out, const char *s)
{
	tsv_put(out, s, strlen(s));
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = ascii_lower(c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

size_t
tsv_unescape(char *dst, const char *src, size_t len)
{
	size_t i = 0, n = 0;
	const char *bs;
	int hi, lo;

	while (i < len) {
		bs = memchr(src + i, '\\', len - i);
		if (bs == NULL) {
			memmove(dst + n, src + i, len - i);
			return n + (len - i);
		}
		memmove(dst + n, src + i, (size_t)(bs - (src + i)));
		n += (size_t)(bs - (src + i));
		i = (size_t)(bs - src);
		if (i + 1 >= len) {		/* lone trailing backslash */
			dst[n++] = '\\';
			return n;
		}
		switch (src[i + 1]) {
		case '\\': dst[n++] = '\\'; i += 2; continue;
		case 't': dst[n++] = '\t'; i += 2; continue;
		case 'n': dst[n++] = '\n'; i += 2; continue;
		case 'r': dst[n++] = '\r'; i += 2; continue;
		case 'x':
			if (i + 3 < len && (hi = hexval((unsigned char)src[i + 2])) >= 0 &&
			    (lo = hexval((unsigned char)src[i + 3])) >= 0) {
				dst[n++] = (char)(hi << 4 | lo);
				i += 4;
				continue;
			}
			break;
		}
		dst[n++] = '\\';		/* unknown escape: kept as written */
		i++;
	}
	return n;
}

void
tsv_header(FILE *out, const char *const *names, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			putc('\t', out);
		fputs(names[i], out);
	}
	putc('\n', out);
}
