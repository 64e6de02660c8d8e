/*
 * links: the link finder. PCRE2 finds where a link may start and its host;
 * C decides the rest: host checks (TLD list, case, numbers, e-mails), where
 * the path ends (brackets, trailing punctuation, glued schemes) and the
 * platform. Rules R1-R30 are named, with their cases, in
 * tests/unit/test_links.c. Choices: a scheme-less host is taken whole or
 * not at all (archive.zip.001 is not cut to a TLD); host-only links whose
 * TLD is a common file extension are dropped (file_name); Element rooms are
 * platform matrix, one platform per network. Not handled: t.me/a,t.me/b
 * without schemes (one link), emoji hosts, homoglyphs, spelled-out "dot",
 * spaced schemes, the 253-byte host limit.
 *	zcat logs.gz | extract --all | normalize | tally -g platform
 *
 * Speed: a vector pass marks every "." and ":" of the line; PCRE2 runs
 * only in a small window around each anchor (a "." between label bytes, a
 * scheme's "://"), and plain ASCII hosts are decided in C without it. Most
 * bytes are looked at once, 32 at a time.
 *
 * Linear time: anchors and windows move forward only (a window stops at
 * the previous anchor), the path regex is anchored and its end is cached
 * for the stretch it covered, and the e-mail look-ahead is cached the same
 * way, so no byte is rescanned more than a bounded number of times.
 */
#define PCRE2_CODE_UNIT_WIDTH 8

#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
/* x86-64 always has SSE2; AVX2 is used where the CPU has it. */
#include "cpu.h"
#include "msg.h"
#ifdef CROSSLINK_X86
#define LINKS_X86
#include <immintrin.h>
#endif

#include "links.h"
#include "refang.h"
#include "rules.h"
#include "tld.h"
#include "util.h"

/*
 * Host labels. A label stays in one script class (R7): ASCII and other
 * Latin, or any other script; marks go with either. One Greek or Cyrillic
 * letter between Latin ones is a look-alike in a Latin name, not a script
 * switch ("ｙoυrｂａｎｋ.com" is one host).
 */
#define LAT	"0-9\\p{sc:Latin}"
#define OTHL	"(?:[^\\P{L}\\p{sc:Latin}]|[^\\P{Nd}0-9])"
#define LATLABEL "[" LAT "](?:[-_" LAT "\\p{M}]|[\\p{Greek}\\p{Cyrillic}](?=[" LAT "]))*+"
#define OTHLABEL OTHL "(?:" OTHL "|[-_\\p{M}\\x{200C}\\x{200D}])*+"
#define LABEL	"(?:" LATLABEL "|" OTHLABEL ")"
/* What a scheme-less host may not follow (R6). */
#define NOTAFTER "_\\-.@#$/\\\\\\x{FF20}\\x{FF03}"

/*
 * Groups: 1 scheme, 2 host after a scheme; 3 "tg://", 4 its name;
 * 5 a scheme-less host.
 */
static const char head_pattern[] =
	"((?i:https?|(?<![sS])ftp)://)"
	"(?:[-\\w.~%!$&'*+,;=:]{1,64}@)?"
	"(\\[[0-9A-Fa-f:.]{2,45}\\]|" LABEL "(?:\\." LABEL ")*+)"
	"|((?<![A-Za-z0-9])(?i:tg)://)([A-Za-z0-9_]++(?:-++[A-Za-z0-9_]++)*+)"
	"|(?:(?<![" LAT "\\p{M}" NOTAFTER "])(?=[" LAT "])"
	"|(?<![\\p{L}\\p{N}\\p{M}" NOTAFTER "])(?=" OTHL "))"
	"(" LABEL "(?:\\." LABEL ")++)";

/*
 * The path, query and fragment after "/", "?" or "#" (R13, R14): ASCII
 * that may appear in a link, Latin letters, marks, currency, en dash and
 * right quote; other scripts' letters and digits unless glued to an ASCII
 * letter or digit, or a capital after a "." (a sentence that lost its
 * space: "t.me/x.Подписывайтесь"); ZWNJ/ZWJ after a non-ASCII letter.
 */
static const char tail_pattern[] =
	"(?:[!#$%&'()*+,\\-./0-9:;=?@A-Z\\[\\]^_a-z{}~]"
	"|[\\p{sc:Latin}\\p{M}\\p{Sc}\\x{2013}\\x{2019}]"
	"|(?<![A-Za-z0-9])(?!(?<=\\.)\\p{Lu})(?:[^\\P{L}\\p{sc:Latin}]|[^\\P{N}0-9])"
	"|(?<=[^\\x00-\\x7F])[\\x{200C}\\x{200D}])*+";

#define COMPILE_FLAGS	(PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF)

struct regex {
	pcre2_code		*code;
	pcre2_match_data	*md;
	int			 jit;
};

struct span {
	size_t		 start, end;
	const char	*platform;
};

struct links {
	unsigned		 flags;
	struct regex		 head, tail;
	struct regex		*custom;
	size_t			 ncustom;
	pcre2_match_context	*mctx;
	pcre2_match_context	*hctx;		/* mctx plus an offset limit, for head */
	pcre2_jit_stack		*jstack;

	char			**keep;		/* -p names, or NULL for all */
	size_t			 nkeep;
	int			 keep_web;

	int			 avx2;		/* the CPU has AVX2 */
	struct refang		 rf;
	uint32_t		*mask;		/* "." and ":" of the text, a bit a byte */
	size_t			 cap_mask;
	struct span		*hits;		/* this line's hits, for -e merging */
	size_t			 nhits, cap_hits;
	char			 error[320];
	int			 failed;	/* a match error on this line */

	/* caches for one line: see the comment at the top */
	size_t			 tail_from, tail_to;	/* run from tail_from ends at tail_to */
	size_t			 mail_from, mail_to;	/* local part from mail_from ends at mail_to */
	int			 mail_at;		/* ... and "@" follows */
};

static void
compile(struct regex *re, const char *pattern, uint32_t flags, const char *what)
{
	int errcode;
	PCRE2_SIZE erroff;
	PCRE2_UCHAR msg[256];

	re->code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
	    flags, &errcode, &erroff, NULL);
	if (re->code == NULL) {
		pcre2_get_error_message(errcode, msg, sizeof(msg));
		xerrx(EXIT_TROUBLE, "%s pattern: %s at offset %zu", what, (char *)msg,
		    (size_t)erroff);
	}
	/* Without JIT (no support, no executable memory) the interpreter works. */
	re->jit = pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE) == 0;
	re->md = pcre2_match_data_create_from_pattern(re->code, NULL);
}

