/*
 * tally_fill: tally --fill writes every time bucket between the first
 * and the last (or --from and --to) for each combination of the other
 * group fields, so a chart or a join sees a 0 rather than a missing row;
 * the empty buckets are added as groups once reading is done, so the
 * table grows only by what is written. See tally.h.
 *	tally -g platform --by day --fill --from 2024-01-01 --to 2024-01-31
 */
#include <stdlib.h>
#include <string.h>

#include "groupkey.h"
#include "msg.h"
#include "tally.h"
#include "util.h"

#define DAY_SECONDS	86400

/* The first second of the --fill bucket holding the time tm. */
static int64_t
bucket_start(const struct tally *t, int64_t tm)
{
	char b[TIME_BUCKET_MAX];
	size_t n = time_bucket(tm, t->fill_unit, b);

	time_bucket_parse(b, n, t->fill_unit, &tm);	/* a label always parses */
	return tm;
}

/*
 * The group that is the time bucket (with --cohort, the cohort), and the
 * buckets --from and --to fall in. Called once the groups are known:
 * after the options, or with --merge and no -g after the header of r.
 */
void
fill_resolve(struct tally *t, const struct tsv_reader *r)
{
	size_t n = 0;
	int unit;

	if (t->cohort.unit >= 0) {
		t->fill_field = (int)t->ngroups;
		t->fill_unit = (enum time_unit)t->cohort.unit;
	} else {
		for (size_t i = 0; i < t->ngroups; i++)
			if ((unit = time_unit_by_name(t->groups[i].name)) >= 0) {
				t->fill_field = (int)i;
				t->fill_unit = (enum time_unit)unit;
				n++;
			}
		if (n != 1 && r)
			xerrx(EXIT_TROUBLE, "%s:1: --fill needs one time bucket among the "
			    "columns before count: hour, day, week or month", tsv_name(r));
		if (n != 1)
			xerrx(EXIT_TROUBLE, "--fill needs one time bucket among the groups: "
			    "--by UNIT, or one of hour, day, week, month in -g");
	}
	if (t->from_day != INT64_MIN)
		t->fill_lo = bucket_start(t, t->from_day * DAY_SECONDS);
	if (t->to_day != INT64_MAX)
		t->fill_hi = bucket_start(t, t->to_day * DAY_SECONDS + DAY_SECONDS - 1);
}

/*
 * With --from or --to: whether the bucket of group key k is one of
 * theirs. A key with no bucket there (a row without a time) has no time
 * to be out of range.
 */
int
fill_in_range(const struct tally *t, const char *k, size_t n)
{
	const char *f;
	size_t len;
	int64_t tm;

	f = key_field(k, n, (size_t)t->fill_field, &len);
	return time_bucket_parse(f, len, t->fill_unit, &tm) < 0 ||
	    (tm >= t->fill_lo && tm <= t->fill_hi);
}

/*
 * Each combination of the other group fields gets every bucket from the
 * first to the last seen (or those of --from and --to), as a group of its
 * own with nothing counted. A combination is a key with its bucket field
 * emptied, which is also the key of its rows without a time: they set no
 * bound.
 */
void
fill_buckets(struct tally *t)
{
	struct hash_table rest;
	int64_t lo = INT64_MAX, hi = INT64_MIN, tm;
	uint32_t n = t->gt.n, g;
	const char *k, *f;
	size_t kn, len, at, need;
	char b[TIME_BUCKET_MAX];

	hash_init(&rest);
	for (g = 0; g < n; g++) {
		k = hash_key(&t->gt, g, &kn);
		f = key_field(k, kn, (size_t)t->fill_field, &len);
		if (time_bucket_parse(f, len, t->fill_unit, &tm) == 0) {
			lo = tm < lo ? tm : lo;
			hi = tm > hi ? tm : hi;
		}
		if (kn + 1 > t->kcap)
			xgrow(&t->kbuf, &t->kcap, kn + 1);
		at = (size_t)(f - k);
		memcpy(t->kbuf, k, at);
		memcpy(t->kbuf + at, f + len, kn - at - len);
		hash_put(&rest, t->kbuf, kn - len, NULL);
	}
	if (t->from_day != INT64_MIN)
		lo = t->fill_lo;
	if (t->to_day != INT64_MAX)
		hi = t->fill_hi;
	for (g = 0; g < rest.n; g++)
		for (tm = lo; tm <= hi; tm = time_bucket_next(tm, t->fill_unit)) {
			uint32_t id, old = t->gt.n;

			k = hash_key(&rest, g, &kn);
			f = key_field(k, kn, (size_t)t->fill_field, &len);
			at = (size_t)(f - k);
			len = time_bucket(tm, t->fill_unit, b);
			need = kn + len;
			if (need > t->kcap)
				xgrow(&t->kbuf, &t->kcap, need);
			memcpy(t->kbuf, k, at);
			memcpy(t->kbuf + at, b, len);
			memcpy(t->kbuf + at + len, k + at, kn - at);
			if ((id = tally_group_id(t, need)) < old)
				continue;
			/* An empty bucket: as each aggregate says (sum: 0). */
			for (size_t i = 0; i < t->naggs; i++)
				if (t->aggs[i].op->fill)
					t->aggs[i].op->fill(AGG_STATE(&t->aggs[i], id));
		}
	hash_free(&rest);
}
