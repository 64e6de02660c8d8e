/*
 * tally_merge: tally --merge adds up tallies of shards into the tally of
 * the whole, exactly: counts and sums add, first/last/min/max compare,
 * and distinct values, which cannot be added, come as --partial rows of
 * their own and are counted again. The aggregates come from the header,
 * so every shard must have the same one. See tally.h.
 *	tally --partial -a distinct:key a.tsv > a.t; ...; tally --merge *.t
 */
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "tally.h"
#include "util.h"

static int
read_count(struct tally *t, const struct tsv_reader *r, const struct tsv_field *f,
    uint64_t *n)
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
	xwarnx("%s:%llu: count \"%.*s\" is not a number", tsv_name(r), tsv_lineno(r),
	    (int)(f->len > 40 ? 40 : f->len), f->p);
	t->trouble = 1;
	return -1;
}

/*
 * Is name one write_header renamed, NAME~N? Then *len is NAME's length.
 */
static int
renamed(const char *name, size_t *len)
{
	const char *tilde = strrchr(name, '~');

	if (tilde == NULL || tilde == name || tilde[1] < '2' || tilde[1] > '9' ||
	    strspn(tilde + 1, "0123456789") != strlen(tilde + 1))
		return 0;
	*len = (size_t)(tilde - name);
	return 1;
}

/* The aggregates come from the header, after the count column. */
static void
header_aggs(struct tally *t, const struct tsv_reader *r)
{
	size_t i, k, nk;
	const char *name;
	char *tname;

	t->count_col = tally_need_col(r, "count", " (--merge reads tally output)");
	/* a tally of a count column: count, ..., count~2 (the last is ours) */
	for (i = (size_t)t->count_col + 1; i < tsv_ncols(r); i++)
		if (renamed(tsv_names(r)[i], &nk) && nk == 5 &&
		    strncmp(tsv_names(r)[i], "count", 5) == 0)
			t->count_col = (int)i;
	t->pagg_col = tsv_col(r, "partial_agg");
	t->pval_col = tsv_col(r, "partial_value");
	if ((t->pagg_col < 0) != (t->pval_col < 0))
		xerrx(EXIT_TROUBLE, "%s:1: partial_agg and partial_value go together",
		    tsv_name(r));
	if (t->ngroups == 0)
		for (i = 0; i < (size_t)t->count_col; i++)
			tally_add_group(t, tsv_names(r)[i]);
	for (i = (size_t)t->count_col + 1; i < tsv_ncols(r); i++) {
		name = tsv_names(r)[i];
		if ((int)i == t->pagg_col || (int)i == t->pval_col)
			continue;
		k = strlen(name);
		if (k > 5 && strcmp(name + k - 5, ":time") == 0 &&
		    (strncmp(name, "first:", 6) == 0 || strncmp(name, "last:", 5) == 0))
			continue;
		k = t->naggs;
		if (renamed(name, &nk)) {
			tname = xmemdup(name, nk);
			tally_add_agg(t, tname);
			free(tname);
		} else
			tally_add_agg(t, name);
		if (t->naggs > k)
			t->aggs[k].col = (int)i;
	}
	for (i = 0; i < t->naggs; i++) {
		struct agg *a = &t->aggs[i];

		if ((a->op->flags & AGG_DISTINCT) && t->pagg_col < 0)
			xerrx(EXIT_TROUBLE, "%s:1: %s cannot be merged exactly: tally the "
			    "shards with --partial", tsv_name(r), a->out_name);
		if (a->op->flags & AGG_TIMED) {
			k = strlen(a->out_name);
			tname = xmalloc(k + sizeof(":time"));
			memcpy(tname, a->out_name, k);
			memcpy(tname + k, ":time", sizeof(":time"));
			a->tcol = tally_need_col(r, tname, " (--merge reads tally output)");
			free(tname);
		}
	}
}

/* The header of r: the first sets the aggregates, the others must equal it. */
int
merge_header(struct tally *t, struct tsv_reader *r)
{
	switch (first_input(&t->merge_first, r)) {
	case -1:
		return -1;
	case 1:
		header_aggs(t, r);
		if (t->fill && t->fill_field < 0)
			fill_resolve(t, r);	/* the groups are the header's */
	}
	return 0;
}

void
merge_row(struct tally *t, const struct tsv_reader *r)
{
	const struct tsv_field *f;
	uint32_t g;
	uint64_t n = 0;
	size_t len;

	if ((t->pagg_col < 0 || tsv_row(r)[t->pagg_col].len == 0) &&
	    read_count(t, r, &tsv_row(r)[t->count_col], &n) < 0) {
		t->n_bad++;
		return;			/* a bad row adds no group */
	}
	len = tally_group_key(t, tsv_row(r), 0, NULL, 0);
	if ((t->fill_lo != INT64_MIN || t->fill_hi != INT64_MAX) &&
	    !fill_in_range(t, t->kbuf, len)) {
		t->n_filtered++;
		return;
	}
	g = tally_group_id(t, len);
	if (t->pagg_col >= 0 && tsv_row(r)[t->pagg_col].len > 0) {
		f = &tsv_row(r)[t->pagg_col];
		for (size_t i = 0; i < t->naggs; i++)
			if ((t->aggs[i].op->flags & AGG_DISTINCT) &&
			    strlen(t->aggs[i].out_name) == f->len &&
			    memcmp(t->aggs[i].out_name, f->p, f->len) == 0) {
				agg_distinct_add(&t->store, t->aggs, i, g,
				    tsv_row(r)[t->pval_col].p, tsv_row(r)[t->pval_col].len);
				return;
			}
		xwarnx("%s:%llu: partial_agg \"%.*s\" is not a column of this tally",
		    tsv_name(r), tsv_lineno(r), (int)(f->len > 40 ? 40 : f->len), f->p);
		t->trouble = 1;
		t->n_bad++;
		return;
	}
	t->count[g] += n;
	for (size_t i = 0; i < t->naggs; i++) {
		struct agg *a = &t->aggs[i];
		int64_t tm = NO_TIME;
		int rc;

		f = &tsv_row(r)[a->col];
		if ((a->op->flags & AGG_DISTINCT) || f->len == 0)
			continue;
		if (a->op->flags & AGG_TIMED)
			tm = field_time(&tsv_row(r)[a->tcol]);
		if (a->op->merge == NULL) {
			a->op->add(&t->store, AGG_STATE(a, g), f->p, f->len, tm);
			continue;
		}
		rc = a->op->merge(&t->store, AGG_STATE(a, g), f->p, f->len, tm);
		if (rc < 0) {
			xwarnx("%s:%llu: %s \"%.*s\" is not a number", tsv_name(r),
			    tsv_lineno(r), a->out_name, (int)(f->len > 40 ? 40 : f->len),
			    f->p);
			t->trouble = 1;
		}
	}
}
