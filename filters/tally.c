/*
 * tally: count records per group, with aggregates beside the count, time
 * buckets (with no gaps under --fill), exact merging of shard tallies,
 * cohorts of first-seen keys, and a wide (pivoted) view. Output is always
 * sorted, never in hash order.
 *	extract logs.gz | normalize | tally -g platform --by day -a distinct:key
 */
#include <err.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "progress.h"
#include "timefmt.h"
#include "tsv.h"
#include "util.h"
#include "where.h"

#define NO_TIME		INT64_MIN
#define NO_VALUE	UINT32_MAX
#define FIX_DIGITS	9		/* sum: exact decimal to 1e-9 */
#define MAX_GROUPS	64
#define MAX_AGGS	64
#define DAY_SECONDS	86400

typedef __int128 fix;			/* a number times 10^FIX_DIGITS */

enum agg_kind { A_DISTINCT, A_FIRST, A_LAST, A_MIN, A_MAX, A_SUM };
static const char *const agg_names[] = { "distinct", "first", "last", "min", "max", "sum" };

struct group {
	char		*name;
	int		 unit;		/* time unit derived from time, or -1 */
	int		 col;		/* input column when unit < 0 */
};

struct agg {
	enum agg_kind	 kind;
	char		*col_name;
	char		*out_name;	/* "distinct:key" */
	int		 col;		/* value column */
	int		 tcol;		/* --merge: first/last time column */
	uint64_t	*n;		/* distinct: values per group */
	int64_t		*t;		/* first/last: time of the value */
	uint32_t	*v;		/* first/last/min/max: interned value */
	fix		*x;		/* min/max: numeric value; sum: total */
	unsigned char	*isnum;		/* min/max: value is a number; sum: any seen */
};

/* Options. */
static char		*group_spec;			/* -g */
static int		 by_unit = -1;			/* --by */
static const char	*time_field = "time";		/* -t */
static unsigned long long top_n;			/* -n, 0: all */
static unsigned long long min_count;			/* --min-count */
static const char	*sort_name;			/* --sort */
static int		 reverse;			/* -r */
static int		 merge;				/* --merge */
static int		 partial;			/* --partial */
static int		 wide;				/* --wide */
static int		 cohort_unit = -2;		/* --cohort; -1: all, -2: off */
static int64_t		 from_day = INT64_MIN, to_day = INT64_MAX;
static int64_t		 alive_day = INT64_MIN;		/* --alive-on */
static long		*after;				/* --after N,... */
static size_t		 nafter;
static int		 fill;				/* --fill */

static struct where_list wheres = WHERE_LIST_INIT;	/* --where */

static struct group	 groups[MAX_GROUPS];
static size_t		 ngroups;
static struct agg	 aggs[MAX_AGGS];
static size_t		 naggs;

/* Per file. */
static int		 time_col = -1, count_col = -1, pagg_col = -1, pval_col = -1;
static char		*merge_header;
static size_t		 merge_header_len;
static char		*merge_name;

/* Tables and per-group arrays. */
static struct hash_table gt;		/* group keys */
static struct hash_table vals;		/* interned values of first/last/min/max */
static struct hash_table pairs;		/* distinct: group id, agg index, value */
static uint64_t		*count;
static uint64_t		*cnew, *calive, *cafter;	/* --cohort */
static size_t		 cap;
static char		*kbuf;			/* group keys */
static size_t		 kcap;
static char		*dbuf;			/* distinct: group, aggregate, value */
static size_t		 dcap;
static struct tsv_batch	 batch = TSV_BATCH_INIT;
static int		 key_is_row;		/* batch rows start with the group key (2: are it) */
static struct hash_query *dq;			/* distinct queries of a batch */
static size_t		*doff;			/* their keys' offsets in dbuf */
static size_t		 dqcap;
static int		 trouble;

/*
 * --fill: the field of a group key holding the time bucket (the cohort's
 * with --cohort), its unit, and the first seconds of the buckets --from
 * and --to fall in.
 */
static int		 fill_field = -1;
static enum time_unit	 fill_unit;
static int64_t		 fill_lo = INT64_MIN, fill_hi = INT64_MAX;
static int		 bucket_in_range(const char *k, size_t n);

/* --cohort: the last day the input shows, its latest first or last time. */
static int64_t		 data_end = INT64_MIN;

/* --stats: rows read, and those not counted: why. */
static int		 show_stats;		/* --stats */
static int		 show_progress;		/* --progress */
static uint64_t		 n_rows, n_wrong_width, n_bad, n_filtered, n_out;

static void
usage(FILE *out, int status)
{
	fprintf(out,
	    "usage: tally [-g col[,col...]] [--by hour|day|week|month] [-a agg:col[,...]]\n"
	    "             [-n N] [--sort name] [-r] [--min-count N] [--where col=value]\n"
	    "             [--merge] [--partial] [--wide] [-t time-field] [--stats]\n"
	    "             [--fill [--from day] [--to day]] [--progress]\n"
	    "             [file ... | --files0-from F]\n"
	    "       tally --cohort day|week|month|all [-g col,...] [--from day] [--to day]\n"
	    "             [--alive-on day] [--after N[,N...]] [--fill] [--stats] [--progress]\n"
	    "             [file ... | --files0-from F]\n"
	    "aggregates: distinct:COL first:COL last:COL min:COL max:COL sum:COL\n");
	exit(status);
}

static void
add_group(const char *name)
{
	if (ngroups == MAX_GROUPS)
		errx(EXIT_TROUBLE, "more than %d group columns", MAX_GROUPS);
	for (size_t i = 0; i < ngroups; i++)
		if (strcmp(groups[i].name, name) == 0)
			return;
	groups[ngroups].name = xstrdup(name);
	groups[ngroups].unit = -1;
	groups[ngroups].col = -1;
	ngroups++;
}

/* "distinct:key" etc.; exits 2 quoting a bad one. */
static void
add_agg(const char *spec, int merging)
{
	const char *colon = strchr(spec, ':');
	struct agg *a;
	size_t k;

	if (naggs == MAX_AGGS)
		errx(EXIT_TROUBLE, "more than %d aggregates", MAX_AGGS);
	for (k = 0; colon && k < sizeof(agg_names) / sizeof(agg_names[0]); k++)
		if (strlen(agg_names[k]) == (size_t)(colon - spec) &&
		    memcmp(agg_names[k], spec, (size_t)(colon - spec)) == 0)
			break;
	if (colon == NULL || k == sizeof(agg_names) / sizeof(agg_names[0]) ||
	    colon[1] == '\0' || strchr(colon + 1, ':') != NULL)
		errx(EXIT_TROUBLE, "bad aggregate \"%s\" (want distinct:COL, first:COL, "
		    "last:COL, min:COL, max:COL or sum:COL)", spec);
	for (size_t i = 0; i < naggs; i++)
		if (strcmp(aggs[i].out_name, spec) == 0)
			return;
	a = &aggs[naggs++];
	memset(a, 0, sizeof(*a));
	a->kind = (enum agg_kind)k;
	a->col_name = xstrdup(colon + 1);
	a->out_name = xstrdup(spec);
	a->col = a->tcol = -1;
	(void)merging;
}

static void
split_list(const char *list, void (*fn)(const char *))
{
	char *s = xstrdup(list), *name, *save = NULL;

	for (name = strtok_r(s, ",", &save); name; name = strtok_r(NULL, ",", &save))
		fn(name);
	free(s);
}

