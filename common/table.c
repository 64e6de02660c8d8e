/*
 * table: the platform table, read from the rows of common/platforms.tsv
 * (compiled in by common/gen.mk) and of --rules files. The syntax is
 * documented at the top of common/platforms.tsv.
 *
 * A row's shape becomes two anchored PCRE2 patterns, one for the decoded
 * path and one for the decoded fragment, plus one per query parameter, so
 * an analyst's row is read by the same code as ours. Patterns compile on
 * first use: a run meets the shapes of a few hosts, not of all of them.
 */
#define PCRE2_CODE_UNIT_WIDTH 8

#include <pcre2.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen_tables.h"
#include "hash.h"
#include "msg.h"
#include "table.h"
#include "util.h"

const char *const table_kinds[] = {
	"invite", "folder", "channel", "post", "proxy", "sticker", "contact",
	"file", "paste", "archive", "shortener", "other", "invalid", NULL
};

enum { IN_PATH, IN_FRAG, IN_QUERY };

struct cap {
	char		*name;
	int		 in;		/* IN_PATH, IN_FRAG or IN_QUERY */
	int		 group;		/* its group in the path or fragment pattern */
	int		 param;		/* its parameter, IN_QUERY */
	char		**not;		/* words it may not be (any case) */
};

struct param {
	char		*name;
	char		*pattern;	/* NULL: present is enough */
	pcre2_code	*re;
};

/* A template: literal bytes and {capture:filters} in turn. */
enum { F_LOWER = 1, F_UPPER = 2, F_DIGITS = 4, F_NODOTS = 8 };

struct piece {
	char		*lit;		/* literal text, or NULL */
	int		 cap;		/* capture index; -1: {host} */
	int		 filters;
};

struct tmpl {
	struct piece	*p;
	size_t		 n;
};

struct table_row {
	struct table_facts f;		/* file, line, platform, kind, handler, alias */
	char		*path_pat, *frag_pat;	/* NULL: no condition */
	pcre2_code	*path_re, *frag_re;
	int		 compiled;
	struct param	*params;
	size_t		 nparams;
	struct cap	 caps[TABLE_MAXCAP];
	size_t		 ncaps;
	struct tmpl	 key, chan;	/* key.n == 0: the link normalised */
	int		 has_chan;
};

/* The rows of one host name ("t.me", "*.t.me", "tg:"): loaded ones first. */
struct host_rows {
	const struct table_row **rows;
	size_t		 n, nuser, cap;
};

static struct hash_table	 hosts;
static struct host_rows		*by_host;
static size_t			 by_host_cap;
static struct table_row		**all_rows;
static size_t			 n_all, cap_all;
static const char		**platform_list;
static pthread_once_t		 builtin_once = PTHREAD_ONCE_INIT;
static pthread_mutex_t		 compile_lock = PTHREAD_MUTEX_INITIALIZER;

/* "probe" rows, kept as written for common/probe_rules: loaded ones first. */
static struct table_text	*probe_rows;
static size_t			 n_probe, n_probe_user, cap_probe;

/* ---- reading a row ---- */

struct reader {
	const char	*file;
	unsigned long	 line;
	char		 err[200];
};

static int
fail(struct reader *rd, const char *fmt, const char *what)
{
	snprintf(rd->err, sizeof(rd->err), fmt, what);
	return -1;
}

static int
is_word_byte(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_';
}

/* Append s to a pattern with every byte but letters and digits escaped. */
static void
quote(struct buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (is_word_byte(c) && c != '_')
			buf_addc(b, c);
		else {
			char x[8];

			snprintf(x, sizeof(x), "\\x{%02x}", c);
			buf_adds(b, x);
		}
	}
}

static const struct {
	const char	*name;
	const char	*set;
} classes[] = {
	{ "token", "[A-Za-z0-9_-]" },
	{ "alnum", "[A-Za-z0-9]" },
	{ "digits", "[0-9]" },
	{ "word", "[A-Za-z0-9_]" },
	{ "name", "[A-Za-z0-9_.-]" },
	{ "hex", "[0-9A-Fa-f]" },
	{ "handle", "[A-Za-z0-9_.\\x{80}-\\x{ff}-]" },
	{ "any", "[^/]" },
	{ "rest", "." },
	{ "phone", NULL },
};

/* The "}" that closes the "{" at s, braces inside counted; NULL if none. */
static const char *
closing(const char *s)
{
	int depth = 0;

	for (; *s; s++)
		if (*s == '\\' && s[1])
			s++;
		else if (*s == '{')
			depth++;
		else if (*s == '}' && --depth == 0)
			return s;
	return NULL;
}

static int
find_cap(const struct table_row *row, const char *name, size_t n)
{
	for (size_t i = 0; i < row->ncaps; i++)
		if (strlen(row->caps[i].name) == n &&
		    memcmp(row->caps[i].name, name, n) == 0)
			return (int)i;
	return -1;
}

/*
 * "{name:class,len}" at s (s[0] == '{') into a pattern group; returns the
 * bytes read, or 0 after setting rd->err.
 */
