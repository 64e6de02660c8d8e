/*
 * refang: one forward pass over a line that rewrites defanged links into
 * plain ones before links.c looks for links. Every rule looks a bounded
 * distance around one byte, so the pass is linear.
 *	printf 'join hxxps://t[.]me/x\n' | extract	# https://t.me/x defanged
 */
#include <stdlib.h>
#include <string.h>

#include "refang.h"
#include "rules.h"
#include "tld.h"
#include "util.h"

/* Longest run of host bytes a spaced dot looks at (a DNS name's limit). */
#define SPACED_MAX 253

/* Bytes at which some rule may apply; everything else is copied. */
static unsigned char trigger[256];

static void
init_trigger(void)
{
	trigger['['] = trigger['('] = trigger['{'] = 1;
	trigger['.'] = trigger['h'] = trigger['H'] = 1;
	trigger[0xC2] = trigger[0xD8] = trigger[0xE2] = trigger[0xE3] = trigger[0xEF] = 1;
	trigger[0] = 2;		/* marks "initialised"; NUL itself is no trigger */
}

static int
is_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static int
is_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A letter or digit, ASCII or (roughly) any non-ASCII character. */
static int
is_wordish(unsigned char c)
{
	return is_alnum(c) || c >= 0x80;
}

/* Bytes that may sit on both sides of a dropped zero-width character. */
static int
is_url_byte(unsigned char c)
{
	return is_alnum(c) || (c != 0 && strchr(".:/?#=&-_%+~@", c) != NULL);
}

static int
is_open(unsigned char c)
{
	return c == '[' || c == '(' || c == '{';
}

static int
is_close(unsigned char c)
{
	return c == ']' || c == ')' || c == '}';
}

/* Output state of one run. */
struct out {
	struct refang	*rf;
	size_t		 n;		/* bytes written */
	int		 active;	/* copying into rf->buf at all */
	const char	*view;		/* the output so far: rf->buf, or while */
	size_t		 vlen;		/* nothing changed, the input itself */
};

static void
put(struct out *o, const char *p, size_t n)
{
	xgrow(&o->rf->buf, &o->rf->cap, o->n + n + 1);
	memcpy(o->rf->buf + o->n, p, n);
	o->n += n;
	o->view = o->rf->buf;
	o->vlen = o->n;
}

static void
unput(struct out *o)
{
	o->n--;
	o->vlen = o->n;
}

static void
event(struct out *o, int kind)
{
	struct refang *rf = o->rf;

	if (rf->nev == rf->cap_ev) {
		rf->cap_ev = rf->cap_ev ? 2 * rf->cap_ev : 16;
		rf->ev = xrealloc(rf->ev, rf->cap_ev * sizeof(*rf->ev));
	}
	rf->ev[rf->nev].pos = o->n;
	rf->ev[rf->nev].kind = kind;
	rf->nev++;
}

static unsigned char
last(const struct out *o, size_t back)
{
	return o->vlen > back ? (unsigned char)o->view[o->vlen - 1 - back] : 0;
}

/* Length of the zero-width or bidi character at s[i], or 0. */
static size_t
invisible_at(const unsigned char *s, size_t i, size_t n)
{
	if (i + 1 < n && s[i] == 0xC2 && s[i + 1] == 0xAD)
		return 2;				/* soft hyphen */
	if (i + 1 < n && s[i] == 0xD8 && s[i + 1] == 0x9C)
		return 2;				/* ALM U+061C */
	if (i + 2 >= n)
		return 0;
	if (s[i] == 0xE2 && s[i + 1] == 0x80 &&
	    ((s[i + 2] >= 0x8B && s[i + 2] <= 0x8F) || (s[i + 2] >= 0xAA && s[i + 2] <= 0xAE)))
		return 3;				/* U+200B-200F, 202A-202E */
	if (s[i] == 0xE2 && s[i + 1] == 0x81 &&
	    (s[i + 2] == 0xA0 || (s[i + 2] >= 0xA6 && s[i + 2] <= 0xA9)))
		return 3;				/* U+2060, 2066-2069 */
	if (s[i] == 0xEF && s[i + 1] == 0xBB && s[i + 2] == 0xBF)
		return 3;				/* U+FEFF */
	return 0;
}

