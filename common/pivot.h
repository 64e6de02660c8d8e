/*
 * pivot: tally --wide, the last group field's values turned into columns
 * of counts, with a total per row.
 */
#ifndef PIVOT_H
#define PIVOT_H

#include <stddef.h>
#include <stdint.h>

#include "hash.h"

/*
 * To stdout: the groups order[0..n-1] of gt (keys of ngroups fields, the
 * first ngroups - 1 named by names) with their counts, pivoted; returns
 * the rows written.
 */
size_t		 pivot_write(const struct hash_table *gt, const uint32_t *order, size_t n,
		    const uint64_t *count, const char *const *names, size_t ngroups);

#endif