static size_t
capture(struct reader *rd, struct table_row *row, const char *s, struct buf *pat,
    int in, int *group, int *is_rest)
{
	const char *end = closing(s), *name = s + 1, *cls = "token", *len = NULL;
	size_t nlen, clen = 5;
	struct cap *c;

	*is_rest = 0;
	if (end == NULL)
		return fail(rd, "%s: \"{\" without \"}\"", "shape"), 0;
	nlen = strcspn(name, ":,~}");
	if (name[nlen] == '~') {		/* {name~PCRE2 pattern} */
		cls = name + nlen + 1;
		clen = (size_t)(end - cls);
	} else if (name[nlen] == ':') {
		cls = name + nlen + 1;
		clen = strcspn(cls, ",}");
		if (cls[clen] == ',')
			len = cls + clen + 1;
	} else if (name[nlen] == ',')
		len = name + nlen + 1;
	if (nlen == 0)
		return fail(rd, "%s: a capture needs a name", "shape"), 0;
	for (size_t i = 0; i < nlen; i++)
		if (!is_word_byte((unsigned char)name[i]))
			return fail(rd, "%s: capture names are [A-Za-z0-9_]", "shape"), 0;
	if (find_cap(row, name, nlen) >= 0 || (nlen == 4 &&
	    memcmp(name, "host", 4) == 0))
		return fail(rd, "%s: a capture name used twice (or \"host\")",
		    "shape"), 0;
	if (row->ncaps == TABLE_MAXCAP)
		return fail(rd, "%s: more than 8 captures", "shape"), 0;
	c = &row->caps[row->ncaps++];
	c->name = xmemdup(name, nlen);
	c->in = in;
	c->param = in == IN_QUERY ? (int)row->nparams : -1;
	c->group = ++*group;
	buf_addc(pat, '(');
	if (name[nlen] == '~') {
		if (clen == 0)
			return fail(rd, "%s: an empty pattern after \"~\"", "shape"), 0;
		/* its own groups would shift ours: make them non-capturing */
		buf_adds(pat, "(?:");
		for (size_t i = 0; i < clen; i++) {
			buf_addc(pat, cls[i]);
			if (cls[i] == '\\' && i + 1 < clen)
				buf_addc(pat, cls[++i]);
			else if (cls[i] == '(' && (i + 1 >= clen || cls[i + 1] != '?'))
				buf_adds(pat, "?:");
		}
		buf_addc(pat, ')');
	} else if (memchr(cls, '|', clen) != NULL) {	/* words: a|b|c */
		const char *w = cls, *bar;

		if (len)
			return fail(rd, "%s: words a|b take no length", "shape"), 0;
		buf_adds(pat, "(?:");
		while (w < cls + clen) {
			if ((bar = memchr(w, '|', (size_t)(cls + clen - w))) == NULL)
				bar = cls + clen;
			if (bar == w)
				return fail(rd, "%s: an empty word in a|b", "shape"), 0;
			if (w > cls)
				buf_addc(pat, '|');
			quote(pat, w, (size_t)(bar - w));
			w = bar + 1;
		}
		buf_addc(pat, ')');
	} else {
		size_t k;

		for (k = 0; k < sizeof(classes) / sizeof(classes[0]); k++)
			if (strlen(classes[k].name) == clen &&
			    memcmp(classes[k].name, cls, clen) == 0)
				break;
		if (k == sizeof(classes) / sizeof(classes[0]))
			return fail(rd, "%s: unknown class: want token alnum digits "
			    "word name hex handle any rest phone or a|b", "shape"), 0;
		if (strcmp(classes[k].name, "rest") == 0) {
			if (in != IN_PATH)
				return fail(rd, "%s: \"rest\" is for the path", "shape"), 0;
			*is_rest = 1;
		}
		if (classes[k].set == NULL) {		/* phone: 5 digits at least */
			if (len)
				return fail(rd, "%s: phone takes no length", "shape"), 0;
			buf_adds(pat, "[+ ().-]*(?:[0-9][ ().-]*){5,}");
		} else {
			buf_adds(pat, classes[k].set);
			if (len) {
				unsigned long lo, hi;
				char *e, x[48];

				lo = strtoul(len, &e, 10);
				hi = *e == '-' ? strtoul(e + 1, &e, 10) : lo;
				if (e != end || e == len || lo == 0 || hi < lo || hi > 1000)
					return fail(rd, "%s: want {name:class,N} or "
					    "{name:class,MIN-MAX}", "shape"), 0;
				snprintf(x, sizeof(x), "{%lu,%lu}", lo, hi);
				buf_adds(pat, x);
			} else
				buf_addc(pat, '+');
		}
	}
	buf_addc(pat, ')');
	return (size_t)(end - s) + 1;
}

