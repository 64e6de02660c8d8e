/*
 * tsv: header-checked reading and one-to-one escaping of TSV records.
 * See tsv.h for the contract.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>

/* Bits set in a 64-bit mask; inline (baseline x86-64 has no popcnt). */
static inline size_t
bits64(uint64_t x)
{
	x = x - ((x >> 1) & UINT64_C(0x5555555555555555));
	x = (x & UINT64_C(0x3333333333333333)) + ((x >> 2) & UINT64_C(0x3333333333333333));
	x = (x + (x >> 4)) & UINT64_C(0x0f0f0f0f0f0f0f0f);
	return (size_t)((x * UINT64_C(0x0101010101010101)) >> 56);
}

/* One bit per byte of p[0..63] that is a tab. */
static inline uint64_t
tabs64(const char *p)
{
	const __m128i tab = _mm_set1_epi8('\t');
	uint64_t m0, m1, m2, m3;

	m0 = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(
	    _mm_loadu_si128((const __m128i *)(const void *)p), tab));
	m1 = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(
	    _mm_loadu_si128((const __m128i *)(const void *)(p + 16)), tab));
	m2 = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(
	    _mm_loadu_si128((const __m128i *)(const void *)(p + 32)), tab));
	m3 = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(
	    _mm_loadu_si128((const __m128i *)(const void *)(p + 48)), tab));
	return m0 | m1 << 16 | m2 << 32 | m3 << 48;
}

/*
 * The tabs of the 64-byte step of line at i, bit k for line[i + k]; the
 * last step of a row is the row's last 64 bytes, shifted, and a row
 * shorter than 64 is copied out, so nothing is read past the row.
 */
static inline uint64_t
tabs_at(const char *line, size_t len, size_t i)
{
	char last[64];

	if (i + 64 <= len)
		return tabs64(line + i);
	if (len >= 64)
		return tabs64(line + len - 64) >> (64 - (len - i));
	memset(last, 0, sizeof(last));
	memcpy(last, line, len);
	return tabs64(last);
}
#endif

#include "hash.h"
#include "input.h"
#include "msg.h"
#include "tsv.h"
#include "tsv_int.h"
#include "util.h"

/*
 * Bytes tsv_put must escape: C0 controls, backslash and DEL; and 0xc2, the
 * lead byte of the C1 controls U+0080..U+009F, checked by is_c1 (a C1 CSI,
 * U+009B, starts an escape sequence on a UTF-8 terminal as ESC [ does).
 */
static int
needs_escape(unsigned char c)
{
	return c < 0x20 || c == '\\' || c == 0x7f || c == 0xc2;
}

/* s[i] is 0xc2: is it the start of a C1 control's UTF-8 form? */
static int
is_c1(const char *s, size_t i, size_t len)
{
	return i + 1 < len && (unsigned char)s[i + 1] >= 0x80 &&
	    (unsigned char)s[i + 1] <= 0x9f;
}

/*
 * Split line into at most max fields; returns the number of fields seen, so
 * a row of the wrong width is still counted whole.
 *
 * With SSE2 (every x86-64) 64 bytes are compared with tab at a time into a
 * bit mask, and the tab positions are read off it without a branch per
 * tab: eight are stored unconditionally (64 bytes of a row rarely hold
 * more) and the count advances by the mask's popcount. Branches that
 * depend on where tabs fall would cost more than the scan itself. Once
 * more than max tabs are seen the row is bad and only the count goes on.
 */
