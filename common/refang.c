/*
 * refang: one forward pass over a line that rewrites defanged links into
 * plain ones before links.c looks for links. Every rule looks a bounded
 * distance around one byte, so the pass is linear. Choices: a bidi control
 * between two ASCII URL bytes is dropped (written "invisible"), elsewhere it
 * ends the link; a spaced dot is joined only before a known platform host
 * ("agree. co/x" stays two words); "t [.] me" with spaces needs a path after
 * it, so "look (.) here" stays a sentence.
 *	printf 'join hxxps://t[.]me/x\n' | extract	# https://t.me/x defanged
 */
#include <stdlib.h>
#include <string.h>
/* x86-64 always has SSE2; AVX2 is used where the CPU has it. */
#include "cpu.h"
#ifdef CROSSLINK_X86
#define REFANG_X86
#include <immintrin.h>
#endif

#include "refang.h"
#include "rules.h"
#include "table.h"
#include "tld.h"
#include "util.h"

/* Longest run of host bytes a spaced dot looks at (a DNS name's limit). */
#define SPACED_MAX 253

static int
is_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A letter or digit, ASCII or (roughly) any non-ASCII character. */
static int
is_wordish(unsigned char c)
{
	return ascii_alnum(c) || c >= 0x80;
}

/* Bytes that may sit on both sides of a dropped zero-width character. */
static int
is_url_byte(unsigned char c)
{
	return ascii_alnum(c) || (c != 0 && strchr(".:/?#=&-_%+~@", c) != NULL);
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

/*
 * A rule that makes a "." fires (an event of kind), dropping the space the
 * match began after when space_before; returns consumed, the input bytes
 * matched, or -1 to start copying when nothing is copied yet.
 */
static size_t
put_dot(struct out *o, int space_before, int kind, size_t consumed)
{
	if (!o->active)
		return (size_t)-1;
	if (space_before)
		unput(o);
	event(o, kind);
	put(o, ".", 1);
	return consumed;
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
 * A separator written apart, "https ://", "https: //", "https:// x" (kind
 * spaced), or with a full-width colon "https：//" (unicode): its length,
 * 0 if none.
 */
static size_t
loose_separator(const unsigned char *s, size_t j, size_t n, int *kind)
{
	*kind = REFANG_SPACED;
	if (j + 4 <= n && s[j] == ' ' && s[j + 1] == ':' && s[j + 2] == '/' && s[j + 3] == '/')
		return 4;
	if (j + 4 <= n && s[j] == ':' && s[j + 1] == ' ' && s[j + 2] == '/' && s[j + 3] == '/')
		return 4;
	if (j + 4 <= n && s[j] == ':' && s[j + 1] == '/' && s[j + 2] == '/' && s[j + 3] == ' ')
		return 4;
	*kind = REFANG_UNICODE;
	if (j + 5 <= n && s[j] == 0xEF && s[j + 1] == 0xBC && s[j + 2] == 0x9A &&
	    s[j + 3] == '/' && s[j + 4] == '/')
		return 5;
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
	int defanged, tls = 0, bare, kind;

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
	bare = 0;
	if ((sep = loose_separator(s, j, n, &kind)) == 0) {
		if ((sep = separator_at(s, j, n, &bare)) == 0)
			return 0;
		kind = REFANG_DEFANGED;
	}
	/* Plain "http://" needs nothing; a link must follow a bare "//". */
	if (!defanged && !bare && sep == 3)
		return 0;
	if (j + sep >= n || !is_wordish(s[j + sep]))
		return 0;
	if (!o->active)
		return (size_t)-1;
	event(o, defanged ? REFANG_DEFANGED : kind);
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

	while (e < n && e - k < 64 && (ascii_alnum(s[e]) || s[e] == '-'))
		e++;
	return e < n && s[e] == '/';
}

/*
 * Does a scheme start at s[k] ("hxxps:", "tg:")? A spaced dot is never
 * joined to one: "see x[.] hxxps://t[.]me/a" is a word and then a link.
 */
static int
scheme_follows(const unsigned char *s, size_t k, size_t n)
{
	size_t e = k;

	while (e < n && e - k < 16 && ascii_alnum(s[e]))
		e++;
	return e > k && e < n && s[e] == ':';
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
	else if (k < n && s[k] == ' ' && !space_before && k + 1 < n && is_wordish(s[k + 1]) &&
	    !scheme_follows(s, k + 1, n))
		k++;
	if (k >= n || !is_wordish(s[k]))
		return 0;
	if (space_before && !path_follows(s, k, n))
		return 0;
	return put_dot(o, space_before, REFANG_DEFANGED, k - i);

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
 * Would the dot at host[dot] join a name to a "*.suffix" row's suffix
 * ("Join us . t . me/x" is no us.t.me)? A spaced dot joins only hosts a
 * row names.
 */
static int
sub_joined(char *host, size_t hl, size_t dot)
{
	size_t n, sub, skip = 0;

	for (size_t i = 0; i < hl; i++)
		host[i] = (char)ascii_lower((unsigned char)host[i]);
	if (hl > 4 && memcmp(host, "www.", 4) == 0)
		skip = 4;
	if (table_rows(host + skip, hl - skip, &n, &sub) == NULL)
		return 0;
	return sub > 0 && dot <= skip + sub;
}

/*
 * "t . me/x", "t .me/x", "t. me/x", "chat . whatsapp . com/x": joined only
 * when the whole host, every label up to the "/" (more dots, spaced or not,
 * may follow this one), is one of the platform table (rules.h) and more
 * follows the "/", so that a sentence's ". " never makes a link ("It was
 * fine . me too", "agree. co/x"). The left labels may follow a scheme
 * ("hxxps://t . me/x") but not a path, a mention or a hashtag.
 */
static size_t
spaced_rule(struct out *o, const unsigned char *s, size_t i, size_t n)
{
	char host[SPACED_MAX + 2];
	int space_before = last(o, 0) == ' ';
	size_t j = i + 1, start, k, e, tld = 0, lstart, lend, hl;

	if (space_before && o->vlen < 2)
		return 0;
	if (j < n && s[j] == ' ')
		j++;
	else if (!space_before)
		return 0;
	/* the left labels, back to a space or the line start */
	lend = o->vlen - (size_t)space_before;
	for (lstart = lend; lstart > 0 && lend - lstart < SPACED_MAX / 2 &&
	    (ascii_alnum((unsigned char)o->view[lstart - 1]) ||
	    o->view[lstart - 1] == '-' || o->view[lstart - 1] == '.'); lstart--)
		;
	if (lstart == lend || !ascii_alnum((unsigned char)o->view[lend - 1]))
		return 0;
	if (lstart > 0 && strchr("/\\@#$_", o->view[lstart - 1]) != NULL &&
	    !(lstart >= 3 && memcmp(o->view + lstart - 3, "://", 3) == 0))
		return 0;
	hl = lend - lstart;
	memcpy(host, o->view + lstart, hl);
	/* the right labels, up to the "/" */
	start = k = j;
	for (;;) {
		for (e = k; e < n && e - k < 64 && (ascii_alnum(s[e]) || s[e] == '-'); e++)
			;
		if (e == k || hl + 1 + (e - k) > SPACED_MAX)
			return 0;
		host[hl++] = '.';
		tld = hl;
		memcpy(host + hl, s + k, e - k);
		hl += e - k;
		if (e < n && s[e] == '/')
			break;
		k = e;
		if (k < n && s[k] == ' ')
			k++;
		if (k >= n || s[k] != '.')
			return 0;
		k++;
		if (k < n && s[k] == ' ')
			k++;
	}
	if (e + 1 >= n || s[e + 1] <= ' ')
		return 0;
	if (!tld_known(host + tld, hl - tld) || rules_platform(host, hl) == NULL)
		return 0;
	if (sub_joined(host, hl, lend - lstart))
		return 0;
	return put_dot(o, space_before, REFANG_SPACED, start - i);
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
		/* "wttr\.in": a dot escaped as in a regex or a shell */
		if (last(o, 0) == '\\' && ascii_alnum(last(o, 1)) && i + 1 < n &&
		    ascii_alnum(s[i + 1])) {
			if (!o->active)
				return (size_t)-1;
			unput(o);
			event(o, REFANG_DEFANGED);
			put(o, ".", 1);
			return 1;
		}
		return spaced_rule(o, s, i, n);
	}
	if ((l = wide_dot_at(s, i, n)) != 0) {
		if (!ascii_alnum(last(o, 0)) || i + l >= n || !ascii_alnum(s[i + l]))
			return 0;
		if (!o->active)
			return (size_t)-1;
		event(o, REFANG_UNICODE);
		put(o, ".", 1);
		return l;
	}
	if ((l = invisible_at(s, i, n)) != 0) {
		size_t j = i + l, m;

		/*
		 * The left side first: inside a run of invisibles it is one of
		 * them, so only the run's first character walks the run (a
		 * megabyte of U+200B is linear, not quadratic).
		 */
		if (!is_url_byte(last(o, 0)))
			return 0;
		while ((m = invisible_at(s, j, n)) != 0)
			j += m;
		if (j >= n || !is_url_byte(s[j]))
			return 0;
		if (!o->active)
			return (size_t)-1;
		event(o, REFANG_INVISIBLE);
		return j - i;
	}
	return 0;
}

/*
 * Anchors: the bytes every firing rule needs at or just after the place it
 * fires. "." (spaced dots), the openers (bracketed dots and separators),
 * E2 E3 EF (zero-width, bidi, wide dots, BOM), U+00AD and U+061C as byte
 * pairs, and "//", which every scheme separator holds (hxxp:// h**p[:]//
 * https// ...), 4 to 8 bytes after the "h". Plain words, "h" and the lead
 * bytes of Arabic (D8) and Latin-1 (C2) text are no anchors, so most lines
 * pass in one vector scan.
 */
#ifndef REFANG_X86
static int
anchor_at(const unsigned char *s, size_t i, size_t n)
{
	switch (s[i]) {
	case '.': case '[': case '(': case '{':
	case 0xE2: case 0xE3: case 0xEF:
		return 1;
	case '/':
		return i + 1 < n && s[i + 1] == '/';
	case 0xC2:
		return i + 1 < n && s[i + 1] == 0xAD;
	case 0xD8:
		return i + 1 < n && s[i + 1] == 0x9C;
	}
	return 0;
}
#endif

#ifdef REFANG_X86
/*
 * Anchor bits of 16 bytes v, with w the same bytes one further (for the
 * pairs). "[" and "{" are one compare after setting bit 0x20, E2 and E3
 * one after clearing bit 0.
 */
static uint32_t
anchor_bits16(__m128i v, __m128i w)
{
	__m128i m = _mm_or_si128(
	    _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('.')),
	    _mm_cmpeq_epi8(v, _mm_set1_epi8('('))),
	    _mm_or_si128(_mm_cmpeq_epi8(_mm_or_si128(v, _mm_set1_epi8(0x20)),
	    _mm_set1_epi8('{')), _mm_cmpeq_epi8(_mm_and_si128(v,
	    _mm_set1_epi8((char)0xFE)), _mm_set1_epi8((char)0xE2))));

	m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xEF)));
	m = _mm_or_si128(m, _mm_and_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('/')),
	    _mm_cmpeq_epi8(w, _mm_set1_epi8('/'))));
	m = _mm_or_si128(m, _mm_or_si128(
	    _mm_and_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xC2)),
	    _mm_cmpeq_epi8(w, _mm_set1_epi8((char)0xAD))),
	    _mm_and_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xD8)),
	    _mm_cmpeq_epi8(w, _mm_set1_epi8((char)0x9C)))));
	return (uint32_t)_mm_movemask_epi8(m);
}