/* 。 ． ｡ */
static size_t
wide_dot_at(const unsigned char *s, size_t i, size_t n)
{
	if (i + 2 >= n)
		return 0;
	if ((s[i] == 0xE3 && s[i + 1] == 0x80 && s[i + 2] == 0x82) ||
	    (s[i] == 0xEF && s[i + 1] == 0xBC && s[i + 2] == 0x8E) ||
	    (s[i] == 0xEF && s[i + 1] == 0xBD && s[i + 2] == 0xA1))
		return 3;
	return 0;
}

/* ASCII-case-insensitive "word" at s[i]. */
static int
word_at(const unsigned char *s, size_t i, size_t n, const char *word)
{
	size_t l = strlen(word);

	if (i + l > n)
		return 0;
	for (size_t k = 0; k < l; k++)
		if (ascii_lower(s[i + k]) != word[k])
			return 0;
	return 1;
}

/*
 * A scheme separator at s[i]: "://", "[:]//", "[://]" (any brackets) or a
 * missing colon "//". Returns its length, 0 if none; *bare says "//".
 */
static size_t
separator_at(const unsigned char *s, size_t i, size_t n, int *bare)
{
	*bare = 0;
	if (i + 3 <= n && s[i] == ':' && s[i + 1] == '/' && s[i + 2] == '/')
		return 3;
	if (i + 5 <= n && is_open(s[i]) && s[i + 1] == ':' && is_close(s[i + 2]) &&
	    s[i + 3] == '/' && s[i + 4] == '/')
		return 5;
	if (i + 5 <= n && is_open(s[i]) && s[i + 1] == ':' && s[i + 2] == '/' &&
	    s[i + 3] == '/' && is_close(s[i + 4]))
		return 5;
	if (i + 2 <= n && s[i] == '/' && s[i + 1] == '/') {
		*bare = 1;
		return 2;
	}
	return 0;
}

/*
 * hxxp hXXp h**p (and https) with a separator, or http(s) with "//" and no
 * colon. Returns the input bytes consumed, 0 if no rule applies.
 */
static size_t
scheme_rule(struct out *o, const unsigned char *s, size_t i, size_t n)
{
	size_t j = i + 1, sep;
	int defanged, tls = 0, bare;

	if (j + 3 > n)
		return 0;
	if ((ascii_lower(s[j]) == 'x' && ascii_lower(s[j + 1]) == 'x') ||
	    (s[j] == '*' && s[j + 1] == '*'))
		defanged = 1;
	else if (ascii_lower(s[j]) == 't' && ascii_lower(s[j + 1]) == 't')
		defanged = 0;
	else
		return 0;
	j += 2;
	if (ascii_lower(s[j]) != 'p')
		return 0;
	j++;
	if (j < n && ascii_lower(s[j]) == 's') {
		tls = 1;
		j++;
	}
	if ((sep = separator_at(s, j, n, &bare)) == 0)
		return 0;
	/* Plain "http://" needs nothing; a link must follow a bare "//". */
	if (!defanged && !bare && sep == 3)
		return 0;
	if (j + sep >= n || !is_wordish(s[j + sep]))
		return 0;
	if (!o->active)
		return (size_t)-1;
	event(o, REFANG_DEFANGED);
	if (defanged)
		put(o, tls ? "https" : "http", tls ? 5 : 4);
	else
		put(o, (const char *)s + i, j - i);
	put(o, "://", 3);
	return j + sep - i;
}

/*
 * Does the label at s[k] go on into a path? With spaces around the
 * brackets it must: "look (.) here" in a sentence is no link, "t [.] me/x"
 * is.
 */
static int
path_follows(const unsigned char *s, size_t k, size_t n)
{
	size_t e = k;

	while (e < n && e - k < 64 && (is_alnum(s[e]) || s[e] == '-'))
		e++;
	return e < n && s[e] == '/';
}