static size_t
split(const char *line, size_t len, struct tsv_field *f, size_t max)
{
	size_t n = 0, start = 0, i = 0, k;

#ifdef __SSE2__
	/* Tab positions; room for max fields plus one block's overrun. */
	size_t stack_pos[64 + 64], *pos = stack_pos, npos = 0, j;
	const uint64_t high = UINT64_C(1) << 63;	/* ctz of "no more tabs" */
	uint64_t m;

	if (max > 64)
		pos = xmalloc((max + 64) * sizeof(*pos));
	for (; i < len; i += 64) {
		m = tabs_at(line, len, i);
		if (npos >= max) {
			npos += bits64(m);
			continue;
		}
		k = bits64(m);
		for (j = 0; j < 8; j++, m &= m - 1)
			pos[npos + j] = i + (size_t)__builtin_ctzll(m | high);
		for (; j < k; j++, m &= m - 1)
			pos[npos + j] = i + (size_t)__builtin_ctzll(m);
		npos += k;
	}
	n = npos + 1;
	if (npos < max)
		pos[npos] = len;	/* the last field ends with the line */
	k = n < max ? n : max;
	for (i = 0; i < k; i++) {
		f[i].p = line + start;
		f[i].len = pos[i] - start;
		start = pos[i] + 1;
	}
	if (pos != stack_pos)
		free(pos);
#else
	const char *tab;

	for (;;) {
		tab = memchr(line + start, '\t', len - start);
		if (n < max) {
			f[n].p = line + start;
			f[n].len = (size_t)(tab ? tab - line : (ptrdiff_t)len) - start;
		}
		n++;
		if (tab == NULL)
			break;
		start = (size_t)(tab - line) + 1;
	}
#endif
	return n;
}

/*
 * Count the fields of line as split does, and note where the tabs that
 * r->need names are (r->tab[k] for tab number k; the rest are not looked
 * for). The positions come off the same 64-byte masks, but only a few are
 * picked from each, so a row costs about the compare and a popcount per
 * block.
 */
static inline __attribute__((always_inline)) size_t
split_tabs_body(const struct tsv_reader *r, const char *line, size_t len, int hw)
{
	const size_t *need = r->need;
	size_t *tab = r->tab, want = *need, tabs = 0, i;

#ifdef __SSE2__
	size_t k, at;
	uint64_t m;

	for (i = 0; i < len; i += 64) {
		m = tabs_at(line, len, i);
		k = hw ? (size_t)__builtin_popcountll(m) : bits64(m);
		/* Tabs numbered tabs .. tabs + k - 1 are in m, lowest first. */
		for (at = tabs; want < tabs + k; want = *++need) {
			for (; at < want; at++)
				m &= m - 1;
			tab[want] = i + (size_t)__builtin_ctzll(m);
		}
		tabs += k;
	}
#else
	const char *t;

	for (i = 0; (t = memchr(line + i, '\t', len - i)) != NULL; tabs++) {
		i = (size_t)(t - line);
		if (tabs == want) {
			tab[want] = i;
			want = *++need;
		}
		i++;
	}
#endif
	(void)hw;
	return tabs + 1;
}

/*
 * The same on AVX2 and BMI2 (x86-64 since 2013; chosen at run time, see
 * r->fast): a row of up to 512 bytes is masked whole first, 32 bytes a
 * compare, with the count of tabs before each 64-byte block; then each
 * needed tab is found in a few steps whatever the row: its block is the
 * number of blocks whose count it reaches, and pdep lands a single bit on
 * its set bit in that block's mask. Longer and shorter rows go the
 * portable way (with the popcount instruction).
 */
#include "cpu.h"
#ifdef CROSSLINK_X86
#define TSV_FAST	1
#include <immintrin.h>

__attribute__((target("avx2,bmi,bmi2,popcnt"))) static inline uint64_t
tabs64_avx2(const char *p)
{
	const __m256i tab = _mm256_set1_epi8('\t');
	uint64_t lo, hi;

	lo = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(
	    _mm256_loadu_si256((const __m256i *)(const void *)p), tab));
	hi = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(
	    _mm256_loadu_si256((const __m256i *)(const void *)(p + 32)), tab));
	return lo | hi << 32;
}

__attribute__((target("avx2,bmi,bmi2,popcnt"))) static size_t
split_tabs_fast(const struct tsv_reader *r, const char *line, size_t len)
{
	enum { MAXB = 8 };
	uint64_t mask[MAXB];
	size_t before[MAXB + 1], nb, b, j, w, tabs;
	const size_t *need = r->need;

	if (len < 64 || len > 64 * MAXB)
		return split_tabs_body(r, line, len, 1);
	nb = (len + 63) / 64;
	before[0] = 0;
	for (b = 0; b + 1 < nb; b++) {
		mask[b] = tabs64_avx2(line + 64 * b);
		before[b + 1] = before[b] + (size_t)_mm_popcnt_u64(mask[b]);
	}
	/* the last 64 bytes, shifted past those of the block before */
	mask[b] = tabs64_avx2(line + len - 64) >> (64 * nb - len);
	tabs = before[b] + (size_t)_mm_popcnt_u64(mask[b]);
	for (; (w = *need) < tabs; need++) {
		for (b = 0, j = 1; j < nb; j++)
			b += before[j] <= w;
		r->tab[w] = 64 * b + (size_t)_tzcnt_u64(
		    _pdep_u64(UINT64_C(1) << (w - before[b]), mask[b]));
	}
	return tabs + 1;
}
#endif