/* Anchor bits of 32 bytes at p, p[32] readable. */
static uint32_t
anchor_bits32(const unsigned char *p)
{
	return anchor_bits16(_mm_loadu_si128((const __m128i *)p),
	    _mm_loadu_si128((const __m128i *)(p + 1))) |
	    anchor_bits16(_mm_loadu_si128((const __m128i *)(p + 16)),
	    _mm_loadu_si128((const __m128i *)(p + 17))) << 16;
}

/* The same with AVX2, for all whole words; returns where it stopped. */
__attribute__((target("avx2"))) static size_t
anchor_masks_avx2(const unsigned char *s, size_t n, uint32_t *mask)
{
	const __m256i dot = _mm256_set1_epi8('.'), paren = _mm256_set1_epi8('('),
	    bit20 = _mm256_set1_epi8(0x20), brace = _mm256_set1_epi8('{'),
	    not1 = _mm256_set1_epi8((char)0xFE), e2 = _mm256_set1_epi8((char)0xE2),
	    ef = _mm256_set1_epi8((char)0xEF), slash = _mm256_set1_epi8('/'),
	    c2 = _mm256_set1_epi8((char)0xC2), ad = _mm256_set1_epi8((char)0xAD),
	    d8 = _mm256_set1_epi8((char)0xD8), x9c = _mm256_set1_epi8((char)0x9C);
	size_t i;

	for (i = 0; i + 33 <= n; i += 32) {
		__m256i v = _mm256_loadu_si256((const __m256i *)(s + i));
		__m256i w = _mm256_loadu_si256((const __m256i *)(s + i + 1));
		__m256i m = _mm256_or_si256(
		    _mm256_or_si256(_mm256_cmpeq_epi8(v, dot), _mm256_cmpeq_epi8(v, paren)),
		    _mm256_or_si256(_mm256_cmpeq_epi8(_mm256_or_si256(v, bit20), brace),
		    _mm256_cmpeq_epi8(_mm256_and_si256(v, not1), e2)));

		m = _mm256_or_si256(m, _mm256_cmpeq_epi8(v, ef));
		m = _mm256_or_si256(m, _mm256_and_si256(_mm256_cmpeq_epi8(v, slash),
		    _mm256_cmpeq_epi8(w, slash)));
		m = _mm256_or_si256(m, _mm256_or_si256(
		    _mm256_and_si256(_mm256_cmpeq_epi8(v, c2), _mm256_cmpeq_epi8(w, ad)),
		    _mm256_and_si256(_mm256_cmpeq_epi8(v, d8), _mm256_cmpeq_epi8(w, x9c))));
		mask[i / 32] = (uint32_t)_mm256_movemask_epi8(m);
	}
	return i;
}
#endif

