/*
 * agg: the aggregates tally writes beside each group's count, kept as a
 * table so that counting, --merge, --partial, --fill, --sort and the
 * output all walk the same entries, and a new aggregate is one row of it
 * and its few functions. Each group's state is packed in op->size bytes,
 * no more than the separate arrays it replaces. See agg.h.
 *	tally -g platform -a distinct:key,first:key,sum:bytes
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agg.h"
#include "filter.h"
#include "timefmt.h"
#include "util.h"

#define NO_VALUE	UINT32_MAX
#define FIX_DIGITS	9		/* sum: exact decimal to 1e-9 */

/*
 * A number times 10^FIX_DIGITS in 128 bits, two's complement in two
 * words: exact sums of up to 28 integer digits without __int128, which
 * 32-bit targets lack.
 */
typedef struct {
	uint64_t	 hi, lo;
} fix;

static fix
fix_add(fix a, fix b)
{
	fix r;

	r.lo = a.lo + b.lo;
	r.hi = a.hi + b.hi + (r.lo < a.lo);
	return r;
}

static fix
fix_neg(fix a)
{
	a.lo = ~a.lo;
	a.hi = ~a.hi;
	return fix_add(a, (fix){ 0, 1 });
}

static int
fix_cmp(fix a, fix b)
{
	if (a.hi != b.hi)
		return (int64_t)a.hi < (int64_t)b.hi ? -1 : 1;
	return (a.lo > b.lo) - (a.lo < b.lo);
}

/* a * 10 + d, for a >= 0 below 10^37 */
static fix
fix_mul10_add(fix a, unsigned d)
{
	fix x2 = { a.hi << 1 | a.lo >> 63, a.lo << 1 };
	fix x8 = { a.hi << 3 | a.lo >> 61, a.lo << 3 };

	return fix_add(fix_add(x2, x8), (fix){ 0, d });
}

/* a /= 10 for a >= 0; the remainder. Long division by 32-bit limbs. */
static unsigned
fix_div10(fix *a)
{
	uint64_t limb[4] = { a->hi >> 32, a->hi & 0xffffffffu, a->lo >> 32,
	    a->lo & 0xffffffffu }, rem = 0;

	for (int i = 0; i < 4; i++) {
		uint64_t cur = rem << 32 | limb[i];

		limb[i] = cur / 10;
		rem = cur % 10;
	}
	a->hi = limb[0] << 32 | limb[1];
	a->lo = limb[2] << 32 | limb[3];
	return (unsigned)rem;
}

/*
 * A decimal number ("-12", "3.25", ".5") as fixed point; digits past the
 * ninth decimal are dropped. -1 for anything else, or beyond 10^28.
 */
static int
parse_fix(const char *s, size_t len, fix *out)
{
	size_t i = 0, nd = 0, fd = 0;
	fix v = { 0, 0 };
	int neg = 0;

	if (i < len && (s[i] == '-' || s[i] == '+'))
		neg = s[i++] == '-';
	for (; i < len && s[i] >= '0' && s[i] <= '9'; i++, nd++) {
		if (nd >= 28 - FIX_DIGITS)
			return -1;
		v = fix_mul10_add(v, (unsigned)(s[i] - '0'));
	}
	if (i < len && s[i] == '.') {
		for (i++; i < len && s[i] >= '0' && s[i] <= '9'; i++, nd++)
			if (fd < FIX_DIGITS)
				v = fix_mul10_add(v, (unsigned)(s[i] - '0')), fd++;
	}
	if (i != len || nd == 0)
		return -1;
	for (; fd < FIX_DIGITS; fd++)
		v = fix_mul10_add(v, 0);
	*out = neg ? fix_neg(v) : v;
	return 0;
}