/* The path or fragment part of a shape into an anchored pattern. */
static char *
shape_part(struct reader *rd, struct table_row *row, const char *s, size_t n,
    int in)
{
	struct buf pat = { 0 };
	int group = 0, anchored = 0, is_rest = 0;
	size_t i = 0, used;

	if (in == IN_PATH) {
		while (n > 0 && s[n - 1] == '/')
			n--;		/* "/j/{code}/" is "/j/{code}" */
		if (n > 0 && s[n - 1] == '$') {
			anchored = 1;
			n--;
			while (n > 0 && s[n - 1] == '/')
				n--;
		}
	} else if (in == IN_QUERY)
		anchored = 1;			/* a value is matched whole */
	else if (n > 0 && s[n - 1] == '$') {
		anchored = 1;
		n--;
	}
	buf_add(&pat, "", 0);
	while (i < n) {
		if (is_rest) {
			fail(rd, "%s: \"rest\" must end the path", "shape");
			free(pat.p);
			return NULL;
		}
		if (s[i] == '{') {
			if ((used = capture(rd, row, s + i, &pat, in, &group,
			    &is_rest)) == 0 || i + used > n) {
				if (used)
					fail(rd, "%s: \"{\" without \"}\"", "shape");
				free(pat.p);
				return NULL;
			}
			i += used;
		} else if (s[i] == '*') {
			buf_adds(&pat, "[^/]*");	/* the rest of the segment */
			i++;
		} else if (s[i] == '}' || s[i] == '$') {
			fail(rd, "%s: a stray \"}\" or \"$\"", "shape");
			free(pat.p);
			return NULL;
		} else
			quote(&pat, s + i++, 1);
	}
	if (anchored)
		buf_adds(&pat, "\\z");
	else if (in == IN_PATH && n > 0 && !is_rest)
		buf_adds(&pat, "(?=/|\\z)");
	return pat.p;
}

static int
parse_query(struct reader *rd, struct table_row *row, const char *s, size_t n)
{
	const char *p = s, *end = s + n, *amp, *eq;

	while (p < end) {
		struct param *q;

		if ((amp = memchr(p, '&', (size_t)(end - p))) == NULL)
			amp = end;
		if (amp == p)
			return fail(rd, "%s: an empty query parameter", "shape");
		eq = memchr(p, '=', (size_t)(amp - p));
		row->params = xrealloc(row->params, (row->nparams + 1) *
		    sizeof(*row->params));
		q = &row->params[row->nparams];
		memset(q, 0, sizeof(*q));
		q->name = xmemdup(p, (size_t)((eq ? eq : amp) - p));
		if (eq && (q->pattern = shape_part(rd, row, eq + 1,
		    (size_t)(amp - eq - 1), IN_QUERY)) == NULL)
			return -1;
		row->nparams++;
		p = amp + 1;
	}
	return 0;
}

static int
parse_shape(struct reader *rd, struct table_row *row, const char *s)
{
	row->f.shaped = 1;
	size_t n = strlen(s), path_n, q_at, f_at;
	int depth = 0;

	if (s[0] != '/')
		return fail(rd, "%s: a shape starts with \"/\"", "shape");
	/* ? and # end the path unless inside braces */
	q_at = f_at = n;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '{')
			depth++;
		else if (s[i] == '}')
			depth--;
		else if (depth == 0 && s[i] == '?' && q_at == n && f_at == n)
			q_at = i;
		else if (depth == 0 && s[i] == '#' && f_at == n)
			f_at = i;
	}
	path_n = q_at < f_at ? q_at : f_at;
	if ((row->path_pat = shape_part(rd, row, s, path_n, IN_PATH)) == NULL)
		return -1;
	if (q_at < f_at && parse_query(rd, row, s + q_at + 1, f_at - q_at - 1) < 0)
		return -1;
	if (f_at < n && (row->frag_pat = shape_part(rd, row, s + f_at + 1,
	    n - f_at - 1, IN_FRAG)) == NULL)
		return -1;
	return 0;
}

static int
parse_template(struct reader *rd, struct table_row *row, const char *s,
    struct tmpl *t)
{
	while (*s) {
		struct piece *pc;

		t->p = xrealloc(t->p, (t->n + 1) * sizeof(*t->p));
		pc = &t->p[t->n++];
		memset(pc, 0, sizeof(*pc));
		if (*s != '{') {
			size_t len = strcspn(s, "{}");

			if (len == 0)
				return fail(rd, "%s: a stray \"}\"", "key");
			pc->lit = xmemdup(s, len);
			s += len;
			continue;
		}
		size_t nlen = strcspn(s + 1, ":}");
		const char *f = s + 1 + nlen;

		if (nlen == 4 && memcmp(s + 1, "host", 4) == 0)
			pc->cap = -1;
		else if ((pc->cap = find_cap(row, s + 1, nlen)) < 0)
			return fail(rd, "%s: names a capture the shape does not have",
			    "key");
		while (*f == ':') {
			size_t fl = strcspn(f + 1, ":}");

			if (fl == 5 && memcmp(f + 1, "lower", 5) == 0)
				pc->filters |= F_LOWER;
			else if (fl == 5 && memcmp(f + 1, "upper", 5) == 0)
				pc->filters |= F_UPPER;
			else if (fl == 6 && memcmp(f + 1, "digits", 6) == 0)
				pc->filters |= F_DIGITS;
			else if (fl == 6 && memcmp(f + 1, "nodots", 6) == 0)
				pc->filters |= F_NODOTS;
			else
				return fail(rd, "%s: unknown filter: want lower upper "
				    "digits nodots", "key");
			f += 1 + fl;
		}
		if (*f != '}')
			return fail(rd, "%s: \"{\" without \"}\"", "key");
		s = f + 1;
	}
	return 0;
}

