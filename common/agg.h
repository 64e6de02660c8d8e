/*
 * agg: tally's aggregates (-a distinct:COL, sum:COL, ...) as a table of
 * operators, and the per-group states they keep. A new aggregate is one
 * entry in agg.c's table.
 */
#ifndef AGG_H
#define AGG_H

#include <stddef.h>
#include <stdint.h>

#include "filter.h"
#include "hash.h"
#include "tsv.h"


/* What the operators share: interned values, the distinct (group, agg, value) set. */
struct agg_store {
	struct hash_table	 vals;		/* values kept by first/last/min/max */
	struct hash_table	 pairs;		/* distinct: group id, agg index, value */
	char			*dbuf;		/* pair keys being built */
	size_t			 dcap;
	struct hash_query	*dq;		/* distinct queries of a batch */
	size_t			*doff;		/* their keys' offsets in dbuf */
	size_t			 dqcap;
};

/* Flags of an operator. */
#define AGG_TIMED	1	/* reads the row's time; writes NAME:time after NAME */
#define AGG_DISTINCT	2	/* state is a uint64_t count of the group's values in
				   the pair set, merged from --partial rows */

struct agg_op {
	const char	*name;		/* the column is NAME:COL */
	size_t		 size;		/* bytes of state per group */
	unsigned	 flags;
	/* A group with nothing yet. */
	void		(*init)(unsigned char *st);
	/* A value of a row, at time t (NO_TIME: none); distinct: one new to the group. */
	void		(*add)(struct agg_store *s, unsigned char *st, const char *p,
			    size_t len, int64_t t);
	/* --merge: a state as written (value and time) into st; -1: not a number. */
	int		(*merge)(struct agg_store *s, unsigned char *st, const char *p,
			    size_t len, int64_t t);
	/* --fill: a bucket with no rows, after init; NULL: as init left it. */
	void		(*fill)(unsigned char *st);
	/* --sort NAME: order of two states, ties 0; NULL for AGG_DISTINCT. */
	int		(*cmp)(const struct agg_store *s, const unsigned char *a,
			    const unsigned char *b);
	/* The result to stdout: one field, two with AGG_TIMED. */
	void		(*put)(const struct agg_store *s, const unsigned char *st);
};

/* One -a aggregate and its states, one per group. */
struct agg {
	const struct agg_op *op;
	char		*col_name;
	char		*out_name;	/* "distinct:key" */
	int		 col;		/* value column */
	int		 tcol;		/* --merge: NAME:time column of AGG_TIMED */
	unsigned char	*st;		/* op->size bytes a group */
};

#define AGG_STATE(a, g)	((a)->st + (size_t)(g) * (a)->op->size)

/* The operator called name (len bytes), or NULL. */
const struct agg_op *agg_lookup(const char *name, size_t len);

/* The operators' names as NAME:COL, joined by sep, the last by last_sep;
   valid until the next call. */
const char	*agg_list(const char *sep, const char *last_sep);

/* Room and initial states for groups old to cap - 1. */
void		 agg_grow(struct agg *a, size_t old, size_t cap);
void		 agg_free(struct agg *a);
void		 agg_store_free(struct agg_store *s);

/* Every aggregate but the distinct ones: the values of a row of group g. */
void		 agg_add_row(struct agg_store *s, struct agg *aggs, size_t naggs,
		    const struct tsv_field *row, int time_col, uint32_t g);

/* Distinct: a value of aggregate ai for group g; a batch's, looked up together. */
void		 agg_distinct_add(struct agg_store *s, struct agg *aggs, size_t ai,
		    uint32_t g, const char *p, size_t len);
void		 agg_distinct_batch(struct agg_store *s, struct agg *aggs, size_t naggs,
		    const struct tsv_batch *b, const unsigned char *skip,
		    const uint32_t *gid);

/* --partial: the pairs by rank of their group, aggregate, value; free it. */
uint32_t	*agg_distinct_order(const struct agg_store *s, const uint32_t *rank);
/* Pair id: its group, aggregate index and value. */
const char	*agg_pair(const struct agg_store *s, uint32_t id, uint32_t *g,
		    size_t *ai, size_t *len);

/* A count in decimal to stdout. */
void		 agg_put_u64(uint64_t v);

#endif