struct links *
links_new(unsigned flags)
{
	struct links *lk = xcalloc(1, sizeof(*lk));

	lk->flags = flags;
	lk->mctx = pcre2_match_context_create(NULL);
	/* Our patterns are possessive and never come near these limits. */
	pcre2_set_match_limit(lk->mctx, 10000000);
	pcre2_set_depth_limit(lk->mctx, 100000);
	lk->jstack = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, NULL);
	if (lk->jstack)
		pcre2_jit_stack_assign(lk->mctx, NULL, lk->jstack);
	/*
	 * The head search may only start a match up to the anchor it was
	 * called for (see find), so it gets a context of its own: an offset
	 * limit is an error for patterns compiled without it.
	 */
	lk->hctx = pcre2_match_context_copy(lk->mctx);
	compile(&lk->head, head_pattern, COMPILE_FLAGS | PCRE2_USE_OFFSET_LIMIT, "link");
	compile(&lk->tail, tail_pattern, COMPILE_FLAGS, "path");
#ifdef LINKS_X86
	/* here, not on first use: links_first_sign runs on the sifting thread too */
	lk->avx2 = cpu_has(CPU_AVX2);
#endif
	return lk;
}

int
links_add_pattern(struct links *lk, const char *pattern)
{
	struct regex re;
	int errcode;
	PCRE2_SIZE erroff;
	PCRE2_UCHAR msg[256];

	re.code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
	    COMPILE_FLAGS, &errcode, &erroff, NULL);
	if (re.code == NULL) {
		pcre2_get_error_message(errcode, msg, sizeof(msg));
		xwarnx("-e %s: %s at offset %zu", pattern, (char *)msg, (size_t)erroff);
		return -1;
	}
	re.jit = pcre2_jit_compile(re.code, PCRE2_JIT_COMPLETE) == 0;
	re.md = pcre2_match_data_create_from_pattern(re.code, NULL);
	lk->custom = xrealloc(lk->custom, (lk->ncustom + 1) * sizeof(*lk->custom));
	lk->custom[lk->ncustom++] = re;
	return 0;
}

int
links_platform_filter(struct links *lk, const char *list)
{
	const char *const *known = rules_platforms();
	const char *p = list, *e;
	int status = 0;

	for (; *p; p = *e ? e + 1 : e) {
		size_t n, i;

		e = strchr(p, ',');
		if (e == NULL)
			e = p + strlen(p);
		n = (size_t)(e - p);
		if (n == 0)
			continue;
		for (i = 0; known[i]; i++)
			if (strlen(known[i]) == n && memcmp(known[i], p, n) == 0)
				break;
		if (known[i] == NULL && !(n == 3 && memcmp(p, "web", 3) == 0) &&
		    !(n == 6 && memcmp(p, "custom", 6) == 0)) {
			xwarnx("-p: unknown platform \"%.*s\" (a platform of the platform table, web or custom)", (int)n, p);
			status = -1;
			continue;
		}
		if (n == 3 && memcmp(p, "web", 3) == 0)
			lk->keep_web = 1;
		lk->keep = xrealloc(lk->keep, (lk->nkeep + 1) * sizeof(*lk->keep));
		lk->keep[lk->nkeep++] = xmemdup(p, n);
	}
	if (lk->keep == NULL)
		lk->keep = xmalloc(sizeof(*lk->keep));	/* "-p ''": keep nothing */
	return status;
}

void
links_set_limits(struct links *lk, unsigned match, unsigned depth)
{
	if (match) {
		pcre2_set_match_limit(lk->mctx, match);
		pcre2_set_match_limit(lk->hctx, match);
	}
	if (depth) {
		pcre2_set_depth_limit(lk->mctx, depth);
		pcre2_set_depth_limit(lk->hctx, depth);
	}
}

const char *
links_error(const struct links *lk)
{
	return lk->error;
}

void
links_free(struct links *lk)
{
	if (lk == NULL)
		return;
	pcre2_code_free(lk->head.code);
	pcre2_match_data_free(lk->head.md);
	pcre2_code_free(lk->tail.code);
	pcre2_match_data_free(lk->tail.md);
	for (size_t i = 0; i < lk->ncustom; i++) {
		pcre2_code_free(lk->custom[i].code);
		pcre2_match_data_free(lk->custom[i].md);
	}
	free(lk->custom);
	free_strings(lk->keep, lk->nkeep);
	pcre2_match_context_free(lk->mctx);
	pcre2_match_context_free(lk->hctx);
	pcre2_jit_stack_free(lk->jstack);
	refang_free(&lk->rf);
	free(lk->mask);
	free(lk->hits);
	free(lk);
}

static int
run(pcre2_match_context *ctx, struct regex *re, const char *s, size_t n, size_t from,
    uint32_t opts)
{
	if (re->jit)
		return pcre2_jit_match(re->code, (PCRE2_SPTR)s, n, from, opts, re->md, ctx);
	return pcre2_match(re->code, (PCRE2_SPTR)s, n, from, opts, re->md, ctx);
}

/*
 * A match error of one of our own patterns (a PCRE2 limit on hostile
 * text): never taken for "no match", as pcre2grep does not; told, first
 * only, through links_scan's -1, which the caller reports with the place.
 * The search goes on past it, so only what that one match would have found
 * can be lost.
 */
static void
match_error(struct links *lk, const char *what, int rc)
{
	PCRE2_UCHAR msg[120];

	if (!lk->failed) {
		pcre2_get_error_message(rc, msg, sizeof(msg));
		snprintf(lk->error, sizeof(lk->error),
		    "built-in %s pattern: %s (rest of the line still searched)", what,
		    (char *)msg);
	}
	lk->failed = 1;
}

static int
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static int
is_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* . , ; : ! ? ' * ~ (R16): soft punctuation, inside a link but not at its end */
static int
soft_punct(unsigned char c)
{
	switch (c) {
	case '.': case ',': case ';': case ':': case '!': case '?': case '\'': case '*': case '~':
		return 1;
	}
	return 0;
}

/* Soft punctuation (R16): inside a link, but not at its end. */
static size_t
soft_before(const char *s, size_t start, size_t end)
{
	unsigned char c = (unsigned char)s[end - 1];

	if (c < 0x80)
		return (size_t)soft_punct(c);
	/* en dash U+2013 and right quote U+2019 */
	if (end - start >= 3 && (unsigned char)s[end - 3] == 0xE2 &&
	    (unsigned char)s[end - 2] == 0x80 &&
	    ((unsigned char)s[end - 1] == 0x93 || (unsigned char)s[end - 1] == 0x99))
		return 3;
	return 0;
}