static int
parse_with(struct reader *rd, struct table_row *row, char *s)
{
	char *w, *save = NULL;

	for (w = strtok_r(s, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		if (strncmp(w, "not:", 4) == 0) {
			char *eq = strchr(w + 4, '='), *word, *s2 = NULL;
			int c;
			size_t nw = 0;

			if (eq == NULL || (c = find_cap(row, w + 4,
			    (size_t)(eq - w - 4))) < 0)
				return fail(rd, "%s: want not:CAPTURE=word,word", w);
			for (word = strtok_r(eq + 1, ",", &s2); word;
			    word = strtok_r(NULL, ",", &s2)) {
				row->caps[c].not = xrealloc(row->caps[c].not,
				    (nw + 2) * sizeof(char *));
				row->caps[c].not[nw++] = xstrdup(word);
				row->caps[c].not[nw] = NULL;
			}
		} else if (strncmp(w, "chan:", 5) == 0) {
			if (parse_template(rd, row, w + 5, &row->chan) < 0)
				return -1;
			row->has_chan = 1;
		} else
			return fail(rd, "%s: want not:CAPTURE=words or chan:TEMPLATE", w);
	}
	return 0;
}

static int
valid_host(const char *h)
{
	size_t n = strlen(h);

	if (n == 0)
		return 0;
	if (h[n - 1] == ':') {			/* a scheme */
		for (size_t i = 0; i + 1 < n; i++)
			if (!((h[i] >= 'a' && h[i] <= 'z') || (i && ((h[i] >= '0' &&
			    h[i] <= '9') || h[i] == '+' || h[i] == '-' || h[i] == '.'))))
				return 0;
		return n > 1;
	}
	if (h[0] == '*' && h[1] == '.')
		h += 2;
	if (*h == '\0' || *h == '.')
		return 0;
	for (; *h; h++)
		if (!((*h >= 'a' && *h <= 'z') || (*h >= '0' && *h <= '9') ||
		    *h == '-' || *h == '.' || *h == '_'))
			return 0;
	return 1;
}

/* Platform and file names rows point at, each kept once, for good. */
static char	**names;
static size_t	  n_names;

static const char *
keep_name(const char *name)
{
	for (size_t i = 0; i < n_names; i++)
		if (strcmp(names[i], name) == 0)
			return names[i];
	names = xrealloc(names, (n_names + 1) * sizeof(*names));
	return names[n_names++] = xstrdup(name);
}

static void
free_tmpl(struct tmpl *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->p[i].lit);
	free(t->p);
}

/* A row no table holds (its file was refused); its platform is shared. */
static void
free_row(struct table_row *row)
{
	if (row == NULL)
		return;
	free((char *)row->f.handler);
	free((char *)row->f.alias);
	free(row->path_pat);
	free(row->frag_pat);
	for (size_t i = 0; i < row->nparams; i++) {
		free(row->params[i].name);
		free(row->params[i].pattern);
	}
	free(row->params);
	for (size_t i = 0; i < row->ncaps; i++) {
		free(row->caps[i].name);
		for (size_t j = 0; row->caps[i].not && row->caps[i].not[j]; j++)
			free(row->caps[i].not[j]);
		free(row->caps[i].not);
	}
	free_tmpl(&row->key);
	free_tmpl(&row->chan);
	free(row);
}

/*
 * One line of a table into a row. fields[0] (hosts) is left to the caller.
 */
static struct table_row *
parse_row(struct reader *rd, char **f, size_t nf)
{
	struct table_row *row = xcalloc(1, sizeof(*row));
	size_t k;

	row->f.file = rd->file;
	row->f.line = rd->line;
	for (char *c = f[1]; *c; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '_'))
			if (strcmp(f[1], "-") != 0) {
				fail(rd, "bad platform \"%s\": want [a-z0-9_] or -", f[1]);
				goto bad;
			}
	if (f[1][0] == '\0') {
		fail(rd, "%s: an empty platform", "row");
		goto bad;
	}
	row->f.platform = strcmp(f[1], "-") == 0 ? NULL : keep_name(f[1]);
	if (nf == 2)
		return row;			/* a host and its platform */
	if (f[2][0] == '@' || f[2][0] == '=') {
		if (nf > 4 || f[2][1] == '\0' || (f[2][0] == '=' && nf > 3)) {
			fail(rd, "%s: want HOSTS<tab>PLATFORM<tab>@HANDLER[<tab>SHAPE] "
			    "or HOSTS<tab>PLATFORM<tab>=HOST", "row");
			goto bad;
		}
		if (f[2][0] == '=' && (!valid_host(f[2] + 1) || f[2][1] == '*')) {
			fail(rd, "bad host \"%s\" after \"=\"", f[2] + 1);
			goto bad;
		}
		if (f[2][0] == '@')
			row->f.handler = xstrdup(f[2] + 1);
		else
			row->f.alias = xstrdup(f[2] + 1);
		if (nf == 4 && parse_shape(rd, row, f[3]) < 0)
			goto bad;
		return row;
	}
	for (k = 0; table_kinds[k]; k++)
		if (strcmp(f[2], table_kinds[k]) == 0)
			break;
	if (table_kinds[k] == NULL) {
		fail(rd, "bad kind \"%s\": want invite folder channel post proxy "
		    "sticker contact file paste archive shortener other invalid", f[2]);
		goto bad;
	}
	row->f.kind = table_kinds[k];
	if (nf < 4) {
		fail(rd, "%s: a kind needs a shape", "row");
		goto bad;
	}
	if (parse_shape(rd, row, f[3]) < 0)
		goto bad;
	if (nf >= 5 && strcmp(f[4], "-") != 0 &&
	    parse_template(rd, row, f[4], &row->key) < 0)
		goto bad;
	if (nf >= 6 && parse_with(rd, row, f[5]) < 0)
		goto bad;
	if (row->key.n == 0 && strcmp(row->f.kind, "other") != 0 &&
	    strcmp(row->f.kind, "invalid") != 0) {
		fail(rd, "kind %s needs a key template", row->f.kind);
		goto bad;
	}
	return row;