static void
put_fix(fix v)
{
	char buf[64], *p = buf + sizeof(buf), frac[FIX_DIGITS];
	int neg = (int64_t)v.hi < 0, n = FIX_DIGITS, d;
	fix u = neg ? fix_neg(v) : v;

	for (d = FIX_DIGITS - 1; d >= 0; d--)
		frac[d] = (char)('0' + fix_div10(&u));
	while (n > 0 && frac[n - 1] == '0')
		n--;
	*--p = '\0';
	if (n > 0) {
		p -= n;
		memcpy(p, frac, (size_t)n);
		*--p = '.';
	}
	do
		*--p = (char)('0' + fix_div10(&u));
	while (u.hi || u.lo);
	if (neg)
		*--p = '-';
	fputs(p, stdout);
}

void
agg_put_u64(uint64_t v)
{
	char buf[24], *p = buf + sizeof(buf);

	/* printf's formatting machinery costs more than the row. */
	do
		*--p = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	fwrite(p, 1, (size_t)(buf + sizeof(buf) - p), stdout);
}

/* Values are fields as read: tsv_write_escaped writes them. */
static void
put_value(const struct agg_store *s, uint32_t v)
{
	const char *p;
	size_t n;

	if (v == NO_VALUE)
		return;
	p = hash_key(&s->vals, v, &n);
	tsv_write_escaped(stdout, p, n);
}

/* min/max order: numbers first, by value; then other strings, by bytes. */
static int
value_cmp(int anum, fix ax, const char *ap, size_t an, int bnum, fix bx,
    const char *bp, size_t bn)
{
	int c;

	if (anum != bnum)
		return anum ? -1 : 1;
	if (anum)
		return fix_cmp(ax, bx);
	c = memcmp(ap, bp, an < bn ? an : bn);
	return c ? c : (an > bn) - (an < bn);
}

/* Two interned values, none last; by value_cmp. */
static int
kept_cmp(const struct agg_store *s, uint32_t va, int anum, fix ax, uint32_t vb,
    int bnum, fix bx)
{
	const char *fa, *fb;
	size_t la, lb;

	if (va == NO_VALUE || vb == NO_VALUE)
		return (va == NO_VALUE) - (vb == NO_VALUE);
	fa = hash_key(&s->vals, va, &la);
	fb = hash_key(&s->vals, vb, &lb);
	return value_cmp(anum, ax, fa, la, bnum, bx, fb, lb);
}

/* distinct: uint64_t n, the group's values in the pair set. */
static void
distinct_init(unsigned char *st)
{
	*(uint64_t *)(void *)st = 0;		/* op->size keeps it aligned */
}

static void
distinct_add(struct agg_store *s, unsigned char *st, const char *p, size_t len,
    int64_t t)
{
	(void)s, (void)p, (void)len, (void)t;
	(*(uint64_t *)(void *)st)++;
}

static void
distinct_put(const struct agg_store *s, const unsigned char *st)
{
	(void)s;
	agg_put_u64(*(const uint64_t *)(const void *)st);
}

/* first, last: int64_t t, uint32_t v; the value and its time. */
struct timed { int64_t t; uint32_t v; };
#define TIMED_SIZE	12

static struct timed
timed_get(const unsigned char *st)
{
	struct timed x;

	memcpy(&x.t, st, 8);
	memcpy(&x.v, st + 8, 4);
	return x;
}

static void
timed_init(unsigned char *st)
{
	struct timed x = { NO_TIME, NO_VALUE };

	memcpy(st, &x.t, 8);
	memcpy(st + 8, &x.v, 4);
}

static void
timed_set(struct agg_store *s, unsigned char *st, const char *p, size_t len, int64_t t)
{
	uint32_t v = hash_put(&s->vals, p, len, NULL);

	memcpy(st, &t, 8);
	memcpy(st + 8, &v, 4);
}

/* first: earliest, ties the first row; last: latest, ties the last. */
static void
first_add(struct agg_store *s, unsigned char *st, const char *p, size_t len, int64_t t)
{
	struct timed x = timed_get(st);

	if (t == NO_TIME || (x.v != NO_VALUE && t >= x.t))
		return;
	timed_set(s, st, p, len, t);
}