/*
 * An English possessive at the end of a path, "'s" or "’s" after a letter
 * or digit (R28): "t.me/durov's channel" names t.me/durov. Its length, or 0.
 */
static size_t
possessive(const char *s, size_t start, size_t end)
{
	size_t q;

	if (end - start < 3 || (s[end - 1] != 's' && s[end - 1] != 'S'))
		return 0;
	if (s[end - 2] == '\'')
		q = 1;
	else if (end - start >= 5 && (unsigned char)s[end - 4] == 0xE2 &&
	    (unsigned char)s[end - 3] == 0x80 && (unsigned char)s[end - 2] == 0x99)
		q = 3;
	else
		return 0;
	if (end - start < q + 2)
		return 0;
	return ascii_alnum((unsigned char)s[end - q - 2]) ? q + 1 : 0;
}

/* Does a scheme that starts a new link (R17) begin at s[i]? */
static int
scheme_at(const char *s, size_t i, size_t n)
{
	size_t j = i;

	while (j < n && j - i < 5 && is_alpha((unsigned char)s[j]))
		j++;
	if (j + 3 > n || s[j] != ':' || s[j + 1] != '/' || s[j + 2] != '/')
		return 0;
	return (j - i == 4 && ascii_casecmp_n(s + i, "http", 4) == 0) ||
	    (j - i == 5 && ascii_casecmp_n(s + i, "https", 5) == 0) ||
	    (j - i == 3 && ascii_casecmp_n(s + i, "ftp", 3) == 0) ||
	    (j - i == 2 && ascii_casecmp_n(s + i, "tg", 2) == 0);
}

struct label_info {
	int	ok;		/* no edge "-" or "_", at most 63 characters */
	int	digits;		/* all ASCII digits */
	int	letters;	/* a TLD shape: ASCII letters (2+), or non-ASCII */
	int	underscore;
};

static struct label_info
label(const char *s, size_t a, size_t b)
{
	struct label_info li = { 1, 1, 1, 0 };
	size_t chars = 0, ascii_letters = 0;
	int non_ascii = 0;

	if (b == a)
		return (struct label_info){ 0, 0, 0, 0 };
	for (size_t i = a; i < b; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c & 0xC0) != 0x80)
			chars++;
		if (!is_digit(c))
			li.digits = 0;
		if (c >= 0x80)
			non_ascii = 1;
		else if (is_alpha(c))
			ascii_letters++;
		else
			li.letters = 0;
		if (c == '_')
			li.underscore = 1;
	}
	if (s[a] == '-' || s[b - 1] == '-' || s[a] == '_' || s[b - 1] == '_' || chars > 63)
		li.ok = 0;
	if (!non_ascii && ascii_letters < 2)
		li.letters = 0;
	if (b - a > 4 && ascii_casecmp_n(s + a, "xn--", 4) == 0)
		li.letters = 1;
	return li;
}

/* ASCII letters of a label: all lower, all upper, or mixed (R10)? */
static int
mixed_case(const char *s, size_t a, size_t b)
{
	int lower = 0, upper = 0;

	for (size_t i = a; i < b; i++) {
		if (s[i] >= 'a' && s[i] <= 'z')
			lower = 1;
		else if (s[i] >= 'A' && s[i] <= 'Z')
			upper = 1;
	}
	return lower && upper;
}

static int
ipv4(const char *s, size_t a, size_t b)
{
	int parts = 0;
	size_t i = a;

	while (i < b) {
		size_t j = i;
		unsigned v = 0;

		while (j < b && is_digit((unsigned char)s[j]) && j - i < 4)
			v = v * 10 + (unsigned)(s[j++] - '0');
		if (j == i || j - i > 3 || v > 255)
			return 0;
		parts++;
		if (j == b)
			break;
		if (s[j] != '.')
			return 0;
		i = j + 1;
		if (i == b)
			return 0;
	}
	return parts == 4;
}

/*
 * Is s[a..b) a host? With a scheme a TLD-shaped last label, an IPv4 address
 * or localhost does (R2); without, the last label must be a known TLD in
 * one case (R9, R10), with at most one all-digit label before it (R11) and
 * no "_" in the last two labels (R7). Every label must be well formed. The
 * host is taken whole or not at all: "archive.zip.001" is no "archive.zip".
 */
static int
is_host(const char *s, size_t a, size_t b, int scheme, int any_case)
{
	size_t i, lab, last = a, labels = 0, ndig = 0;
	struct label_info li = { 0, 0, 0, 0 }, prev = li;

	if (scheme) {
		if (s[a] == '[')
			return 1;
		if ((b - a == 9 && ascii_casecmp_n(s + a, "localhost", 9) == 0) ||
		    ipv4(s, a, b))
			return 1;
	}
	for (i = a, lab = a; i <= b; i++) {
		if (i < b && s[i] != '.')
			continue;
		prev = li;
		li = label(s, lab, i);
		if (!li.ok)
			return 0;
		if (li.digits)
			ndig++;
		labels++;
		last = lab;
		lab = i + 1;
	}
	if (labels < 2)
		return 0;
	if (scheme)
		return li.letters;
	return tld_known(s + last, b - last) && (any_case || !mixed_case(s, last, b)) && !li.digits &&
	    !li.underscore && !prev.underscore && ndig < 2;
}

/*
 * Is the word at s[a] what "curl" or "wget" fetches ("curl -sL lama.sh | sh")?
 * Then it is a host, whatever its TLD. Looks back over options only.
 */
static int
fetched(const char *s, size_t a)
{
	size_t i = a, w;

	for (int words = 0; words < 4; words++) {
		while (i > 0 && s[i - 1] == ' ')
			i--;
		if (i == a)
			return 0;		/* glued to the word before */
		for (w = i; w > 0 && s[w - 1] != ' ' && i - w < 32; w--)
			;
		if (w < i && s[w] == '-') {
			i = w;
			continue;
		}
		/* the word ends in the command: "curl, `curl, ```curl */
		return i - w >= 4 && (memcmp(s + i - 4, "curl", 4) == 0 ||
		    memcmp(s + i - 4, "wget", 4) == 0) &&
		    (i - 4 == w || !ascii_alnum((unsigned char)s[i - 5]));
	}
	return 0;
}

