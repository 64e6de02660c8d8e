/*
 * formats_quiet: the sign pass for records with escapes (JSON Lines, TSV).
 * Most messages of a log hold no link; a record whose bytes, once its
 * escapes are decoded, show want (the finder's links_first_sign) no sign
 * is counted as a message but not parsed. Only records the reader would
 * surely take whole, with nothing but their text to search, are passed
 * over, so records, line numbers, --stats and warnings stay as they were.
 *	extract log.jsonl | normalize
 */
#include <string.h>

#include "cpu.h"
#ifdef CROSSLINK_X86
#include <immintrin.h>
#endif
#include "formats.h"
#include "formats_int.h"
#include "json.h"
#include "timefmt.h"
#include "tsv.h"
#include "util.h"

/*
 * As formats_json.c reads them: the text's keys ("message", "text",
 * "caption", "content", "body") and the time's in order ("date",
 * "timestamp", "date_unixtime", "ts", "time").
 */
enum { NKEYS = 5 };

/* Which text key (0..4) name is, or which time key (10..14), or -1. */
static int
key_index(const char *k, size_t n)
{
	switch (n) {
	case 2:
		return memcmp(k, "ts", 2) == 0 ? 13 : -1;
	case 4:
		return memcmp(k, "text", 4) == 0 ? 1 : memcmp(k, "body", 4) == 0 ? 4 :
		    memcmp(k, "date", 4) == 0 ? 10 : memcmp(k, "time", 4) == 0 ? 14 : -1;
	case 7:
		return memcmp(k, "message", 7) == 0 ? 0 : memcmp(k, "caption", 7) == 0 ? 2 :
		    memcmp(k, "content", 7) == 0 ? 3 : -1;
	case 9:
		return memcmp(k, "timestamp", 9) == 0 ? 11 : -1;
	case 13:
		return memcmp(k, "date_unixtime", 13) == 0 ? 12 : -1;
	}
	return -1;
}

static int
is_blank(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* A byte of a number or a word, as json.c's is_word. */
static int
is_word(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    c == '+' || c == '-' || c == '.';
}

static int
hex_run(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (hex_value((unsigned char)s[i]) < 0)
			return 0;
	return 1;
}

#ifdef CROSSLINK_X86
/* quote_or_bs 32 bytes at a time; from k until fewer than 32 are left. */
__attribute__((target("avx2"))) static size_t
quote_or_bs_avx2(const char *s, size_t k, size_t n)
{
	const __m256i quote = _mm256_set1_epi8('"'), bslash = _mm256_set1_epi8('\\');

	for (; k + 32 <= n; k += 32) {
		__m256i v = _mm256_loadu_si256((const __m256i *)(s + k));
		unsigned m = (unsigned)_mm256_movemask_epi8(_mm256_or_si256(
		    _mm256_cmpeq_epi8(v, quote), _mm256_cmpeq_epi8(v, bslash)));

		if (m != 0)
			return k + (size_t)__builtin_ctz(m);
	}
	return k;
}
#endif

/* The first '"' or backslash in s[k..n), or n. */
static size_t
quote_or_bs(const char *s, size_t k, size_t n, int avx2)
{
#ifdef CROSSLINK_X86
	const __m128i quote = _mm_set1_epi8('"'), bslash = _mm_set1_epi8('\\');

	if (avx2 && n - k >= 64 && ((k = quote_or_bs_avx2(s, k, n)) >= n || s[k] == '"' ||
	    s[k] == '\\'))
		return k;
	for (; k + 16 <= n; k += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(s + k));
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, quote),
		    _mm_cmpeq_epi8(v, bslash)));

		if (m != 0)
			return k + (size_t)__builtin_ctz(m);
	}
#else
	(void)avx2;
#endif
	for (; k < n; k++)
		if (s[k] == '"' || s[k] == '\\')
			return k;
	return n;
}

/*
 * The string whose opening quote is at s[*i]: its end (after the closing
 * quote) in *i, 1, and *bs set when it holds an escape; 0 when json.c
 * would find it malformed (unterminated, a bad \u or \x escape).
 */
static int
json_string(const char *s, size_t n, size_t *i, int *bs, int avx2)
{
	size_t k = *i + 1;

	for (;;) {
		if ((k = quote_or_bs(s, k, n, avx2)) == n)
			return 0;
		if (s[k] == '"') {
			*i = k + 1;
			return 1;
		}
		*bs = 1;
		if (++k >= n)
			return 0;
		if (s[k] == 'u') {
			if (n - k < 5 || !hex_run(s + k + 1, 4))
				return 0;
			k += 5;
		} else if (s[k] == 'x') {
			if (n - k < 3 || !hex_run(s + k + 1, 2))
				return 0;
			k += 3;
		} else
			k++;
	}
}


static void
put_utf8(struct buf *b, unsigned long c)
{
	char u[4];

	buf_add(b, u, utf8_put(u, c));
}

static unsigned long
hex4(const char *s)
{
	unsigned long v = 0;

	for (int i = 0; i < 4; i++)
		v = v << 4 | (unsigned long)hex_value((unsigned char)s[i]);
	return v;
}

