/*
 * json: a pull tokenizer with an explicit container stack (no recursion, so
 * hostile nesting cannot overflow the C stack), and a flat tree of one
 * value built from its tokens. Strings are found with memchr and copied in
 * runs, which keeps the common case (long text without escapes) fast.
 * Read in pieces, a string's runs go on in the next piece; nothing else
 * needs to, as a piece never ends inside a word or an escape.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "util.h"

enum state {
	ST_TOP,			/* a top-level value, or the end */
	ST_VALUE,		/* after ':' or an array's ',' */
	ST_VALUE_OR_CLOSE,	/* after '[' */
	ST_KEY_OR_CLOSE,	/* after '{' */
	ST_KEY,			/* after an object's ',' */
	ST_COLON,		/* after a key */
	ST_AFTER		/* after a value inside a container */
};

struct json_reader {
	json_more_fn	*more;
	json_piece_fn	*piece;		/* or this, for pieces of lines */
	void		*ctx;
	const char	*chunk, *p, *end;
	int		 eol;		/* the chunk ends its line */
	size_t		 col;		/* bytes of the line before the chunk */
	unsigned long long base;	/* bytes of input before the chunk */
	unsigned long long limit;	/* json_limit's end; 0: none */
	unsigned long long tops;	/* top-level values ended */
	int		 eof, failed, line_mode, started;
	enum state	 state;
	int		 depth;
	unsigned char	 stack[JSON_MAX_DEPTH];	/* '{' or '[' per level */
	char		*buf;			/* the current token's text */
	size_t		 blen, bcap;
	const char	*err;
	size_t		 errcol;
	int		 skippable;	/* the error leaves the input readable */
	int		 in_string;	/* ... and came inside a string */
	/* json_new_mem: the one chunk */
	const char	*mem;
	size_t		 memlen;
	int		 mem_given;
};

static int
mem_more(void *ctx, const char **p, size_t *len)
{
	struct json_reader *j = ctx;

	if (j->mem_given)
		return 0;
	j->mem_given = 1;
	*p = j->mem;
	*len = j->memlen;
	return 1;
}

struct json_reader *
json_new(json_more_fn *more, void *ctx)
{
	struct json_reader *j = xcalloc(1, sizeof(*j));

	j->more = more;
	j->ctx = ctx;
	j->bcap = 256;
	j->buf = xmalloc(j->bcap);
	j->eol = 1;
	return j;
}

struct json_reader *
json_new_pieces(json_piece_fn *more, void *ctx)
{
	struct json_reader *j = json_new(NULL, ctx);

	j->piece = more;
	return j;
}

struct json_reader *
json_new_mem(const char *p, size_t len)
{
	struct json_reader *j = json_new(mem_more, NULL);

	j->ctx = j;
	j->mem = p;
	j->memlen = len;
	return j;
}

void
json_free(struct json_reader *j)
{
	if (j == NULL)
		return;
	free(j->buf);
	free(j);
}

void
json_line_mode(struct json_reader *j, int on)
{
	j->line_mode = on;
}

int
json_line_mode_on(const struct json_reader *j)
{
	return j->line_mode == 1;
}

const char *
json_text(const struct json_reader *j, size_t *len)
{
	*len = j->blen;
	return j->buf;
}

int
json_depth(const struct json_reader *j)
{
	return j->depth;
}

const char *
json_error(const struct json_reader *j)
{
	return j->err ? j->err : "no error";
}

size_t
json_error_column(const struct json_reader *j)
{
	return j->errcol;
}

int
json_source_failed(const struct json_reader *j)
{
	return j->failed;
}

static int
fail(struct json_reader *j, const char *what)
{
	j->err = what;
	j->skippable = 0;
	j->errcol = j->col + (size_t)(j->p - j->chunk) + 1;
	return JSON_ERROR;
}

static int refill(struct json_reader *);

void
json_recover(struct json_reader *j)
{
	j->p = j->end;
	while (!j->eol && refill(j))
		j->p = j->end;
	j->depth = 0;
	j->state = ST_TOP;
	j->err = NULL;
	j->skippable = 0;
}