/*
 * Bit k of mask[w] says whether s[32w + k] is an anchor. One call a line
 * (a call per anchor cost more than the scan: AVX2 code cannot be inlined
 * into its callers). The last, partial word is scanned from a zero-padded
 * copy, so no read goes past the line.
 */
static void
anchor_masks(const unsigned char *s, size_t n, uint32_t *mask)
{
	size_t i = 0;
#ifdef REFANG_X86
	unsigned char tail[64];

	if (cpu_has(CPU_AVX2))
		i = anchor_masks_avx2(s, n, mask);
	for (; i + 33 <= n; i += 32)
		mask[i / 32] = anchor_bits32(s + i);
	if (i < n && n >= 33) {
		/* one more vector ending a byte early (the pairs), then the last byte */
		mask[i / 32] = (uint32_t)((uint64_t)anchor_bits32(s + n - 33) >>
		    (i - (n - 33)));
		if (strchr(".([{\xE2\xE3\xEF", s[n - 1]) && s[n - 1] != 0)
			mask[i / 32] |= (uint32_t)1 << (n - 1 - i);
	} else if (i < n) {
		memset(tail, 0, sizeof(tail));
		memcpy(tail, s + i, n - i);
		mask[i / 32] = anchor_bits32(tail);
	}
#else
	memset(mask, 0, (n + 31) / 32 * sizeof(*mask));
	for (; i < n; i++)
		if (anchor_at(s, i, n))
			mask[i / 32] |= (uint32_t)1 << (i % 32);
#endif
}