static void
last_add(struct agg_store *s, unsigned char *st, const char *p, size_t len, int64_t t)
{
	struct timed x = timed_get(st);

	if (t == NO_TIME || (x.v != NO_VALUE && t < x.t))
		return;
	timed_set(s, st, p, len, t);
}

static int
timed_cmp(const struct agg_store *s, const unsigned char *a, const unsigned char *b)
{
	fix none = { 0, 0 };

	return kept_cmp(s, timed_get(a).v, 0, none, timed_get(b).v, 0, none);
}

static void
timed_put(const struct agg_store *s, const unsigned char *st)
{
	struct timed x = timed_get(st);
	char iso[TIME_ISO_LEN + 1];

	put_value(s, x.v);
	putchar('\t');
	if (x.t != NO_TIME) {
		time_format(x.t, iso);
		fputs(iso, stdout);
	}
}

/* min, max: fix x, uint32_t v, unsigned char isnum; the value, as a number if one. */
struct kept { fix x; uint32_t v; unsigned char isnum; };
#define KEPT_SIZE	21

static struct kept
kept_get(const unsigned char *st)
{
	struct kept k;

	memcpy(&k.x, st, 16);
	memcpy(&k.v, st + 16, 4);
	k.isnum = st[20];
	return k;
}

static void
kept_init(unsigned char *st)
{
	uint32_t v = NO_VALUE;

	memset(st, 0, KEPT_SIZE);
	memcpy(st + 16, &v, 4);
}

/* Ties keep the first seen. */
static void
minmax_add(struct agg_store *s, unsigned char *st, const char *p, size_t len, int want)
{
	struct kept k = kept_get(st);
	fix x = { 0, 0 };
	int isnum = parse_fix(p, len, &x) == 0;
	const char *sp;
	size_t sn;
	uint32_t v;

	if (k.v != NO_VALUE) {
		sp = hash_key(&s->vals, k.v, &sn);
		if (value_cmp(isnum, x, p, len, k.isnum, k.x, sp, sn) * want <= 0)
			return;
	}
	v = hash_put(&s->vals, p, len, NULL);
	memcpy(st, &x, 16);
	memcpy(st + 16, &v, 4);
	st[20] = (unsigned char)isnum;
}

static void
min_add(struct agg_store *s, unsigned char *st, const char *p, size_t len, int64_t t)
{
	(void)t;
	minmax_add(s, st, p, len, -1);
}

static void
max_add(struct agg_store *s, unsigned char *st, const char *p, size_t len, int64_t t)
{
	(void)t;
	minmax_add(s, st, p, len, 1);
}

static int
kept_cmp_op(const struct agg_store *s, const unsigned char *a, const unsigned char *b)
{
	struct kept x = kept_get(a), y = kept_get(b);

	return kept_cmp(s, x.v, x.isnum, x.x, y.v, y.isnum, y.x);
}

static void
kept_put(const struct agg_store *s, const unsigned char *st)
{
	put_value(s, kept_get(st).v);
}

/* sum: fix x, unsigned char any; the total, and whether a number was seen. */
#define SUM_SIZE	17

static void
sum_init(unsigned char *st)
{
	memset(st, 0, SUM_SIZE);
}

static int
sum_merge(struct agg_store *s, unsigned char *st, const char *p, size_t len, int64_t t)
{
	fix x, total;

	(void)s, (void)t;
	if (parse_fix(p, len, &x) < 0)
		return -1;
	memcpy(&total, st, 16);
	total = fix_add(total, x);
	memcpy(st, &total, 16);
	st[16] = 1;
	return 0;
}

static void
sum_add(struct agg_store *s, unsigned char *st, const char *p, size_t len, int64_t t)
{
	(void)sum_merge(s, st, p, len, t);	/* not a number: no value */
}

/* An empty bucket sums to 0. */
static void
sum_fill(unsigned char *st)
{
	st[16] = 1;
}