static size_t
split_tabs(const struct tsv_reader *r, const char *line, size_t len)
{
#ifdef TSV_FAST
	if (r->fast)
		return split_tabs_fast(r, line, len);
#endif
	return split_tabs_body(r, line, len, 0);
}

/*
 * Batches: the line at the start of a run of left bytes (which ends in a
 * newline) and, for picked columns, its tabs, as split_tabs finds them;
 * *len is the line's length, its newline not counted (a "\r" before it
 * is, and is not a tab). The field count for picked columns, else 0.
 */
static size_t
next_line_slow(const struct tsv_reader *r, const char *s, size_t left, size_t *len)
{
	const char *nl = memchr(s, '\n', left);

	*len = (size_t)(nl - s);
	return r->npick ? split_tabs(r, s, *len) : 0;
}

#ifdef TSV_FAST
/*
 * split_tabs_fast's work with the newline looked for in the same 64-byte
 * steps: one pass over the line finds its end and its tabs, each needed
 * tab placed (pdep) as its step goes by. Near the run's end (nothing is
 * read past it) the line goes the slow way.
 */
__attribute__((target("avx2,bmi,bmi2,popcnt"))) static size_t
next_line_fast(const struct tsv_reader *r, const char *s, size_t left, size_t *len)
{
	const __m256i tab = _mm256_set1_epi8('\t'), nlv = _mm256_set1_epi8('\n');
	const size_t *need = r->need;
	size_t want = *need, tabs = 0, k, i;
	uint64_t t, nl;
	__m256i lo, hi;

	for (i = 0; i + 64 <= left; i += 64) {
		lo = _mm256_loadu_si256((const __m256i *)(const void *)(s + i));
		hi = _mm256_loadu_si256((const __m256i *)(const void *)(s + i + 32));
		t = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(lo, tab)) |
		    (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(hi, tab)) << 32;
		nl = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(lo, nlv)) |
		    (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(hi, nlv)) << 32;
		if (nl != 0)
			t = _bzhi_u64(t, (unsigned)_tzcnt_u64(nl));
		k = (size_t)_mm_popcnt_u64(t);
		for (; want < tabs + k; want = *++need)
			r->tab[want] = i + (size_t)_tzcnt_u64(
			    _pdep_u64(UINT64_C(1) << (want - tabs), t));
		tabs += k;
		if (nl != 0) {
			*len = i + (size_t)_tzcnt_u64(nl);
			return tabs + 1;
		}
	}
	return next_line_slow(r, s, left, len);
}
#endif

static inline size_t
next_line(const struct tsv_reader *r, const char *s, size_t left, size_t *len)
{
#ifdef TSV_FAST
	if (r->fast && r->npick)
		return next_line_fast(r, s, left, len);
#endif
	return next_line_slow(r, s, left, len);
}

void
tsv_pick(struct tsv_reader *r, size_t *cols, size_t n)
{
	size_t i, j, c, nneed = 0;
	unsigned char *mark;

	free(r->pick);
	free(r->need);
	free(r->tab);
	r->pick = r->need = r->tab = NULL;
	r->npick = 0;
	r->pick_row = r->pick_run = 0;
	if (n == 0 || r->ncols == 0)
		return;
	r->pick = xcalloc(n, sizeof(*r->pick));
	mark = xcalloc(r->ncols, 1);	/* the columns picked */
	for (i = 0; i < n; i++) {
		c = cols[i];
		if (mark[c]) {
			for (j = 0; r->pick[j] != c; j++)
				;
			cols[i] = j;
			continue;
		}
		mark[c] = 1;
		r->pick[r->npick] = c;
		cols[i] = r->npick++;
	}
	/* Column c lies between tabs c - 1 and c (or the line's ends). */
	r->need = xcalloc(r->ncols + 1, sizeof(*r->need));
	r->tab = xcalloc(r->ncols, sizeof(*r->tab));
	for (c = 0; c + 1 < r->ncols; c++)
		if (mark[c] || mark[c + 1])
			r->need[nneed++] = c;
	r->need[nneed] = SIZE_MAX;
	free(mark);
	/* Columns side by side, in order, are joined in the line already. */
	r->pick_run = 1;
	for (i = 1; i < r->npick; i++)
		if (r->pick[i] != r->pick[0] + i)
			r->pick_run = 0;
#ifdef TSV_FAST
	r->fast = cpu_has(CPU_AVX2 | CPU_BMI2 | CPU_POPCNT);
#endif
}