/*
 * [.] (.) {.} [dot] (dot) ..., with single optional spaces inside and
 * around, between two letters or digits; and [:] [://] [/] [//].
 */
static size_t
bracket_rule(struct out *o, const unsigned char *s, size_t i, size_t n)
{
	size_t j = i + 1, k;
	int space_before = 0;
	unsigned char left;

	if (j < n && s[j] == ' ')
		j++;
	if (j < n && s[j] == '.')
		k = j + 1;
	else if (word_at(s, j, n, "dot"))
		k = j + 3;
	else
		goto separators;
	if (k < n && s[k] == ' ')
		k++;
	if (k >= n || !is_close(s[k]))
		return 0;
	k++;
	left = last(o, 0);
	if (left == ' ' && o->vlen >= 2) {
		space_before = 1;
		left = last(o, 1);
	}
	if (!is_wordish(left))
		return 0;
	if (k < n && s[k] == ' ' && space_before)
		k++;
	else if (k < n && s[k] == ' ' && !space_before && k + 1 < n && is_wordish(s[k + 1]))
		k++;
	if (k >= n || !is_wordish(s[k]))
		return 0;
	if (space_before && !path_follows(s, k, n))
		return 0;
	if (!o->active)
		return (size_t)-1;
	if (space_before)
		unput(o);
	event(o, REFANG_DEFANGED);
	put(o, ".", 1);
	return k - i;

separators:
	/* [:] [://] [/] [//] right after a letter (or a scheme's colon) */
	left = last(o, 0);
	if (i + 3 <= n && s[i + 1] == ':' && is_close(s[i + 2]) && is_alpha(left)) {
		k = 3;
		if (!o->active)
			return (size_t)-1;
		event(o, REFANG_DEFANGED);
		put(o, ":", 1);
		return k;
	}
	if (i + 5 <= n && s[i + 1] == ':' && s[i + 2] == '/' && s[i + 3] == '/' &&
	    is_close(s[i + 4]) && is_alpha(left)) {
		if (!o->active)
			return (size_t)-1;
		event(o, REFANG_DEFANGED);
		put(o, "://", 3);
		return 5;
	}
	if (left > ' ' && left < 0x80 && !is_open(left) && i + 3 <= n && s[i + 1] == '/') {
		size_t m = (i + 4 <= n && s[i + 2] == '/') ? 2 : 1;

		if (i + 2 + m > n || !is_close(s[i + 1 + m]))
			return 0;
		if (!o->active)
			return (size_t)-1;
		event(o, REFANG_DEFANGED);
		put(o, "//", m);
		return m + 2;
	}
	return 0;
}

/*
 * "t . me/x", "t .me/x", "t. me/x": joined only when the joined host is one
 * of the platform table (rules.h) and "/" and more follow, so that a
 * sentence's ". " never makes a link ("It was fine . me too", "agree. co/").
 */
static size_t
spaced_rule(struct out *o, const unsigned char *s, size_t i, size_t n)
{
	char host[SPACED_MAX + 2];
	int space_before = last(o, 0) == ' ';
	size_t j = i + 1, start, end, lstart, lend, hl;

	if (space_before && o->vlen < 2)
		return 0;
	if (j < n && s[j] == ' ')
		j++;
	else if (!space_before)
		return 0;
	start = j;
	for (end = j; end < n && end - start < 64 && (is_alnum(s[end]) || s[end] == '-'); end++)
		;
	if (end == start || end >= n || s[end] != '/' || end + 1 >= n || s[end + 1] <= ' ')
		return 0;
	/* the left labels, back to a space or the line start */
	lend = o->vlen - (size_t)space_before;
	for (lstart = lend; lstart > 0 && lend - lstart < SPACED_MAX - 64 &&
	    (is_alnum((unsigned char)o->view[lstart - 1]) ||
	    o->view[lstart - 1] == '-' || o->view[lstart - 1] == '.'); lstart--)
		;
	/* not inside a path, a mention or a hashtag */
	if (lstart == lend || !is_alnum((unsigned char)o->view[lend - 1]) ||
	    (lstart > 0 && strchr("/\\@#$_", o->view[lstart - 1]) != NULL))
		return 0;
	if (!tld_known((const char *)s + start, end - start))
		return 0;
	hl = lend - lstart;
	memcpy(host, o->view + lstart, hl);
	host[hl++] = '.';
	memcpy(host + hl, s + start, end - start);
	hl += end - start;
	if (rules_platform(host, hl) == NULL)
		return 0;
	if (!o->active)
		return (size_t)-1;
	if (space_before)
		unput(o);
	event(o, REFANG_SPACED);
	put(o, ".", 1);
	return start - i;
}

