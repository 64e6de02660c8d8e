/*
 * probe_rules: the "probe" rows of the platform table, read into requests
 * and markers. Why rows and not code: what a platform answers for a gone
 * link changes without notice and differs by kind of key, so the facts
 * sit in common/platforms.tsv (syntax at its top) where an analyst can
 * fix or add one with --rules FILE; this file only runs them.
 *
 *	cut -f key new.tsv | probe --rules more.tsv	# more.tsv's rows first
 *
 * Why "unknown" rather than a guess: a marker is a fact someone checked
 * against a real page; an answer no marker describes (a new layout, a
 * 429, a page in a language no marker knows) says nothing about the link.
 */
#define PCRE2_CODE_UNIT_WIDTH 8

#include <pcre2.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "json.h"
#include "msg.h"
#include "probe_rules.h"
#include "table.h"
#include "util.h"

#define MAXCAP		8
#define MATCH_LIMIT	10000000	/* a marker's pattern on one page */

enum cond_kind { C_HTTP, C_HAS, C_LACKS, C_RE, C_NORE, C_JSON, C_JSON_EQ };

struct cond {
	enum cond_kind	 kind;
	char		*text;		/* has/lacks text, json path */
	char		*value;		/* json value to equal */
	long		*codes;		/* http */
	size_t		 ncodes;
	pcre2_code	*re;
};

struct mark {
	enum probe_status status;
	struct cond	*c;
	size_t		 n;
};

/* Where a title or member count is: a pattern's group 1, or a JSON member. */
struct pick {
	pcre2_code	*re;
	char		*path;
};

/* A template: literal bytes and {capture} in turn. */
struct piece {
	char		*lit;		/* literal text, or NULL */
	int		 cap;
};

struct tmpl {
	struct piece	*p;
	size_t		 n;
};

struct prow {
	const char	*file;
	unsigned long	 line;
	char		*platform, *kind;
	pcre2_code	*key_re;
	char		*cap[MAXCAP];	/* capture names, group i + 1 */
	size_t		 ncap;
	double		 rate;
	const char	*method;
	struct tmpl	 url, body;
	int		 has_body;
	const char	*content_type;
	struct mark	*marks;
	size_t		 nmarks;
	struct pick	*titles, *members;
	size_t		 ntitles, nmembers;
};

/* The table's probe rows read so far, by their text (which never moves). */
struct seen {
	const char	*text;
	struct prow	*row;		/* NULL: the row was bad */
};

static struct seen	*seen;
static size_t		 n_seen;
static struct prow	**rows;		/* in the table's order */
static size_t		 n_rows;
static size_t		 loaded_n = (size_t)-1;
static int		 load_rc;
static pthread_mutex_t	 lock = PTHREAD_MUTEX_INITIALIZER;

/* Messages kept for good, so why strings can be static to callers. */
static char		**kept;
static size_t		 n_kept;
static pthread_mutex_t	 keep_lock = PTHREAD_MUTEX_INITIALIZER;

static const char *
keep(const char *s)
{
	const char *k = NULL;

	pthread_mutex_lock(&keep_lock);
	for (size_t i = 0; i < n_kept && k == NULL; i++)
		if (strcmp(kept[i], s) == 0)
			k = kept[i];
	if (k == NULL) {
		kept = xrealloc(kept, (n_kept + 1) * sizeof(*kept));
		k = kept[n_kept++] = xstrdup(s);
	}
	pthread_mutex_unlock(&keep_lock);
	return k;
}

const char *
probe_status_name(enum probe_status s)
{
	switch (s) {
	case PROBE_ALIVE:
		return "alive";
	case PROBE_GONE:
		return "gone";
	default:
		return "unknown";
	}
}

/* ---- reading a row ---- */

struct rd {
	char		 err[240];
};

static int
fail(struct rd *rd, const char *fmt, const char *what)
{
	snprintf(rd->err, sizeof(rd->err), fmt, what);
	return -1;
}

static pcre2_code *
compile(struct rd *rd, const char *pat, uint32_t opts)
{
	int code;
	PCRE2_SIZE off;
	pcre2_code *re = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED,
	    opts, &code, &off, NULL);

	if (re == NULL) {
		PCRE2_UCHAR msg[120];
		char what[200];

		pcre2_get_error_message(code, msg, sizeof(msg));
		snprintf(what, sizeof(what), "%s at offset %zu", (char *)msg,
		    (size_t)off);
		fail(rd, "bad pattern: %s", what);
		return NULL;
	}
	(void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);	/* else interpreted */
	return re;
}

