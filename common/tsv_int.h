/*
 * tsv_int: the reader's state, for tsv.c and its unit test only; every
 * other caller goes through the functions of tsv.h.
 */
#ifndef CROSSLINK_TSV_INT_H
#define CROSSLINK_TSV_INT_H

#include <stddef.h>

#include "tsv.h"

struct tsv_reader {
	struct input		*in;
	size_t			 ncols;		/* from the header; 0 for empty input */
	char			**names;	/* ncols NUL-terminated column names */
	char			*namebuf;	/* where they are, in one block */
	const char		*header;	/* the header line as read */
	size_t			 header_len;
	struct tsv_field	*field;		/* ncols fields of the current row */
	unsigned long long	 rows;		/* good rows returned */
	unsigned long long	 skipped;	/* rows of the wrong width */
	unsigned long long	 repeated;	/* lines equal to the header, skipped */
	int			 error;		/* an input or header error was reported */
	size_t			 cap;
	/* tsv_next_batch: a line read but not yet placed in a batch */
	const char		*held;
	size_t			 held_len;
	unsigned long long	 held_lineno;
	int			 have_held;
	int			 done;		/* batch: 1 at the end, -1 after an error */
	/* tsv_next_batch: the run of lines input_lines gave, not yet taken */
	const char		*run;
	size_t			 run_left;
	unsigned long long	 run_taken;	/* lines taken from it */
	/* tsv_pick: the columns batches carry, and the tabs that bound them */
	size_t			*pick;
	size_t			 npick;
	int			 pick_row;	/* tsv_pick_row: rows stay whole */
	int			 pick_run;	/* the picked columns are side by side */
	size_t			*need;		/* tab numbers, ascending, SIZE_MAX */
	size_t			*tab;		/* per row: where tab k is, k in need */
	int			 fast;		/* the CPU has AVX2 and BMI2 */
};

#endif
