/*
 * csv: a record is parsed field by field from the line source; a quoted
 * field that reaches the end of a line pulls the next line in (with the
 * newline it stood for). Decoded fields are kept as offsets into one
 * growing buffer and pointed at once the record is complete.
 * Why a record has a bound (csv_limit) though its lines have one: a quote
 * left open joins every line after it into one record, and a runaway
 * record must not take the machine's memory; past the bound it is parsed
 * on, to find its end, but not kept.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "util.h"

struct csv_reader *
csv_new(csv_line_fn *more, void *ctx, unsigned long long first)
{
	struct csv_reader *r = xcalloc(1, sizeof(*r));

	r->more = more;
	r->ctx = ctx;
	r->sep = ',';
	r->lines = first > 0 ? first - 1 : 0;
	return r;
}

void
csv_limit(struct csv_reader *r, size_t max, csv_lineno_fn *lineno)
{
	r->max = max;
	r->lineno = lineno;
}

void
csv_free(struct csv_reader *r)
{
	if (r == NULL)
		return;
	free_strings(r->names, r->ncols);
	free(r->field);
	free(r->off);
	free(r->buf);
	free(r);
}

void
csv_sep_feed(struct csv_sep_count *c, const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (p[i] == '"')
			c->quoted = !c->quoted;
		else if (!c->quoted)
			p[i] == ',' ? c->comma++ : p[i] == ';' ? c->semi++ :
			    p[i] == '\t' ? c->tab++ : 0;
	}
}

char
csv_sep_pick(const struct csv_sep_count *c)
{
	if (c->comma >= c->semi && c->comma >= c->tab)
		return ',';
	return c->semi >= c->tab ? ';' : '\t';
}

char
csv_guess_sep(const char *line, size_t len)
{
	struct csv_sep_count c = { 0 };

	csv_sep_feed(&c, line, len);
	return csv_sep_pick(&c);
}

/* csv_cut's states: where the byte about to be read stands. */
enum {
	CUT_FIELD,		/* at a field's start: a quote opens a quoted field */
	CUT_PLAIN,		/* inside an unquoted field */
	CUT_QUOTED,		/* inside a quoted field: newlines are data */
	CUT_CLOSED,		/* after a quote in a quoted field: "" or its end */
	CUT_BAD			/* text after a closing quote: the line is lost */
};

size_t
csv_cut_next(struct csv_cut *c, const char *p, size_t n)
{
	const char *end = p + n, *s = p, *nl, *q;

	while (s < end) {
		switch (c->state) {
		case CUT_FIELD:
		case CUT_PLAIN:
			/* Only a quote at a field's start counts, before the newline. */
			nl = memchr(s, '\n', (size_t)(end - s));
			q = s;
			while ((q = memchr(q, '"', (size_t)((nl ? nl : end) - q))) != NULL &&
			    !(q == s ? c->state == CUT_FIELD : q[-1] == c->sep))
				q++;
			if (q != NULL) {
				c->state = CUT_QUOTED;
				s = q + 1;
			} else if (nl != NULL) {
				c->state = CUT_FIELD;
				return (size_t)(nl + 1 - p);
			} else {
				c->state = end[-1] == c->sep ? CUT_FIELD : CUT_PLAIN;
				s = end;
			}
			break;
		case CUT_QUOTED:
			q = memchr(s, '"', (size_t)(end - s));
			s = q ? q + 1 : end;
			if (q != NULL)
				c->state = CUT_CLOSED;
			break;
		case CUT_CLOSED:
			/* "" is a quote; a separator or the line's end ends the field. */
			if (*s == '"')
				c->state = CUT_QUOTED;
			else if (*s == c->sep)
				c->state = CUT_FIELD;
			else if (*s == '\n') {
				c->state = CUT_FIELD;
				return (size_t)(s + 1 - p);
			} else
				c->state = CUT_BAD;
			s++;
			break;
		default:
			nl = memchr(s, '\n', (size_t)(end - s));
			if (nl == NULL)
				return 0;
			c->state = CUT_FIELD;
			return (size_t)(nl + 1 - p);
		}
	}
	return 0;
}

static int
next_line(struct csv_reader *r, const char **p, size_t *len)
{
	int rc;

	if (r->have_pend) {
		r->have_pend = 0;
		*p = r->pend;
		*len = r->pend_len;
		r->lines++;
		r->gap = 0;
		return 1;
	}
	if (r->eof)
		return 0;
	rc = r->more(r->ctx, p, len);
	if (rc <= 0) {
		r->eof = 1;
		r->failed = rc < 0;
		return rc;
	}
	if (r->lineno != NULL) {
		unsigned long long n = r->lineno(r->ctx);

		r->gap = n != r->lines + 1;
		r->lines = n;
	} else
		r->lines++;
	return 1;
}

static void
put(struct csv_reader *r, const char *s, size_t n)
{
	if (r->over || (r->max > 0 && r->blen + n > r->max)) {
		r->over = 1;	/* read on to the record's end, keeping nothing */
		return;
	}
	xgrow(&r->buf, &r->bcap, r->blen + n + 1);
	memcpy(r->buf + r->blen, s, n);
	r->blen += n;
}