static const struct {
	const char	*name;
	const char	*set;
} classes[] = {
	{ "token", "[A-Za-z0-9_-]+" },
	{ "alnum", "[A-Za-z0-9]+" },
	{ "digits", "[0-9]+" },
	{ "word", "[A-Za-z0-9_]+" },
	{ "name", "[A-Za-z0-9_.-]+" },
	{ "hex", "[0-9A-Fa-f]+" },
	{ "any", "[^/]+" },
	{ "rest", ".+" },
};

static int
find_cap(const struct prow *row, const char *name, size_t n)
{
	for (size_t i = 0; i < row->ncap; i++)
		if (strlen(row->cap[i]) == n && memcmp(row->cap[i], name, n) == 0)
			return (int)i;
	return -1;
}

/* The key shape ("t.me/{name:word}", "{host}/invite/{code}") into a pattern. */
static int
parse_key(struct rd *rd, struct prow *row, const char *s)
{
	struct buf pat = { 0 };
	int rc = -1;

	buf_adds(&pat, "\\A");
	while (*s) {
		if (*s != '{') {
			if (*s == '}') {
				fail(rd, "%s: a stray \"}\"", "key");
				goto out;
			}
			char x[12];

			snprintf(x, sizeof(x), "\\x{%02x}", (unsigned char)*s++);
			buf_adds(&pat, x);
			continue;
		}
		const char *end = strchr(s, '}'), *name = s + 1;
		size_t nlen = strcspn(name, ":~}");

		if (name[nlen] == '~') {	/* {x~RE}: RE may hold braces */
			int depth = 0;

			for (end = name + nlen; *end; end++)
				if (*end == '\\' && end[1])
					end++;
				else if (*end == '{')
					depth++;
				else if (*end == '}' && depth-- == 0)
					break;
			if (*end == '\0')
				end = NULL;
		}
		if (end == NULL) {
			fail(rd, "%s: \"{\" without \"}\"", "key");
			goto out;
		}
		if (nlen == 0 || find_cap(row, name, nlen) >= 0) {
			fail(rd, "%s: a capture needs a name of its own", "key");
			goto out;
		}
		if (row->ncap == MAXCAP) {
			fail(rd, "%s: more than 8 captures", "key");
			goto out;
		}
		row->cap[row->ncap++] = xmemdup(name, nlen);
		buf_addc(&pat, '(');
		if (nlen == 4 && memcmp(name, "host", 4) == 0 && name[nlen] == '}')
			buf_adds(&pat, "(?:[A-Za-z0-9-]+\\.)+[A-Za-z0-9-]+");
		else if (name[nlen] == '~') {
			const char *re = name + nlen + 1;

			if (re == end) {
				fail(rd, "%s: an empty pattern after \"~\"", "key");
				goto out;
			}
			buf_adds(&pat, "(?:");
			for (; re < end; re++) {	/* its groups would shift ours */
				buf_addc(&pat, *re);
				if (*re == '\\' && re + 1 < end)
					buf_addc(&pat, *++re);
				else if (*re == '(' && (re + 1 == end || re[1] != '?'))
					buf_adds(&pat, "?:");
			}
			buf_addc(&pat, ')');
		} else {
			const char *cls = name[nlen] == ':' ? name + nlen + 1 : "token";
			size_t clen = name[nlen] == ':' ? (size_t)(end - cls) : 5, k;

			for (k = 0; k < sizeof(classes) / sizeof(classes[0]); k++)
				if (strlen(classes[k].name) == clen &&
				    memcmp(classes[k].name, cls, clen) == 0)
					break;
			if (k == sizeof(classes) / sizeof(classes[0])) {
				fail(rd, "%s: unknown class: want token alnum digits word "
				    "name hex any rest, or {x~RE}", "key");
				goto out;
			}
			buf_adds(&pat, classes[k].set);
		}
		buf_addc(&pat, ')');
		s = end + 1;
	}
	buf_adds(&pat, "\\z");
	if ((row->key_re = compile(rd, pat.p, PCRE2_CASELESS)) != NULL)
		rc = 0;
out:
	buf_free(&pat);
	return rc;
}