/*
 * A scheme-less link of host only (no path), not starting "www.", whose TLD
 * is also a common file extension: README.md, main.py, setup.sh, a.zip.
 * Chat about files is full of these and no reader takes them for links.
 */
static int
file_name(const char *s, size_t a, size_t b)
{
	static const char *const ext[] = { "md", "py", "sh", "pl", "rs", "zip",
	    "mov", "so", "ps", NULL };
	size_t t = b;

	if (b - a > 4 && ascii_casecmp_n(s + a, "www.", 4) == 0)
		return 0;
	if (fetched(s, a))
		return 0;
	while (t > a && s[t - 1] != '.')
		t--;
	for (size_t i = 0; ext[i]; i++)
		if (strlen(ext[i]) == b - t && ascii_casecmp_n(s + t, ext[i], b - t) == 0)
			return 1;
	return 0;
}

/*
 * Two words a missing space joined, not a host (R29): a scheme-less link of
 * two labels, host only, whose TLD is an English word in lower case, whose
 * first label is letters, and after which the sentence goes on ("help.me
 * out", "told me.to go", "do.it now"; "Binance.US" is a name, "see wttr.in"
 * a site, t.me a platform's host).
 */
static int
word_pair(const char *s, size_t a, size_t b, size_t n)
{
	static const char *const words[] = { "am", "as", "at", "be", "by", "do", "go",
	    "he", "hi", "if", "in", "is", "it", "me", "my", "no", "of", "on", "or", "so",
	    "to", "up", "us", "we", NULL };
	size_t dot = a;

	while (dot < b && s[dot] != '.')
		dot++;
	if (dot == b || b - dot != 3 || memchr(s + dot + 1, '.', b - dot - 1) != NULL)
		return 0;
	/* the sentence goes on: a space and a lower-case word */
	if (b + 1 >= n || s[b] != ' ' || s[b + 1] < 'a' || s[b + 1] > 'z')
		return 0;
	for (size_t i = a; i < dot; i++)
		if (!is_alpha((unsigned char)s[i]))
			return 0;
	for (size_t i = 0; words[i]; i++)
		if (memcmp(s + dot + 1, words[i], 2) == 0)
			return 1;
	return 0;
}

/*
 * A chat user's id, not a link (R30): the server of a Matrix id,
 * "@name:matrix.org" or a bridge's "<name:matrix.org>", host only.
 */
static int
user_id(const char *s, size_t a)
{
	size_t i = a;

	if (i == 0 || s[i - 1] != ':')
		return 0;
	for (i--; i > 0 && (is_alpha((unsigned char)s[i - 1]) || is_digit((unsigned char)s[i - 1]) ||
	    (s[i - 1] != '\0' && strchr("._=/+-", s[i - 1]) != NULL)); i--)
		;
	return i > 0 && i < a - 1 && (s[i - 1] == '@' || s[i - 1] == '<');
}

/*
 * An e-mail address spaced or defanged at its "@" (R30): "hello @ x.io",
 * "name [at] x.io", "name (at) x.io", host only.
 */
static int
spaced_mail(const char *s, size_t a, size_t n)
{
	static const char *const ats[] = { "@", "[at]", "(at)", "{at}", "[@]", "(@)", NULL };
	size_t k = a, j;

	/* "Start trading @ www.x.com": "at" a site, no mail domain */
	if (n - a > 4 && ascii_casecmp_n(s + a, "www.", 4) == 0)
		return 0;
	if (k > 0 && s[k - 1] == ' ')
		k--;
	for (size_t i = 0; ats[i]; i++) {
		size_t l = strlen(ats[i]);

		if (k < l + 1 || ascii_casecmp_n(s + k - l, ats[i], l) != 0)
			continue;
		j = k - l;
		if (s[j - 1] == ' ' && j >= 2)
			j--;
		/* a local part's last character right before */
		if (is_alpha((unsigned char)s[j - 1]) || is_digit((unsigned char)s[j - 1]) ||
		    s[j - 1] == '_' || s[j - 1] == '-')
			return 1;
	}
	return 0;
}

/*
 * Does a scheme-less host at s[a] follow "//" and a few symbols the host
 * after a scheme could not take ("http://✪df.ws": no "df.ws")? Then it is
 * the tail of a link we do not read, not a link (R6).
 */
static int
after_scheme(const char *s, size_t a)
{
	size_t i = a;

	while (i > 0 && a - i < 16 && (unsigned char)s[i - 1] >= 0x80)
		i--;
	return i < a && i >= 2 && s[i - 1] == '/' && s[i - 2] == '/';
}

/*
 * Is a scheme-less host ending at s[i] an e-mail's local part (R8)? It is
 * when "@" follows, maybe after more local-part characters. Cached, so a
 * long run is walked once.
 */
static int
mail_local(struct links *lk, const char *s, size_t n, size_t i)
{
	size_t j;

	if (i >= lk->mail_from && i <= lk->mail_to)
		return lk->mail_at;
	for (j = i; j < n; j++) {
		unsigned char c = (unsigned char)s[j];

		if (!(is_alpha(c) || is_digit(c) || c == '.' || c == '_' || c == '%' ||
		    c == '+' || c == '-'))
			break;
	}
	lk->mail_from = i;
	lk->mail_to = j;
	lk->mail_at = j < n && s[j] == '@';
	return lk->mail_at;
}

/* End of the path run that starts at s[i] (after "/", "?" or "#"). */
static size_t
tail_run(struct links *lk, const char *s, size_t n, size_t i)
{
	int rc;

	if (i >= lk->tail_from && i <= lk->tail_to)
		return lk->tail_to;
	rc = run(lk->mctx, &lk->tail, s, n, i, PCRE2_ANCHORED);
	if (rc < PCRE2_ERROR_NOMATCH)
		match_error(lk, "path", rc);
	lk->tail_from = i;
	lk->tail_to = rc > 0 ? pcre2_get_ovector_pointer(lk->tail.md)[1] : i;
	return lk->tail_to;
}

/*
 * Where the link whose path starts at s[p] ends (R15-R17): at an unmatched
 * closer, or before soft punctuation that a new scheme follows; then
 * trailing soft punctuation and openers go. *next gets where the search
 * goes on (a glued scheme starts the next link).
 */
