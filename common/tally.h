/*
 * tally: the state of one tally run and its steps: reading and counting
 * (tally_count.c), --merge (tally_merge.c), --fill (tally_fill.c) and
 * sorting and writing (tally_out.c). filters/tally.c parses the options
 * into it and calls the steps.
 */
#ifndef TALLY_H
#define TALLY_H

#include <stddef.h>
#include <stdint.h>

#include "agg.h"
#include "filter.h"
#include "cohort.h"
#include "hash.h"
#include "tally_probed.h"
#include "timefmt.h"
#include "tsv.h"
#include "where.h"

#define TALLY_MAX_GROUPS	64
#define TALLY_MAX_AGGS		64

struct group {
	char		*name;
	int		 unit;		/* time unit derived from time, or -1 */
	int		 col;		/* input column when unit < 0 */
};

/* What --sort names: -1 group, -2 count, 0..: a group column, 100+: an aggregate. */
#define SORT_GROUP	(-1)
#define SORT_COUNT	(-2)
#define SORT_AGG	100

struct tally {
	/* Options. */
	const char	*time_field;		/* -t */
	unsigned long long top_n;		/* -n, 0: all */
	unsigned long long min_count;		/* --min-count */
	int		 reverse;		/* -r */
	int		 merge;			/* --merge */
	int		 partial;		/* --partial */
	int		 wide;			/* --wide */
	int		 fill;			/* --fill */
	int64_t		 from_day, to_day;	/* --from, --to */
	struct where_list wheres;		/* --where */
	struct group	 groups[TALLY_MAX_GROUPS];
	size_t		 ngroups;
	struct agg	 aggs[TALLY_MAX_AGGS];
	size_t		 naggs;
	struct cohort	 cohort;		/* --cohort, --alive-on, --after */
	struct probed	 probed;		/* --alive-from: keys' latest checks */

	/* Per file. */
	int		 time_col, count_col, pagg_col, pval_col;
	struct first_input merge_first;	/* --merge: every input has its header */
	int		 key_is_row;	/* batch rows start with the group key (2: are it) */

	/* Tables and per-group arrays. */
	struct hash_table gt;		/* group keys */
	struct agg_store store;		/* the aggregates' values */
	uint64_t	*count;
	size_t		 cap;
	char		*kbuf;		/* group keys */
	size_t		 kcap;
	struct tsv_batch batch;
	int		 trouble;

	/*
	 * --fill: the field of a group key holding the time bucket (the
	 * cohort's with --cohort), its unit, and the first seconds of the
	 * buckets --from and --to fall in.
	 */
	int		 fill_field;
	enum time_unit	 fill_unit;
	int64_t		 fill_lo, fill_hi;

	int		 sort_what;	/* SORT_GROUP, SORT_COUNT, a group, SORT_AGG + i */

	/* --stats: rows read, and those not counted: why. */
	uint64_t	 n_rows, n_wrong_width, n_bad, n_filtered, n_out;
};

/* tally_count.c */
void		 tally_init(struct tally *t);
void		 tally_add_group(struct tally *t, const char *name);
void		 tally_add_agg(struct tally *t, const char *spec);
int		 tally_file(void *t, const char *path);	/* for each_input */
int		 tally_need_col(const struct tsv_reader *r, const char *name,
		    const char *why);
size_t		 tally_group_key(struct tally *t, const struct tsv_field *row, size_t at,
		    const char *extra, size_t extra_len);
uint32_t	 tally_group_id(struct tally *t, size_t keylen);
void		 tally_free(struct tally *t);

/* tally_merge.c */
int		 merge_header(struct tally *t, struct tsv_reader *r);
void		 merge_row(struct tally *t, const struct tsv_reader *r);

/* tally_fill.c */
void		 fill_resolve(struct tally *t, const struct tsv_reader *r);
int		 fill_in_range(const struct tally *t, const char *k, size_t n);
void		 fill_buckets(struct tally *t);

/* tally_out.c */
void		 sort_resolve(struct tally *t, const char *name);
void		 tally_write(struct tally *t);

#endif