void
tsv_pick_row(struct tsv_reader *r, size_t *cols, size_t n)
{
	tsv_pick(r, cols, n);
	r->pick_row = r->npick > 0;
}

static void
free_names(struct tsv_reader *r)
{
	free(r->namebuf);
	free(r->names);
	r->names = NULL;
	r->namebuf = NULL;
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

static size_t	skip_plain(const char *s, size_t i, size_t len);

/*
 * Two names the reader holds apart must not be written alike, or the next
 * stage would refuse the header we wrote: compare them as written.
 */
char *
tsv_written_name(const char *name, size_t len, size_t *out_len)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *f;

	if (skip_plain(name, 0, len) == len)
		return NULL;
	if ((f = open_memstream(&buf, &n)) == NULL)
		xerr(EXIT_TROUBLE, "open_memstream");
	tsv_write_escaped(f, name, len);
	if (fclose(f) != 0)
		xerr(EXIT_TROUBLE, "open_memstream");
	*out_len = n;
	return buf;
}

const char *
tsv_unique_name(struct tsv_unique *u, const char *name, size_t len, size_t *out_len)
{
	char *w = tsv_written_name(name, len, &len);
	size_t base, n;
	int added;

	if (!u->ready) {
		hash_init(&u->seen);
		u->ready = 1;
	}
	xgrow(&u->buf, &u->cap, len + 24);
	memcpy(u->buf, w ? w : name, len);
	free(w);
	base = n = len;
	for (unsigned long long suffix = 2;; suffix++) {
		hash_put(&u->seen, u->buf, n, &added);
		if (added)
			break;
		n = base + (size_t)snprintf(u->buf + base, u->cap - base, "~%llu", suffix);
	}
	*out_len = n;
	return u->buf;
}

void
tsv_unique_free(struct tsv_unique *u)
{
	if (u->ready)
		hash_free(&u->seen);
	free(u->buf);
	u->buf = NULL;
	u->cap = 0;
	u->ready = 0;
}

/*
 * Names are checked for duplicates in a hash set, in the form they are
 * written: a header of a million columns (a hostile or broken input)
 * costs a moment, not the hours comparing every pair would take.
 */
struct tsv_reader *
tsv_attach(struct input *in, const char *header, size_t len, int error)
{
	struct tsv_reader *r;
	struct hash_table seen;
	const char *name;
	char *w;
	size_t n, i, wlen;
	int added;

	r = xcalloc(1, sizeof(*r));
	r->in = in;
	if (input_skipped(in) > 0) {
		/* the header was past --max-record: no column can be named */
		xwarnx("%s: no header (its line was skipped): input not read", input_name(in));
		tsv_close(r);
		return NULL;
	}
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
	/* The names: the header's bytes, each tab a NUL, in one block. */
	r->namebuf = xmemdup(header, len);
	for (i = 0; i < n; i++) {
		r->names[i] = r->namebuf + (r->field[i].p - header);
		r->names[i][r->field[i].len] = '\0';
	}
	hash_init(&seen);
	for (i = 0; i < n; i++) {
		if (r->field[i].len == 0 || strlen(r->names[i]) != r->field[i].len) {
			xwarnx("%s:%llu: empty column name (column %zu)", input_name(in),
			    input_lineno(in), i + 1);
			goto bad;
		}
		wlen = r->field[i].len;
		w = tsv_written_name(r->names[i], wlen, &wlen);
		name = w ? w : r->names[i];
		hash_put(&seen, name, wlen, &added);
		if (!added) {
			xwarnx("%s:%llu: duplicate column name \"%.*s\"",
			    input_name(in), input_lineno(in), (int)wlen, name);
			free(w);
			goto bad;
		}
		free(w);
	}
	hash_free(&seen);
	return r;
bad:
	hash_free(&seen);
	tsv_close(r);
	return NULL;
}