/* Does s[0..n) start with "{NAME}"? */
static int
is_capture(const char *s, size_t n)
{
	size_t i = 1;

	if (n < 3 || s[0] != '{')
		return 0;
	while (i < n && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' &&
	    s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
		i++;
	return i > 1 && i < n && s[i] == '}';
}

static int
parse_template(struct rd *rd, struct prow *row, const char *s, size_t n,
    struct tmpl *t)
{
	const char *end = s + n;

	while (s < end) {
		struct piece *pc;
		const char *close;

		t->p = xrealloc(t->p, (t->n + 1) * sizeof(*t->p));
		pc = &t->p[t->n++];
		pc->lit = NULL;
		pc->cap = -1;
		if (!is_capture(s, (size_t)(end - s))) {
			size_t len = 1;	/* "{" of JSON is text: {x} is a capture */

			while (s + len < end && !is_capture(s + len,
			    (size_t)(end - s) - len))
				len++;
			pc->lit = xmemdup(s, len);
			s += len;
			continue;
		}
		close = memchr(s, '}', (size_t)(end - s));
		if (close == NULL || (pc->cap = find_cap(row, s + 1,
		    (size_t)(close - s - 1))) < 0)
			return fail(rd, "%s: {NAME} must name a capture of the key",
			    "request");
		s = close + 1;
	}
	return 0;
}

static int
parse_request(struct rd *rd, struct prow *row, const char *s)
{
	const char *url, *sp;

	if (strncmp(s, "GET ", 4) == 0)
		row->method = "GET";
	else if (strncmp(s, "POST ", 5) == 0)
		row->method = "POST";
	else
		return fail(rd, "%s: want GET URL or POST URL BODY", "request");
	url = s + strlen(row->method) + 1;
	if (strncmp(url, "https://", 8) != 0 || url[8] == '\0' || url[8] == '/')
		return fail(rd, "%s: the URL must be https://HOST/...", "request");
	sp = strchr(url, ' ');
	if (parse_template(rd, row, url, sp ? (size_t)(sp - url) : strlen(url),
	    &row->url) < 0)
		return -1;
	if (row->method[0] == 'G') {
		if (sp)
			return fail(rd, "%s: GET takes no body", "request");
		return 0;
	}
	if (sp == NULL || sp[1] == '\0')
		return fail(rd, "%s: POST needs a body after the URL", "request");
	row->has_body = 1;
	row->content_type = sp[1] == '{' || sp[1] == '[' ? "application/json" :
	    "application/x-www-form-urlencoded";
	return parse_template(rd, row, sp + 1, strlen(sp + 1), &row->body);
}

static int
parse_codes(struct rd *rd, struct cond *c, const char *s)
{
	for (;;) {
		char *e;
		long v = strtol(s, &e, 10);

		if (e == s || e - s != 3 || v < 100 || v > 599)
			return fail(rd, "%s: want http=CODE[,CODE...], codes 100-599",
			    "marker");
		c->codes = xrealloc(c->codes, (c->ncodes + 1) * sizeof(*c->codes));
		c->codes[c->ncodes++] = v;
		if (*e == '\0')
			return 0;
		if (*e != ',')
			return fail(rd, "%s: want http=CODE[,CODE...], codes 100-599",
			    "marker");
		s = e + 1;
	}
}

/* "json.a.b" or "json.a.b=VALUE" after "json.". */
static int
parse_json_cond(struct rd *rd, struct cond *c, const char *s)
{
	const char *eq = strchr(s, '=');

	c->kind = eq ? C_JSON_EQ : C_JSON;
	c->text = eq ? xmemdup(s, (size_t)(eq - s)) : xstrdup(s);
	if (eq)
		c->value = xstrdup(eq + 1);
	if (c->text[0] == '\0' || c->text[0] == '.' ||
	    c->text[strlen(c->text) - 1] == '.' || strstr(c->text, "..") ||
	    strpbrk(c->text, "[]"))
		return fail(rd, "%s: want json.NAME[.NAME...][=VALUE]", "marker");
	return 0;
}

static int
parse_pick(struct rd *rd, struct pick **v, size_t *n, const char *s,
    const char *what)
{
	struct pick *p;

	*v = xrealloc(*v, (*n + 1) * sizeof(**v));
	p = &(*v)[(*n)++];
	memset(p, 0, sizeof(*p));
	if (strncmp(s, "re:", 3) == 0) {
		uint32_t groups = 0;

		if ((p->re = compile(rd, s + 3, 0)) == NULL)
			return -1;
		pcre2_pattern_info(p->re, PCRE2_INFO_CAPTURECOUNT, &groups);
		if (groups < 1)
			return fail(rd, "%s: the pattern needs a group ( )", what);
		return 0;
	}
	if (strncmp(s, "json.", 5) == 0 && s[5] != '\0') {
		p->path = xstrdup(s + 5);
		return 0;
	}
	return fail(rd, "%s: want re:PATTERN or json.NAME[.NAME...]", what);
}

static int
parse_mark(struct rd *rd, struct prow *row, const char *s)
{
	struct mark *m;
	struct cond *c;

	if (strcmp(s, "alive") == 0 || strcmp(s, "gone") == 0) {
		if (row->nmarks && row->marks[row->nmarks - 1].n == 0)
			return fail(rd, "%s: alive or gone needs a condition after it",
			    "marker");
		row->marks = xrealloc(row->marks, (row->nmarks + 1) * sizeof(*m));
		m = &row->marks[row->nmarks++];
		memset(m, 0, sizeof(*m));
		m->status = s[0] == 'a' ? PROBE_ALIVE : PROBE_GONE;
		return 0;
	}
	if (strncmp(s, "title=", 6) == 0)
		return parse_pick(rd, &row->titles, &row->ntitles, s + 6, "title");
	if (strncmp(s, "members=", 8) == 0)
		return parse_pick(rd, &row->members, &row->nmembers, s + 8, "members");
	if (row->nmarks == 0)
		return fail(rd, "%s: a condition before alive or gone", s);
	m = &row->marks[row->nmarks - 1];
	m->c = xrealloc(m->c, (m->n + 1) * sizeof(*m->c));
	c = &m->c[m->n++];
	memset(c, 0, sizeof(*c));
	if (strncmp(s, "http=", 5) == 0) {
		c->kind = C_HTTP;
		return parse_codes(rd, c, s + 5);
	}
	if (strncmp(s, "has=", 4) == 0 || strncmp(s, "lacks=", 6) == 0) {
		c->kind = s[0] == 'h' ? C_HAS : C_LACKS;
		c->text = xstrdup(strchr(s, '=') + 1);
		if (c->text[0] == '\0')
			return fail(rd, "%s: has= and lacks= need a text", "marker");
		return 0;
	}
	if (strncmp(s, "re=", 3) == 0 || strncmp(s, "nore=", 5) == 0) {
		c->kind = s[0] == 'r' ? C_RE : C_NORE;
		return (c->re = compile(rd, strchr(s, '=') + 1, 0)) ? 0 : -1;
	}
	if (strncmp(s, "json.", 5) == 0)
		return parse_json_cond(rd, c, s + 5);
	return fail(rd, "%s: want alive, gone, http=, has=, lacks=, re=, nore=, "
	    "json.PATH[=VALUE], title= or members=", s);
}

static void
free_tmpl(struct tmpl *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->p[i].lit);
	free(t->p);
}