static size_t
path_end(const char *s, size_t p, size_t t, size_t *next)
{
	long depth[3] = { 0, 0, 0 };
	size_t i, end = t;

	*next = 0;
	for (i = p; i < t; i++) {
		unsigned char c = (unsigned char)s[i];
		int k;

		switch (c) {
		case '(': depth[0]++; continue;
		case '[': depth[1]++; continue;
		case '{': depth[2]++; continue;
		case ')': k = 0; break;
		case ']': k = 1; break;
		case '}': k = 2; break;
		default:
			if (soft_punct(c) && scheme_at(s, i + 1, t)) {
				end = i + 1;
				*next = i + 1;
				goto trim;
			}
			continue;
		}
		if (depth[k] == 0) {
			end = i;
			break;
		}
		depth[k]--;
	}
trim:
	for (;;) {
		size_t l;

		if (end > p && (s[end - 1] == '(' || s[end - 1] == '[' || s[end - 1] == '{'))
			end--;
		else if (end > p && s[end - 1] == '\'' && memchr(s + p, '\'', end - 1 - p))
			break;		/* a quoted word in the path: /blah_'quoted' */
		else if (end > p && (l = soft_before(s, p, end)) != 0)
			end -= l;
		else if ((l = possessive(s, p, end)) != 0)
			end -= l;
		else
			break;
	}
	return end;
}

static int
keep_platform(const struct links *lk, const char *platform)
{
	if (lk->keep == NULL)
		return 1;
	for (size_t i = 0; i < lk->nkeep; i++)
		if (strcmp(lk->keep[i], platform) == 0)
			return 1;
	return 0;
}

static void
add_hit(struct links *lk, size_t start, size_t end, const char *platform)
{
	if (lk->nhits == lk->cap_hits) {
		lk->cap_hits = lk->cap_hits ? 2 * lk->cap_hits : 16;
		lk->hits = xrealloc(lk->hits, lk->cap_hits * sizeof(*lk->hits));
	}
	lk->hits[lk->nhits++] = (struct span){ start, end, platform };
}

/* Can this byte end (or, but for "-" and "_", start) a host label? */
static int
label_byte(unsigned char c)
{
	return is_alpha(c) || is_digit(c) || c == '-' || c == '_' || c >= 0x80;
}

/* Does s[0..i) end in one of head_pattern's schemes, any case? */
static int
scheme_ends(const unsigned char *s, size_t i)
{
	const char *p = (const char *)s;

	return (i >= 2 && ascii_casecmp_n(p + i - 2, "tg", 2) == 0) ||
	    (i >= 3 && ascii_casecmp_n(p + i - 3, "ftp", 3) == 0) ||
	    (i >= 4 && ascii_casecmp_n(p + i - 4, "http", 4) == 0) ||
	    (i >= 5 && ascii_casecmp_n(p + i - 5, "https", 5) == 0);
}

/*
 * Is s[i] an anchor: a byte every match of head_pattern holds? A match
 * with a scheme holds "SCHEME://"; one without holds a "." between two
 * labels, so an ASCII letter, digit, "-", "_" or a non-ASCII byte before
 * it and an ASCII letter, digit or non-ASCII byte after it.
 */
static int
anchor_at(const unsigned char *s, size_t i, size_t n)
{
	if (s[i] == ':')
		return i + 2 < n && s[i + 1] == '/' && s[i + 2] == '/' && scheme_ends(s, i);
	return s[i] == '.' && i > 0 && i + 1 < n && label_byte(s[i - 1]) &&
	    (is_alpha(s[i + 1]) || is_digit(s[i + 1]) || s[i + 1] >= 0x80);
}

/*
 * Can a match start in the ASCII label run s[lo..a) before a "." anchor?
 * Only at lo (every later byte follows a letter, digit, "-" or "_", which
 * head_pattern's look-behinds refuse), and only when the run starts with
 * a letter or digit and lo does not follow a byte the look-behinds refuse
 * (R6). Non-ASCII neighbours are left to PCRE2.
 */
static int
ascii_run_may_start(const unsigned char *s, size_t lo, size_t a)
{
	if (lo == a || !(is_alpha(s[lo]) || is_digit(s[lo])))
		return 0;
	if (lo == 0 || s[lo - 1] >= 0x80)
		return 1;
	return !(label_byte(s[lo - 1]) || s[lo - 1] == '.' || s[lo - 1] == '@' ||
	    s[lo - 1] == '#' || s[lo - 1] == '$' || s[lo - 1] == '/' || s[lo - 1] == '\\');
}

#ifdef LINKS_X86
/* "." and ":" bits of the 32 bytes at p. */
static uint32_t
dots32(const unsigned char *p)
{
	__m128i v = _mm_loadu_si128((const __m128i *)p);
	__m128i w = _mm_loadu_si128((const __m128i *)(p + 16));
	__m128i dot = _mm_set1_epi8('.'), colon = _mm_set1_epi8(':');

	return (uint32_t)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, dot),
	    _mm_cmpeq_epi8(v, colon))) |
	    (uint32_t)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(w, dot),
	    _mm_cmpeq_epi8(w, colon))) << 16;
}

/* The same with AVX2, for all whole words; returns where it stopped. */
__attribute__((target("avx2"))) static size_t
dot_masks_avx2(const unsigned char *s, size_t n, uint32_t *mask)
{
	const __m256i dot = _mm256_set1_epi8('.'), colon = _mm256_set1_epi8(':');
	size_t i;

	for (i = 0; i + 32 <= n; i += 32) {
		__m256i v = _mm256_loadu_si256((const __m256i *)(s + i));

		mask[i / 32] = (uint32_t)_mm256_movemask_epi8(_mm256_or_si256(
		    _mm256_cmpeq_epi8(v, dot), _mm256_cmpeq_epi8(v, colon)));
	}
	return i;
}
#endif

/*
 * Bit k of mask[w] says whether s[32w + k] is "." or ":", the bytes an
 * anchor starts with. One vector pass a line; the last, partial word from
 * a zero-padded copy, so no read goes past the text.
 */
static void
dot_masks(const struct links *lk, const unsigned char *s, size_t n, uint32_t *mask)
{
	size_t i = 0;
#ifdef LINKS_X86
	unsigned char tail[32];

	if (lk->avx2)
		i = dot_masks_avx2(s, n, mask);
	for (; i + 32 <= n; i += 32)
		mask[i / 32] = dots32(s + i);
	if (i < n && n >= 32) {
		/* one more vector, overlapping the last word */
		mask[i / 32] = dots32(s + n - 32) >> (i - (n - 32));
	} else if (i < n) {
		memset(tail, 0, sizeof(tail));
		memcpy(tail, s + i, n - i);
		mask[i / 32] = dots32(tail);
	}
#else
	(void)lk;
	memset(mask, 0, (n + 31) / 32 * sizeof(*mask));
	for (; i < n; i++)
		if (s[i] == '.' || s[i] == ':')
			mask[i / 32] |= (uint32_t)1 << (i % 32);
#endif
}