int
tsv_col(const struct tsv_reader *r, const char *name)
{
	return name_index((const char *const *)r->names, r->ncols, name);
}

/*
 * Header lines met again, in readers closed so far. Why skip them: two
 * outputs concatenated ({ extract a; extract b; } | tally) carry the second
 * header as a row, which would be counted as a record. A row byte for byte
 * equal to the header is taken for one, never for data.
 */
static unsigned long long repeated_total;

/* Is this line the header again? */
static inline int
repeated_header(struct tsv_reader *r, const char *line, size_t len)
{
	if (len != r->header_len || memcmp(line, r->header, len) != 0)
		return 0;
	r->repeated++;
	return 1;
}

unsigned long long
tsv_repeated_headers(void)
{
	return repeated_total;
}

int
tsv_next(struct tsv_reader *r)
{
	const char *line;
	size_t len, n;
	unsigned long long k;
	int rc;

	if (r->ncols == 0)
		return r->error ? -1 : 0;
	for (;;) {
		/* lines too long, passed over by the input, are skipped rows */
		k = input_skipped(r->in);
		rc = input_line(r->in, &line, &len);
		r->skipped += input_skipped(r->in) - k;
		if (rc <= 0) {
			if (rc < 0)
				r->error = 1;
			return rc;
		}
		if (repeated_header(r, line, len))
			continue;
		n = split(line, len, r->field, r->ncols);
		if (n == r->ncols) {
			r->rows++;
			return 1;
		}
		xwarnx("%s:%llu: %zu field%s, header has %zu", input_name(r->in),
		    input_lineno(r->in), n, n == 1 ? "" : "s", r->ncols);
		r->skipped++;
	}
}

/*
 * memcpy for the few bytes of a field, without the call: two loads that
 * may overlap cover 4 to 32 bytes. Reads and writes only [0, n).
 */
static inline void
copy_field(char *dst, const char *src, size_t n)
{
	uint64_t a, b, c, d;
	uint32_t x, y;

	if (n > 32) {
		memcpy(dst, src, n);
	} else if (n >= 16) {
		memcpy(&a, src, 8);
		memcpy(&b, src + 8, 8);
		memcpy(&c, src + n - 16, 8);
		memcpy(&d, src + n - 8, 8);
		memcpy(dst, &a, 8);
		memcpy(dst + 8, &b, 8);
		memcpy(dst + n - 16, &c, 8);
		memcpy(dst + n - 8, &d, 8);
	} else if (n >= 8) {
		memcpy(&a, src, 8);
		memcpy(&b, src + n - 8, 8);
		memcpy(dst, &a, 8);
		memcpy(dst + n - 8, &b, 8);
	} else if (n >= 4) {
		memcpy(&x, src, 4);
		memcpy(&y, src + n - 4, 4);
		memcpy(dst, &x, 4);
		memcpy(dst + n - 4, &y, 4);
	} else {
		for (size_t i = 0; i < n; i++)
			dst[i] = src[i];
	}
}

/*
 * Copy the picked fields of a line split by split_tabs to p, joined by
 * tabs, and point f at them; returns the length written.
 */
static size_t
pick_fields(const struct tsv_reader *r, const char *line, size_t len,
    struct tsv_field *f, char *p)
{
	size_t i, c, start, end, n = 0;

	for (i = 0; i < r->npick; i++) {
		c = r->pick[i];
		start = c > 0 ? r->tab[c - 1] + 1 : 0;
		end = c + 1 < r->ncols ? r->tab[c] : len;
		if (i > 0)
			p[n++] = '\t';
		copy_field(p + n, line + start, end - start);
		f[i].p = p + n;
		f[i].len = end - start;
		n += end - start;
	}
	return n;
}

