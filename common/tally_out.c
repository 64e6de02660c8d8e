/*
 * tally_out: tally's output, always sorted and never in hash order, so
 * that two runs over the same rows write the same bytes: the --sort order,
 * the header, a row per group with its aggregates, --partial's value rows
 * and --wide's pivot. See tally.h.
 *	tally -g platform -a sum:bytes --sort sum:bytes -n 10
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "groupkey.h"
#include "msg.h"
#include "pivot.h"
#include "tally.h"
#include "tsv.h"
#include "util.h"

void
sort_resolve(struct tally *t, const char *name)
{
	if (name == NULL || strcmp(name, "count") == 0)
		return;
	if (strcmp(name, "group") == 0) {
		t->sort_what = SORT_GROUP;
		return;
	}
	for (size_t i = 0; i < t->ngroups; i++)
		if (strcmp(t->groups[i].name, name) == 0) {
			t->sort_what = (int)i;
			return;
		}
	for (size_t i = 0; i < t->naggs; i++)
		if (strcmp(t->aggs[i].out_name, name) == 0) {
			t->sort_what = SORT_AGG + (int)i;
			return;
		}
	xerrx(EXIT_TROUBLE, "--sort \"%s\" is not an output column", name);
}

/* The orders sort_order does not hand to hash_sort. */
static int
by_sort(const void *pa, const void *pb, void *arg)
{
	const struct tally *t = arg;
	uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
	const char *ka, *kb, *fa, *fb;
	size_t na, nb, la, lb;
	int c = 0;

	if (t->sort_what >= SORT_AGG) {
		const struct agg *ag = &t->aggs[t->sort_what - SORT_AGG];

		c = ag->op->cmp(&t->store, AGG_STATE(ag, a), AGG_STATE(ag, b));
	} else if (t->sort_what >= 0) {
		ka = hash_key(&t->gt, a, &na);
		kb = hash_key(&t->gt, b, &nb);
		fa = key_field(ka, na, (size_t)t->sort_what, &la);
		fb = key_field(kb, nb, (size_t)t->sort_what, &lb);
		c = key_cmp(fa, la, fb, lb);
	}
	if (t->reverse)
		c = -c;
	if (c)
		return c;
	/* Only now the keys: most comparisons are settled by the numbers. */
	ka = hash_key(&t->gt, a, &na);
	kb = hash_key(&t->gt, b, &nb);
	return key_cmp(ka, na, kb, nb);
}

/*
 * Sort the groups to write; returns order, which may have moved. Numbers
 * (counts, distinct values; biggest first) with ties by key, and keys
 * alone, are hash_sort's: it compares keys as key_cmp does (a tab sorts
 * first) without a comparison per pair.
 */
static uint32_t *
sort_order(struct tally *t, uint32_t *order, size_t n)
{
	const struct agg *ag;

	if (t->sort_what == SORT_COUNT)
		return hash_sort(&t->gt, order, n, t->count, !t->reverse, '\t');
	if (t->sort_what == SORT_GROUP)
		return hash_sort(&t->gt, order, n, NULL, 0, '\t');
	if (t->sort_what >= SORT_AGG) {
		ag = &t->aggs[t->sort_what - SORT_AGG];
		if (ag->op->flags & AGG_DISTINCT)	/* states are uint64_t counts */
			return hash_sort(&t->gt, order, n, (const uint64_t *)(void *)ag->st,
			    !t->reverse, '\t');
	}
	sort_r(order, n, sizeof(*order), by_sort, t);
	return order;
}

/*
 * Every name is written once (the next filter refuses a header naming a
 * column twice): the group columns as given, then count and the
 * aggregates, each renamed NAME~2 (the first free) when taken, as the
 * count of a tally of counts: tally -g key | tally -g count.
 */
static void
write_header(const struct tally *t)
{
	struct tsv_unique u = TSV_UNIQUE_INIT;
	const char *w;
	char *timed;
	size_t n;

	for (size_t i = 0; i < t->ngroups; i++) {
		w = tsv_unique_name(&u, t->groups[i].name, strlen(t->groups[i].name), &n);
		fwrite(w, 1, n, stdout);
		putchar('\t');
	}
	if (t->cohort.unit != COHORT_OFF) {
		cohort_header(&t->cohort);
		putchar('\n');
		tsv_unique_free(&u);
		return;
	}
	w = tsv_unique_name(&u, "count", 5, &n);
	fwrite(w, 1, n, stdout);
	for (size_t i = 0; i < t->naggs; i++) {
		const char *name = t->aggs[i].out_name;

		putchar('\t');
		w = tsv_unique_name(&u, name, strlen(name), &n);
		fwrite(w, 1, n, stdout);
		if (t->aggs[i].op->flags & AGG_TIMED) {
			timed = xmalloc(strlen(name) + sizeof(":time"));
			strcpy(stpcpy(timed, name), ":time");
			putchar('\t');
			w = tsv_unique_name(&u, timed, strlen(timed), &n);
			fwrite(w, 1, n, stdout);
			free(timed);
		}
	}
	if (t->partial) {
		w = tsv_unique_name(&u, "partial_agg", 11, &n);
		printf("\t%.*s", (int)n, w);
		w = tsv_unique_name(&u, "partial_value", 13, &n);
		printf("\t%.*s", (int)n, w);
	}
	putchar('\n');
	tsv_unique_free(&u);
}