/* Next chunk: 1, or 0 at the end (or after a source error). */
static int
refill(struct json_reader *j)
{
	size_t len;
	int rc;

	if (j->eof)
		return 0;
	j->col = j->eol ? 0 : j->col + (size_t)(j->end - j->chunk);
	j->base += (size_t)(j->end - j->chunk);
	if (j->piece != NULL)
		rc = j->piece(j->ctx, &j->chunk, &len, &j->eol);
	else {
		rc = j->more(j->ctx, &j->chunk, &len);
		j->eol = 1;
	}
	if (rc <= 0) {
		j->eol = 1;
		j->eof = 1;
		j->failed = rc < 0;
		j->chunk = j->p = j->end = "";
		return 0;
	}
	j->p = j->chunk;
	j->end = j->chunk + len;
	if (!j->started) {
		j->started = 1;
		if (len >= 3 && memcmp(j->p, "\xef\xbb\xbf", 3) == 0)
			j->p += 3;
	}
	return 1;
}

/* The next non-blank byte, not consumed; -1 at the end of input, -2 error. */
static int
peek(struct json_reader *j)
{
	for (;;) {
		while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' || *j->p == '\n' ||
		    *j->p == '\r'))
			j->p++;
		if (j->p < j->end)
			return (unsigned char)*j->p;
		/* The first line's end says whether it held one whole value. */
		if (j->line_mode == JSON_LINES_FIRST && j->chunk != NULL && j->eol)
			j->line_mode = j->tops == 1 && j->depth == 0 && j->state == ST_TOP;
		/* JSON Lines: a value left open at the end of its line is broken. */
		if (j->line_mode == 1 && j->chunk != NULL && j->eol &&
		    (j->depth > 0 || j->state != ST_TOP)) {
			fail(j, "line ends inside a JSON value");
			return -2;
		}
		if (!refill(j))
			return -1;
	}
}

static void
put(struct json_reader *j, const char *s, size_t n)
{
	if (j->blen + n + 1 > j->bcap)
		xgrow(&j->buf, &j->bcap, j->blen + n + 1);
	memcpy(j->buf + j->blen, s, n);
	j->blen += n;
}

static void
put_utf8(struct json_reader *j, uint32_t c)
{
	char u[4];

	put(j, u, utf8_put(u, c));
}

/* n hex digits at s (inside the chunk), or -1. */
static long
hex_at(const struct json_reader *j, const char *s, int n)
{
	long v = 0;
	int h;

	if (j->end - s < n)
		return -1;
	for (int i = 0; i < n; i++) {
		if ((h = hex_value((unsigned char)s[i])) < 0)
			return -1;
		v = v << 4 | h;
	}
	return v;
}

/* One escape at j->p (the backslash); decoded into buf. */
static int
escape(struct json_reader *j)
{
	const char *s = j->p + 1;
	long c, lo;

	if (s >= j->end)
		return fail(j, "unterminated string");
	switch (*s) {
	case '"': case '\\': case '/':
		put(j, s, 1);
		break;
	case 'b': put(j, "\b", 1); break;
	case 'f': put(j, "\f", 1); break;
	case 'n': put(j, "\n", 1); break;
	case 'r': put(j, "\r", 1); break;
	case 't': put(j, "\t", 1); break;
	case 'x':
		/* Telegram Desktop's spelling of a control character. */
		if ((c = hex_at(j, s + 1, 2)) < 0)
			return fail(j, "bad \\x escape");
		put_utf8(j, (uint32_t)c);
		j->p = s + 3;
		return 0;
	case 'u':
		if ((c = hex_at(j, s + 1, 4)) < 0)
			return fail(j, "bad \\u escape");
		j->p = s + 5;
		if (c >= 0xd800 && c <= 0xdbff && j->end - j->p >= 6 && j->p[0] == '\\' &&
		    j->p[1] == 'u' && (lo = hex_at(j, j->p + 2, 4)) >= 0xdc00 && lo <= 0xdfff) {
			c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
			j->p += 6;
		} else if (c >= 0xd800 && c <= 0xdfff)
			c = 0xfffd;	/* a lone half of a pair */
		put_utf8(j, (uint32_t)c);
		return 0;
	default:
		/* Unknown escape: keep it as written rather than lose bytes. */
		put(j, j->p, 2);
		break;
	}
	j->p = s + 1;
	return 0;
}