/* The first anchor at or after s[i], or n; lk->mask holds s's bits. */
static size_t
next_anchor(const struct links *lk, const unsigned char *s, size_t i, size_t n)
{
	size_t w = i / 32, words = (n + 31) / 32;
	uint32_t bits;

	if (i >= n)
		return n;
	/* Most dots end sentences: check each one found. */
	for (bits = lk->mask[w] & (~(uint32_t)0 << (i % 32)); ; bits = lk->mask[w]) {
		for (; bits; bits &= bits - 1) {
			size_t k = w * 32 + (size_t)lowest_bit(bits);

			if (anchor_at(s, k, n))
				return k;
		}
		if (++w >= words)
			return n;
	}
}

/*
 * head_pattern's scheme-less host at s[lo], decided in C when everything it
 * depends on is ASCII (most links): labels [A-Za-z0-9][-_A-Za-z0-9]* joined
 * by dots, at least one dot. Returns 1 and the host's end in *he, 0 when
 * the pattern cannot match there, -1 when a non-ASCII byte could change
 * the answer (a Latin letter or a mark goes on a label): ask PCRE2. The
 * caller has checked the look-behind (ascii_run_may_start).
 */
static int
ascii_host(const unsigned char *s, size_t lo, size_t n, size_t *he)
{
	size_t k = lo, dots = 0;

	for (;;) {
		while (k < n && (is_alpha(s[k]) || is_digit(s[k]) || s[k] == '-' || s[k] == '_'))
			k++;
		if (k < n && s[k] >= 0x80)
			return -1;
		if (k + 1 >= n || s[k] != '.')
			break;
		if (s[k + 1] >= 0x80)
			return -1;
		if (!is_alpha(s[k + 1]) && !is_digit(s[k + 1]))
			break;
		k++;
		dots++;
	}
	*he = k;
	return dots > 0;
}

/*
 * Find our links in s[0..n) and append them to lk->hits. PCRE2 never
 * walks the text between links: for each anchor (next_anchor) the head
 * search starts where a match holding that anchor can start (the label
 * run before a ".", the 5 bytes before "://") and may not start a match
 * after it (offset limit). Every match holds an anchor and starts in its
 * window, and windows come in text order, so the first match found is the
 * leftmost one, as an unrestricted search from "from" would give.
 */
static void
find(struct links *lk, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t from = 0, a = 0;

	lk->tail_from = lk->tail_to = (size_t)-1;
	lk->mail_from = lk->mail_to = (size_t)-1;
	if ((n + 31) / 32 > lk->cap_mask) {
		lk->cap_mask = (n + 31) / 32 > 2 * lk->cap_mask ? (n + 31) / 32 : 2 * lk->cap_mask;
		lk->mask = xrealloc(lk->mask, lk->cap_mask * sizeof(*lk->mask));
	}
	dot_masks(lk, u, n, lk->mask);
	while (from < n) {
		PCRE2_SIZE *ov;
		size_t start, hs, he, end, next = 0, lo;
		int rc, scheme, fast = -1;
		const char *platform;

		if (a < from)
			a = from;
		if ((a = next_anchor(lk, u, a, n)) >= n)
			break;
		if (u[a] == ':') {
			/* the longest scheme, "https"; start on a character */
			lo = a >= from + 5 ? a - 5 : from;
			while (lo > from && (u[lo] & 0xC0) == 0x80)
				lo--;
		} else {
			/* back over the first label; it stops at the last anchor */
			int ascii = 1;

			for (lo = a; lo > from && label_byte(u[lo - 1]); lo--)
				ascii &= u[lo - 1] < 0x80;
			if (ascii && !ascii_run_may_start(u, lo, a)) {
				a++;
				continue;
			}
			/* only lo can start a match in an ASCII run (see above) */
			if (ascii && (lo == 0 || u[lo - 1] < 0x80))
				fast = ascii_host(u, lo, n, &he);
		}
		if (fast == 0) {
			a++;
			continue;
		}
		if (fast == 1) {
			start = hs = lo;
			scheme = 0;
			from = he;
			goto found;
		}
		pcre2_set_offset_limit(lk->hctx, a);
		rc = run(lk->hctx, &lk->head, s, n, lo, 0);
		if (rc <= 0) {
			/* no match holds this anchor */
			if (rc < PCRE2_ERROR_NOMATCH)
				match_error(lk, "link", rc);
			a++;
			continue;
		}
		ov = pcre2_get_ovector_pointer(lk->head.md);
		start = ov[0];
		if (ov[2] != PCRE2_UNSET) {
			scheme = 1;
			hs = ov[4];
			he = ov[5];
		} else if (ov[6] != PCRE2_UNSET) {
			scheme = 2;
			hs = ov[8];
			he = ov[9];
		} else {
			scheme = 0;
			hs = ov[10];
			he = ov[11];
		}
		from = ov[1] > start ? ov[1] : start + 1;
found:
		if (scheme != 2 && !is_host(s, hs, he, scheme, 0) &&
		    !(scheme == 0 && he < n && s[he] == '/' && is_host(s, hs, he, 0, 1) &&
		    rules_platform(s + hs, he - hs) != NULL)) {
			/*
			 * A scheme may start inside a name that is no host
			 * ("goal.https://t.me/x"): go on right after this
			 * anchor, not after the name.
			 */
			if (!scheme)
				from = a + 1;
			continue;
		}
		if (!scheme && after_scheme(s, start))
			continue;
		if (!scheme && mail_local(lk, s, n, he))
			continue;
		end = he;
		/* :port, 1-5 digits (R2) */
		if (end + 1 < n && s[end] == ':' && scheme != 2) {
			size_t d = end + 1;

			while (d < n && d - end <= 6 && is_digit((unsigned char)s[d]))
				d++;
			if (d > end + 1 && d - end <= 6 && (d == n || !is_digit((unsigned char)s[d])))
				end = d;
		}
		/* a path, query or fragment; host-only links end at the host (R19) */
		if (end < n && (s[end] == '/' || s[end] == '?' || s[end] == '#')) {
			size_t p = end, t = tail_run(lk, s, n, p + 1);

			end = path_end(s, p, t, &next);
			if (end == p + 1 && s[p] != '/')
				end = p;	/* a lone "?" or "#" */
		}
		if (!scheme && end == he && (file_name(s, hs, he) ||
		    (word_pair(s, hs, he, n) && rules_platform(s + hs, he - hs) == NULL) ||
		    user_id(s, hs) || spaced_mail(s, hs, n)))
			continue;
		from = next ? next : (end > from ? end : from);
		platform = rules_platform(s + start, end - start);
		if (platform == NULL) {
			if (!(lk->flags & LINKS_ALL) && !lk->keep_web)
				continue;
			platform = "web";
		}
		if (keep_platform(lk, platform))
			add_hit(lk, start, end, platform);
	}
}