static void
add_agg_opt(const char *spec)
{
	add_agg(spec, 0);
}

static void
add_after(const char *s)
{
	unsigned long long v;

	if (parse_count(s, 100000, &v) < 0)
		errx(EXIT_TROUBLE, "bad --after \"%s\": want days, 0 to 100000", s);
	after = xrealloc(after, (nafter + 1) * sizeof(*after));
	after[nafter++] = (long)v;
}

static int64_t
day_arg(const char *opt, const char *s)
{
	int64_t d;

	if (time_parse_day(s, strlen(s), &d) < 0)
		errx(EXIT_TROUBLE, "bad %s \"%s\": want a day as YYYY-MM-DD", opt, s);
	return d;
}

static void
grow_arrays(size_t need)
{
	size_t old = cap, i;

	if (need <= cap)
		return;
	cap = cap ? cap * 2 : 1024;
	count = xrealloc(count, cap * sizeof(*count));
	memset(count + old, 0, (cap - old) * sizeof(*count));
	if (cohort_unit != -2) {
		cnew = xrealloc(cnew, cap * sizeof(*cnew));
		calive = xrealloc(calive, cap * sizeof(*calive));
		cafter = xrealloc(cafter, cap * (nafter ? nafter : 1) * sizeof(*cafter));
		memset(cnew + old, 0, (cap - old) * sizeof(*cnew));
		memset(calive + old, 0, (cap - old) * sizeof(*calive));
		memset(cafter + old * nafter, 0, (cap - old) * nafter * sizeof(*cafter));
	}
	for (i = 0; i < naggs; i++) {
		struct agg *a = &aggs[i];

		switch (a->kind) {
		case A_DISTINCT:
			a->n = xrealloc(a->n, cap * sizeof(*a->n));
			memset(a->n + old, 0, (cap - old) * sizeof(*a->n));
			break;
		case A_FIRST:
		case A_LAST:
			a->t = xrealloc(a->t, cap * sizeof(*a->t));
			a->v = xrealloc(a->v, cap * sizeof(*a->v));
			for (size_t j = old; j < cap; j++)
				a->t[j] = NO_TIME, a->v[j] = NO_VALUE;
			break;
		case A_MIN:
		case A_MAX:
		case A_SUM:
			a->v = xrealloc(a->v, cap * sizeof(*a->v));
			a->x = xrealloc(a->x, cap * sizeof(*a->x));
			a->isnum = xrealloc(a->isnum, cap);
			for (size_t j = old; j < cap; j++)
				a->v[j] = NO_VALUE, a->x[j] = 0, a->isnum[j] = 0;
			break;
		}
	}
}

/*
 * A decimal number ("-12", "3.25", ".5") as fixed point; digits past the
 * ninth decimal are dropped. -1 for anything else, or beyond 10^28.
 */