/* A string at j->p (the opening quote) into buf. */
static int
string(struct json_reader *j)
{
	const char *q, *bs;

	j->blen = 0;
	j->p++;
	for (;;) {
		q = memchr(j->p, '"', (size_t)(j->end - j->p));
		bs = memchr(j->p, '\\', (size_t)((q ? q : j->end) - j->p));
		if (bs == NULL) {
			if (q == NULL && !j->eol) {
				/* the string goes on in the next piece */
				put(j, j->p, (size_t)(j->end - j->p));
				j->p = j->end;
				if (refill(j)) {
					if (j->limit && j->base > j->limit) {
						/* not held whole: skipped from here */
						fail(j, "too long");
						j->skippable = j->in_string = 1;
						return JSON_ERROR;
					}
					continue;
				}
			}
			if (q == NULL) {
				j->p = j->end;
				return fail(j, "unterminated string");
			}
			put(j, j->p, (size_t)(q - j->p));
			j->p = q + 1;
			j->buf[j->blen] = '\0';
			return 0;
		}
		put(j, j->p, (size_t)(bs - j->p));
		j->p = bs;
		if (escape(j) < 0)
			return JSON_ERROR;
	}
}

static int
is_word(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    c == '+' || c == '-' || c == '.';
}

int
json_word(const char *s, size_t n, size_t *bad)
{
	int digits = 0;

	*bad = 0;
	if (n == 4 && memcmp(s, "true", 4) == 0)
		return JSON_TRUE;
	if (n == 5 && memcmp(s, "false", 5) == 0)
		return JSON_FALSE;
	if (n == 4 && memcmp(s, "null", 4) == 0)
		return JSON_NULL;
	if ((n == 3 && memcmp(s, "NaN", 3) == 0) || (n == 8 && memcmp(s, "Infinity", 8) == 0) ||
	    (n == 9 && memcmp(s, "-Infinity", 9) == 0))
		return JSON_NUMBER;
	if (n == 0 || (*s != '-' && !(*s >= '0' && *s <= '9')))
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			digits++;
		else if (!(s[i] == '-' || s[i] == '+' || s[i] == '.' || s[i] == 'e' ||
		    s[i] == 'E')) {
			*bad = i;
			return -1;
		}
	}
	return digits > 0 ? JSON_NUMBER : -1;
}

/* A number or literal at j->p. */
static int
bare(struct json_reader *j)
{
	const char *s = j->p, *e = s;
	size_t n, bad;
	int t;

	while (e < j->end && is_word((unsigned char)*e))
		e++;
	n = (size_t)(e - s);
	if (n == 0)
		return fail(j, "unexpected character");
	j->p = e;
	if ((t = json_word(s, n, &bad)) == JSON_TRUE || t == JSON_FALSE || t == JSON_NULL)
		return t;
	j->blen = 0;
	put(j, s, n);
	j->buf[n] = '\0';
	if (t == JSON_NUMBER)
		return t;
	j->p = s + bad;
	return fail(j, *s != '-' && !(*s >= '0' && *s <= '9') ? "unexpected word" : "bad number");
}

/* State after a complete value. */
static void
value_done(struct json_reader *j)
{
	j->state = j->depth == 0 ? ST_TOP : ST_AFTER;
	j->tops += j->depth == 0;
}

static int
open_container(struct json_reader *j, unsigned char c)
{
	if (j->depth >= JSON_MAX_DEPTH) {
		fail(j, "nesting too deep");
		j->skippable = 1;
		j->in_string = 0;
		return JSON_ERROR;
	}
	j->stack[j->depth++] = c;
	j->p++;
	j->state = c == '{' ? ST_KEY_OR_CLOSE : ST_VALUE_OR_CLOSE;
	return c == '{' ? JSON_BEGIN_OBJECT : JSON_BEGIN_ARRAY;
}

static int
close_container(struct json_reader *j, int c)
{
	unsigned char want = c == '}' ? '{' : '[';

	if (j->depth == 0 || j->stack[j->depth - 1] != want)
		return fail(j, c == '}' ? "unexpected '}'" : "unexpected ']'");
	j->depth--;
	j->p++;
	value_done(j);
	return c == '}' ? JSON_END_OBJECT : JSON_END_ARRAY;
}