/* Matches of the -e patterns, as hits of platform "custom". */
static int
find_custom(struct links *lk, const char *s, size_t n)
{
	int status = 0;

	for (size_t k = 0; k < lk->ncustom; k++) {
		struct regex *re = &lk->custom[k];
		size_t from = 0;

		while (from <= n) {
			PCRE2_SIZE *ov;
			int rc = run(lk->mctx, re, s, n, from, 0);

			if (rc == PCRE2_ERROR_NOMATCH)
				break;
			if (rc < 0) {
				PCRE2_UCHAR msg[120];

				/* A limit ends this pattern on this line only: the
				 * other patterns and our own matcher still search
				 * all of it, and the first error is the one told. */
				if (status == 0 && !lk->failed) {
					pcre2_get_error_message(rc, msg, sizeof(msg));
					snprintf(lk->error, sizeof(lk->error),
					    "-e pattern %zu: %s (rest of the line searched without it)",
					    k + 1, (char *)msg);
				}
				status = -1;
				break;
			}
			ov = pcre2_get_ovector_pointer(re->md);
			if (ov[1] > ov[0])
				add_hit(lk, ov[0], ov[1], "custom");
			if (ov[1] > from) {
				from = ov[1];
			} else {
				/* empty match: step over one whole character */
				from++;
				while (from < n && ((unsigned char)s[from] & 0xC0) == 0x80)
					from++;
			}
		}
	}
	return status;
}

static int
by_start(const void *a, const void *b)
{
	const struct span *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end > y->end ? -1 : 1;
	/* ours before custom at the same place */
	return (strcmp(x->platform, "custom") == 0) - (strcmp(y->platform, "custom") == 0);
}

long
links_scan(struct links *lk, const char *text, size_t len, links_fn *emit, void *ctx)
{
	const char *s;
	size_t n, kept = 0;
	int status = 0;

	lk->nhits = 0;
	lk->error[0] = '\0';
	lk->failed = 0;
	if (len == 0)
		return 0;
	s = refang_run(&lk->rf, text, len, &n);
	find(lk, s, n);
	if (lk->ncustom) {
		size_t ours = lk->nhits;

		status = find_custom(lk, s, n);
		if (lk->nhits > ours)
			qsort(lk->hits, lk->nhits, sizeof(*lk->hits), by_start);
	}
	for (size_t i = 0; i < lk->nhits; i++) {
		struct span *h = &lk->hits[i];
		struct link_hit hit;

		/* A -e match that is exactly one of our links is that link. */
		if (i > 0 && h->start == h[-1].start && h->end == h[-1].end &&
		    strcmp(h->platform, "custom") == 0)
			continue;
		hit.url = s + h->start;
		hit.len = h->end - h->start;
		hit.platform = h->platform;
		hit.written = refang_written(&lk->rf, h->start, h->end);
		emit(ctx, &hit);
		kept++;
	}
	return status < 0 || lk->failed ? -1 : (long)kept;
}

/*
 * Signs: the bytes without which no line yields a link, for skipping the
 * quiet lines of a log unread (links_first_sign). Every link holds, once
 * refanged, a "://" or a "." between two labels; in the text as written
 * that is one of
 *	"\." between label bytes	x\.com, a dot escaped;
 *	"." between label bytes	t.me, t\u200b.me (an invisible's bytes are
 *				non-ASCII, so label bytes here), before a
 *				known TLD and not glued to "@" (user@mail.ru);
 *	"//"			any scheme separator, defanged or not;
 *	"/" after a spaced dot	"t . me/x", "t. me/x", "t .me/x": refang joins
 *				a spaced dot only before a label and a "/";
 *	an opener before " ", ".", ":", "/" or "d"	[.] (dot) [:] [//];
 *	E3 80, EF BC, EF BD	the wide dots 。 ． ｡.
 * A sentence's ". " comes before a word and a space, so most lines hold
 * none of these.
 */

/* Does the "/" at s[i] end the label after a spaced dot? */
static int
spaced_before(const unsigned char *s, size_t i)
{
	size_t k = i;

	while (k > 0 && label_byte(s[k - 1]))
		k--;
	if (k == i || k < 2)
		return 0;
	return (s[k - 1] == ' ' && s[k - 2] == '.') || (s[k - 1] == '.' && s[k - 2] == ' ');
}

/*
 * Can the label at s[i] end a host written without a scheme? Its ASCII
 * letters, digits and "-" are a known TLD ("report.pdf", "1.5.3" are no
 * hosts), or non-ASCII follows, which is left to links_scan to decide.
 */
static int
tld_after(const unsigned char *s, size_t i, size_t n)
{
	size_t k = i;

	while (k < n && (is_alpha(s[k]) || is_digit(s[k]) || s[k] == '-'))
		k++;
	if (k < n && s[k] >= 0x80)
		return 1;
	return k > i && tld_known((const char *)s + i, k - i);
}

/*
 * Is the dot at s[i] in an ASCII run of labels glued to "@", "#", "$", "/"
 * or "\\" (user@mail.ru, #tag.x)? No link without a scheme starts there
 * (R6), nor later in the run: only after a byte that is not ASCII.
 */
static int
glued_host(const unsigned char *s, size_t i)
{
	size_t k = i;

	while (k > 0 && (is_alpha(s[k - 1]) || is_digit(s[k - 1]) || s[k - 1] == '-' ||
	    s[k - 1] == '_' || s[k - 1] == '.'))
		k--;
	if (k == 0)
		return 0;
	switch (s[k - 1]) {
	case '@': case '#': case '$': case '/': case '\\':
		return 1;
	}
	return 0;
}