/* tsv_pick_row: the picked fields, as views of the row at p. */
static inline void
view_fields(const struct tsv_reader *r, size_t len, struct tsv_field *f, const char *p)
{
	size_t i, c, start, end;

	for (i = 0; i < r->npick; i++) {
		c = r->pick[i];
		start = c > 0 ? r->tab[c - 1] + 1 : 0;
		end = c + 1 < r->ncols ? r->tab[c] : len;
		f[i].p = p + start;
		f[i].len = end - start;
	}
}

enum { BATCH_KEEP = 1 << 23 };	/* a larger batch buffer is let go */

/*
 * No memory for a batch: said here, and the input ends as after a read
 * error, for the caller to write the rows before it and end cleanly.
 */
static int
batch_no_memory(struct tsv_reader *r, unsigned long long lineno, size_t need)
{
	xwarnx("%s:%llu: out of memory (%zu bytes)", input_name(r->in), lineno, need);
	r->error = 1;
	r->done = -1;
	return -1;
}

/* The next batch from the input. */
static int
fill_batch(struct tsv_reader *r, struct tsv_batch *b)
{
	const char *line;
	size_t len, used = 0, n, fields = 0, width = r->npick ? r->npick : r->ncols;
	unsigned long long lineno, k;
	struct tsv_field *f;
	int rc, taken, split_done, view;
	char *p;

	b->n = 0;
	/*
	 * tsv_pick_row on plain input, or tsv_pick of columns side by side:
	 * the rows are views of the input's run of lines, not copies, so a
	 * batch ends with its run.
	 */
	view = (r->pick_row || r->pick_run) && !input_gzip(r->in);
	if (r->ncols == 0)
		return r->error ? -1 : 0;
	if (r->done < 0)
		return -1;
	if (b->ncols != width) {
		if ((f = calloc(TSV_BATCH * width, sizeof(*f))) == NULL)
			return batch_no_memory(r, input_lineno(r->in),
			    TSV_BATCH * width * sizeof(*f));
		free(b->field);
		b->field = f;
		b->ncols = width;
	}
	/* A long row's buffer is let go with its batch. */
	if (b->cap > BATCH_KEEP) {
		free(b->buf);
		b->buf = NULL;
		b->cap = 0;
	}
	while (b->n < TSV_BATCH) {
		taken = split_done = 0;
		if (r->have_held) {
			line = r->held;
			len = r->held_len;
			lineno = r->held_lineno;
			r->have_held = 0;
		} else {
			if (r->done)
				break;
			if (r->run_left == 0) {
				if (view && b->n > 0)
					break;
				input_advance(r->in, r->run_taken);
				r->run_taken = 0;
				k = input_skipped(r->in);
				rc = input_lines(r->in, &r->run, &r->run_left);
				r->skipped += input_skipped(r->in) - k;
				if (rc <= 0) {
					if (rc < 0)
						r->error = 1;
					r->done = rc < 0 ? -1 : 1;
					break;
				}
			}
			/* The line's end and its tabs are found in one pass. */
			line = r->run;
			fields = next_line(r, line, r->run_left, &len);
			r->run += len + 1;
			r->run_left -= len + 1;
			lineno = input_lineno(r->in) + ++r->run_taken;
			if (len > 0 && line[len - 1] == '\r')
				len--;
			if (repeated_header(r, line, len))
				continue;
			split_done = 1;
		}
		if (!view && used + len + 1 > b->cap) {
			if (b->n > 0)
				goto hold;	/* the views handed out must not move */
			/*
			 * A long row is not copied: the batch takes the input's
			 * buffer that holds it. Else just the room asked for.
			 */
			if (len > BATCH_KEEP && (!r->npick || r->pick_row) &&
			    r->run_left == 0 &&
			    (p = input_take(r->in, line, &n)) != NULL) {
				taken = 1;
			} else {
				n = len + 1 > 1 << 16 ? len + 1 : 1 << 16;
				if ((p = realloc(b->buf, n)) == NULL)
					return batch_no_memory(r, lineno, n);
			}
			if (taken)
				free(b->buf);
			b->buf = p;
			b->cap = n;
		}
		/*
		 * Split the line where it lies, then copy it and move the views:
		 * splitting the fresh copy would load bytes still in flight from
		 * the copy's stores, which stalls on every 16-byte load.
		 */
		f = b->field + b->n * width;
		if (!split_done)
			n = r->npick ? split_tabs(r, line, len) : split(line, len, f, r->ncols);
		else if (!r->npick)
			n = split(line, len, f, r->ncols);
		else
			n = fields;
		if (n != r->ncols) {
			if (b->n > 0)
				goto hold;	/* report it after the rows before it */
			xwarnx("%s:%llu: %zu field%s, header has %zu", input_name(r->in),
			    lineno, n, n == 1 ? "" : "s", r->ncols);
			r->skipped++;
			continue;
		}
		p = view ? (char *)line : b->buf + used;
		if (view) {
			/* the run's own bytes, read and done with */
			view_fields(r, len, f, p);
			if (!r->pick_row) {
				/* the picked fields, joined by their own tabs */
				p = (char *)f[0].p;
				len = (size_t)(f[r->npick - 1].p + f[r->npick - 1].len - p);
			}
		} else if (taken) {
			p = (char *)line;	/* in place, in the buffer taken */
			if (r->npick)
				view_fields(r, len, f, p);
		} else if (r->pick_row) {
			memcpy(p, line, len);
			view_fields(r, len, f, p);
		} else if (r->npick) {
			/* The picked fields, joined: no longer than the line. */
			len = pick_fields(r, line, len, f, p);
		} else {
			memcpy(p, line, len);
			for (n = 0; n < r->ncols; n++)
				f[n].p = p + (f[n].p - line);
		}
		p[len] = '\n';
		b->row[b->n].p = p;
		b->row[b->n].len = len;
		b->lineno[b->n++] = lineno;
		if (!view)
			used = (size_t)(p - b->buf) + len + 1;
		r->rows++;
	}
	if (b->n > 0)
		return (int)b->n;
	return r->done < 0 ? -1 : 0;
hold:
	/* input_line is not called again before the next batch: still valid. */
	r->held = line;
	r->held_len = len;
	r->held_lineno = lineno;
	r->have_held = 1;
	return (int)b->n;
}