/* Try every rule at s[i]: input bytes consumed, 0 for none, -1 to start copying. */
static size_t
apply(struct out *o, const unsigned char *s, size_t i, size_t n)
{
	size_t l;

	switch (s[i]) {
	case 'h':
	case 'H':
		return scheme_rule(o, s, i, n);
	case '[':
	case '(':
	case '{':
		return bracket_rule(o, s, i, n);
	case '.':
		return spaced_rule(o, s, i, n);
	}
	if ((l = wide_dot_at(s, i, n)) != 0) {
		if (!is_alnum(last(o, 0)) || i + l >= n || !is_alnum(s[i + l]))
			return 0;
		if (!o->active)
			return (size_t)-1;
		event(o, REFANG_UNICODE);
		put(o, ".", 1);
		return l;
	}
	if ((l = invisible_at(s, i, n)) != 0) {
		size_t j = i + l, m;

		while ((m = invisible_at(s, j, n)) != 0)
			j += m;
		if (!is_url_byte(last(o, 0)) || j >= n || !is_url_byte(s[j]))
			return 0;
		if (!o->active)
			return (size_t)-1;
		event(o, REFANG_INVISIBLE);
		return j - i;
	}
	return 0;
}

const char *
refang_run(struct refang *rf, const char *text, size_t n, size_t *outlen)
{
	const unsigned char *s = (const unsigned char *)text;
	struct out o = { rf, 0, 0, text, 0 };
	size_t i = 0, copied = 0, l;

	if (trigger[0] == 0)
		init_trigger();
	rf->nev = 0;
	/* Until a rule fires, the output is the input itself: no copy. */
	while (i < n) {
		if (!trigger[s[i]]) {
			i++;
			continue;
		}
		if (!o.active) {
			o.view = text;
			o.vlen = i;
			l = apply(&o, s, i, n);
			if (l == 0) {
				i++;
				continue;
			}
			/* A rule fires: copy the untouched prefix for real. */
			o.n = 0;
			o.active = 1;
			rf->nev = 0;
			put(&o, text, i);
			copied = i;
		}
		if ((l = apply(&o, s, i, n)) == 0) {
			put(&o, text + i, 1);
			i++;
		} else {
			i += l;
		}
		/* Copy the quiet stretch up to the next trigger in one go. */
		copied = i;
		while (i < n && !trigger[s[i]])
			i++;
		if (i > copied)
			put(&o, text + copied, i - copied);
	}
	if (!o.active) {
		*outlen = n;
		return text;
	}
	*outlen = o.n;
	return rf->buf;
}

const char *
refang_written(const struct refang *rf, size_t start, size_t end)
{
	size_t lo = 0, hi = rf->nev;
	int best = 0;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (rf->ev[mid].pos < start)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < rf->nev && rf->ev[lo].pos < end; lo++) {
		/* A dropped character at start sat before the link, not in it. */
		if (rf->ev[lo].kind == REFANG_INVISIBLE && rf->ev[lo].pos == start)
			continue;
		if (rf->ev[lo].kind > best)
			best = rf->ev[lo].kind;
	}
	switch (best) {
	case REFANG_DEFANGED:	return "defanged";
	case REFANG_SPACED:	return "spaced";
	case REFANG_UNICODE:	return "unicode";
	case REFANG_INVISIBLE:	return "invisible";
	}
	return "plain";
}

void
refang_free(struct refang *rf)
{
	free(rf->buf);
	free(rf->ev);
	rf->buf = NULL;
	rf->ev = NULL;
	rf->cap = rf->cap_ev = rf->nev = 0;
}
