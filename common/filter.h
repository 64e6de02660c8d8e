/*
 * filter: the small pieces every filter's main needs and would otherwise
 * write again: one output table from many inputs (the header check), a
 * "a,b,c" list, and the time of a field read and written.
 *
 *	static struct first_input first;
 *	switch (first_input(&first, r)) {
 *	case 1:		// the first input: resolve columns, write our header
 *	case 0:		// a later input with the same header
 *	case -1:	// another header: reported; skip this input
 *	}
 */
#ifndef CROSSLINK_FILTER_H
#define CROSSLINK_FILTER_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "tsv.h"

/* The first input's header and name. */
struct first_input {
	char		*header;
	size_t		 len;
	char		*name;
};

/*
 * 1 for the first input (its header is kept), 0 for a later one with the
 * same header, -1 for one with another ("PROG: NAME:1: header differs from
 * that of FIRST" reported): one output table cannot change its columns.
 */
int	 first_input(struct first_input *f, const struct tsv_reader *r);
void	 first_input_free(struct first_input *f);

/*
 * Our header: the input's names, then NAME for each of names[0..n) whose
 * have[i] is negative (a column the input lacks), each written by
 * tsv_put_name (escaped; csv_safe: --csv-safe's guard); flushed, so the
 * next stage can check it before any data comes.
 */
void	 put_header(const struct tsv_reader *r, const char *const *names,
	    const int *have, size_t n, int csv_safe);

/* "a,b,c" as a new array of *n new strings (empty items dropped; free
 * them with util's free_strings). */
char	**split_list(const char *list, size_t *n);

#define NO_TIME INT64_MIN

/* A field's time (timefmt's forms) in seconds, or NO_TIME. */
int64_t	 field_time(const struct tsv_field *f);
/* t as ISO 8601 UTC; nothing for NO_TIME. */
void	 put_time(FILE *out, int64_t t);

#endif
