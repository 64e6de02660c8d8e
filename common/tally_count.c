/*
 * tally_count: the reading side of tally: each input's columns resolved,
 * its rows keyed by their group fields and counted, with the aggregates
 * or cohorts beside the count. Plain counting goes a batch of rows at a
 * time, the keys looked up together, because that is where tally spends
 * its time; --merge and --cohort go row by row. See tally.h.
 *	extract logs.gz | normalize | tally -g platform --by day
 */
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "tally.h"
#include "util.h"

void
tally_init(struct tally *t)
{
	static const struct cohort c = COHORT_INIT;

	memset(t, 0, sizeof(*t));
	t->time_field = "time";
	t->from_day = INT64_MIN;
	t->to_day = INT64_MAX;
	t->wheres = (struct where_list)WHERE_LIST_INIT;
	t->cohort = c;
	probed_init(&t->probed);
	t->time_col = t->count_col = t->pagg_col = t->pval_col = -1;
	t->batch = (struct tsv_batch)TSV_BATCH_INIT;
	t->fill_field = -1;
	t->fill_lo = INT64_MIN;
	t->fill_hi = INT64_MAX;
	t->sort_what = SORT_COUNT;
}

void
tally_add_group(struct tally *t, const char *name)
{
	if (t->ngroups == TALLY_MAX_GROUPS)
		xerrx(EXIT_TROUBLE, "more than %d group columns", TALLY_MAX_GROUPS);
	for (size_t i = 0; i < t->ngroups; i++)
		if (strcmp(t->groups[i].name, name) == 0)
			return;
	t->groups[t->ngroups].name = xstrdup(name);
	t->groups[t->ngroups].unit = -1;
	t->groups[t->ngroups].col = -1;
	t->ngroups++;
}

/* "distinct:key" etc.; exits 2 quoting a bad one. */
void
tally_add_agg(struct tally *t, const char *spec)
{
	const char *colon = strchr(spec, ':');
	const struct agg_op *op = NULL;
	struct agg *a;

	if (t->naggs == TALLY_MAX_AGGS)
		xerrx(EXIT_TROUBLE, "more than %d aggregates", TALLY_MAX_AGGS);
	if (colon)
		op = agg_lookup(spec, (size_t)(colon - spec));
	if (op == NULL || colon[1] == '\0' || strchr(colon + 1, ':') != NULL)
		xerrx(EXIT_TROUBLE, "bad aggregate \"%s\" (want %s)", spec,
		    agg_list(", ", " or "));
	for (size_t i = 0; i < t->naggs; i++)
		if (strcmp(t->aggs[i].out_name, spec) == 0)
			return;
	a = &t->aggs[t->naggs++];
	memset(a, 0, sizeof(*a));
	a->op = op;
	a->col_name = xstrdup(colon + 1);
	a->out_name = xstrdup(spec);
	a->col = a->tcol = -1;
}

static void
grow_arrays(struct tally *t, size_t need)
{
	size_t old = t->cap;

	if (need <= t->cap)
		return;
	t->cap = t->cap ? t->cap * 2 : 1024;
	t->count = xrealloc(t->count, t->cap * sizeof(*t->count));
	hash_prefault(t->count + old, (t->cap - old) * sizeof(*t->count));
	memset(t->count + old, 0, (t->cap - old) * sizeof(*t->count));
	if (t->cohort.unit != COHORT_OFF)
		cohort_grow(&t->cohort, old, t->cap);
	for (size_t i = 0; i < t->naggs; i++)
		agg_grow(&t->aggs[i], old, t->cap);
}

/* The group key of a row, written in kbuf from offset at; its length. */
size_t
tally_group_key(struct tally *t, const struct tsv_field *row, size_t at,
    const char *extra, size_t extra_len)
{
	size_t i, n = at, len;
	const char *p;
	char b[TIME_BUCKET_MAX];

	for (i = 0; i < t->ngroups; i++) {
		if (t->groups[i].unit >= 0) {
			const struct tsv_field *tf = &row[t->time_col];

			p = b;
			if (time_bucket_str(tf->p, tf->len, (enum time_unit)t->groups[i].unit,
			    b, &len) < 0)
				len = 0;	/* no time: the empty bucket */
		} else {
			p = row[t->groups[i].col].p;
			len = row[t->groups[i].col].len;
		}
		if (n + len + 1 + extra_len + 1 > t->kcap)
			xgrow(&t->kbuf, &t->kcap, n + len + 1 + extra_len + 1);
		if (i)
			t->kbuf[n++] = '\t';
		memcpy(t->kbuf + n, p, len);
		n += len;
	}
	if (extra) {
		if (n + extra_len + 2 > t->kcap)
			xgrow(&t->kbuf, &t->kcap, n + extra_len + 2);
		if (t->ngroups)
			t->kbuf[n++] = '\t';
		memcpy(t->kbuf + n, extra, extra_len);
		n += extra_len;
	}
	return n - at;
}