static int
value(struct json_reader *j, int c)
{
	int t;

	if (c == '{' || c == '[')
		return open_container(j, (unsigned char)c);
	if (c == '"') {
		if (string(j) < 0)
			return JSON_ERROR;
		value_done(j);
		return JSON_STRING;
	}
	if (c == '}' || c == ']' || c == ',' || c == ':')
		return fail(j, "expected a value");
	if ((t = bare(j)) < 0)
		return t;
	value_done(j);
	return t;
}

int
json_next(struct json_reader *j)
{
	int c;

	if (j->err)
		return JSON_ERROR;
	for (;;) {
		c = peek(j);
		if (c == -2)
			return JSON_ERROR;
		if (c == -1) {
			if (j->depth > 0 || j->state != ST_TOP) {
				j->err = "unexpected end of input";
				j->errcol = 0;
				return JSON_ERROR;
			}
			return JSON_END;
		}
		if (j->limit && json_offset(j) > j->limit) {
			fail(j, "too long");
			j->skippable = 1;
			j->in_string = 0;
			return JSON_ERROR;
		}
		switch (j->state) {
		case ST_TOP:
		case ST_VALUE:
			return value(j, c);
		case ST_VALUE_OR_CLOSE:
			if (c == ']')
				return close_container(j, c);
			return value(j, c);
		case ST_KEY_OR_CLOSE:
			if (c == '}')
				return close_container(j, c);
			/* FALLTHROUGH */
		case ST_KEY:
			if (c != '"')
				return fail(j, "expected a member name");
			if (string(j) < 0)
				return JSON_ERROR;
			j->state = ST_COLON;
			return JSON_KEY;
		case ST_COLON:
			if (c != ':')
				return fail(j, "expected ':'");
			j->p++;
			j->state = ST_VALUE;
			continue;
		case ST_AFTER:
			if (c == ',') {
				j->p++;
				j->state = j->stack[j->depth - 1] == '{' ? ST_KEY : ST_VALUE;
				continue;
			}
			if (c == '}' || c == ']')
				return close_container(j, c);
			return fail(j, j->stack[j->depth - 1] == '{' ? "expected ',' or '}'" :
			    "expected ',' or ']'");
		}
	}
}

int
json_skip(struct json_reader *j, int t)
{
	int depth, u;

	if (t != JSON_BEGIN_OBJECT && t != JSON_BEGIN_ARRAY)
		return t;
	depth = j->depth - 1;
	do {
		if ((u = json_next(j)) == JSON_ERROR && j->skippable && !j->limit)
			/* what is skipped may be nested past the stack */
			return json_skip_broken(j, depth) > 0 ? t : JSON_ERROR;
		if (u <= 0)
			return u == JSON_END ? JSON_ERROR : u;
	} while (j->depth > depth);
	return t;
}

unsigned long long
json_offset(const struct json_reader *j)
{
	return j->base + (unsigned long long)(j->p - j->chunk);
}

void
json_limit(struct json_reader *j, unsigned long long end)
{
	j->limit = end;
}

int
json_skippable(const struct json_reader *j)
{
	return j->err != NULL && j->skippable;
}

/*
 * The rest of a value that was too deep or too long to read, skipped by
 * its brackets and strings alone: no stack, no token held, so memory stays
 * what it was whatever the value holds. Its inside is not checked.
 */