/*
 * A line json_string found well formed, its escapes decoded as json.c
 * decodes them (a pair of surrogates joined, a lone one U+FFFD, an
 * unknown escape kept as written), into b.
 */
static void
json_decode(struct buf *b, const char *s, size_t n)
{
	size_t i = 0;
	const char *bs;
	unsigned long c, lo;

	b->n = 0;
	while (i < n) {
		if ((bs = memchr(s + i, '\\', n - i)) == NULL) {
			buf_add(b, s + i, n - i);
			return;
		}
		buf_add(b, s + i, (size_t)(bs - (s + i)));
		i = (size_t)(bs - s) + 1;
		switch (s[i]) {
		case '"': case '\\': case '/': buf_addc(b, s[i]); break;
		case 'b': buf_addc(b, '\b'); break;
		case 'f': buf_addc(b, '\f'); break;
		case 'n': buf_addc(b, '\n'); break;
		case 'r': buf_addc(b, '\r'); break;
		case 't': buf_addc(b, '\t'); break;
		case 'x':
			put_utf8(b, (unsigned long)(hex_value((unsigned char)s[i + 1]) << 4 |
			    hex_value((unsigned char)s[i + 2])));
			i += 3;
			continue;
		case 'u':
			c = hex4(s + i + 1);
			i += 5;
			if (c >= 0xd800 && c <= 0xdbff && n - i >= 6 && s[i] == '\\' &&
			    s[i + 1] == 'u' && hex_run(s + i + 2, 4) &&
			    (lo = hex4(s + i + 2)) >= 0xdc00 && lo <= 0xdfff) {
				c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
				i += 6;
			} else if (c >= 0xd800 && c <= 0xdfff)
				c = 0xfffd;
			put_utf8(b, c);
			continue;
		default:
			buf_add(b, s + i - 1, 2);
			break;
		}
		i++;
	}
}

/* Is key (no escape in it) one that makes more of a message than its text? */
static int
busy_key(const char *k, size_t n)
{
	return (n == 9 && memcmp(k, "update_id", 9) == 0) ||
	    (n >= 3 && memcmp(k, "fwd", 3) == 0) || (n >= 7 && memcmp(k, "forward", 7) == 0);
}

int
fmt_json_quiet(const struct format_opts *o, const char *s, size_t n, struct buf *scratch,
    struct text *time)
{
	struct text when[NKEYS];
	int when_type[NKEYS], seen_text = 0, seen_time = 0, text = 0, bs = 0, tbs, t, k;
	size_t i = 0, ks, ke, vs;
	int avx2 = cpu_has(CPU_AVX2);

	/* one object of members of scalars, then blanks to the line's end */
	while (i < n && is_blank((unsigned char)s[i]))
		i++;
	if (i == n || s[i++] != '{')
		return 0;
	for (;;) {
		while (i < n && is_blank((unsigned char)s[i]))
			i++;
		if (i == n || s[i] != '"')
			return 0;
		ks = i + 1;
		tbs = 0;
		if (!json_string(s, n, &i, &tbs, avx2) || tbs)
			return 0;
		ke = i - 1;
		if (busy_key(s + ks, ke - ks))
			return 0;
		while (i < n && is_blank((unsigned char)s[i]))
			i++;
		if (i == n || s[i++] != ':')
			return 0;
		while (i < n && is_blank((unsigned char)s[i]))
			i++;
		if (i == n)
			return 0;
		vs = i;
		tbs = 0;
		if (s[i] == '"') {
			if (!json_string(s, n, &i, &tbs, avx2))
				return 0;
			t = JSON_STRING;
		} else {
			while (i < n && is_word((unsigned char)s[i]))
				i++;
			if ((t = json_word(s + vs, i - vs, &(size_t){ 0 })) < 0)
				return 0;
		}
		bs |= tbs;
		/* the first member of a name is the one json_get finds */
		k = key_index(s + ks, ke - ks);
		if (k >= 0 && k < NKEYS && !(seen_text & 1 << k)) {
			seen_text |= 1 << k;
			text |= t == JSON_STRING;
		} else if (k >= 10 && !(seen_time & 1 << (k -= 10))) {
			seen_time |= 1 << k;
			when_type[k] = tbs ? -1 : t;
			when[k] = t == JSON_STRING ? (struct text){ s + vs + 1, i - vs - 2 } :
			    (struct text){ s + vs, i - vs };
		}
		while (i < n && is_blank((unsigned char)s[i]))
			i++;
		if (i == n)
			return 0;
		if (s[i] == '}')
			break;
		if (s[i++] != ',')
			return 0;
	}
	for (i++; i < n && is_blank((unsigned char)s[i]); i++)
		;
	if (i < n || !text)
		return 0;
	/* the time first_scalar takes: the first scalar not empty */
	*time = (struct text){ "", 0 };
	for (k = 0; k < NKEYS; k++) {
		if (!(seen_time & 1 << k) || when_type[k] == JSON_NULL)
			continue;
		if (when_type[k] < 0)
			return 0;	/* escaped: left to the reader */
		if (when_type[k] == JSON_TRUE)
			when[k] = (struct text){ "true", 4 };
		else if (when_type[k] == JSON_FALSE)
			when[k] = (struct text){ "false", 5 };
		if (when[k].len > 0) {
			*time = when[k];
			break;
		}
	}
	if (!bs)
		return o->want(o->want_ctx, s, n) == n;
	json_decode(scratch, s, n);
	return o->want(o->want_ctx, scratch->p, scratch->n) == scratch->n;
}