uint32_t
tally_group_id(struct tally *t, size_t keylen)
{
	int added;
	uint32_t g = hash_put(&t->gt, t->kbuf, keylen, &added);

	if (added)
		grow_arrays(t, (size_t)g + 1);
	return g;
}

/*
 * The rows of a batch: group keys are hashed and looked up together
 * (hash_put_many), groups numbered in row order as one by one, then each
 * row is counted.
 */
static void
tally_batch(struct tally *t, const struct tsv_batch *b)
{
	struct hash_query q[TSV_BATCH];
	size_t off[TSV_BATCH], i, m = 0, used = 0;
	unsigned char skip[TSV_BATCH];
	uint32_t gid[TSV_BATCH];
	const struct tsv_field *row, *last;
	int distinct = 0;

	for (i = 0; i < b->n; i++) {
		row = b->field + i * b->ncols;
		skip[i] = t->wheres.n && !where_row(&t->wheres, row);
		if (skip[i]) {
			t->n_filtered++;
			continue;
		}
		if (t->key_is_row == 2) {
			q[m].key = b->row[i].p;
			q[m].len = b->row[i].len;
		} else if (t->key_is_row) {
			last = &row[t->groups[t->ngroups - 1].col];
			q[m].key = b->row[i].p;
			q[m].len = (size_t)(last->p + last->len - b->row[i].p);
		} else {
			q[m].key = NULL;
			off[m] = used;
			q[m].len = tally_group_key(t, row, used, NULL, 0);
			used += q[m].len;
		}
		if ((t->fill_lo != INT64_MIN || t->fill_hi != INT64_MAX) &&
		    !fill_in_range(t, q[m].key ? q[m].key : t->kbuf + off[m], q[m].len)) {
			skip[i] = 1;
			t->n_filtered++;
			continue;
		}
		m++;
	}
	for (i = 0; i < m; i++)
		if (q[i].key == NULL)
			q[i].key = t->kbuf + off[i];	/* kbuf has stopped moving */
	hash_queries(&t->gt, q, m);
	hash_put_many(&t->gt, q, m);
	for (i = 0; i < m; i++)
		if (q[i].added)
			grow_arrays(t, (size_t)q[i].id + 1);
		else
			__builtin_prefetch(&t->count[q[i].id], 1);
	for (i = 0, m = 0; i < b->n; i++) {
		if (skip[i])
			continue;
		gid[i] = q[m++].id;
		t->count[gid[i]]++;
		agg_add_row(&t->store, t->aggs, t->naggs, b->field + i * b->ncols,
		    t->time_col, gid[i]);
	}
	for (i = 0; i < t->naggs; i++)
		distinct |= (t->aggs[i].op->flags & AGG_DISTINCT) != 0;
	if (distinct)
		agg_distinct_batch(&t->store, t->aggs, t->naggs, b, skip, gid);
}

/* A dedupe --count row into its cohort; kcol: its key, for --alive-from. */
static void
cohort_row(struct tally *t, const struct tsv_reader *r, int fcol, int lcol, int kcol)
{
	struct cohort_key k;
	uint32_t g;

	if (cohort_key(&t->cohort, &tsv_row(r)[fcol], &tsv_row(r)[lcol], &k) < 0) {
		t->n_filtered++;
		return;
	}
	if (kcol >= 0)
		k.state = (int)probed_get(&t->probed, tsv_row(r)[kcol].p, tsv_row(r)[kcol].len);
	g = tally_group_id(t, tally_group_key(t, tsv_row(r), 0, k.label, k.len));
	cohort_add(&t->cohort, g, &k);
}

int
tally_need_col(const struct tsv_reader *r, const char *name, const char *why)
{
	int c = tsv_col(r, name);

	if (c < 0)
		xerrx(EXIT_TROUBLE, "%s: no column \"%s\"%s", tsv_name(r), name, why);
	return c;
}

/* Resolve the group columns of r; time buckets where no column has the name. */
static void
resolve_groups(struct tally *t, const struct tsv_reader *r)
{
	for (size_t i = 0; i < t->ngroups; i++) {
		struct group *gr = &t->groups[i];

		gr->col = tsv_col(r, gr->name);
		gr->unit = -1;
		if (gr->col >= 0)
			continue;
		if (!t->merge && (gr->unit = time_unit_by_name(gr->name)) >= 0) {
			t->time_col = tally_need_col(r, t->time_field, "");
			continue;
		}
		xerrx(EXIT_TROUBLE, "%s: no column \"%s\"", tsv_name(r), gr->name);
	}
}