int
json_skip_broken(struct json_reader *j, int depth)
{
	unsigned long long level = (unsigned long long)j->depth;
	int in_string = j->in_string;
	const char *q;

	if (!json_skippable(j))
		return JSON_ERROR;
	j->err = NULL;
	j->skippable = 0;
	for (;;) {
		if (j->p == j->end) {
			if (in_string && j->eol)
				return fail(j, "unterminated string");
			if (j->line_mode == 1 && j->eol)
				return fail(j, "line ends inside a JSON value");
			if (!refill(j)) {
				if (j->failed)
					return JSON_ERROR;
				j->err = "unexpected end of input";
				j->errcol = 0;
				return JSON_ERROR;
			}
			continue;
		}
		if (in_string) {
			q = j->p;
			while (q < j->end && *q != '"' && *q != '\\')
				q++;
			if (q == j->end) {
				j->p = q;
				continue;
			}
			if (*q == '\\') {
				/* a piece never ends after a backslash, but a line may */
				if (q + 1 == j->end) {
					j->p = q;
					return fail(j, "unterminated string");
				}
				j->p = q + 2;
				continue;
			}
			j->p = q + 1;
			in_string = 0;
			continue;
		}
		switch (*j->p++) {
		case '"':
			in_string = 1;
			break;
		case '{':
		case '[':
			level++;
			break;
		case '}':
		case ']':
			if (level-- == (unsigned long long)depth + 1) {
				j->depth = depth;
				value_done(j);
				return 1;
			}
			break;
		}
	}
}

/* The doc */

static size_t
doc_str(struct json_doc *d, const char *s, size_t n)
{
	size_t off = d->slen;

	if (d->slen + n + 1 > d->scap)
		xgrow(&d->str, &d->scap, d->slen + n + 1);
	memcpy(d->str + d->slen, s, n);
	d->str[d->slen + n] = '\0';
	d->slen += n + 1;
	return off;
}

static size_t
doc_node(struct json_doc *d, int type)
{
	struct json_node *n;

	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 64;
		d->node = xrealloc(d->node, d->cap * sizeof(*d->node));
	}
	n = &d->node[d->n];
	n->type = (unsigned char)type;
	n->end = d->n + 1;
	n->key = JSON_NONE;
	n->klen = 0;
	n->val = 0;
	n->vlen = 0;
	return d->n++;
}

void
json_build_start(struct json_build *b, struct json_doc *d)
{
	b->d = d;
	b->depth = 0;
	b->key = JSON_NONE;
	b->klen = 0;
	d->n = 0;
	d->slen = 0;
}

void
json_build_key(struct json_build *b, const char *s, size_t len)
{
	b->key = doc_str(b->d, s, len);
	b->klen = len;
}

int
json_build_add(struct json_build *b, struct json_reader *j, int t)
{
	struct json_doc *d = b->d;
	const char *s;
	size_t i, len;

	if (t == JSON_END_OBJECT || t == JSON_END_ARRAY) {
		i = b->open[--b->depth];
		d->node[i].end = d->n;
	} else if (t == JSON_KEY) {
		s = json_text(j, &len);
		json_build_key(b, s, len);
	} else {
		i = doc_node(d, t);
		d->node[i].key = b->key;
		d->node[i].klen = b->klen;
		b->key = JSON_NONE;
		b->klen = 0;
		if (t == JSON_STRING || t == JSON_NUMBER) {
			s = json_text(j, &len);
			d->node[i].val = doc_str(d, s, len);
			d->node[i].vlen = len;
		} else if (t == JSON_BEGIN_OBJECT || t == JSON_BEGIN_ARRAY)
			b->open[b->depth++] = i;
	}
	return b->depth;
}

void
json_build_mark(const struct json_build *b, struct json_mark *m)
{
	m->n = b->d->n;
	m->slen = b->d->slen;
	m->depth = b->depth;
}

void
json_build_rewind(struct json_build *b, const struct json_mark *m)
{
	b->d->n = m->n;
	b->d->slen = m->slen;
	b->depth = m->depth;
	b->key = JSON_NONE;
	b->klen = 0;
}

int
json_doc_read(struct json_reader *j, struct json_doc *d, int t)
{
	struct json_build b;

	json_build_start(&b, d);
	while (json_build_add(&b, j, t) > 0)
		if ((t = json_next(j)) <= 0)
			break;
	return t <= 0 ? t : 1;
}

int
json_doc_parse(struct json_doc *d, const char *p, size_t len, const char **err)
{
	struct json_reader *j = json_new_mem(p, len);
	int t, rc = -1;

	*err = NULL;
	t = json_next(j);
	if (t == JSON_END)
		*err = "no value";
	else if (t < 0 || json_doc_read(j, d, t) < 1)
		*err = json_error(j);
	else if ((t = json_next(j)) != JSON_END)
		*err = t < 0 ? json_error(j) : "more than one value";
	else
		rc = 1;
	json_free(j);
	return rc;
}