bad:
	free_row(row);
	return NULL;
}

/* ---- the index ---- */

static void
add_to_host(const char *host, const struct table_row *row, int user)
{
	int added;
	uint32_t id = hash_put(&hosts, host, strlen(host), &added);
	struct host_rows *h;
	size_t at;

	if (id >= by_host_cap) {
		size_t old = by_host_cap;

		by_host_cap = by_host_cap ? 2 * by_host_cap : 256;
		while (by_host_cap <= id)
			by_host_cap *= 2;
		by_host = xrealloc(by_host, by_host_cap * sizeof(*by_host));
		memset(by_host + old, 0, (by_host_cap - old) * sizeof(*by_host));
	}
	h = &by_host[id];
	if (h->n == h->cap) {
		h->cap = h->cap ? 2 * h->cap : 4;
		h->rows = xrealloc(h->rows, h->cap * sizeof(*h->rows));
	}
	at = user ? h->nuser++ : h->n;
	memmove(h->rows + at + 1, h->rows + at, (h->n - at) * sizeof(*h->rows));
	h->rows[at] = row;
	h->n++;
}

/*
 * Read a table's lines: text[i] is line line_no[i] of file. Returns 0, or
 * -1 with the first error in rd.
 */
/* Say what is wrong with the row rd is at; for the built-in table, stop. */
static void
complain(struct reader *rd, int builtin)
{
	if (builtin)
		xerrx(EXIT_TROUBLE, "%s:%lu: %s", rd->file, rd->line, rd->err);
	xwarnx("%s:%lu: %s", rd->file, rd->line, rd->err);
}

/*
 * A probe row (first field "probe") is not a link row: only its field
 * count is checked here; common/probe_rules reads the rest. Its place in
 * text is marked in probe_at for read_rows to keep it once the file is
 * taken.
 */
static size_t	*probe_at;
static size_t	 n_probe_at, cap_probe_at;

static int
keep_probe_row(struct reader *rd, size_t i, const char *text)
{
	size_t nf = 1;

	for (const char *c = text; *c; c++)
		nf += *c == '\t';
	if (nf < 7)
		return fail(rd, "%s: want probe<tab>PLATFORM<tab>KIND<tab>KEY<tab>"
		    "RATE<tab>REQUEST<tab>MARK...", "probe row");
	if (n_probe_at == cap_probe_at) {
		cap_probe_at = cap_probe_at ? 2 * cap_probe_at : 16;
		probe_at = xrealloc(probe_at, cap_probe_at * sizeof(*probe_at));
	}
	probe_at[n_probe_at++] = i;
	return 0;
}

/* Keep the probe rows read_rows marked, a rules file's before those known. */
static void
add_probe_rows(const struct reader *rd, const char *const *text,
    const unsigned long *line_no, int user)
{
	if (n_probe + n_probe_at > cap_probe) {
		cap_probe = 2 * (n_probe + n_probe_at);
		probe_rows = xrealloc(probe_rows, cap_probe * sizeof(*probe_rows));
	}
	size_t at = user ? n_probe_user : n_probe;

	memmove(probe_rows + at + n_probe_at, probe_rows + at,
	    (n_probe - at) * sizeof(*probe_rows));
	for (size_t k = 0; k < n_probe_at; k++) {
		struct table_text *t = &probe_rows[at + k];

		t->file = rd->file;
		t->line = line_no[probe_at[k]];
		t->text = xstrdup(text[probe_at[k]]);
	}
	n_probe += n_probe_at;
	if (user)
		n_probe_user += n_probe_at;
	n_probe_at = 0;
}

/*
 * Read a table's lines: text[i] is line line_no[i] of rd->file. Every bad
 * row is reported; then the rows are added only if none was bad (a rules
 * file is taken whole or not at all). Returns 0 or -1.
 */