static void
free_pick(struct pick *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		pcre2_code_free(p[i].re);
		free(p[i].path);
	}
	free(p);
}

static void
free_row(struct prow *row)
{
	free(row->platform);
	free(row->kind);
	pcre2_code_free(row->key_re);
	for (size_t i = 0; i < row->ncap; i++)
		free(row->cap[i]);
	free_tmpl(&row->url);
	free_tmpl(&row->body);
	for (size_t i = 0; i < row->nmarks; i++) {
		for (size_t j = 0; j < row->marks[i].n; j++) {
			struct cond *c = &row->marks[i].c[j];

			free(c->text);
			free(c->value);
			free(c->codes);
			pcre2_code_free(c->re);
		}
		free(row->marks[i].c);
	}
	free(row->marks);
	free_pick(row->titles, row->ntitles);
	free_pick(row->members, row->nmembers);
	free(row);
}

static int
is_name(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
			return 0;
	return 1;
}

/* One probe row; NULL and rd->err when it is bad. */
static struct prow *
parse_row(struct rd *rd, const struct table_text *t)
{
	struct prow *row = xcalloc(1, sizeof(*row));
	char *line = xstrdup(t->text), **f = NULL, *p = line, *e;
	size_t nf = 0, k;

	row->file = t->file;
	row->line = t->line;
	for (;;) {
		f = xrealloc(f, (nf + 1) * sizeof(*f));
		f[nf++] = p;
		if ((p = strchr(p, '\t')) == NULL)
			break;
		*p++ = '\0';
	}
	if (nf < 7) {
		fail(rd, "%s: want probe<tab>PLATFORM<tab>KIND<tab>KEY<tab>RATE"
		    "<tab>REQUEST<tab>MARK...", "probe row");
		goto bad;
	}
	if (!is_name(f[1])) {
		fail(rd, "bad platform \"%s\": want [a-z0-9_]", f[1]);
		goto bad;
	}
	for (k = 0; table_kinds[k]; k++)
		if (strcmp(f[2], table_kinds[k]) == 0)
			break;
	if (table_kinds[k] == NULL) {
		fail(rd, "bad kind \"%s\": want one of the table's kinds", f[2]);
		goto bad;
	}
	row->platform = xstrdup(f[1]);
	row->kind = xstrdup(f[2]);
	if (parse_key(rd, row, f[3]) < 0)
		goto bad;
	row->rate = strtod(f[4], &e);
	if (e == f[4] || *e != '\0' || !(row->rate > 0 && row->rate <= 100)) {
		fail(rd, "bad rate \"%s\": want requests a second, above 0, "
		    "at most 100", f[4]);
		goto bad;
	}
	if (parse_request(rd, row, f[5]) < 0)
		goto bad;
	for (k = 6; k < nf; k++)
		if (parse_mark(rd, row, f[k]) < 0)
			goto bad;
	if (row->nmarks == 0 || row->marks[row->nmarks - 1].n == 0) {
		fail(rd, "%s: want alive or gone, each with conditions", "marker");
		goto bad;
	}
	free(f);
	free(line);
	return row;
bad:
	free(f);
	free(line);
	free_row(row);
	return NULL;
}