/* The first "h" of s[lo..a) at which the scheme rule fires, or a. */
static size_t
scheme_before(struct out *o, const unsigned char *s, size_t lo, size_t a, size_t n)
{
	for (size_t p = a >= lo + 8 ? a - 8 : lo; p < a; p++) {
		if (s[p] != 'h' && s[p] != 'H')
			continue;
		o->vlen = p;
		if (scheme_rule(o, s, p, n) != 0)
			return p;
	}
	return a;
}

/*
 * Where the first rule fires, or n: the same answer as trying every rule
 * at every byte in order, but only anchors are probed. Each place a rule
 * can fire is an anchor, or an "h" whose "//" anchor comes 4 to 8 bytes
 * later; so the 8 bytes before a "//" are probed for an "h", and so are
 * those before an anchor that fires (hxxp[:]// fires at "[" too, but the
 * "h" comes first). lo: every "h" before it has been probed. Fills
 * rf->mask for the rest of the run (next_probe).
 */
static size_t
first_fire(struct out *o, const unsigned char *s, size_t n)
{
	struct refang *rf = o->rf;
	size_t words = (n + 31) / 32, lo = 0, a, p;

	if (words > rf->cap_mask) {
		rf->cap_mask = words > 2 * rf->cap_mask ? words : 2 * rf->cap_mask;
		rf->mask = xrealloc(rf->mask, rf->cap_mask * sizeof(*rf->mask));
	}
	anchor_masks(s, n, rf->mask);
	for (size_t w = 0; w < words; w++) {
		for (uint32_t bits = rf->mask[w]; bits; bits &= bits - 1) {
			a = w * 32 + (size_t)lowest_bit(bits);
			if (s[a] == '/') {
				if ((p = scheme_before(o, s, lo, a, n)) < a)
					return p;
				lo = a + 1;
			} else {
				o->vlen = a;
				if (apply(o, s, a, n) != 0)
					return scheme_before(o, s, lo, a, n);
			}
		}
	}
	return n;
}

