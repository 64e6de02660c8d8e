/*
 * cohort: tally --cohort, the keys of dedupe --count output grouped by
 * the day, week or month they were first seen, with how many were seen
 * again on --alive-on and N days --after, and with --alive-from how many
 * were alive, gone or unknown when probe last checked them.
 */
#ifndef COHORT_H
#define COHORT_H

#include <stddef.h>
#include <stdint.h>

#include "tsv.h"

#define COHORT_OFF	(-2)	/* unit: no --cohort */
#define COHORT_ALL	(-1)	/* unit: --cohort all */

struct cohort {
	int		 unit;		/* a time unit, COHORT_ALL or COHORT_OFF */
	int64_t		 from_day, to_day;	/* --from, --to */
	int64_t		 alive_day;		/* --alive-on, or INT64_MIN */
	long		*after;			/* --after N,... */
	size_t		 nafter;
	int64_t		 data_end;	/* the last day the input shows */
	int		 checked;	/* --alive-from: count the states below */
	uint64_t	*cnew, *calive, *cafter;	/* per group */
	uint64_t	*cchecked;	/* per group, COHORT_STATES each */
};

/* A key's state when last checked: alive, gone, unknown, never (tally_probed's order). */
#define COHORT_STATES	4

#define COHORT_INIT	{ COHORT_OFF, INT64_MIN, INT64_MAX, INT64_MIN, NULL, 0, \
			  INT64_MIN, 0, NULL, NULL, NULL, NULL }

/* A key's cohort: its label (the bucket of its first day), first and last days. */
struct cohort_key {
	char		 label[32];
	size_t		 len;
	int64_t		 first_day, last_day;
	int		 state;		/* with checked: 0 to COHORT_STATES - 1 */
};

/* The cohort of a key first and last seen at the times of ff and lf; -1: none. */
int		 cohort_key(struct cohort *c, const struct tsv_field *ff,
		    const struct tsv_field *lf, struct cohort_key *k);
/* Count the key k into the cohort group g. */
void		 cohort_add(struct cohort *c, uint32_t g, const struct cohort_key *k);
/* Room for groups old to cap - 1. */
void		 cohort_grow(struct cohort *c, size_t old, size_t cap);
/* To stdout: the header's columns from "cohort"; a group's cells after its key
   (k, n bytes, its last field the cohort, field ngroups). */
void		 cohort_header(const struct cohort *c);
void		 cohort_put(const struct cohort *c, uint32_t g, const char *k, size_t n,
		    size_t ngroups);
void		 cohort_free(struct cohort *c);

#endif