static int
load_locked(void)
{
	size_t n;
	const struct table_text *t = table_probe_rows(&n);

	if (n == loaded_n)
		return load_rc;
	rows = xrealloc(rows, (n + 1) * sizeof(*rows));
	n_rows = 0;
	for (size_t i = 0; i < n; i++) {
		size_t j;

		for (j = 0; j < n_seen; j++)
			if (seen[j].text == t[i].text)
				break;
		if (j == n_seen) {
			struct rd rd = { "" };

			seen = xrealloc(seen, (n_seen + 1) * sizeof(*seen));
			seen[n_seen].text = t[i].text;
			if ((seen[n_seen].row = parse_row(&rd, &t[i])) == NULL) {
				if (strcmp(t[i].file, "common/platforms.tsv") == 0)
					xerrx(EXIT_TROUBLE, "%s:%lu: %s", t[i].file,
					    t[i].line, rd.err);
				xwarnx("%s:%lu: %s", t[i].file, t[i].line, rd.err);
				load_rc = -1;
			}
			n_seen++;
		}
		if (seen[j].row)
			rows[n_rows++] = seen[j].row;
	}
	loaded_n = n;
	return load_rc;
}

int
probe_rules_load(void)
{
	int rc;

	pthread_mutex_lock(&lock);
	rc = load_locked();
	pthread_mutex_unlock(&lock);
	return rc;
}

/* ---- asking ---- */