static int
read_rows(struct reader *rd, size_t n, const char *const *text,
    const unsigned long *line_no, int user)
{
	struct table_row **rows = xcalloc(n + 1, sizeof(*rows));
	char **hostlist = xcalloc(n + 1, sizeof(*hostlist));
	char *prev_hosts = NULL;
	size_t nrows = 0;
	int rc = 0;

	for (size_t i = 0; i < n; i++) {
		char *line = xstrdup(text[i]), *f[7], *p = line, *h = NULL;
		size_t nf = 0;
		int ok = 1;

		rd->line = line_no[i];
		rd->err[0] = '\0';
		if (strncmp(line, "probe\t", 6) == 0 || strcmp(line, "probe") == 0) {
			if (keep_probe_row(rd, i, text[i]) < 0) {
				complain(rd, !user);
				rc = -1;
			}
			free(line);
			continue;
		}
		while (nf < 7) {
			f[nf++] = p;
			if ((p = strchr(p, '\t')) == NULL)
				break;
			*p++ = '\0';
		}
		if (nf < 2 || nf > 6) {
			snprintf(rd->err, sizeof(rd->err), "want HOSTS<tab>PLATFORM"
			    "[<tab>KIND<tab>SHAPE<tab>KEY[<tab>WITH]], got %zu field%s",
			    nf, nf == 1 ? "" : "s");
			ok = 0;
		} else if (strcmp(f[0], "^") == 0 && prev_hosts == NULL) {
			fail(rd, "%s: \"^\" (the hosts above) with no row above", "row");
			ok = 0;
		} else {
			char *w, *s2 = NULL, *copy;

			h = strcmp(f[0], "^") == 0 ? prev_hosts : f[0];
			copy = xstrdup(h);
			for (char *c = copy; *c; c++)
				*c = (char)ascii_lower((unsigned char)*c);
			for (w = strtok_r(copy, " ", &s2); w && ok;
			    w = strtok_r(NULL, " ", &s2))
				if (!valid_host(w)) {
					fail(rd, "bad host \"%s\": want a.b, *.a.b or "
					    "scheme:", w);
					ok = 0;
				}
			if (strspn(copy, " ") == strlen(h)) {
				fail(rd, "%s: no host", "row");
				ok = 0;
			}
			free(copy);
			if (ok && (rows[nrows] = parse_row(rd, f, nf)) == NULL)
				ok = 0;
		}
		if (ok) {
			hostlist[nrows++] = xstrdup(h);
			if (h != prev_hosts) {
				free(prev_hosts);
				prev_hosts = xstrdup(h);
			}
		} else {
			complain(rd, !user);
			rc = -1;
		}
		free(line);
	}
	for (size_t i = 0; i < nrows; i++) {
		char *w, *s2 = NULL;

		for (char *c = hostlist[i]; *c; c++)
			*c = (char)ascii_lower((unsigned char)*c);
		for (w = strtok_r(hostlist[i], " ", &s2); rc == 0 && w;
		    w = strtok_r(NULL, " ", &s2))
			add_to_host(w, rows[i], user);
		if (rc == 0) {
			if (n_all == cap_all) {
				cap_all = cap_all ? 2 * cap_all : 256;
				all_rows = xrealloc(all_rows, cap_all * sizeof(*all_rows));
			}
			all_rows[n_all++] = rows[i];
		} else
			free_row(rows[i]);
		free(hostlist[i]);
	}
	if (rc == 0)
		add_probe_rows(rd, text, line_no, user);
	n_probe_at = 0;
	free(hostlist);
	free(rows);
	free(prev_hosts);
	free(platform_list);
	platform_list = NULL;
	return rc;
}

static void
load_builtin(void)
{
	const char **text = xmalloc((table_nbuiltin + 1) * sizeof(*text));
	unsigned long *line = xmalloc((table_nbuiltin + 1) * sizeof(*line));
	struct reader rd = { .file = "common/platforms.tsv" };

	hash_init(&hosts);
	for (size_t i = 0; i < table_nbuiltin; i++) {
		text[i] = table_builtin[i].text;
		line[i] = table_builtin[i].line;
	}
	read_rows(&rd, table_nbuiltin, text, line, 0);	/* exits on a bad row */
	free(text);
	free(line);
}

int
table_load(const char *path)
{
	FILE *f;
	char *l = NULL, **text = NULL;
	unsigned long *line = NULL, lineno = 0;
	size_t cap = 0, n = 0, tcap = 0;
	ssize_t len;
	struct reader rd = { .file = keep_name(path) };	/* kept: rows name it */
	int rc = 0;

	pthread_once(&builtin_once, load_builtin);
	if ((f = fopen(path, "r")) == NULL) {
		xwarn("%s", path);
		return -1;
	}
	while ((len = getline(&l, &cap, f)) > 0) {
		lineno++;
		while (len > 0 && (l[len - 1] == '\n' || l[len - 1] == '\r'))
			l[--len] = '\0';
		if (len == 0 || l[0] == '#')
			continue;
		if (n == tcap) {
			tcap = tcap ? 2 * tcap : 64;
			text = xrealloc(text, tcap * sizeof(*text));
			line = xrealloc(line, tcap * sizeof(*line));
		}
		text[n] = xstrdup(l);
		line[n++] = lineno;
	}
	if (ferror(f)) {
		xwarn("%s", path);
		rc = -1;
	} else if (read_rows(&rd, n, (const char *const *)text, line, 1) < 0)
		rc = -1;
	fclose(f);
	free(l);
	for (size_t i = 0; i < n; i++)
		free(text[i]);
	free(text);
	free(line);
	return rc;
}

