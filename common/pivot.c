/*
 * pivot: tally --wide writes one row per combination of the other group
 * fields and one column per value of the last, for reading by eye or a
 * spreadsheet; it works on the sorted groups, so rows keep the order of
 * the long output and no count is kept twice while reading. See pivot.h.
 *	tally -g platform,day --wide links.tsv
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "groupkey.h"
#include "pivot.h"
#include "tsv.h"
#include "util.h"

/*
 * A column name is written once: the next filter refuses a header that
 * names a column twice. The group columns come first, then a column per
 * value in order, then count. A value's column is headed by the value as
 * written, an empty one by "(empty)"; when that is a group column's name,
 * "count" or an earlier value's heading, the first of NAME~2, NAME~3 ...
 * that is free heads it instead.
 */
static void
put_names(const struct hash_table *cols, const uint32_t *corder,
    const char *const *names, size_t ngroups)
{
	struct tsv_unique u = TSV_UNIQUE_INIT;
	const char *k, *w;
	size_t i, kn;

	tsv_unique_name(&u, "count", 5, &kn);
	for (i = 0; i + 1 < ngroups; i++) {
		w = tsv_unique_name(&u, names[i], strlen(names[i]), &kn);
		fwrite(w, 1, kn, stdout);
		putchar('\t');
	}
	for (i = 0; i < cols->n; i++) {
		k = hash_key(cols, corder[i], &kn);
		if (kn == 0) {
			k = "(empty)";
			kn = 7;
		}
		w = tsv_unique_name(&u, k, kn, &kn);
		fwrite(w, 1, kn, stdout);
		putchar('\t');
	}
	fputs("count\n", stdout);
	tsv_unique_free(&u);
}

size_t
pivot_write(const struct hash_table *gt, const uint32_t *order, size_t n,
    const uint64_t *count, const char *const *names, size_t ngroups)
{
	struct hash_table rows, cols;
	uint64_t *cell, *rowtotal;
	uint32_t *rorder, *corder, i, r, c;
	const char *k, *last;
	size_t kn, ln, rn, nrows;
	int added;

	hash_init(&rows);
	hash_init(&cols);
	for (i = 0; i < n; i++) {
		k = hash_key(gt, order[i], &kn);
		last = key_field(k, kn, ngroups - 1, &ln);
		hash_put(&cols, last, ln, NULL);
		hash_put(&rows, k, (size_t)(last - k) - 1, NULL);
	}
	nrows = rows.n;
	cell = xcalloc((size_t)rows.n * (cols.n ? cols.n : 1) + 1, sizeof(*cell));
	rowtotal = xcalloc((size_t)rows.n + 1, sizeof(*rowtotal));
	for (i = 0; i < n; i++) {
		k = hash_key(gt, order[i], &kn);
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
	put_names(&cols, corder, names, ngroups);
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
	return nrows;
}