static int
unreserved(int c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	    (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
}

enum { ESC_URL, ESC_JSON };

static void
expand(const struct tmpl *t, const char *key, const PCRE2_SIZE *ov, int esc,
    struct buf *out)
{
	buf_add(out, "", 0);
	for (size_t i = 0; i < t->n; i++) {
		if (t->p[i].lit) {
			buf_adds(out, t->p[i].lit);
			continue;
		}
		const char *s = key + ov[2 * (t->p[i].cap + 1)];
		size_t n = ov[2 * (t->p[i].cap + 1) + 1] - ov[2 * (t->p[i].cap + 1)];

		for (size_t k = 0; k < n; k++) {
			unsigned char c = (unsigned char)s[k];
			char x[8];

			if (esc == ESC_URL && !unreserved(c)) {
				snprintf(x, sizeof(x), "%%%02X", c);
				buf_adds(out, x);
			} else if (esc == ESC_JSON && (c == '"' || c == '\\' || c < 0x20)) {
				snprintf(x, sizeof(x), "\\u%04x", c);
				buf_adds(out, x);
			} else
				buf_addc(out, c);
		}
	}
}

static int
known_platform(const char *p)
{
	for (const char *const *v = table_platforms(); *v; v++)
		if (strcmp(*v, p) == 0)
			return 1;
	return 0;
}

static int
known_kind(const char *k)
{
	for (size_t i = 0; table_kinds[i]; i++)
		if (strcmp(table_kinds[i], k) == 0)
			return 1;
	return 0;
}

/* Why no row took the key; kept, as whys are static to callers. */
static const char *
no_row(const char *platform, const char *kind, int shape_only)
{
	char s[200];

	if (!platform || !*platform || !kind || !*kind)
		return "no probe row takes this key";
	if (shape_only)
		return "no probe row takes a key of this shape";
	if (!known_platform(platform) || !known_kind(kind))
		return "no probe row for this platform and kind";
	snprintf(s, sizeof(s), "no probe row for %s %s", platform, kind);
	return keep(s);
}

int
probe_request_for(const char *platform, const char *kind, const char *key,
    size_t len, struct probe_request *q, const char **why)
{
	int considered = 0;

	memset(q, 0, sizeof(*q));
	pthread_mutex_lock(&lock);
	if (load_locked() < 0)
		xerrx(EXIT_TROUBLE, "the probe rows above are bad");
	pthread_mutex_unlock(&lock);
	for (size_t i = 0; i < n_rows; i++) {
		const struct prow *row = rows[i];
		pcre2_match_data *md;
		int rc;

		if ((platform && *platform && strcmp(platform, row->platform) != 0) ||
		    (kind && *kind && strcmp(kind, row->kind) != 0))
			continue;
		considered = 1;
		md = pcre2_match_data_create_from_pattern(row->key_re, NULL);
		rc = pcre2_match(row->key_re, (PCRE2_SPTR)key, len, 0, 0, md, NULL);
		if (rc > 0) {
			const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
			struct buf b = { 0 };
			size_t h0 = 8, h1;

			expand(&row->url, key, ov, ESC_URL, &b);
			q->url = b.p;
			h1 = h0 + strcspn(b.p + h0, "/:?#");
			q->host = xmemdup(b.p + h0, h1 - h0);
			for (char *c = q->host; *c; c++)
				*c = (char)ascii_lower((unsigned char)*c);
			if (row->has_body) {
				struct buf body = { 0 };

				expand(&row->body, key, ov, strcmp(row->content_type,
				    "application/json") == 0 ? ESC_JSON : ESC_URL, &body);
				q->body = body.p;
				q->content_type = row->content_type;
			}
			q->method = row->method;
			q->rate = row->rate;
			q->row = row;
			pcre2_match_data_free(md);
			return 0;
		}
		pcre2_match_data_free(md);
	}
	*why = no_row(platform, kind, considered);
	return -1;
}

void
probe_request_free(struct probe_request *q)
{
	free(q->url);
	free(q->body);
	free(q->host);
	memset(q, 0, sizeof(*q));
}

/* ---- reading the answer ---- */

struct page {
	const struct probe_answer *a;
	const char	*body;
	size_t		 len;
	pcre2_match_data *md;
	pcre2_match_context *mc;
	pcre2_jit_stack	*stack;
	int		 jstate;	/* 0 not parsed, 1 parsed, -1 not JSON */
	struct json_doc	 doc;
	int		 failed;	/* a pattern hit its match limit */
};

static int
find(const char *hay, size_t n, const char *needle)
{
	size_t k = strlen(needle);

	if (k > n)
		return 0;
	for (const char *p = hay; (p = memchr(p, needle[0], n - k + 1 -
	    (size_t)(p - hay))) != NULL; p++)
		if (memcmp(p, needle, k) == 0)
			return 1;
	return 0;
}

/* 1 match, 0 none, -1 error (the page is then unknown). */
static int
match(struct page *pg, pcre2_code *re)
{
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
	int rc = pcre2_match(re, (PCRE2_SPTR)pg->body, pg->len, 0, 0, md, pg->mc);

	pcre2_match_data_free(pg->md);
	pg->md = md;
	if (rc < PCRE2_ERROR_NOMATCH) {
		pg->failed = 1;
		return -1;
	}
	return rc > 0;
}

static size_t
json_node(struct page *pg, const char *path)
{
	if (pg->jstate == 0) {
		const char *err;

		pg->jstate = json_doc_parse(&pg->doc, pg->body, pg->len, &err) == 1 ?
		    1 : -1;
	}
	if (pg->jstate < 0)
		return JSON_NONE;
	return json_get_path(&pg->doc, 0, path);
}

static int
json_equals(const struct json_doc *d, size_t i, const char *v)
{
	const char *s;
	size_t n;

	switch (d->node[i].type) {
	case JSON_TRUE:
		return strcmp(v, "true") == 0;
	case JSON_FALSE:
		return strcmp(v, "false") == 0;
	case JSON_NULL:
		return strcmp(v, "null") == 0;
	case JSON_STRING:
	case JSON_NUMBER:
		s = json_str(d, i, &n);
		return n == strlen(v) && memcmp(s, v, n) == 0;
	default:
		return 0;
	}
}

static int
holds(struct page *pg, const struct cond *c)
{
	size_t i;

	switch (c->kind) {
	case C_HTTP:
		for (i = 0; i < c->ncodes; i++)
			if (c->codes[i] == pg->a->http)
				return 1;
		return 0;
	case C_HAS:
		return find(pg->body, pg->len, c->text);
	case C_LACKS:
		return !find(pg->body, pg->len, c->text);
	case C_RE:
		return match(pg, c->re) == 1;
	case C_NORE:
		return match(pg, c->re) == 0;
	case C_JSON:
		i = json_node(pg, c->text);
		return i != JSON_NONE && pg->doc.node[i].type != JSON_NULL;
	case C_JSON_EQ:
		i = json_node(pg, c->text);
		return i != JSON_NONE && json_equals(&pg->doc, i, c->value);
	}
	return 0;
}

static void
put_utf8(struct buf *b, unsigned long cp)
{
	char u[4];

	if (cp == 0 || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
		cp = 0xfffd;
	else if (cp < 0x20 || cp == 0x7f)
		cp = ' ';		/* a control in a title: a space */
	buf_add(b, u, utf8_put(u, cp));
}

/* The entity at s[0] == '&' into b; the bytes read, or 0 if it is none. */
static size_t
entity(const char *s, size_t n, struct buf *b)
{
	static const struct {
		const char	*name;
		unsigned long	 cp;
	} named[] = {
		{ "amp;", '&' }, { "lt;", '<' }, { "gt;", '>' }, { "quot;", '"' },
		{ "apos;", '\'' }, { "nbsp;", ' ' },
	};

	for (size_t i = 0; i < sizeof(named) / sizeof(named[0]); i++) {
		size_t k = strlen(named[i].name);

		if (n > k && memcmp(s + 1, named[i].name, k) == 0) {
			put_utf8(b, named[i].cp);
			return k + 1;
		}
	}
	if (n > 3 && s[1] == '#') {
		int hex = s[2] == 'x' || s[2] == 'X';
		size_t i = hex ? 3 : 2, start = i;
		unsigned long cp = 0;

		for (; i < n && i - start < 8; i++) {
			int c = (unsigned char)s[i], v;

			if (c >= '0' && c <= '9')
				v = c - '0';
			else if (hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f')
				v = (c | 0x20) - 'a' + 10;
			else
				break;
			cp = cp * (hex ? 16 : 10) + (unsigned long)v;
		}
		if (i > start && i < n && s[i] == ';') {
			put_utf8(b, cp);
			return i + 1;
		}
	}
	return 0;
}

/*
 * A title as a person reads it: tags dropped, entities decoded (html),
 * runs of white space and control characters (C1 too) one space, bytes
 * that are not UTF-8 U+FFFD, bidirectional overrides and isolates dropped
 * (a page's title must not reorder the row it lands in), trimmed, at most
 * PROBE_TITLE_MAX bytes (cut between characters).
 */
static char *
clean_title(const char *s, size_t n, int html)
{
	struct buf b = { 0 }, ent = { 0 };
	int space = 0;

	buf_add(&b, "", 0);
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		size_t used;

		if (html && c == '<') {
			const char *gt = memchr(s + i, '>', n - i);

			i = gt ? (size_t)(gt - s) + 1 : n;
			space = 1;
			continue;
		}
		if (c <= ' ' || c == 0x7f) {	/* white space, and controls */
			space = 1;
			i++;
			continue;
		}
		ent.n = 0;
		if (html && c == '&' && (used = entity(s + i, n - i, &ent)) > 0) {
			i += used;
			if (ent.n == 1 && ent.p[0] == ' ') {	/* &nbsp; &#9; */
				space = 1;
				continue;
			}
		} else if (c < 0x80) {
			buf_addc(&ent, c);
			i++;
		} else if ((used = utf8_len(s + i, n - i)) == 0) {
			put_utf8(&ent, 0xfffd);		/* not UTF-8 */
			i++;
		} else {
			const unsigned char *u = (const unsigned char *)s + i;
			unsigned cp;

			i += used;
			if (utf8_control(u, used, &cp) && cp != 0x2028 && cp != 0x2029) {
				/* C1: a space; an override or isolate reorders what follows */
				space |= cp <= 0x9f;
				continue;
			}
			buf_add(&ent, (const char *)u, used);
		}
		if (space && b.n)
			buf_addc(&b, ' ');
		space = 0;
		buf_add(&b, ent.p, ent.n);
		if (b.n > PROBE_TITLE_MAX)
			break;
	}
	buf_free(&ent);
	if (b.n > PROBE_TITLE_MAX) {
		size_t k = PROBE_TITLE_MAX;

		while (k > 0 && ((unsigned char)b.p[k] & 0xc0) == 0x80)
			k--;
		b.n = k;
		b.p[k] = '\0';
	}
	if (b.n == 0) {
		buf_free(&b);
		return NULL;
	}
	return b.p;
}

/* A group separator at s: its length, or 0. */
static size_t
separator(const unsigned char *s, size_t n)
{
	if (n >= 1 && (s[0] == ' ' || s[0] == ',' || s[0] == '.' || s[0] == '\''))
		return 1;
	if (n >= 2 && s[0] == 0xc2 && s[1] == 0xa0)			/* U+00A0 */
		return 2;
	if (n >= 3 && s[0] == 0xe2 && s[1] == 0x80 && (s[2] == 0xaf ||
	    s[2] == 0x89))						/* U+202F U+2009 */
		return 3;
	return 0;
}

static int
digit(const unsigned char *s, size_t n, size_t i)
{
	return i < n && s[i] >= '0' && s[i] <= '9';
}

long long
probe_count(const char *text, size_t n)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = 0, sep;
	long long v = 0, frac = 0, scale = 1, fdiv = 1;

	while (i < n && !digit(s, n, i))
		i++;
	if (i == n)
		return -1;
	while (digit(s, n, i)) {
		if (v > PROBE_COUNT_MAX / 10)
			return -1;
		v = v * 10 + (s[i++] - '0');
	}
	/* "11 286 994": a separator then exactly three digits goes on */
	while ((sep = separator(s + i, n - i)) > 0 && digit(s, n, i + sep) &&
	    digit(s, n, i + sep + 1) && digit(s, n, i + sep + 2) &&
	    !digit(s, n, i + sep + 3)) {
		for (size_t k = i + sep; k < i + sep + 3; k++) {
			if (v > PROBE_COUNT_MAX / 10)
				return -1;
			v = v * 10 + (s[k] - '0');
		}
		i += sep + 3;
	}
	/* "1.2K", "3M": a short form, as some pages write large counts */
	size_t j = i;

	if (j < n && (s[j] == '.' || s[j] == ',') && digit(s, n, j + 1)) {
		for (j++; digit(s, n, j) && fdiv < 1000; j++) {
			frac = frac * 10 + (s[j] - '0');
			fdiv *= 10;
		}
	}
	if (j < n && s[j] == ' ')
		j++;
	if (j < n) {
		int c = s[j] | 0x20;

		scale = c == 'k' ? 1000 : c == 'm' ? 1000000 : c == 'b' ?
		    1000000000 : 1;
		if (scale > 1 && j + 1 < n && ((s[j + 1] | 0x20) >= 'a' &&
		    (s[j + 1] | 0x20) <= 'z'))
			scale = 1;		/* "members", "bots": a word */
	}
	if (scale == 1)
		return v;
	if (v > PROBE_COUNT_MAX / scale)
		return -1;
	return v * scale + frac * scale / fdiv;
}

static const char *
no_marker(long http)
{
	char s[64];

	if (http < 100 || http > 599)
		return "no marker matched (no HTTP status)";
	snprintf(s, sizeof(s), "no marker matched (HTTP %ld)", http);
	return keep(s);
}

static void
read_title(struct page *pg, const struct prow *row, struct probe_result *r)
{
	for (size_t i = 0; i < row->ntitles && r->title == NULL; i++) {
		const struct pick *p = &row->titles[i];

		if (p->re) {
			if (match(pg, p->re) == 1) {
				const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(pg->md);

				if (ov[2] != PCRE2_UNSET)
					r->title = clean_title(pg->body + ov[2],
					    ov[3] - ov[2], 1);
			}
		} else {
			size_t k = json_node(pg, p->path), n;
			const char *s;

			if (k != JSON_NONE && pg->doc.node[k].type == JSON_STRING &&
			    (s = json_str(&pg->doc, k, &n)) != NULL)
				r->title = clean_title(s, n, 0);
		}
	}
}

static void
read_members(struct page *pg, const struct prow *row, struct probe_result *r)
{
	for (size_t i = 0; i < row->nmembers && r->members < 0; i++) {
		const struct pick *p = &row->members[i];

		if (p->re) {
			if (match(pg, p->re) == 1) {
				const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(pg->md);

				if (ov[2] != PCRE2_UNSET)
					r->members = probe_count(pg->body + ov[2],
					    ov[3] - ov[2]);
			}
		} else {
			size_t k = json_node(pg, p->path), n;
			const char *s;

			if (k != JSON_NONE && (s = json_str(&pg->doc, k, &n)) != NULL)
				r->members = probe_count(s, n);
		}
	}
}

void
probe_read(const struct probe_request *q, const struct probe_answer *a,
    struct probe_result *r)
{
	const struct prow *row = q->row;
	struct page pg = { .a = a, .body = a->body ? a->body : "",
	    .len = a->body ? a->len : 0 };
	size_t m;

	r->status = PROBE_UNKNOWN;
	r->title = NULL;
	r->members = -1;
	r->why = NULL;
	if (row == NULL) {
		r->why = "no probe row for this request";
		return;
	}
	pg.mc = pcre2_match_context_create(NULL);
	pcre2_set_match_limit(pg.mc, MATCH_LIMIT);
	if ((pg.stack = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, NULL)) != NULL)
		pcre2_jit_stack_assign(pg.mc, NULL, pg.stack);
	for (m = 0; m < row->nmarks; m++) {
		size_t k;

		for (k = 0; k < row->marks[m].n; k++)
			if (!holds(&pg, &row->marks[m].c[k]))
				break;
		if (pg.failed)
			break;
		if (k == row->marks[m].n)
			break;
	}
	if (pg.failed)
		r->why = "a marker's pattern gave up on the page (match limit)";
	else if (m == row->nmarks)
		r->why = no_marker(a->http);
	else {
		r->status = row->marks[m].status;
		if (r->status == PROBE_ALIVE) {
			read_title(&pg, row, r);
			read_members(&pg, row, r);
			pg.failed = 0;	/* a title not read is no reason for unknown */
		}
	}
	pcre2_match_data_free(pg.md);
	pcre2_match_context_free(pg.mc);
	pcre2_jit_stack_free(pg.stack);
	json_doc_free(&pg.doc);
}

void
probe_result_free(struct probe_result *r)
{
	free(r->title);
	r->title = NULL;
}
