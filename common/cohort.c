/*
 * cohort: tally --cohort reads dedupe --count output, one row per key
 * with its first and last times, and counts each key into the cohort of
 * its first day, and into those still seen later; a cell the data cannot
 * show yet stays empty rather than a 0 that would read as churn. With
 * --alive-from, each key also counts by its state when probe last checked
 * it: those four cells are always written and add up to new, since a
 * check is a fact about the key, not something the logs may yet show. See
 * cohort.h.
 *	dedupe --count -k key links.tsv | tally --cohort week --after 7,30
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agg.h"
#include "cohort.h"
#include "groupkey.h"
#include "timefmt.h"
#include "util.h"

int
cohort_key(struct cohort *c, const struct tsv_field *ff, const struct tsv_field *lf,
    struct cohort_key *k)
{
	int64_t f = field_time(ff), l = field_time(lf);

	if (f == NO_TIME)
		return -1;	/* never seen with a time: in no cohort */
	if (l == NO_TIME || l < f)
		l = f;
	k->first_day = time_day(f);
	k->last_day = time_day(l);
	if (k->last_day > c->data_end)
		c->data_end = k->last_day;	/* --from and --to limit cohorts, not the data */
	if (k->first_day < c->from_day || k->first_day > c->to_day)
		return -1;
	if (c->unit >= 0)
		k->len = time_bucket(f, (enum time_unit)c->unit, k->label);
	else
		k->len = (size_t)snprintf(k->label, sizeof(k->label), "all");
	return 0;
}

void
cohort_add(struct cohort *c, uint32_t g, const struct cohort_key *k)
{
	c->cnew[g]++;
	if (c->alive_day != INT64_MIN && k->last_day >= c->alive_day)
		c->calive[g]++;
	for (size_t i = 0; i < c->nafter; i++)
		if (k->last_day - k->first_day >= c->after[i])
			c->cafter[(size_t)g * c->nafter + i]++;
	if (c->checked)
		c->cchecked[(size_t)g * COHORT_STATES + (size_t)k->state]++;
}

void
cohort_grow(struct cohort *c, size_t old, size_t cap)
{
	size_t na = c->nafter;

	c->cnew = xrealloc(c->cnew, cap * sizeof(*c->cnew));
	c->calive = xrealloc(c->calive, cap * sizeof(*c->calive));
	c->cafter = xrealloc(c->cafter, cap * (na ? na : 1) * sizeof(*c->cafter));
	memset(c->cnew + old, 0, (cap - old) * sizeof(*c->cnew));
	memset(c->calive + old, 0, (cap - old) * sizeof(*c->calive));
	memset(c->cafter + old * na, 0, (cap - old) * na * sizeof(*c->cafter));
	if (c->checked) {
		c->cchecked = xrealloc(c->cchecked, cap * COHORT_STATES * sizeof(*c->cchecked));
		memset(c->cchecked + old * COHORT_STATES, 0,
		    (cap - old) * COHORT_STATES * sizeof(*c->cchecked));
	}
}

/*
 * How many days after their first day the keys of cohort key k can all
 * have been seen again by the end of the data: the data's last day less
 * the last day a key of the cohort can have been first seen (the
 * cohort's, --to's or the data's last day); -1 when the cohort starts
 * after the data ends, so nothing about it is known.
 */
static int64_t
cohort_span(const struct cohort *c, const char *k, size_t n, size_t ngroups)
{
	int64_t first = c->from_day, t, d;
	int64_t last = c->to_day < c->data_end ? c->to_day : c->data_end;
	const char *f;
	size_t len;

	if (c->data_end == INT64_MIN)
		return -1;
	if (c->unit >= 0) {
		f = key_field(k, n, ngroups, &len);
		if (time_bucket_parse(f, len, (enum time_unit)c->unit, &t) < 0)
			return -1;
		if ((d = time_day(t)) > first)
			first = d;
		if ((d = time_day(time_bucket_next(t, (enum time_unit)c->unit)) - 1) < last)
			last = d;
	}
	return first > c->data_end ? -1 : c->data_end - last;
}

void
cohort_header(const struct cohort *c)
{
	fputs("cohort\tnew", stdout);
	if (c->alive_day != INT64_MIN)
		fputs("\talive", stdout);
	for (size_t i = 0; i < c->nafter; i++)
		printf("\tafter_%ld", c->after[i]);
	if (c->checked)
		fputs("\tchecked_alive\tchecked_gone\tchecked_unknown\tunchecked", stdout);
}

void
cohort_put(const struct cohort *c, uint32_t g, const char *k, size_t n, size_t ngroups)
{
	/* A cell the data cannot show yet is empty, not 0. */
	int64_t span = cohort_span(c, k, n, ngroups);

	agg_put_u64(c->cnew[g]);
	if (c->alive_day != INT64_MIN) {
		putchar('\t');
		if (span >= 0 && c->alive_day <= c->data_end)
			agg_put_u64(c->calive[g]);
	}
	for (size_t i = 0; i < c->nafter; i++) {
		putchar('\t');
		if (c->after[i] <= span)
			agg_put_u64(c->cafter[(size_t)g * c->nafter + i]);
	}
	for (size_t i = 0; c->checked && i < COHORT_STATES; i++) {
		putchar('\t');
		agg_put_u64(c->cchecked[(size_t)g * COHORT_STATES + i]);
	}
}

void
cohort_free(struct cohort *c)
{
	free(c->after);
	free(c->cnew);
	free(c->calive);
	free(c->cafter);
	free(c->cchecked);
}