/* Two digits at s, at most max? */
static int
two_digits(const char *s, int max)
{
	return s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9' &&
	    (s[0] - '0') * 10 + (s[1] - '0') <= max;
}

/*
 * Is t the good time last read but for its clock: "YYYY-MM-DDTHH:MM:SS"
 * and what follows alike, the day the same, the clock a real one? Most
 * lines of a log are; this spares them a full read.
 */
static int
same_day(const struct fmt_jsonl_quiet *q, const char *t, size_t n)
{
	return n >= 19 && n == q->time_len && memcmp(t, q->time, 11) == 0 &&
	    memcmp(t + 19, q->time + 19, n - 19) == 0 && t[10] == 'T' &&
	    two_digits(t + 11, 23) && t[13] == ':' && two_digits(t + 14, 59) &&
	    t[16] == ':' && two_digits(t + 17, 59);
}

size_t
fmt_jsonl_quiet(void *ctx, const char *p, size_t n)
{
	struct fmt_jsonl_quiet *q = ctx;
	const char *nl;
	struct text time;
	size_t at = 0, end;
	char iso[21];

	while (at < n) {
		nl = memchr(p + at, '\n', n - at);
		end = nl != NULL ? (size_t)(nl - p) : n;
		if (!fmt_json_quiet(q->o, p + at, end - at, &q->scratch, &time))
			return at;
		/* times repeat from line to line: read each once */
		if (time.len > 0 && !same_day(q, time.p, time.len) && !(time.len == q->time_len &&
		    memcmp(time.p, q->time, time.len) == 0)) {
			if (time_to_iso(time.p, time.len, iso) < 0)
				return at;	/* the reader counts it */
			if (time.len <= sizeof(q->time)) {
				memcpy(q->time, time.p, time.len);
				q->time_len = time.len;
			}
		}
		at = end + 1;
	}
	return n;
}

/* Is the time field starting at line[ts] empty or one time_to_iso reads? */
static int
good_time(struct fmt_tsv_quiet *q, const char *line, size_t len, size_t ts)
{
	const char *tab = memchr(line + ts, '\t', len - ts);
	size_t n = (tab ? (size_t)(tab - line) : len) - ts;
	char iso[21];

	if (n == 0 || (n == q->time_len && memcmp(line + ts, q->time, n) == 0))
		return 1;
	if (time_to_iso(line + ts, n, iso) < 0)
		return 0;
	if (n <= sizeof(q->time)) {
		memcpy(q->time, line + ts, n);
		q->time_len = n;
	}
	return 1;
}

/*
 * An input_want_fn over a TSV input past its header: the first line that
 * is not surely a row of the header's width (a row of another width, the
 * header again), whose time is unreadable, or that shows a sign once its
 * escapes are decoded.
 */
size_t
fmt_tsv_quiet(void *ctx, const char *p, size_t n)
{
	struct fmt_tsv_quiet *q = ctx;
	const char *line = p, *end = p + n, *nl, *tab, *at;
	size_t len, ts, sign;

	/* lines before the first sign in the bytes as written hide none */
	sign = q->want(q->want_ctx, p, n);
	for (; line < end; line = nl + 1) {
		if ((nl = memchr(line, '\n', (size_t)(end - line))) == NULL)
			nl = end;
		len = (size_t)(nl - line);
		if (len > 0 && line[len - 1] == '\r')
			len--;		/* as input_line gives the line */
		if (len == q->header_len && memcmp(line, q->header, len) == 0)
			return (size_t)(line - p);
		ts = 0;
		at = line;
		for (size_t i = 1; i < q->ncols; i++) {
			if ((tab = memchr(at, '\t', (size_t)(line + len - at))) == NULL)
				return (size_t)(line - p);
			at = tab + 1;
			if (i == (size_t)q->timec)
				ts = (size_t)(at - line);
		}
		if (memchr(at, '\t', (size_t)(line + len - at)) != NULL ||
		    (q->timec >= 0 && !good_time(q, line, len, ts)))
			return (size_t)(line - p);
		if (memchr(line, '\\', len) == NULL) {
			if ((size_t)(nl - p) >= sign)
				return (size_t)(line - p);
			continue;
		}
		buf_reserve(&q->scratch, len);
		q->scratch.n = tsv_unescape(q->scratch.p, line, len);
		if (q->want(q->want_ctx, q->scratch.p, q->scratch.n) < q->scratch.n)
			return (size_t)(line - p);
	}
	return n;
}