/*
 * The next place at or after s[i] where a rule may fire, once one has
 * (rf->mask is the line's): an "h" in the 8 bytes before the next anchor
 * (the only other places, see first_fire), else that anchor unless it is
 * a "//"; n at the end.
 */
static size_t
next_probe(const struct refang *rf, const unsigned char *s, size_t i, size_t n)
{
	size_t words = (n + 31) / 32, w, a, p;
	uint32_t bits;

	while (i < n) {
		w = i / 32;
		bits = rf->mask[w] & (~(uint32_t)0 << (i % 32));
		while (bits == 0 && ++w < words)
			bits = rf->mask[w];
		if (bits == 0)
			return n;
		a = w * 32 + (size_t)lowest_bit(bits);
		for (p = a >= i + 8 ? a - 8 : i; p < a; p++)
			if (s[p] == 'h' || s[p] == 'H')
				return p;
		if (s[a] != '/')
			return a;
		i = a + 1;
	}
	return n;
}

const char *
refang_run(struct refang *rf, const char *text, size_t n, size_t *outlen)
{
	const unsigned char *s = (const unsigned char *)text;
	struct out o = { rf, 0, 0, text, 0 };
	size_t i, copied, l;

	rf->nev = 0;
	/* Until a rule fires, the output is the input itself: no copy. */
	if ((i = first_fire(&o, s, n)) == n) {
		*outlen = n;
		return text;
	}
	/* A rule fires: copy the untouched prefix for real, then go on. */
	o.active = 1;
	put(&o, text, i);
	while (i < n) {
		if ((l = apply(&o, s, i, n)) == 0) {
			put(&o, text + i, 1);
			i++;
		} else {
			i += l;
		}
		/* Copy the quiet stretch up to the next place a rule may fire. */
		copied = i;
		i = next_probe(rf, s, i, n);
		if (i > copied)
			put(&o, text + copied, i - copied);
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
	free(rf->mask);
	rf->buf = NULL;
	rf->ev = NULL;
	rf->mask = NULL;
	rf->cap = rf->cap_ev = rf->nev = rf->cap_mask = 0;
}