const struct table_row *const *
table_rows(const char *host, size_t len, size_t *n, size_t *sub)
{
	char key[300];
	uint32_t id;

	pthread_once(&builtin_once, load_builtin);
	*sub = 0;
	if ((id = hash_get(&hosts, host, len)) != HASH_NONE && by_host[id].n)
		goto found;
	if (len + 2 > sizeof(key) || (len && host[len - 1] == ':'))
		return NULL;
	/* "*.suffix" rows, the longest suffix first: NAME.t.me, m.facebook.com */
	for (size_t i = 1; i + 1 < len; i++) {
		if (host[i] != '.')
			continue;
		key[0] = '*';
		memcpy(key + 1, host + i, len - i);
		if ((id = hash_get(&hosts, key, len - i + 1)) != HASH_NONE &&
		    by_host[id].n) {
			*sub = i;
			goto found;
		}
	}
	return NULL;
found:
	*n = by_host[id].n;
	return by_host[id].rows;
}

const struct table_facts *
table_facts(const struct table_row *row)
{
	return &row->f;
}

const struct table_row *
table_row_at(size_t i)
{
	pthread_once(&builtin_once, load_builtin);
	return i < n_all ? all_rows[i] : NULL;
}

const struct table_text *
table_probe_rows(size_t *n)
{
	pthread_once(&builtin_once, load_builtin);
	*n = n_probe;
	return probe_rows;
}

const char *const *
table_platforms(void)
{
	size_t n = 0;

	pthread_once(&builtin_once, load_builtin);
	if (platform_list)
		return platform_list;
	platform_list = xmalloc((n_all + 1) * sizeof(*platform_list));
	for (size_t i = 0; i < n_all; i++) {
		const char *p = all_rows[i]->f.platform;
		size_t j;

		for (j = 0; p && j < n; j++)
			if (platform_list[j] == p)
				break;
		if (p && j == n)
			platform_list[n++] = p;
	}
	platform_list[n] = NULL;
	return platform_list;
}

/* ---- matching ---- */

static pcre2_code *
compile(const struct table_row *row, const char *pat)
{
	int code;
	PCRE2_SIZE off;
	pcre2_code *re = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED,
	    PCRE2_ANCHORED | PCRE2_CASELESS | PCRE2_DOTALL, &code, &off, NULL);

	if (re == NULL) {
		PCRE2_UCHAR msg[120];

		pcre2_get_error_message(code, msg, sizeof(msg));
		xerrx(EXIT_TROUBLE, "%s:%lu: shape: %s", row->f.file, row->f.line,
		    (const char *)msg);
	}
	pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	return re;
}

static void
compile_row(struct table_row *row)
{
	pthread_mutex_lock(&compile_lock);
	if (!row->compiled) {
		if (row->path_pat && row->path_pat[0])
			row->path_re = compile(row, row->path_pat);
		if (row->frag_pat)
			row->frag_re = compile(row, row->frag_pat);
		for (size_t i = 0; i < row->nparams; i++)
			if (row->params[i].pattern)
				row->params[i].re = compile(row, row->params[i].pattern);
		__atomic_store_n(&row->compiled, 1, __ATOMIC_RELEASE);
	}
	pthread_mutex_unlock(&compile_lock);
}

void
table_match_init(struct table_match *m)
{
	memset(m, 0, sizeof(*m));
	m->md = pcre2_match_data_create(2 * TABLE_MAXCAP + 2, NULL);
	if (m->md == NULL)
		xerrx(EXIT_TROUBLE, "out of memory");
}

void
table_match_free(struct table_match *m)
{
	pcre2_match_data_free(m->md);
	buf_free(&m->scratch);
	buf_free(&m->error);
}

/*
 * Match re against s; the groups of the row's captures in part "in" (and,
 * in the query, of parameter param) are recorded in m.
 */
static int
run(pcre2_code *re, const char *s, size_t n, struct table_match *m,
    const struct table_row *row, int in, int param)
{
	PCRE2_SIZE *ov;
	int rc = pcre2_match(re, (PCRE2_SPTR)(s ? s : ""), n, 0, 0, m->md, NULL);

	if (rc < PCRE2_ERROR_NOMATCH && m->error_rc == 0) {
		PCRE2_UCHAR what[120];

		if (pcre2_get_error_message(rc, what, sizeof(what)) < 0)
			snprintf((char *)what, sizeof(what), "error %d", rc);
		m->error_rc = rc;
		m->error.n = 0;
		buf_adds(&m->error, "platform table row ");
		buf_adds(&m->error, row->f.file);
		buf_addc(&m->error, ':');
		buf_addnum(&m->error, row->f.line);
		buf_adds(&m->error, ": ");
		buf_adds(&m->error, (const char *)what);
		buf_addc(&m->error, '\0');
	}
	if (rc < 0)
		return 0;
	ov = pcre2_get_ovector_pointer(m->md);
	for (size_t i = 0; i < row->ncaps; i++) {
		int g = row->caps[i].group;

		if (row->caps[i].in != in || row->caps[i].param != param)
			continue;
		m->cap[i].p = s + ov[2 * g];
		m->cap[i].n = ov[2 * g + 1] - ov[2 * g];
	}
	return 1;
}