static int
parse_fix(const char *s, size_t len, fix *out)
{
	size_t i = 0, nd = 0, fd = 0;
	fix v = 0;
	int neg = 0;

	if (i < len && (s[i] == '-' || s[i] == '+'))
		neg = s[i++] == '-';
	for (; i < len && s[i] >= '0' && s[i] <= '9'; i++, nd++) {
		if (nd >= 28 - FIX_DIGITS)
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	if (i < len && s[i] == '.') {
		for (i++; i < len && s[i] >= '0' && s[i] <= '9'; i++, nd++)
			if (fd < FIX_DIGITS)
				v = v * 10 + (s[i] - '0'), fd++;
	}
	if (i != len || nd == 0)
		return -1;
	for (; fd < FIX_DIGITS; fd++)
		v *= 10;
	*out = neg ? -v : v;
	return 0;
}

static void
put_fix(fix v)
{
	char buf[64], *p = buf + sizeof(buf);
	unsigned __int128 u = v < 0 ? -(unsigned __int128)v : (unsigned __int128)v;
	unsigned __int128 ip = u, fp;
	int d;

	for (d = 0; d < FIX_DIGITS; d++)
		ip /= 10;
	fp = u - ip * 1000000000u;
	*--p = '\0';
	if (fp) {
		char frac[FIX_DIGITS + 1];
		int n = FIX_DIGITS;

		for (d = FIX_DIGITS - 1; d >= 0; d--, fp /= 10)
			frac[d] = (char)('0' + (int)(fp % 10));
		while (n > 0 && frac[n - 1] == '0')
			n--;
		p -= n;
		memcpy(p, frac, (size_t)n);
		*--p = '.';
	}
	do {
		*--p = (char)('0' + (int)(ip % 10));
		ip /= 10;
	} while (ip);
	if (v < 0)
		*--p = '-';
	fputs(p, stdout);
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
		return ax < bx ? -1 : ax > bx;
	c = memcmp(ap, bp, an < bn ? an : bn);
	return c ? c : (an > bn) - (an < bn);
}

static void
update_minmax(struct agg *a, uint32_t g, const char *p, size_t len)
{
	fix x = 0;
	int isnum = parse_fix(p, len, &x) == 0, c;
	const char *sp;
	size_t sn;

	if (a->v[g] != NO_VALUE) {
		sp = hash_key(&vals, a->v[g], &sn);
		c = value_cmp(isnum, x, p, len, a->isnum[g], a->x[g], sp, sn);
		if (a->kind == A_MIN ? c >= 0 : c <= 0)
			return;		/* ties keep the first seen */
	}
	a->v[g] = hash_put(&vals, p, len, NULL);
	a->x[g] = x;
	a->isnum[g] = (unsigned char)isnum;
}

static void
update_firstlast(struct agg *a, uint32_t g, int64_t t, const char *p, size_t len)
{
	if (t == NO_TIME)
		return;
	if (a->v[g] != NO_VALUE && (a->kind == A_FIRST ? t >= a->t[g] : t < a->t[g]))
		return;		/* first: earliest, ties the first row; last: ties the last */
	a->v[g] = hash_put(&vals, p, len, NULL);
	a->t[g] = t;
}

static void
add_distinct(size_t ai, uint32_t g, const char *p, size_t len)
{
	int added;

	if (len + 5 > dcap)
		xgrow(&dbuf, &dcap, len + 5);
	memcpy(dbuf, &g, 4);
	dbuf[4] = (char)ai;
	memcpy(dbuf + 5, p, len);
	hash_put(&pairs, dbuf, len + 5, &added);
	if (added)
		aggs[ai].n[g]++;
}

static int64_t
field_time(const struct tsv_field *f)
{
	int64_t t;

	if (f->len == 0 || time_parse(f->p, f->len, &t) < 0)
		return NO_TIME;
	return t;
}

static int
read_count(const struct tsv_reader *r, const struct tsv_field *f, uint64_t *n)
{
	char num[32];
	unsigned long long v;

	if (f->len == 0 || f->len >= sizeof(num))
		goto bad;
	memcpy(num, f->p, f->len);
	num[f->len] = '\0';
	if (parse_count(num, UINT64_MAX, &v) < 0)
		goto bad;
	*n = v;
	return 0;
bad:
	warnx("%s:%llu: count \"%.*s\" is not a number", tsv_name(r), tsv_lineno(r),
	    (int)(f->len > 40 ? 40 : f->len), f->p);
	trouble = 1;
	return -1;
}

/* The group key of a row, written in kbuf from offset at; its length. */
static size_t
group_key(const struct tsv_field *row, size_t at, const char *extra, size_t extra_len)
{
	size_t i, n = at, len;
	const char *p;
	char b[TIME_BUCKET_MAX];

	for (i = 0; i < ngroups; i++) {
		if (groups[i].unit >= 0) {
			const struct tsv_field *tf = &row[time_col];

			p = b;
			if (time_bucket_str(tf->p, tf->len, (enum time_unit)groups[i].unit,
			    b, &len) < 0)
				len = 0;	/* no time: the empty bucket */
		} else {
			p = row[groups[i].col].p;
			len = row[groups[i].col].len;
		}
		if (n + len + 1 + extra_len + 1 > kcap)
			xgrow(&kbuf, &kcap, n + len + 1 + extra_len + 1);
		if (i)
			kbuf[n++] = '\t';
		memcpy(kbuf + n, p, len);
		n += len;
	}
	if (extra) {
		if (n + extra_len + 2 > kcap)
			xgrow(&kbuf, &kcap, n + extra_len + 2);
		if (ngroups)
			kbuf[n++] = '\t';
		memcpy(kbuf + n, extra, extra_len);
		n += extra_len;
	}
	return n - at;
}

static uint32_t
group_id(size_t keylen)
{
	int added;
	uint32_t g = hash_put(&gt, kbuf, keylen, &added);

	if (added)
		grow_arrays((size_t)g + 1);
	return g;
}

/* Count a row into group g, with every aggregate but distinct. */
static void
tally_row(const struct tsv_field *row, uint32_t g)
{
	int64_t t = NO_TIME;
	int have_t = 0;

	count[g]++;
	for (size_t i = 0; i < naggs; i++) {
		struct agg *a = &aggs[i];
		const struct tsv_field *f = &row[a->col];

		if (f->len == 0)
			continue;	/* empty: no value */
		switch (a->kind) {
		case A_DISTINCT:
			break;		/* by batch, in tally_batch */
		case A_FIRST:
		case A_LAST:
			if (!have_t)
				t = field_time(&row[time_col]), have_t = 1;
			update_firstlast(a, g, t, f->p, f->len);
			break;
		case A_MIN:
		case A_MAX:
			update_minmax(a, g, f->p, f->len);
			break;
		case A_SUM: {
			fix x;

			if (parse_fix(f->p, f->len, &x) == 0) {
				a->x[g] += x;
				a->isnum[g] = 1;
			}
			break;
		}
		}
	}
}

/*
 * The distinct values of a batch's rows: their (group, aggregate, value)
 * keys looked up together; each one new to its group counts.
 */
static void
distinct_batch(const struct tsv_batch *b, const unsigned char *skip,
    const uint32_t *gid)
{
	size_t i, ai, m = 0, used = 0, need;
	const struct tsv_field *f;
	const char *k;
	uint32_t g;

	if (dqcap < b->n * naggs) {
		dqcap = b->n * naggs;
		dq = xrealloc(dq, dqcap * sizeof(*dq));
		doff = xrealloc(doff, dqcap * sizeof(*doff));
	}
	for (i = 0; i < b->n; i++) {
		if (skip[i])
			continue;
		for (ai = 0; ai < naggs; ai++) {
			f = &b->field[i * b->ncols + aggs[ai].col];
			if (aggs[ai].kind != A_DISTINCT || f->len == 0)
				continue;
			need = used + 5 + f->len;
			if (need > dcap)
				xgrow(&dbuf, &dcap, need);
			memcpy(dbuf + used, &gid[i], 4);
			dbuf[used + 4] = (char)ai;
			memcpy(dbuf + used + 5, f->p, f->len);
			doff[m] = used;		/* dbuf may still move */
			dq[m].len = 5 + f->len;
			used = need;
			m++;
		}
	}
	for (i = 0; i < m; i++) {
		dq[i].key = dbuf + doff[i];
		dq[i].hash = hash_bytes(dq[i].key, dq[i].len);
	}
	hash_put_many(&pairs, dq, m);
	for (i = 0; i < m; i++)
		if (dq[i].added) {
			k = dq[i].key;
			memcpy(&g, k, 4);
			aggs[(unsigned char)k[4]].n[g]++;
		}
}

/*
 * The rows of a batch: group keys are hashed and looked up together
 * (hash_put_many), groups numbered in row order as one by one, then each
 * row is counted.
 */
static void
tally_batch(const struct tsv_batch *b)
{
	struct hash_query q[TSV_BATCH];
	size_t off[TSV_BATCH], i, m = 0, used = 0;
	unsigned char skip[TSV_BATCH];
	uint32_t gid[TSV_BATCH];
	const struct tsv_field *row, *last;
	int distinct = 0;

	for (i = 0; i < b->n; i++) {
		row = b->field + i * b->ncols;
		skip[i] = wheres.n && !where_row(&wheres, row);
		if (skip[i]) {
			n_filtered++;
			continue;
		}
		if (key_is_row == 2) {
			q[m].key = b->row[i].p;
			q[m].len = b->row[i].len;
		} else if (key_is_row) {
			last = &row[groups[ngroups - 1].col];
			q[m].key = b->row[i].p;
			q[m].len = (size_t)(last->p + last->len - b->row[i].p);
		} else {
			q[m].key = NULL;
			off[m] = used;
			q[m].len = group_key(row, used, NULL, 0);
			used += q[m].len;
		}
		if ((fill_lo != INT64_MIN || fill_hi != INT64_MAX) &&
		    !bucket_in_range(q[m].key ? q[m].key : kbuf + off[m], q[m].len)) {
			skip[i] = 1;
			n_filtered++;
			continue;
		}
		m++;
	}
	for (i = 0; i < m; i++) {
		if (q[i].key == NULL)
			q[i].key = kbuf + off[i];	/* kbuf has stopped moving */
		q[i].hash = hash_bytes(q[i].key, q[i].len);
	}
	hash_put_many(&gt, q, m);
	for (i = 0; i < m; i++)
		if (q[i].added)
			grow_arrays((size_t)q[i].id + 1);
		else
			__builtin_prefetch(&count[q[i].id], 1);
	for (i = 0, m = 0; i < b->n; i++) {
		if (skip[i])
			continue;
		gid[i] = q[m++].id;
		tally_row(b->field + i * b->ncols, gid[i]);
	}
	for (i = 0; i < naggs; i++)
		distinct |= aggs[i].kind == A_DISTINCT;
	if (distinct)
		distinct_batch(b, skip, gid);
}

static void
merge_row(const struct tsv_reader *r)
{
	uint32_t g;
	uint64_t n = 0;
	size_t len;

	if ((pagg_col < 0 || r->field[pagg_col].len == 0) &&
	    read_count(r, &r->field[count_col], &n) < 0) {
		n_bad++;
		return;			/* a bad row adds no group */
	}
	len = group_key(r->field, 0, NULL, 0);
	if ((fill_lo != INT64_MIN || fill_hi != INT64_MAX) && !bucket_in_range(kbuf, len)) {
		n_filtered++;
		return;
	}
	g = group_id(len);
	if (pagg_col >= 0 && r->field[pagg_col].len > 0) {
		const struct tsv_field *f = &r->field[pagg_col];

		for (size_t i = 0; i < naggs; i++)
			if (aggs[i].kind == A_DISTINCT && strlen(aggs[i].out_name) == f->len &&
			    memcmp(aggs[i].out_name, f->p, f->len) == 0) {
				add_distinct(i, g, r->field[pval_col].p, r->field[pval_col].len);
				return;
			}
		warnx("%s:%llu: partial_agg \"%.*s\" is not a column of this tally",
		    tsv_name(r), tsv_lineno(r), (int)(f->len > 40 ? 40 : f->len), f->p);
		trouble = 1;
		n_bad++;
		return;
	}
	count[g] += n;
	for (size_t i = 0; i < naggs; i++) {
		struct agg *a = &aggs[i];
		const struct tsv_field *f = &r->field[a->col];
		fix x;

		if (a->kind == A_DISTINCT || f->len == 0)
			continue;
		switch (a->kind) {
		case A_FIRST:
		case A_LAST:
			update_firstlast(a, g, field_time(&r->field[a->tcol]), f->p, f->len);
			break;
		case A_MIN:
		case A_MAX:
			update_minmax(a, g, f->p, f->len);
			break;
		case A_SUM:
			if (parse_fix(f->p, f->len, &x) == 0) {
				a->x[g] += x;
				a->isnum[g] = 1;
			} else {
				warnx("%s:%llu: %s \"%.*s\" is not a number", tsv_name(r),
				    tsv_lineno(r), a->out_name, (int)(f->len > 40 ? 40 : f->len),
				    f->p);
				trouble = 1;
			}
			break;
		default:
			break;
		}
	}
}

static void
cohort_row(const struct tsv_reader *r, int fcol, int lcol)
{
	int64_t f = field_time(&r->field[fcol]), l = field_time(&r->field[lcol]), fd, ld;
	char label[32];
	size_t len;
	uint32_t g;

	if (f == NO_TIME) {
		n_filtered++;
		return;		/* never seen with a time: in no cohort */
	}
	if (l == NO_TIME || l < f)
		l = f;
	fd = time_day(f);
	ld = time_day(l);
	if (ld > data_end)
		data_end = ld;		/* --from and --to limit cohorts, not the data */
	if (fd < from_day || fd > to_day) {
		n_filtered++;
		return;
	}
	if (cohort_unit >= 0)
		len = time_bucket(f, (enum time_unit)cohort_unit, label);
	else
		len = (size_t)snprintf(label, sizeof(label), "all");
	g = group_id(group_key(r->field, 0, label, len));
	cnew[g]++;
	if (alive_day != INT64_MIN && ld >= alive_day)
		calive[g]++;
	for (size_t i = 0; i < nafter; i++)
		if (ld - fd >= after[i])
			cafter[(size_t)g * nafter + i]++;
}

static int
need_col(const struct tsv_reader *r, const char *name, const char *why)
{
	int c = tsv_col(r, name);

	if (c < 0)
		errx(EXIT_TROUBLE, "%s: no column \"%s\"%s", tsv_name(r), name, why);
	return c;
}

/* Resolve the group columns of r; time buckets where no column has the name. */
static void
resolve_groups(const struct tsv_reader *r)
{
	for (size_t i = 0; i < ngroups; i++) {
		groups[i].col = tsv_col(r, groups[i].name);
		groups[i].unit = -1;
		if (groups[i].col >= 0)
			continue;
		if (!merge && (groups[i].unit = time_unit_by_name(groups[i].name)) >= 0) {
			time_col = need_col(r, time_field, "");
			continue;
		}
		errx(EXIT_TROUBLE, "%s: no column \"%s\"", tsv_name(r), groups[i].name);
	}
}

/* --merge: aggregates come from the header, after the count column. */
static void
merge_header_aggs(const struct tsv_reader *r)
{
	size_t i, k;
	char *name;

	count_col = need_col(r, "count", " (--merge reads tally output)");
	pagg_col = tsv_col(r, "partial_agg");
	pval_col = tsv_col(r, "partial_value");
	if ((pagg_col < 0) != (pval_col < 0))
		errx(EXIT_TROUBLE, "%s:1: partial_agg and partial_value go together", tsv_name(r));
	if (ngroups == 0)
		for (i = 0; i < (size_t)count_col; i++)
			add_group(r->names[i]);
	for (i = (size_t)count_col + 1; i < r->ncols; i++) {
		name = r->names[i];
		if ((int)i == pagg_col || (int)i == pval_col)
			continue;
		k = strlen(name);
		if (k > 5 && strcmp(name + k - 5, ":time") == 0 &&
		    (strncmp(name, "first:", 6) == 0 || strncmp(name, "last:", 5) == 0))
			continue;
		add_agg(name, 1);
	}
	for (i = 0; i < naggs; i++) {
		struct agg *a = &aggs[i];
		char tname[512];

		a->col = tsv_col(r, a->out_name);
		if (a->kind == A_DISTINCT && pagg_col < 0)
			errx(EXIT_TROUBLE, "%s:1: %s cannot be merged exactly: tally the shards "
			    "with --partial", tsv_name(r), a->out_name);
		if (a->kind == A_FIRST || a->kind == A_LAST) {
			snprintf(tname, sizeof(tname), "%s:time", a->out_name);
			a->tcol = need_col(r, tname, " (--merge reads tally output)");
		}
	}
}

/*
 * The reader copies only the columns tally_batch reads, and batches hold
 * only those: the column numbers of this file's groups, aggregates, time
 * and --where become their places in the batch. The group columns come
 * first, so when every group is a column a batch row begins with the group
 * key as group_key would build it, and is nothing else when the groups
 * are all that is read.
 */
static void
pick_columns(struct tsv_reader *r)
{
	size_t *cols = xmalloc((ngroups + 1 + naggs + wheres.n) * sizeof(*cols)), n = 0, i;

	key_is_row = ngroups > 0;
	for (i = 0; i < ngroups; i++)
		if (groups[i].unit >= 0)
			key_is_row = 0;
	for (i = 0; i < ngroups; i++)
		if (groups[i].unit < 0)
			cols[n++] = (size_t)groups[i].col;
	if (time_col >= 0)
		cols[n++] = (size_t)time_col;
	for (i = 0; i < naggs; i++)
		cols[n++] = (size_t)aggs[i].col;
	for (i = 0; i < wheres.n; i++)
		cols[n++] = (size_t)wheres.w[i].col;
	tsv_pick(r, cols, n);
	n = 0;
	for (i = 0; i < ngroups; i++)
		if (groups[i].unit < 0)
			groups[i].col = (int)cols[n++];
	if (time_col >= 0)
		time_col = (int)cols[n++];
	for (i = 0; i < naggs; i++)
		aggs[i].col = (int)cols[n++];
	for (i = 0; i < wheres.n; i++)
		wheres.w[i].col = (int)cols[n++];
	if (key_is_row && n == ngroups)
		key_is_row = 2;		/* the row is the key */
	free(cols);
}

/* Close an input whose rows were read, counting them for --stats. */
static int
close_file(struct tsv_reader *r)
{
	n_rows += r->rows;
	n_wrong_width += r->skipped;
	return tsv_close(r);
}

/* The first second of the --fill bucket holding the time t. */
static int64_t
bucket_start(int64_t t)
{
	char b[TIME_BUCKET_MAX];
	size_t n = time_bucket(t, fill_unit, b);

	time_bucket_parse(b, n, fill_unit, &t);		/* a label always parses */
	return t;
}

/*
 * --fill: the group that is the time bucket (with --cohort, the cohort),
 * and the buckets --from and --to fall in. Called once the groups are
 * known: after the options, or with --merge and no -g after the header
 * of r.
 */
static void
resolve_fill(const struct tsv_reader *r)
{
	size_t n = 0;
	int unit;

	if (cohort_unit >= 0) {
		fill_field = (int)ngroups;
		fill_unit = (enum time_unit)cohort_unit;
	} else {
		for (size_t i = 0; i < ngroups; i++)
			if ((unit = time_unit_by_name(groups[i].name)) >= 0) {
				fill_field = (int)i;
				fill_unit = (enum time_unit)unit;
				n++;
			}
		if (n != 1 && r)
			errx(EXIT_TROUBLE, "%s:1: --fill needs one time bucket among the "
			    "columns before count: hour, day, week or month", tsv_name(r));
		if (n != 1)
			errx(EXIT_TROUBLE, "--fill needs one time bucket among the groups: "
			    "--by UNIT, or one of hour, day, week, month in -g");
	}
	if (from_day != INT64_MIN)
		fill_lo = bucket_start(from_day * DAY_SECONDS);
	if (to_day != INT64_MAX)
		fill_hi = bucket_start(to_day * DAY_SECONDS + DAY_SECONDS - 1);
}

static int
tally_file(void *ctx, const char *path)
{
	struct tsv_reader *r;
	int rc, fcol = -1, lcol = -1;

	(void)ctx;
	if ((r = tsv_open(path)) == NULL)
		return -1;
	if (r->ncols == 0)
		return tsv_close(r);
	if (merge) {
		if (merge_header == NULL) {
			merge_header_aggs(r);
			merge_header = xmemdup(r->header, r->header_len);
			merge_header_len = r->header_len;
			merge_name = xstrdup(tsv_name(r));
			if (fill && fill_field < 0)
				resolve_fill(r);	/* the groups are the header's */
		} else if (r->header_len != merge_header_len ||
		    memcmp(r->header, merge_header, merge_header_len) != 0) {
			warnx("%s:1: header differs from that of %s", tsv_name(r), merge_name);
			tsv_close(r);
			return -1;
		}
	}
	resolve_groups(r);
	if (where_resolve(&wheres, (const char *const *)r->names, r->ncols, tsv_name(r)) < 0)
		exit(EXIT_TROUBLE);
	if (cohort_unit != -2) {
		fcol = need_col(r, "first_time", " (--cohort reads dedupe --count output)");
		lcol = need_col(r, "last_time", " (--cohort reads dedupe --count output)");
	} else if (!merge)
		for (size_t i = 0; i < naggs; i++) {
			aggs[i].col = need_col(r, aggs[i].col_name, "");
			if (aggs[i].kind == A_FIRST || aggs[i].kind == A_LAST)
				time_col = need_col(r, time_field, "");
		}
	if (cohort_unit == -2 && !merge) {
		pick_columns(r);
		tsv_read_ahead(r);	/* tally_batch writes no messages */
		while (tsv_next_batch(r, &batch) > 0)
			tally_batch(&batch);
		return close_file(r);
	}
	while ((rc = tsv_next(r)) > 0) {
		if (wheres.n && !where_row(&wheres, r->field)) {
			n_filtered++;
			continue;
		}
		if (cohort_unit != -2)
			cohort_row(r, fcol, lcol);
		else
			merge_row(r);
	}
	return close_file(r);
}

/* Group keys compare field by field: a tab ends a field, so it sorts first. */
static int
key_cmp(const char *a, size_t an, const char *b, size_t bn)
{
	size_t i = 0, n = an < bn ? an : bn;
	uint64_t x, y;

	/* Eight bytes at a time to the first difference (keys share prefixes). */
	for (; i + 8 <= n; i += 8) {
		memcpy(&x, a + i, 8);
		memcpy(&y, b + i, 8);
		if (x != y)
			break;
	}
	for (; i < n && a[i] == b[i]; i++)
		;
	if (i == n)
		return (an > bn) - (an < bn);
	if (a[i] == '\t')
		return -1;
	if (b[i] == '\t')
		return 1;
	return (unsigned char)a[i] < (unsigned char)b[i] ? -1 : 1;
}

/* Field i of a group key. */
static const char *
key_field(const char *k, size_t n, size_t i, size_t *len)
{
	const char *end = k + n, *tab;

	for (;;) {
		tab = memchr(k, '\t', (size_t)(end - k));
		if (i-- == 0) {
			*len = (size_t)((tab ? tab : end) - k);
			return k;
		}
		k = tab ? tab + 1 : end;
	}
}

/*
 * --fill with --from or --to: whether the bucket of group key k is one of
 * theirs. A key with no bucket there (a row without a time) has no time to
 * be out of range.
 */
static int
bucket_in_range(const char *k, size_t n)
{
	const char *f;
	size_t len;
	int64_t t;

	f = key_field(k, n, (size_t)fill_field, &len);
	return time_bucket_parse(f, len, fill_unit, &t) < 0 ||
	    (t >= fill_lo && t <= fill_hi);
}

/*
 * --fill: each combination of the other group fields gets every bucket
 * from the first to the last seen (or those of --from and --to), as a
 * group of its own with nothing counted; so the table grows by what is
 * written, no more. A combination is a key with its bucket field emptied,
 * which is also the key of its rows without a time: they set no bound.
 */
static void
fill_buckets(void)
{
	struct hash_table rest;
	int64_t lo = INT64_MAX, hi = INT64_MIN, t;
	uint32_t n = gt.n, g;
	const char *k, *f;
	size_t kn, len, at, need;
	char b[TIME_BUCKET_MAX];

	hash_init(&rest);
	for (g = 0; g < n; g++) {
		k = hash_key(&gt, g, &kn);
		f = key_field(k, kn, (size_t)fill_field, &len);
		if (time_bucket_parse(f, len, fill_unit, &t) == 0) {
			lo = t < lo ? t : lo;
			hi = t > hi ? t : hi;
		}
		if (kn + 1 > kcap)
			xgrow(&kbuf, &kcap, kn + 1);
		at = (size_t)(f - k);
		memcpy(kbuf, k, at);
		memcpy(kbuf + at, f + len, kn - at - len);
		hash_put(&rest, kbuf, kn - len, NULL);
	}
	if (from_day != INT64_MIN)
		lo = fill_lo;
	if (to_day != INT64_MAX)
		hi = fill_hi;
	for (g = 0; g < rest.n; g++)
		for (t = lo; t <= hi; t = time_bucket_next(t, fill_unit)) {
			uint32_t id, old = gt.n;

			k = hash_key(&rest, g, &kn);
			f = key_field(k, kn, (size_t)fill_field, &len);
			at = (size_t)(f - k);
			len = time_bucket(t, fill_unit, b);
			need = kn + len;
			if (need > kcap)
				xgrow(&kbuf, &kcap, need);
			memcpy(kbuf, k, at);
			memcpy(kbuf + at, b, len);
			memcpy(kbuf + at + len, k + at, kn - at);
			if ((id = group_id(need)) < old)
				continue;
			/* An empty bucket sums to 0; it has no first, last, min or max. */
			for (size_t i = 0; i < naggs; i++)
				if (aggs[i].kind == A_SUM)
					aggs[i].isnum[id] = 1;
		}
	hash_free(&rest);
}

/*
 * --cohort: how many days after their first day the keys of cohort key k
 * can all have been seen again by the end of the data: the data's last day
 * less the last day a key of the cohort can have been first seen (the
 * cohort's, --to's or the data's last day); -1 when the cohort starts after
 * the data ends, so nothing about it is known.
 */
static int64_t
cohort_span(const char *k, size_t n)
{
	int64_t first = from_day, last = to_day < data_end ? to_day : data_end, t, d;
	const char *f;
	size_t len;

	if (data_end == INT64_MIN)
		return -1;
	if (cohort_unit >= 0) {
		f = key_field(k, n, ngroups, &len);
		if (time_bucket_parse(f, len, (enum time_unit)cohort_unit, &t) < 0)
			return -1;
		if ((d = time_day(t)) > first)
			first = d;
		if ((d = time_day(time_bucket_next(t, (enum time_unit)cohort_unit)) - 1) < last)
			last = d;
	}
	return first > data_end ? -1 : data_end - last;
}

/* What --sort names: -1 group, -2 count, 0..: a group column, 100+: an aggregate. */
static int sort_what = -2;

/* The orders sort_order does not hand to hash_sort. */
static int
by_sort(const void *pa, const void *pb)
{
	uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
	const char *ka, *kb, *fa, *fb;
	size_t na, nb, la, lb;
	int c = 0;

	if (sort_what >= 100) {
		struct agg *ag = &aggs[sort_what - 100];

		if (ag->kind == A_SUM)
			c = ag->x[a] > ag->x[b] ? -1 : ag->x[a] < ag->x[b];
		else if (ag->v[a] == NO_VALUE || ag->v[b] == NO_VALUE)
			c = (ag->v[a] == NO_VALUE) - (ag->v[b] == NO_VALUE);
		else {
			fa = hash_key(&vals, ag->v[a], &la);
			fb = hash_key(&vals, ag->v[b], &lb);
			c = value_cmp(ag->isnum ? ag->isnum[a] : 0, ag->x ? ag->x[a] : 0, fa, la,
			    ag->isnum ? ag->isnum[b] : 0, ag->x ? ag->x[b] : 0, fb, lb);
		}
	} else if (sort_what >= 0) {
		ka = hash_key(&gt, a, &na);
		kb = hash_key(&gt, b, &nb);
		fa = key_field(ka, na, (size_t)sort_what, &la);
		fb = key_field(kb, nb, (size_t)sort_what, &lb);
		c = key_cmp(fa, la, fb, lb);
	}
	if (reverse)
		c = -c;
	if (c)
		return c;
	/* Only now the keys: most comparisons are settled by the numbers. */
	ka = hash_key(&gt, a, &na);
	kb = hash_key(&gt, b, &nb);
	return key_cmp(ka, na, kb, nb);
}

/*
 * Sort the groups to write; returns order, which may have moved. Numbers
 * (counts, distinct values; biggest first) with ties by key, and keys
 * alone, are hash_sort's: it compares keys as key_cmp does (a tab sorts
 * first) without a comparison per pair.
 */
static uint32_t *
sort_order(uint32_t *order, size_t n)
{
	if (sort_what == -2)
		return hash_sort(&gt, order, n, count, !reverse, '\t');
	if (sort_what == -1)
		return hash_sort(&gt, order, n, NULL, 0, '\t');
	if (sort_what >= 100 && aggs[sort_what - 100].kind == A_DISTINCT)
		return hash_sort(&gt, order, n, aggs[sort_what - 100].n, !reverse, '\t');
	qsort(order, n, sizeof(*order), by_sort);
	return order;
}

static void
resolve_sort(void)
{
	if (sort_name == NULL || strcmp(sort_name, "count") == 0)
		return;
	if (strcmp(sort_name, "group") == 0) {
		sort_what = -1;
		return;
	}
	for (size_t i = 0; i < ngroups; i++)
		if (strcmp(groups[i].name, sort_name) == 0) {
			sort_what = (int)i;
			return;
		}
	for (size_t i = 0; i < naggs; i++)
		if (strcmp(aggs[i].out_name, sort_name) == 0) {
			sort_what = 100 + (int)i;
			return;
		}
	errx(EXIT_TROUBLE, "--sort \"%s\" is not an output column", sort_name);
}

/* Group keys and values are fields as read: tsv_write_escaped writes them. */
static void
put_value(uint32_t v)
{
	const char *p;
	size_t n;

	if (v == NO_VALUE)
		return;
	p = hash_key(&vals, v, &n);
	tsv_write_escaped(stdout, p, n);
}

static void
write_header(void)
{
	for (size_t i = 0; i < ngroups; i++)
		printf("%s\t", groups[i].name);
	if (cohort_unit != -2) {
		fputs("cohort\tnew", stdout);
		if (alive_day != INT64_MIN)
			fputs("\talive", stdout);
		for (size_t i = 0; i < nafter; i++)
			printf("\tafter_%ld", after[i]);
		putchar('\n');
		return;
	}
	fputs("count", stdout);
	for (size_t i = 0; i < naggs; i++) {
		printf("\t%s", aggs[i].out_name);
		if (aggs[i].kind == A_FIRST || aggs[i].kind == A_LAST)
			printf("\t%s:time", aggs[i].out_name);
	}
	if (partial)
		fputs("\tpartial_agg\tpartial_value", stdout);
	putchar('\n');
}

/* A count in decimal; printf's formatting machinery costs more than the row. */
static void
put_u64(uint64_t v)
{
	char buf[24], *p = buf + sizeof(buf);

	do
		*--p = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	fwrite(p, 1, (size_t)(buf + sizeof(buf) - p), stdout);
}

static void
write_row(uint32_t g)
{
	const char *k;
	size_t n;
	char iso[TIME_ISO_LEN + 1];

	k = hash_key(&gt, g, &n);
	tsv_write_escaped(stdout, k, n);
	if (ngroups || cohort_unit != -2)
		putchar('\t');
	if (cohort_unit != -2) {
		/* A cell the data cannot show yet is empty, not 0. */
		int64_t span = cohort_span(k, n);

		put_u64(cnew[g]);
		if (alive_day != INT64_MIN) {
			putchar('\t');
			if (span >= 0 && alive_day <= data_end)
				put_u64(calive[g]);
		}
		for (size_t i = 0; i < nafter; i++) {
			putchar('\t');
			if (after[i] <= span)
				put_u64(cafter[(size_t)g * nafter + i]);
		}
		putchar('\n');
		return;
	}
	put_u64(count[g]);
	for (size_t i = 0; i < naggs; i++) {
		struct agg *a = &aggs[i];

		putchar('\t');
		switch (a->kind) {
		case A_DISTINCT:
			put_u64(a->n[g]);
			break;
		case A_FIRST:
		case A_LAST:
			put_value(a->v[g]);
			putchar('\t');
			if (a->t[g] != NO_TIME) {
				time_format(a->t[g], iso);
				fputs(iso, stdout);
			}
			break;
		case A_MIN:
		case A_MAX:
			put_value(a->v[g]);
			break;
		case A_SUM:
			if (a->isnum[g])
				put_fix(a->x[g]);
			break;
		}
	}
	if (partial)
		fputs("\t\t", stdout);
	putchar('\n');
}

/* --partial: the distinct values of each group, one row each. */
static uint32_t *rank;

static int
by_pair(const void *pa, const void *pb)
{
	size_t na, nb;
	const char *a = hash_key(&pairs, *(const uint32_t *)pa, &na);
	const char *b = hash_key(&pairs, *(const uint32_t *)pb, &nb);
	uint32_t ga, gb;
	int c;

	memcpy(&ga, a, 4);
	memcpy(&gb, b, 4);
	if (rank[ga] != rank[gb])
		return rank[ga] < rank[gb] ? -1 : 1;
	if (a[4] != b[4])
		return (unsigned char)a[4] < (unsigned char)b[4] ? -1 : 1;
	c = memcmp(a + 5, b + 5, (na < nb ? na : nb) - 5);
	return c ? c : (na > nb) - (na < nb);
}

static void
write_partial(const uint32_t *order, size_t n)
{
	uint32_t *p = xmalloc((pairs.n ? pairs.n : 1) * sizeof(*p)), g, i, j = 0;
	const char *k, *gk;
	size_t kn, gn, ai;

	rank = xmalloc((gt.n ? gt.n : 1) * sizeof(*rank));
	for (i = 0; i < n; i++)
		rank[order[i]] = i;
	for (i = 0; i < pairs.n; i++)
		p[i] = i;
	qsort(p, pairs.n, sizeof(*p), by_pair);
	for (i = 0; i < n; i++) {
		write_row(order[i]);
		for (; j < pairs.n; j++) {
			k = hash_key(&pairs, p[j], &kn);
			memcpy(&g, k, 4);
			if (g != order[i])
				break;
			ai = (unsigned char)k[4];
			gk = hash_key(&gt, g, &gn);
			tsv_write_escaped(stdout, gk, gn);
			if (ngroups)
				putchar('\t');
			/* Empty aggregate fields: a value row carries only its value. */
			fputs("0", stdout);
			for (size_t m = 0; m < naggs; m++)
				fputs(aggs[m].kind == A_FIRST || aggs[m].kind == A_LAST ?
				    "\t\t" : "\t", stdout);
			printf("\t%s\t", aggs[ai].out_name);
			tsv_write_escaped(stdout, k + 5, kn - 5);
			putchar('\n');
		}
	}
	free(rank);
	free(p);
}

/* --wide: the last group column's values become columns of counts. */
static void
write_wide(const uint32_t *order, size_t n)
{
	struct hash_table rows, cols;
	uint64_t *cell, *rowtotal;
	uint32_t *rorder, *corder, i, r, c;
	const char *k, *last;
	size_t kn, ln, rn;
	int added;

	hash_init(&rows);
	hash_init(&cols);
	for (i = 0; i < n; i++) {
		k = hash_key(&gt, order[i], &kn);
		last = key_field(k, kn, ngroups - 1, &ln);
		hash_put(&cols, last, ln, NULL);
		hash_put(&rows, k, (size_t)(last - k) - 1, NULL);
	}
	n_out = rows.n;		/* --stats: the rows written, after the pivot */
	cell = xcalloc((size_t)rows.n * (cols.n ? cols.n : 1) + 1, sizeof(*cell));
	rowtotal = xcalloc((size_t)rows.n + 1, sizeof(*rowtotal));
	for (i = 0; i < n; i++) {
		k = hash_key(&gt, order[i], &kn);
		last = key_field(k, kn, ngroups - 1, &ln);
		r = hash_put(&rows, k, (size_t)(last - k) - 1, &added);
		c = hash_put(&cols, last, ln, &added);
		cell[(size_t)r * cols.n + c] += count[order[i]];
		rowtotal[r] += count[order[i]];
	}
	/* Columns by their value; rows in the order of their first group. */
	corder = xmalloc((cols.n ? cols.n : 1) * sizeof(*corder));
	for (i = 0; i < cols.n; i++)
		corder[i] = i;
	for (i = 1; i < cols.n; i++) {		/* few columns: insertion sort */
		uint32_t x = corder[i], j = i;
		const char *xk = hash_key(&cols, x, &kn), *yk;

		while (j > 0 && (yk = hash_key(&cols, corder[j - 1], &rn),
		    key_cmp(yk, rn, xk, kn) > 0)) {
			corder[j] = corder[j - 1];
			j--;
		}
		corder[j] = x;
	}
	for (i = 0; i + 1 < ngroups; i++)
		printf("%s\t", groups[i].name);
	for (i = 0; i < cols.n; i++) {
		k = hash_key(&cols, corder[i], &kn);
		if (kn == 0)
			fputs("(empty)", stdout);
		else
			tsv_write_escaped(stdout, k, kn);
		putchar('\t');
	}
	fputs("count\n", stdout);
	rorder = xmalloc((rows.n ? rows.n : 1) * sizeof(*rorder));
	for (i = 0; i < rows.n; i++)
		rorder[i] = i;
	for (i = 0; i < rows.n; i++) {
		r = rorder[i];
		k = hash_key(&rows, r, &kn);
		tsv_write_escaped(stdout, k, kn);
		for (c = 0; c < cols.n; c++)
			printf("\t%" PRIu64, cell[(size_t)r * cols.n + corder[c]]);
		printf("\t%" PRIu64 "\n", rowtotal[r]);
	}
	free(rorder);
	free(corder);
	free(cell);
	free(rowtotal);
	hash_free(&rows);
	hash_free(&cols);
}

static void
write_all(void)
{
	uint32_t *order;
	size_t n = 0;

	if (fill_field >= 0)
		fill_buckets();
	hash_freeze(&gt);	/* no more lookups: room for the order and its sort */
	order = xmalloc((gt.n ? gt.n : 1) * sizeof(*order));
	for (uint32_t g = 0; g < gt.n; g++)
		if (cohort_unit != -2 || partial || count[g] >= min_count)
			order[n++] = g;
	if (cohort_unit != -2)
		sort_what = -1;		/* cohorts: by group, so by time */
	order = sort_order(order, n);
	if (top_n && n > top_n)
		n = (size_t)top_n;
	n_out = n;
	if (wide)
		write_wide(order, n);
	else if (partial) {
		write_header();
		write_partial(order, n);
	} else {
		write_header();
		/* The rows' keys and counts are all over memory: fetch them ahead. */
		flockfile(stdout);
		for (size_t i = 0; i < n; i++) {
			hash_key_ahead(&gt, order, n, i);
			if (i + 8 < n)
				__builtin_prefetch(&count[order[i + 8]]);
			write_row(order[i]);
		}
		funlockfile(stdout);
	}
	free(order);
}

static void
add_group_opt(const char *name)
{
	add_group(name);
}

static void
free_all(void)
{
	for (size_t i = 0; i < ngroups; i++)
		free(groups[i].name);
	for (size_t i = 0; i < naggs; i++) {
		free(aggs[i].col_name);
		free(aggs[i].out_name);
		free(aggs[i].n);
		free(aggs[i].t);
		free(aggs[i].v);
		free(aggs[i].x);
		free(aggs[i].isnum);
	}
	where_free(&wheres);
	free(after);
	free(group_spec);
	free(count);
	free(cnew);
	free(calive);
	free(cafter);
	free(kbuf);
	free(dbuf);
	free(dq);
	free(doff);
	tsv_batch_free(&batch);
	free(merge_header);
	free(merge_name);
	hash_free(&gt);
	hash_free(&vals);
	hash_free(&pairs);
}

static unsigned long long
count_arg(const char *opt, const char *s)
{
	unsigned long long v;

	if (parse_count(s, UINT64_MAX, &v) < 0)
		errx(EXIT_TROUBLE, "bad %s \"%s\": want a count", opt, s);
	return v;
}

int
main(int argc, char *argv[])
{
	enum { O_BY = 256, O_MINCOUNT, O_SORT, O_MERGE, O_PARTIAL, O_WIDE, O_COHORT,
	    O_FROM, O_TO, O_ALIVE, O_AFTER, O_WHERE, O_STATS, O_PROGRESS, O_FILES0,
	    O_FILL };
	static const struct option longopts[] = {
		{ "after",	required_argument,	NULL, O_AFTER },
		{ "aggregate",	required_argument,	NULL, 'a' },
		{ "alive-on",	required_argument,	NULL, O_ALIVE },
		{ "by",		required_argument,	NULL, O_BY },
		{ "cohort",	required_argument,	NULL, O_COHORT },
		{ "files0-from", required_argument,	NULL, O_FILES0 },
		{ "fill",	no_argument,		NULL, O_FILL },
		{ "from",	required_argument,	NULL, O_FROM },
		{ "group",	required_argument,	NULL, 'g' },
		{ "help",	no_argument,		NULL, 'h' },
		{ "merge",	no_argument,		NULL, O_MERGE },
		{ "min-count",	required_argument,	NULL, O_MINCOUNT },
		{ "partial",	no_argument,		NULL, O_PARTIAL },
		{ "progress",	no_argument,		NULL, O_PROGRESS },
		{ "reverse",	no_argument,		NULL, 'r' },
		{ "sort",	required_argument,	NULL, O_SORT },
		{ "stats",	no_argument,		NULL, O_STATS },
		{ "time-field",	required_argument,	NULL, 't' },
		{ "to",		required_argument,	NULL, O_TO },
		{ "top",	required_argument,	NULL, 'n' },
		{ "version",	no_argument,		NULL, 'V' },
		{ "where",	required_argument,	NULL, O_WHERE },
		{ "wide",	no_argument,		NULL, O_WIDE },
		{ NULL,		0,			NULL, 0 }
	};
	const char *files0 = NULL, *from_arg = NULL, *to_arg = NULL;
	int ch, status = EXIT_OK;

	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":a:g:hn:rt:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'a':
			split_list(optarg, add_agg_opt);
			break;
		case 'g':
			split_list(optarg, add_group_opt);
			break;
		case 'h':
			usage(stdout, EXIT_OK);
			break;
		case 'n':
			top_n = count_arg("-n", optarg);
			break;
		case 'r':
			reverse = 1;
			break;
		case 't':
			if (*optarg == '\0')
				errx(EXIT_TROUBLE, "empty field name for -t");
			time_field = optarg;
			break;
		case 'V':
			print_version();
			return EXIT_OK;
		case O_AFTER:
			split_list(optarg, add_after);
			break;
		case O_ALIVE:
			alive_day = day_arg("--alive-on", optarg);
			break;
		case O_BY:
			if ((by_unit = time_unit_by_name(optarg)) < 0)
				errx(EXIT_TROUBLE, "bad --by \"%s\": want hour, day, week or month",
				    optarg);
			break;
		case O_FILES0:
			files0 = optarg;
			break;
		case O_FILL:
			fill = 1;
			break;
		case O_COHORT:
			if (strcmp(optarg, "all") == 0)
				cohort_unit = -1;
			else if ((cohort_unit = time_unit_by_name(optarg)) < 0 ||
			    cohort_unit == TIME_HOUR)
				errx(EXIT_TROUBLE, "bad --cohort \"%s\": want day, week, month or "
				    "all", optarg);
			break;
		case O_FROM:
			from_day = day_arg("--from", optarg);
			from_arg = optarg;
			break;
		case O_MERGE:
			merge = 1;
			break;
		case O_MINCOUNT:
			min_count = count_arg("--min-count", optarg);
			break;
		case O_PARTIAL:
			partial = 1;
			break;
		case O_PROGRESS:
			show_progress = 1;
			break;
		case O_SORT:
			sort_name = optarg;
			break;
		case O_STATS:
			show_stats = 1;
			break;
		case O_TO:
			to_day = day_arg("--to", optarg);
			to_arg = optarg;
			break;
		case O_WHERE:
			if (where_add(&wheres, optarg) < 0)
				exit(EXIT_TROUBLE);
			break;
		case O_WIDE:
			wide = 1;
			break;
		case ':':
			errx(EXIT_TROUBLE, "option %s needs an argument", argv[optind - 1]);
			break;
		default:
			if (optopt)
				errx(EXIT_TROUBLE, "unknown option -%c (see --help)", optopt);
			errx(EXIT_TROUBLE, "unknown option %s (see --help)", argv[optind - 1]);
		}
	}
	argc -= optind;
	argv += optind;
	if (by_unit >= 0) {
		static const char *const names[] = { "hour", "day", "week", "month" };

		add_group(names[by_unit]);
	}
	if (merge && naggs)
		errx(EXIT_TROUBLE, "--merge takes its aggregates from the input; drop -a");
	if (partial && (top_n || min_count || wide))
		errx(EXIT_TROUBLE, "--partial keeps every group: drop -n, --min-count, --wide");
	if (wide && (naggs || ngroups < 2))
		errx(EXIT_TROUBLE, "--wide needs two or more group columns and no -a");
	if (cohort_unit != -2 && (merge || partial || wide || naggs))
		errx(EXIT_TROUBLE, "--cohort goes with -g, --from, --to, --alive-on, --after, "
		    "--fill");
	if (cohort_unit == -2 && (nafter || alive_day != INT64_MIN))
		errx(EXIT_TROUBLE, "--alive-on and --after need --cohort");
	if (cohort_unit == -2 && !fill && (from_day != INT64_MIN || to_day != INT64_MAX))
		errx(EXIT_TROUBLE, "--from and --to need --cohort or --fill");
	if (from_day > to_day)
		errx(EXIT_TROUBLE, "--from %s is after --to %s", from_arg, to_arg);
	if (fill && partial)
		errx(EXIT_TROUBLE, "--fill goes on the --merge of the partials, not on --partial");
	if (fill && min_count)
		errx(EXIT_TROUBLE, "--fill writes every bucket: drop --min-count");
	if (fill && cohort_unit == -1)
		errx(EXIT_TROUBLE, "--fill needs --cohort day, week or month, not all");
	if (fill && (cohort_unit != -2 || !merge || ngroups))
		resolve_fill(NULL);

	if (show_progress)
		progress_start("tally");
	if (each_input(argc, argv, files0, tally_file, NULL) < 0)
		status = EXIT_TROUBLE;
	progress_end();
	if (!wide || gt.n)
		resolve_sort();
	write_all();
	/*
	 * Every row read is accounted for: in = counted + filtered + skipped;
	 * out is the groups written.
	 */
	if (show_stats)
		fprintf(stderr, "tally: %" PRIu64 " in, %" PRIu64 " out (groups), %" PRIu64
		    " skipped (%" PRIu64 " wrong width, %" PRIu64 " bad count); %" PRIu64
		    " counted, %" PRIu64 " filtered\n", n_rows + n_wrong_width, n_out,
		    n_wrong_width + n_bad, n_wrong_width, n_bad, n_rows - n_bad - n_filtered,
		    n_filtered);
	if (trouble)
		status = EXIT_TROUBLE;
	free_all();
	return close_stdout(status);
}