static void
end_field(struct csv_reader *r, size_t start)
{
	if (r->nfields == r->fcap) {
		r->fcap = r->fcap ? r->fcap * 2 : 16;
		r->off = xrealloc(r->off, r->fcap * sizeof(*r->off));
		r->field = xrealloc(r->field, r->fcap * sizeof(*r->field));
	}
	r->off[r->nfields] = start;
	r->field[r->nfields].len = r->blen - start;
	put(r, "", 1);		/* a NUL after each field */
	r->nfields++;
}

/* One record into fields: CSV_ROW, CSV_BAD, CSV_END or -1. */
static int
record(struct csv_reader *r)
{
	const char *p, *end, *q;
	size_t len, start;
	int rc;

again:
	r->nfields = 0;
	r->blen = 0;
	r->over = 0;
	do {
		if ((rc = next_line(r, &p, &len)) <= 0)
			return rc;
	} while (len == 0);	/* blank lines are no records */
	r->line = r->lines;
	end = p + len;
	for (;;) {
		start = r->blen;
		if (p < end && *p == '"') {
			p++;
			for (;;) {
				q = memchr(p, '"', (size_t)(end - p));
				if (q == NULL) {
					/* The field goes on on the next line. */
					put(r, p, (size_t)(end - p));
					put(r, "\n", 1);
					if ((rc = next_line(r, &p, &len)) <= 0) {
						if (rc < 0)
							return -1;
						snprintf(r->errbuf, sizeof(r->errbuf),
						    "quoted field never closed (%llu lines)",
						    r->lines - r->line + 1);
						r->err = r->errbuf;
						return CSV_BAD;
					}
					if (r->gap) {
						/* the rest of the record was too long */
						r->pend = p;
						r->pend_len = len;
						r->have_pend = 1;
						r->lines--;
						goto again;
					}
					end = p + len;
					continue;
				}
				put(r, p, (size_t)(q - p));
				p = q + 1;
				if (p < end && *p == '"') {
					put(r, "\"", 1);
					p++;
					continue;
				}
				break;
			}
			if (p < end && *p != r->sep) {
				r->err = "text after a closing quote";
				return CSV_BAD;
			}
		} else {
			q = memchr(p, r->sep, (size_t)(end - p));
			if (q == NULL)
				q = end;
			put(r, p, (size_t)(q - p));
			p = q;
		}
		end_field(r, start);
		if (p == end)
			break;
		p++;		/* the separator */
		if (p == end) {
			/* A separator at the end: one more, empty field. */
			end_field(r, r->blen);
			break;
		}
	}
	if (r->over) {
		snprintf(r->errbuf, sizeof(r->errbuf),
		    "record longer than --max-record (%zu bytes), skipped", r->max);
		r->err = r->errbuf;
		return CSV_BAD;
	}
	for (size_t i = 0; i < r->nfields; i++)
		r->field[i].p = r->buf + r->off[i];
	return CSV_ROW;
}

int
csv_header(struct csv_reader *r)
{
	const char *p;
	size_t len;
	int rc;

	/* The first line decides the separator, then is parsed as a record. */
	if ((rc = r->more(r->ctx, &p, &len)) <= 0) {
		r->failed = rc < 0;
		r->eof = 1;
		return rc;
	}
	r->sep = csv_guess_sep(p, len);
	r->pend = p;
	r->pend_len = len;
	r->have_pend = 1;
	if ((rc = record(r)) != CSV_ROW) {
		if (rc == CSV_BAD)
			return -1;
		return rc;
	}
	if (r->nfields > 1 && r->field[r->nfields - 1].len == 0) {
		r->trailing_sep = 1;
		r->nfields--;
	}
	r->ncols = r->nfields;
	r->names = xcalloc(r->ncols, sizeof(*r->names));
	for (size_t i = 0; i < r->ncols; i++)
		r->names[i] = xmemdup(r->field[i].p, r->field[i].len);
	return 1;
}

int
csv_next(struct csv_reader *r)
{
	int rc = record(r);

	if (rc != CSV_ROW)
		return rc;
	if (r->trailing_sep && r->nfields == r->ncols + 1 && r->field[r->ncols].len == 0)
		r->nfields--;
	if (r->nfields != r->ncols) {
		snprintf(r->errbuf, sizeof(r->errbuf), "%zu fields, header has %zu", r->nfields,
		    r->ncols);
		r->err = r->errbuf;
		return CSV_BAD;
	}
	return CSV_ROW;
}

int
csv_col(const struct csv_reader *r, const char *name)
{
	return name_index((const char *const *)r->names, r->ncols, name);
}

int
csv_col_nocase(const struct csv_reader *r, const char *name)
{
	size_t n = strlen(name);

	for (size_t i = 0; i < r->ncols; i++)
		if (strlen(r->names[i]) == n && ascii_casecmp_n(r->names[i], name, n) == 0)
			return (int)i;
	return -1;
}