/* Biggest first. */
static int
sum_cmp(const struct agg_store *s, const unsigned char *a, const unsigned char *b)
{
	fix x, y;

	(void)s;
	memcpy(&x, a, 16);
	memcpy(&y, b, 16);
	return -fix_cmp(x, y);
}

static void
sum_put(const struct agg_store *s, const unsigned char *st)
{
	fix x;

	(void)s;
	if (st[16]) {
		memcpy(&x, st, 16);
		put_fix(x);
	}
}

/* merge NULL: a written state merges as a value is added. */
static const struct agg_op ops[] = {
	{ "distinct", 8, AGG_DISTINCT, distinct_init, distinct_add, NULL, NULL, NULL,
	    distinct_put },
	{ "first", TIMED_SIZE, AGG_TIMED, timed_init, first_add, NULL, NULL, timed_cmp,
	    timed_put },
	{ "last", TIMED_SIZE, AGG_TIMED, timed_init, last_add, NULL, NULL, timed_cmp,
	    timed_put },
	{ "min", KEPT_SIZE, 0, kept_init, min_add, NULL, NULL, kept_cmp_op, kept_put },
	{ "max", KEPT_SIZE, 0, kept_init, max_add, NULL, NULL, kept_cmp_op, kept_put },
	{ "sum", SUM_SIZE, 0, sum_init, sum_add, sum_merge, sum_fill, sum_cmp, sum_put },
};
#define NOPS	(sizeof(ops) / sizeof(ops[0]))

const struct agg_op *
agg_lookup(const char *name, size_t len)
{
	for (size_t i = 0; i < NOPS; i++)
		if (strlen(ops[i].name) == len && memcmp(ops[i].name, name, len) == 0)
			return &ops[i];
	return NULL;
}

const char *
agg_list(const char *sep, const char *last_sep)
{
	static char *s;		/* kept till the next call, or exit */
	size_t n = 1, i;

	free(s);
	for (i = 0; i < NOPS; i++)
		n += strlen(ops[i].name) + 4 + strlen(last_sep) + strlen(sep);
	s = xmalloc(n);
	*s = '\0';
	for (i = 0; i < NOPS; i++) {
		if (i)
			strcat(s, i + 1 == NOPS ? last_sep : sep);
		strcat(s, ops[i].name);
		strcat(s, ":COL");
	}
	return s;
}

void
agg_grow(struct agg *a, size_t old, size_t cap)
{
	size_t z = a->op->size;

	a->st = xrealloc(a->st, cap * z);
	for (size_t g = old; g < cap; g++)
		a->op->init(a->st + g * z);
}

void
agg_free(struct agg *a)
{
	free(a->col_name);
	free(a->out_name);
	free(a->st);
}

void
agg_store_free(struct agg_store *s)
{
	hash_free(&s->vals);
	hash_free(&s->pairs);
	free(s->dbuf);
	free(s->dq);
	free(s->doff);
}

void
agg_add_row(struct agg_store *s, struct agg *aggs, size_t naggs,
    const struct tsv_field *row, int time_col, uint32_t g)
{
	int64_t t = NO_TIME;
	int have_t = 0;

	for (size_t i = 0; i < naggs; i++) {
		struct agg *a = &aggs[i];
		const struct tsv_field *f = &row[a->col];

		if (f->len == 0 || (a->op->flags & AGG_DISTINCT))
			continue;	/* empty: no value; distinct: by batch */
		if ((a->op->flags & AGG_TIMED) && !have_t)
			t = field_time(&row[time_col]), have_t = 1;
		a->op->add(s, AGG_STATE(a, g), f->p, f->len, t);
	}
}

void
agg_distinct_add(struct agg_store *s, struct agg *aggs, size_t ai, uint32_t g,
    const char *p, size_t len)
{
	int added;

	if (len + 5 > s->dcap)
		xgrow(&s->dbuf, &s->dcap, len + 5);
	memcpy(s->dbuf, &g, 4);
	s->dbuf[4] = (char)ai;
	memcpy(s->dbuf + 5, p, len);
	hash_put(&s->pairs, s->dbuf, len + 5, &added);
	if (added)
		aggs[ai].op->add(s, AGG_STATE(&aggs[ai], g), p, len, NO_TIME);
}