static int
sign_at(const unsigned char *s, size_t i, size_t n)
{
	unsigned char next = i + 1 < n ? s[i + 1] : 0;

	switch (s[i]) {
	case '.':
		/* "x\.com", refanged */
		if (i > 1 && s[i - 1] == '\\' && label_byte(s[i - 2]) && label_byte(next))
			return 1;
		return i > 0 && label_byte(s[i - 1]) && i + 1 < n && label_byte(next) &&
		    tld_after(s, i + 1, n) && !glued_host(s, i);
	case '/':
		return next == '/' || spaced_before(s, i);
	case '(':
	case '[':
	case '{':
		return next != 0 && strchr(" .:/dD", next) != NULL;
	case 0xE3:
		return next == 0x80;
	case 0xEF:
		return next == 0xBC || next == 0xBD;
	}
	return 0;
}

#ifdef LINKS_X86
/* Index of the lowest set bit of a non-zero word. */
static size_t
lowest_bit64(uint64_t bits)
{
	return bits & 0xFFFFFFFFu ? (size_t)lowest_bit((uint32_t)bits) :
	    32 + (size_t)lowest_bit((uint32_t)(bits >> 32));
}

#define SIGN_EQ(v, c)	_mm256_cmpeq_epi8((v), _mm256_set1_epi8((char)(c)))

/*
 * Does any of 32 bytes start a sign: . / ( [ { E3 EF? Each byte's two
 * halves are looked up in a table of 16 and the answers and-ed: the bit
 * "2_" of the high half goes with the low halves E, F, 8 (. / (), "5_ 7_"
 * with B ([ {), "E_" with 3 and F. No other byte has both halves' bits.
 */
__attribute__((target("avx2"), always_inline)) static inline __m256i
sign_lead(__m256i v)
{
	const __m256i lo_tab = _mm256_setr_epi8(0, 0, 0, 4, 0, 0, 0, 0, 1, 0, 0, 2, 0, 0, 1, 5,
	    0, 0, 0, 4, 0, 0, 0, 0, 1, 0, 0, 2, 0, 0, 1, 5);
	const __m256i hi_tab = _mm256_setr_epi8(0, 0, 1, 0, 0, 2, 0, 2, 0, 0, 0, 0, 0, 0, 4, 0,
	    0, 0, 1, 0, 0, 2, 0, 2, 0, 0, 0, 0, 0, 0, 4, 0);
	const __m256i nib = _mm256_set1_epi8(0x0F);
	__m256i lo = _mm256_shuffle_epi8(lo_tab, _mm256_and_si256(v, nib));
	__m256i hi = _mm256_shuffle_epi8(hi_tab, _mm256_and_si256(_mm256_srli_epi16(v, 4), nib));

	return _mm256_and_si256(lo, hi);
}

/*
 * Bit k: s[k] may be a sign, for sign_at to decide: a "." with a label
 * byte on each side, a "/", an opener, E3 or EF. Reads s[-1] and s[32].
 */
__attribute__((target("avx2"), always_inline)) static inline uint32_t
sign_bits32(const unsigned char *s)
{
	__m256i v = _mm256_loadu_si256((const __m256i *)s);
	__m256i prev = _mm256_loadu_si256((const __m256i *)(s - 1));
	__m256i next = _mm256_loadu_si256((const __m256i *)(s + 1));
	__m256i zero = _mm256_set1_epi8('0'), dash = _mm256_set1_epi8('-');
	/* label-ish: from "0" up, or "-" */
	__m256i lp = _mm256_or_si256(_mm256_cmpeq_epi8(_mm256_max_epu8(prev, zero), prev),
	    _mm256_cmpeq_epi8(prev, dash));
	__m256i ln = _mm256_or_si256(_mm256_cmpeq_epi8(_mm256_max_epu8(next, zero), next),
	    _mm256_cmpeq_epi8(next, dash));
	__m256i dot = SIGN_EQ(v, '.');
	/* a lead byte but "." has a non-zero answer from sign_lead */
	__m256i quiet = _mm256_or_si256(dot, _mm256_cmpeq_epi8(sign_lead(v),
	    _mm256_setzero_si256()));

	return (uint32_t)_mm256_movemask_epi8(_mm256_and_si256(dot, _mm256_and_si256(lp, ln))) |
	    ~(uint32_t)_mm256_movemask_epi8(quiet);
}

/*
 * The first sign of s[i..n), i >= 1, or n: 64 bytes at a time, a quick
 * look for the bytes a sign starts with, then where there are some, a
 * closer one.
 */
__attribute__((target("avx2"))) static size_t
first_sign_avx2(const unsigned char *s, size_t i, size_t n)
{
	for (; i + 65 <= n; i += 64) {
		__m256i a = _mm256_loadu_si256((const __m256i *)(s + i));
		__m256i b = _mm256_loadu_si256((const __m256i *)(s + i + 32));
		uint64_t bits;

		if (_mm256_testz_si256(_mm256_or_si256(sign_lead(a), sign_lead(b)),
		    _mm256_set1_epi8(-1)))
			continue;
		bits = sign_bits32(s + i) | (uint64_t)sign_bits32(s + i + 32) << 32;
		for (; bits != 0; bits &= bits - 1) {
			size_t k = i + lowest_bit64(bits);

			if (sign_at(s, k, n))
				return k;
		}
	}
	/*
	 * The last bytes, padded with NULs (no sign's lead byte, no label
	 * byte) in a copy: a short line costs a block, not a call a byte.
	 */
	if (i < n) {
		unsigned char pad[1 + 64 + 33] = { 0 };
		uint64_t bits;

		pad[0] = s[i - 1];
		memcpy(pad + 1, s + i, n - i);
		bits = sign_bits32(pad + 1) | (uint64_t)sign_bits32(pad + 33) << 32;
		if (n - i < 64)
			bits &= ((uint64_t)1 << (n - i)) - 1;
		for (; bits != 0; bits &= bits - 1) {
			size_t k = i + lowest_bit64(bits);

			if (sign_at(s, k, n))
				return k;
		}
	}
	return n;
}
#endif

size_t
links_first_sign(const struct links *lk, const char *text, size_t n)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = 0;

	/* A -e pattern may match anything. */
	if (lk->ncustom > 0)
		return 0;
#ifdef LINKS_X86
	if (lk->avx2 && n > 0) {
		if (sign_at(s, 0, n))
			return 0;
		i = first_sign_avx2(s, 1, n);
	}
#endif
	for (; i < n; i++)
		if (sign_at(s, i, n))
			return i;
	return n;
}