int
tsv_next_batch(struct tsv_reader *r, struct tsv_batch *b)
{
	return fill_batch(r, b);
}

void
tsv_batch_free(struct tsv_batch *b)
{
	free(b->field);
	free(b->buf);
	memset(b, 0, sizeof(*b));
}

const char *
tsv_name(const struct tsv_reader *r)
{
	return input_name(r->in);
}

unsigned long long
tsv_lineno(const struct tsv_reader *r)
{
	return input_lineno(r->in) + r->run_taken;
}

int
tsv_close(struct tsv_reader *r)
{
	int bad;

	if (r == NULL)
		return 0;
	repeated_total += r->repeated;
	bad = input_close(r->in) < 0 || r->error || r->skipped > 0;
	free_names(r);
	free(r->field);
	free(r->pick);
	free(r->need);
	free(r->tab);
	free((char *)r->header);
	free(r);
	return bad ? -1 : 0;
}

void
tsv_put(FILE *out, const char *s, size_t len)
{
	/* tsv_escape a piece at a time: it writes at most 4 bytes a byte. */
	char buf[4096];

	while (len > 0) {
		size_t n = len < sizeof(buf) / 4 ? len : sizeof(buf) / 4;

		/* a C1 control's two bytes stay in one piece */
		if (n < len && (unsigned char)s[n - 1] == 0xc2)
			n--;
		fwrite(buf, 1, tsv_escape(buf, s, n), out);
		s += n;
		len -= n;
	}
}

int
tsv_formula(const char *s, size_t len)
{
	return len > 0 && (*s == '=' || *s == '+' || *s == '-' || *s == '@');
}

size_t
tsv_escape(char *dst, const char *s, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	size_t n = 0;
	unsigned char c;

	for (size_t i = 0; i < len; i++) {
		c = (unsigned char)s[i];
		if (!needs_escape(c) || (c == 0xc2 && !is_c1(s, i, len))) {
			dst[n++] = (char)c;
			continue;
		}
		if (c == 0xc2) {	/* 2 bytes in, 8 out: within 4 * len */
			c = (unsigned char)s[++i];
			memcpy(dst + n, "\\xc2\\x", 6);
			n += 6;
			dst[n++] = hex[c >> 4];
			dst[n++] = hex[c & 15];
			continue;
		}
		dst[n++] = '\\';
		switch (c) {
		case '\\': dst[n++] = '\\'; break;
		case '\t': dst[n++] = 't'; break;
		case '\n': dst[n++] = 'n'; break;
		case '\r': dst[n++] = 'r'; break;
		default:
			dst[n++] = 'x';
			dst[n++] = hex[c >> 4];
			dst[n++] = hex[c & 15];
		}
	}
	return n;
}