/*
 * The distinct values of a batch's rows: their (group, aggregate, value)
 * keys looked up together; each one new to its group counts.
 */
void
agg_distinct_batch(struct agg_store *s, struct agg *aggs, size_t naggs,
    const struct tsv_batch *b, const unsigned char *skip, const uint32_t *gid)
{
	size_t i, ai, m = 0, used = 0, need;
	const struct tsv_field *f;
	const char *k;
	uint32_t g;

	if (s->dqcap < b->n * naggs) {
		s->dqcap = b->n * naggs;
		s->dq = xrealloc(s->dq, s->dqcap * sizeof(*s->dq));
		s->doff = xrealloc(s->doff, s->dqcap * sizeof(*s->doff));
	}
	for (i = 0; i < b->n; i++) {
		if (skip[i])
			continue;
		for (ai = 0; ai < naggs; ai++) {
			f = &b->field[i * b->ncols + aggs[ai].col];
			if (!(aggs[ai].op->flags & AGG_DISTINCT) || f->len == 0)
				continue;
			need = used + 5 + f->len;
			if (need > s->dcap)
				xgrow(&s->dbuf, &s->dcap, need);
			memcpy(s->dbuf + used, &gid[i], 4);
			s->dbuf[used + 4] = (char)ai;
			memcpy(s->dbuf + used + 5, f->p, f->len);
			s->doff[m] = used;		/* dbuf may still move */
			s->dq[m].len = 5 + f->len;
			used = need;
			m++;
		}
	}
	for (i = 0; i < m; i++)
		s->dq[i].key = s->dbuf + s->doff[i];
	hash_queries(&s->pairs, s->dq, m);
	hash_put_many(&s->pairs, s->dq, m);
	for (i = 0; i < m; i++)
		if (s->dq[i].added) {
			k = s->dq[i].key;
			memcpy(&g, k, 4);
			ai = (unsigned char)k[4];
			aggs[ai].op->add(s, AGG_STATE(&aggs[ai], g), k + 5,
			    s->dq[i].len - 5, NO_TIME);
		}
}

struct pair_order {
	const struct agg_store	*s;
	const uint32_t		*rank;
};

static int
by_pair(const void *pa, const void *pb, void *arg)
{
	const struct pair_order *o = arg;
	size_t na, nb;
	const char *a = hash_key(&o->s->pairs, *(const uint32_t *)pa, &na);
	const char *b = hash_key(&o->s->pairs, *(const uint32_t *)pb, &nb);
	uint32_t ga, gb;
	int c;

	memcpy(&ga, a, 4);
	memcpy(&gb, b, 4);
	if (o->rank[ga] != o->rank[gb])
		return o->rank[ga] < o->rank[gb] ? -1 : 1;
	if (a[4] != b[4])
		return (unsigned char)a[4] < (unsigned char)b[4] ? -1 : 1;
	c = memcmp(a + 5, b + 5, (na < nb ? na : nb) - 5);
	return c ? c : (na > nb) - (na < nb);
}

uint32_t *
agg_distinct_order(const struct agg_store *s, const uint32_t *rank)
{
	struct pair_order o = { s, rank };
	uint32_t *p = xmalloc((s->pairs.n ? s->pairs.n : 1) * sizeof(*p));

	for (uint32_t i = 0; i < s->pairs.n; i++)
		p[i] = i;
	sort_r(p, s->pairs.n, sizeof(*p), by_pair, &o);
	return p;
}

const char *
agg_pair(const struct agg_store *s, uint32_t id, uint32_t *g, size_t *ai, size_t *len)
{
	size_t kn;
	const char *k = hash_key(&s->pairs, id, &kn);

	memcpy(g, k, 4);
	*ai = (unsigned char)k[4];
	*len = kn - 5;
	return k + 5;
}