/* Group g's row; k: its key, n bytes. */
static void
write_row_key(const struct tally *t, uint32_t g, const char *k, size_t n)
{
	tsv_write_escaped(stdout, k, n);
	if (t->ngroups || t->cohort.unit != COHORT_OFF)
		putchar('\t');
	if (t->cohort.unit != COHORT_OFF) {
		cohort_put(&t->cohort, g, k, n, t->ngroups);
		putchar('\n');
		return;
	}
	agg_put_u64(t->count[g]);
	for (size_t i = 0; i < t->naggs; i++) {
		putchar('\t');
		t->aggs[i].op->put(&t->store, AGG_STATE(&t->aggs[i], g));
	}
	if (t->partial)
		fputs("\t\t", stdout);
	putchar('\n');
}

static void
write_row(const struct tally *t, uint32_t g)
{
	const char *k;
	size_t n;

	k = hash_key(&t->gt, g, &n);
	write_row_key(t, g, k, n);
}

/* --partial: each group's row, then its distinct values, one row each. */
static void
write_partial(const struct tally *t, const uint32_t *order, size_t n)
{
	uint32_t *p, *rank, g, i, j = 0;
	const char *v, *gk;
	size_t vn, gn, ai;

	rank = xmalloc((t->gt.n ? t->gt.n : 1) * sizeof(*rank));
	for (i = 0; i < n; i++)
		rank[order[i]] = i;
	p = agg_distinct_order(&t->store, rank);
	for (i = 0; i < n; i++) {
		write_row(t, order[i]);
		for (; j < t->store.pairs.n; j++) {
			v = agg_pair(&t->store, p[j], &g, &ai, &vn);
			if (g != order[i])
				break;
			gk = hash_key(&t->gt, g, &gn);
			tsv_write_escaped(stdout, gk, gn);
			if (t->ngroups)
				putchar('\t');
			/* Empty aggregate fields: a value row carries only its value. */
			fputs("0", stdout);
			for (size_t m = 0; m < t->naggs; m++)
				fputs(t->aggs[m].op->flags & AGG_TIMED ? "\t\t" : "\t", stdout);
			putchar('\t');
			tsv_put_name(stdout, t->aggs[ai].out_name, 0);
			putchar('\t');
			tsv_write_escaped(stdout, v, vn);
			putchar('\n');
		}
	}
	free(rank);
	free(p);
}

static void
write_wide(struct tally *t, const uint32_t *order, size_t n)
{
	const char **names = xmalloc((t->ngroups + 1) * sizeof(*names));

	for (size_t i = 0; i < t->ngroups; i++)
		names[i] = t->groups[i].name;
	/* --stats: the rows written, after the pivot */
	t->n_out = pivot_write(&t->gt, order, n, t->count, names, t->ngroups);
	free(names);
}

/*
 * The plain rows by count or by group: hash_sort_refs hands back each
 * group's key record, which begins with its number, so a row costs two
 * reads from all over memory (the record, then its count) instead of four
 * (the number, its reference, the record, the count).
 */
static int
write_sorted(struct tally *t, uint32_t *order, size_t n)
{
	const char *k;
	size_t len, i;
	uint32_t g;

	if (t->sort_what == SORT_COUNT)
		order = hash_sort_refs(&t->gt, order, n, t->count, !t->reverse, '\t');
	else if (t->sort_what == SORT_GROUP)
		order = hash_sort_refs(&t->gt, order, n, NULL, 0, '\t');
	else
		return 0;
	if (t->top_n && n > t->top_n)
		n = (size_t)t->top_n;
	t->n_out = n;
	write_header(t);
	flockfile(stdout);
	for (i = 0; i < n; i++) {
		hash_ref_ahead(&t->gt, order, n, i);
		if (i + 8 < n)
			__builtin_prefetch(&t->count[hash_ref_id(&t->gt, order[i + 8])]);
		k = hash_ref_key(&t->gt, order[i], &g, &len);
		write_row_key(t, g, k, len);
	}
	funlockfile(stdout);
	free(order);
	return 1;
}

void
tally_write(struct tally *t)
{
	uint32_t *order;
	size_t n = 0;
	int cohort = t->cohort.unit != COHORT_OFF;

	if (t->fill_field >= 0)
		fill_buckets(t);
	hash_freeze(&t->gt);	/* no more lookups: room for the order and its sort */
	order = xmalloc((t->gt.n ? t->gt.n : 1) * sizeof(*order));
	for (uint32_t g = 0; g < t->gt.n; g++)
		if (cohort || t->partial || t->count[g] >= t->min_count)
			order[n++] = g;
	if (cohort)
		t->sort_what = SORT_GROUP;	/* cohorts: by group, so by time */
	if (!t->wide && !t->partial && write_sorted(t, order, n))
		return;
	order = sort_order(t, order, n);
	if (t->top_n && n > t->top_n)
		n = (size_t)t->top_n;
	t->n_out = n;
	if (t->wide)
		write_wide(t, order, n);
	else if (t->partial) {
		write_header(t);
		write_partial(t, order, n);
	} else {
		write_header(t);
		/* The rows' keys and counts are all over memory: fetch them ahead. */
		flockfile(stdout);
		for (size_t i = 0; i < n; i++) {
			hash_key_ahead(&t->gt, order, n, i);
			if (i + 8 < n)
				__builtin_prefetch(&t->count[order[i + 8]]);
			write_row(t, order[i]);
		}
		funlockfile(stdout);
	}
	free(order);
}