/*
 * The first byte of s[i..len) that tsv_write_escaped must look at (a
 * control byte but tab, DEL, 0xc2), or len; 16 bytes a compare with SSE2,
 * since fields are almost always plain.
 */
static size_t
skip_plain(const char *s, size_t i, size_t len)
{
#ifdef __SSE2__
	const __m128i ctl = _mm_set1_epi8(0x1f), tab = _mm_set1_epi8('\t'),
	    del = _mm_set1_epi8(0x7f), c2 = _mm_set1_epi8((char)0xc2);
	__m128i v, odd;
	unsigned m;

	for (; i + 16 <= len; i += 16) {
		v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		odd = _mm_andnot_si128(_mm_cmpeq_epi8(v, tab),
		    _mm_cmpeq_epi8(_mm_min_epu8(v, ctl), v));
		odd = _mm_or_si128(odd, _mm_or_si128(_mm_cmpeq_epi8(v, del),
		    _mm_cmpeq_epi8(v, c2)));
		if ((m = (unsigned)_mm_movemask_epi8(odd)) != 0)
			return i + (size_t)__builtin_ctz(m);
	}
#endif
	for (; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c < 0x20 && c != '\t') || c == 0x7f || c == 0xc2)
			break;
	}
	return i;
}

void
tsv_write_escaped(FILE *out, const char *s, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	size_t i, run = 0;
	unsigned char c;

	for (i = skip_plain(s, 0, len); i < len; i = skip_plain(s, i + 1, len)) {
		c = (unsigned char)s[i];
		if (c == 0xc2 && !is_c1(s, i, len))
			continue;	/* another character: passes */
		if (i > run)
			fwrite(s + run, 1, i - run, out);
		run = i + 1;
		if (c == '\r') {	/* as tsv_put writes it */
			fputs("\\r", out);
			continue;
		}
		if (c == 0xc2) {
			fputs("\\xc2", out);
			c = (unsigned char)s[++i];
			run = i + 1;
		}
		putc('\\', out);
		putc('x', out);
		putc(hex[c >> 4], out);
		putc(hex[c & 15], out);
	}
	if (len > run)
		fwrite(s + run, 1, len - run, out);
}

void
tsv_puts(FILE *out, const char *s)
{
	tsv_put(out, s, strlen(s));
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
			if (i + 3 < len && (hi = hex_value((unsigned char)src[i + 2])) >= 0 &&
			    (lo = hex_value((unsigned char)src[i + 3])) >= 0) {
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
tsv_put_name(FILE *out, const char *name, int csv_safe)
{
	size_t len = strlen(name);

	if (csv_safe && tsv_formula(name, len))
		putc('\'', out);
	tsv_write_escaped(out, name, len);
}

void
tsv_header(FILE *out, const char *const *names, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			putc('\t', out);
		tsv_put_name(out, names[i], 0);
	}
	putc('\n', out);
}

const char *
tsv_label(const struct tsv_reader *r)
{
	return input_label(r->in);
}

size_t
tsv_ncols(const struct tsv_reader *r)
{
	return r->ncols;
}

const char *const *
tsv_names(const struct tsv_reader *r)
{
	return (const char *const *)r->names;
}

const char *
tsv_header_line(const struct tsv_reader *r, size_t *len)
{
	*len = r->header_len;
	return r->header;
}

const struct tsv_field *
tsv_row(const struct tsv_reader *r)
{
	return r->field;
}

unsigned long long
tsv_counts(const struct tsv_reader *r, unsigned long long *rows)
{
	if (rows)
		*rows = r->rows;
	return r->skipped;
}

void
tsv_skips_ok(struct tsv_reader *r)
{
	r->skipped = 0;
}