/*
 * The reader copies only the columns tally_batch reads, and batches hold
 * only those: the column numbers of this file's groups, aggregates, time
 * and --where become their places in the batch. The group columns come
 * first, so when every group is a column a batch row begins with the group
 * key as tally_group_key would build it, and is nothing else when the
 * groups are all that is read.
 */
static void
pick_columns(struct tally *t, struct tsv_reader *r)
{
	size_t *cols, n = 0, i;

	cols = xmalloc((t->ngroups + 1 + t->naggs + t->wheres.n) * sizeof(*cols));
	t->key_is_row = t->ngroups > 0;
	for (i = 0; i < t->ngroups; i++)
		if (t->groups[i].unit >= 0)
			t->key_is_row = 0;
	for (i = 0; i < t->ngroups; i++)
		if (t->groups[i].unit < 0)
			cols[n++] = (size_t)t->groups[i].col;
	if (t->time_col >= 0)
		cols[n++] = (size_t)t->time_col;
	for (i = 0; i < t->naggs; i++)
		cols[n++] = (size_t)t->aggs[i].col;
	for (i = 0; i < t->wheres.n; i++)
		cols[n++] = (size_t)t->wheres.w[i].col;
	tsv_pick(r, cols, n);
	n = 0;
	for (i = 0; i < t->ngroups; i++)
		if (t->groups[i].unit < 0)
			t->groups[i].col = (int)cols[n++];
	if (t->time_col >= 0)
		t->time_col = (int)cols[n++];
	for (i = 0; i < t->naggs; i++)
		t->aggs[i].col = (int)cols[n++];
	for (i = 0; i < t->wheres.n; i++)
		t->wheres.w[i].col = (int)cols[n++];
	if (t->key_is_row && n == t->ngroups)
		t->key_is_row = 2;		/* the row is the key */
	free(cols);
}

/* Close an input whose rows were read, counting them for --stats. */
static int
close_file(struct tally *t, struct tsv_reader *r)
{
	unsigned long long rows;

	t->n_wrong_width += tsv_counts(r, &rows);
	t->n_rows += rows;
	return tsv_close(r);
}

int
tally_file(void *ctx, const char *path)
{
	struct tally *t = ctx;
	struct tsv_reader *r;
	int rc, fcol = -1, lcol = -1, kcol = -1, cohort = t->cohort.unit != COHORT_OFF;

	if ((r = tsv_open(path)) == NULL)
		return -1;
	if (tsv_ncols(r) == 0)
		return tsv_close(r);
	if (t->merge && merge_header(t, r) < 0) {
		tsv_close(r);
		return -1;
	}
	resolve_groups(t, r);
	if (where_resolve(&t->wheres, tsv_names(r), tsv_ncols(r),
	    tsv_name(r)) < 0)
		exit(EXIT_TROUBLE);
	if (cohort) {
		fcol = tally_need_col(r, "first_time", " (--cohort reads dedupe --count output)");
		lcol = tally_need_col(r, "last_time", " (--cohort reads dedupe --count output)");
		if (t->cohort.checked)
			kcol = tally_need_col(r, "key", " (--alive-from matches on it)");
	} else if (!t->merge)
		for (size_t i = 0; i < t->naggs; i++) {
			t->aggs[i].col = tally_need_col(r, t->aggs[i].col_name, "");
			if (t->aggs[i].op->flags & AGG_TIMED)
				t->time_col = tally_need_col(r, t->time_field, "");
		}
	if (!cohort && !t->merge) {
		pick_columns(t, r);
		while (tsv_next_batch(r, &t->batch) > 0)
			tally_batch(t, &t->batch);
		return close_file(t, r);
	}
	while ((rc = tsv_next(r)) > 0) {
		if (t->wheres.n && !where_row(&t->wheres, tsv_row(r))) {
			t->n_filtered++;
			continue;
		}
		if (cohort)
			cohort_row(t, r, fcol, lcol, kcol);
		else
			merge_row(t, r);
	}
	return close_file(t, r);
}

void
tally_free(struct tally *t)
{
	for (size_t i = 0; i < t->ngroups; i++)
		free(t->groups[i].name);
	for (size_t i = 0; i < t->naggs; i++)
		agg_free(&t->aggs[i]);
	agg_store_free(&t->store);
	cohort_free(&t->cohort);
	probed_free(&t->probed);
	where_free(&t->wheres);
	free(t->count);
	free(t->kbuf);
	tsv_batch_free(&t->batch);
	first_input_free(&t->merge_first);
	hash_free(&t->gt);
}