/*
 * The value of query parameter name (exact), percent-decoded ("+" stays a
 * plus: tokens are often base64) into m->scratch, which the caller sized.
 */
static int
query_value(const struct table_link *l, const char *name, struct table_match *m,
    const char **v, size_t *vn)
{
	const char *p = l->query, *end, *amp, *eq;
	size_t nl = strlen(name);

	if (p == NULL)
		return 0;
	for (end = p + l->query_len; p < end; p = amp + 1) {
		if ((amp = memchr(p, '&', (size_t)(end - p))) == NULL)
			amp = end;
		eq = memchr(p, '=', (size_t)(amp - p));
		if ((size_t)((eq ? eq : amp) - p) != nl || memcmp(p, name, nl) != 0)
			continue;
		*v = m->scratch.p + m->scratch.n;
		*vn = 0;
		for (const char *c = eq ? eq + 1 : amp; c < amp; c++) {
			int hi, lo;

			if (*c == '%' && amp - c > 2 && (hi = hex_value(c[1])) >= 0 &&
			    (lo = hex_value(c[2])) >= 0) {
				m->scratch.p[m->scratch.n++] = (char)(hi << 4 | lo);
				c += 2;
			} else
				m->scratch.p[m->scratch.n++] = *c;
			(*vn)++;
		}
		return 1;
	}
	return 0;
}

static int
is_not(const struct cap *c, const char *p, size_t n)
{
	if (c->not == NULL)
		return 0;
	for (size_t i = 0; c->not[i]; i++)
		if (strlen(c->not[i]) == n && ascii_casecmp_n(c->not[i], p, n) == 0)
			return 1;
	return 0;
}

int
table_match(const struct table_row *row, const struct table_link *l,
    struct table_match *m)
{
	if (row->f.alias || (row->f.kind == NULL && row->f.handler == NULL))
		return 0;		/* "=HOST", or a host and its platform */
	if (!__atomic_load_n(&row->compiled, __ATOMIC_ACQUIRE))
		compile_row((struct table_row *)row);
	if (row->path_re && !run(row->path_re, l->path, l->path_len, m, row, IN_PATH, -1))
		return 0;
	if (row->frag_pat && (l->frag == NULL ||
	    !run(row->frag_re, l->frag, l->frag_len, m, row, IN_FRAG, -1)))
		return 0;
	if (row->nparams) {
		m->scratch.n = 0;
		buf_reserve(&m->scratch, row->nparams * (l->query_len + 1));
	}
	for (size_t i = 0; i < row->nparams; i++) {
		const struct param *q = &row->params[i];
		const char *v;
		size_t vn;

		if (!query_value(l, q->name, m, &v, &vn))
			return 0;
		if (q->re && !run(q->re, v, vn, m, row, IN_QUERY, (int)i))
			return 0;
	}
	for (size_t i = 0; i < row->ncaps; i++)
		if (is_not(&row->caps[i], m->cap[i].p, m->cap[i].n))
			return 0;
	return 1;
}

static void
expand(const struct tmpl *t, const struct table_link *l,
    const struct table_match *m, struct buf *b)
{
	static const char hex[] = "0123456789ABCDEF";

	for (size_t i = 0; i < t->n; i++) {
		const struct piece *pc = &t->p[i];
		const char *s;
		size_t n;

		if (pc->lit) {
			buf_adds(b, pc->lit);
			continue;
		}
		s = pc->cap < 0 ? l->host : m->cap[pc->cap].p;
		n = pc->cap < 0 ? l->host_len : m->cap[pc->cap].n;
		for (size_t j = 0; j < n; j++) {
			int c = (unsigned char)s[j];

			if ((pc->filters & F_DIGITS) && !(c >= '0' && c <= '9'))
				continue;
			if ((pc->filters & F_NODOTS) && c == '.')
				continue;
			if (pc->filters & F_LOWER)
				c = ascii_lower(c);
			if ((pc->filters & F_UPPER) && c >= 'a' && c <= 'z')
				c -= 'a' - 'A';
			/* decoded: a literal % ? # would be read as syntax again */
			if (c == '%' || c == '?' || c == '#') {
				buf_addc(b, '%');
				buf_addc(b, hex[c >> 4]);
				buf_addc(b, hex[c & 15]);
			} else
				buf_addc(b, c);
		}
	}
}

void
table_key(const struct table_row *row, const struct table_link *l,
    const struct table_match *m, struct buf *key, struct buf *chan)
{
	if (row->f.kind == NULL)
		return;
	expand(&row->key, l, m, key);
	if (row->has_chan)
		expand(&row->chan, l, m, chan);
}