int
json_whole_object(const char *p, size_t len)
{
	struct json_reader *j = json_new_mem(p, len);
	int whole;

	whole = json_next(j) == JSON_BEGIN_OBJECT && json_skip(j, JSON_BEGIN_OBJECT) > 0 &&
	    json_next(j) == JSON_END;
	json_free(j);
	return whole;
}

void
json_doc_free(struct json_doc *d)
{
	free(d->node);
	free(d->str);
	memset(d, 0, sizeof(*d));
}

static size_t
get_n(const struct json_doc *d, size_t obj, const char *key, size_t klen)
{
	const struct json_node *n;

	if (obj >= d->n || d->node[obj].type != JSON_BEGIN_OBJECT)
		return JSON_NONE;
	for (size_t c = obj + 1; c < d->node[obj].end; c = d->node[c].end) {
		n = &d->node[c];
		if (n->klen == klen && memcmp(d->str + n->key, key, klen) == 0)
			return c;
	}
	return JSON_NONE;
}

size_t
json_get(const struct json_doc *d, size_t obj, const char *key)
{
	return get_n(d, obj, key, strlen(key));
}

size_t
json_get_path(const struct json_doc *d, size_t node, const char *path)
{
	const char *dot;

	while (node != JSON_NONE && *path) {
		dot = strchr(path, '.');
		node = get_n(d, node, path, dot ? (size_t)(dot - path) : strlen(path));
		path = dot ? dot + 1 : path + strlen(path);
	}
	return node;
}

const char *
json_str(const struct json_doc *d, size_t i, size_t *len)
{
	if (i >= d->n || (d->node[i].type != JSON_STRING && d->node[i].type != JSON_NUMBER)) {
		*len = 0;
		return NULL;
	}
	*len = d->node[i].vlen;
	return d->str + d->node[i].val;
}

int
json_is(const struct json_doc *d, size_t i, const char *s)
{
	size_t len, n = strlen(s);
	const char *v;

	if (i >= d->n || d->node[i].type != JSON_STRING)
		return 0;
	v = json_str(d, i, &len);
	return len == n && memcmp(v, s, n) == 0;
}

int
json_path_check(const char *p)
{
	const char *name;

	if (*p == '\0')
		return -1;
	for (;;) {
		name = p;
		while (*p && *p != '.' && *p != '[' && *p != ']')
			p++;
		while (*p == '[') {
			p++;
			while (*p >= '0' && *p <= '9')
				p++;
			if (*p++ != ']')
				return -1;
		}
		if (p == name)
			return -1;	/* an empty segment */
		if (*p == '\0')
			return 0;
		if (*p != '.')
			return -1;
		p++;
	}
}

static long
walk(const struct json_doc *d, size_t node, const char *p, json_path_fn *fn, void *ctx)
{
	const char *name;
	unsigned long long idx, k;
	long count = 0;
	size_t c;

	if (*p == '.')
		p++;
	if (*p == '\0') {
		fn(ctx, d, node);
		return 1;
	}
	if (*p == '[') {
		if (d->node[node].type != JSON_BEGIN_ARRAY)
			return 0;
		p++;
		if (*p == ']') {
			for (c = node + 1; c < d->node[node].end; c = d->node[c].end)
				count += walk(d, c, p + 1, fn, ctx);
			return count;
		}
		for (idx = 0; *p >= '0' && *p <= '9'; p++)
			idx = idx * 10 + (unsigned long long)(*p - '0');
		p++;
		for (k = 0, c = node + 1; c < d->node[node].end; c = d->node[c].end, k++)
			if (k == idx)
				return walk(d, c, p, fn, ctx);
		return 0;
	}
	name = p;
	while (*p && *p != '.' && *p != '[')
		p++;
	c = get_n(d, node, name, (size_t)(p - name));
	return c == JSON_NONE ? 0 : walk(d, c, p, fn, ctx);
}

long
json_path_each(const struct json_doc *d, size_t node, const char *path, json_path_fn *fn,
    void *ctx)
{
	if (json_path_check(path) < 0)
		return -1;
	if (node >= d->n)
		return 0;
	return walk(d, node, path, fn, ctx);
}
