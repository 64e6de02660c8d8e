/*
 * tsv: the records between filters. Line 1 is a header of unique, non-empty
 * column names; fields never hold a raw tab, newline or CR. tsv_put escapes
 * backslash, tab, newline and CR as \\ \t \n \r, every other C0 control
 * byte and DEL as \xHH, and the UTF-8 form of a C1 control (U+0080..U+009F,
 * bytes c2 80..c2 9f) as \xc2\xHH, so a field is one line and cat of a
 * file cannot drive a terminal. The escaping is one-to-one: filters compare
 * escaped bytes and unescape only where the text itself matters.
 *
 *	struct tsv_reader *r = tsv_open("rows.tsv");	// NULL/"-": stdin
 *	int url = tsv_col(r, "url");
 *	while (tsv_next(r) > 0) use(tsv_row(r)[url].p, tsv_row(r)[url].len);
 *	status = tsv_close(r);
 *
 * A row whose field count differs from the header's is reported
 * ("PROG: FILE:LINE: 3 fields, header has 4"), skipped and counted
 * (tsv_skipped); tsv_close then says trouble, unless tsv_skips_ok. A line
 * byte for byte equal to the header, met again (outputs concatenated), is
 * skipped without a word and counted (tsv_repeated_headers); no trouble.
 */
#ifndef CROSSLINK_TSV_H
#define CROSSLINK_TSV_H

#include <stddef.h>
#include <stdio.h>

#include "hash.h"

struct input;

struct tsv_field {
	const char	*p;	/* escaped bytes, as read; not NUL-terminated */
	size_t		 len;
};

/* A reader; its fields are private (tsv_int.h): use the functions below. */
struct tsv_reader;


/*
 * Rows read together by tsv_next_batch, for callers that hash many keys at
 * once. Row i has fields field[i * ncols ...], its whole line row[i] (the
 * bytes are followed by a '\n' in the batch's buffer, so row[i].len + 1
 * bytes write the line) and its line number lineno[i]. Every view is
 * valid until the next tsv_next_batch or tsv_close of the reader, or
 * tsv_batch_free: the batch holds copies of the rows, but on plain input
 * for tsv_pick_row, or tsv_pick of columns side by side in order, whose
 * rows are views of the input's own buffer.
 */
#define TSV_BATCH	64

struct tsv_batch {
	size_t			 n;		/* rows held */
	size_t			 ncols;
	struct tsv_field	*field;
	struct tsv_field	 row[TSV_BATCH];
	unsigned long long	 lineno[TSV_BATCH];
	char			*buf;
	size_t			 cap;
};

#define TSV_BATCH_INIT	{ 0 }

/*
 * Open and read the header. An empty input is a table with no columns and
 * no rows (not an error). A bad header (empty or duplicate name, or a CR at
 * its end) is reported with its place and gives NULL, as does a file that
 * cannot be opened.
 */
struct tsv_reader	*tsv_open(const char *path);

/*
 * The same, for an input whose first line the caller has read already (to
 * detect its format): header is that line, or NULL for an empty input, and
 * error says the read failed. The reader owns the input from here on.
 */
struct tsv_reader	*tsv_attach(struct input *in, const char *header, size_t len,
			    int error);

/* Index of the named column, or -1. */
int			 tsv_col(const struct tsv_reader *r, const char *name);

/*
 * Next row: 1 with r->field set, 0 at the end, -1 on an input error (already
 * reported). Fields point into the input's buffer: valid until the next call.
 */
int			 tsv_next(struct tsv_reader *r);

/*
 * The next rows, up to TSV_BATCH: the count (b->n), 0 at the end, -1 on an
 * input error (already reported; rows before it come first). Rows of the
 * wrong width are reported and skipped as by tsv_next, and in the same
 * order relative to the caller's work: a batch ends before a bad row, which
 * is reported at the start of the next call. Do not mix with tsv_next on
 * one reader.
 */
int			 tsv_next_batch(struct tsv_reader *r, struct tsv_batch *b);

/*
 * Batches of r carry only the columns cols[0..n-1] (each < r->ncols; a
 * repeated one counts once), as if the input had no others: a batch has
 * those columns (ncols), in that order, and on return cols[i] is where
 * column cols[i] went. row[i] is then the picked fields joined by tabs
 * (and followed by a newline), not the line. A row is split only as far
 * as the picked fields need and only they are copied; the width of every
 * row is still checked, and a row of the wrong width reported and skipped
 * as before. For callers that read a few columns of wide rows. Call before
 * the first tsv_next_batch; n = 0 keeps every column.
 * tsv_next and r->field are not affected.
 */
void			 tsv_pick(struct tsv_reader *r, size_t *cols, size_t n);

/*
 * tsv_pick, but row[i] stays the whole line (and its newline), copied as
 * it is, and the picked fields are views of it: for a caller that writes
 * rows out whole and reads a few of their columns.
 */
void			 tsv_pick_row(struct tsv_reader *r, size_t *cols, size_t n);

/* Free a batch's memory; it is empty and usable again. */
void			 tsv_batch_free(struct tsv_batch *b);

/* File name and line number of the current row, for messages. */
const char		*tsv_name(const struct tsv_reader *r);
/* What the source column calls the input (tsv_name, or the --source-name). */
const char		*tsv_label(const struct tsv_reader *r);
/* The columns: how many (0 for empty input), their names, the header line. */
size_t			 tsv_ncols(const struct tsv_reader *r);
const char *const	*tsv_names(const struct tsv_reader *r);
const char		*tsv_header_line(const struct tsv_reader *r, size_t *len);
/* The fields of the row tsv_next returned last, tsv_ncols of them. */
const struct tsv_field	*tsv_row(const struct tsv_reader *r);
/*
 * What was read so far: good rows returned, and rows skipped for their
 * width; the one returned is the count skipped.
 */
unsigned long long	 tsv_counts(const struct tsv_reader *r, unsigned long long *rows);
/* Skipped rows were counted by the caller and are no trouble for tsv_close. */
void			 tsv_skips_ok(struct tsv_reader *r);
unsigned long long	 tsv_lineno(const struct tsv_reader *r);
/* Header lines met again and skipped, in all readers closed so far. */
unsigned long long	 tsv_repeated_headers(void);

/* Close; returns 0, or -1 if any input error or skipped row was seen. */
int			 tsv_close(struct tsv_reader *r);

/* Write len bytes of raw text as one escaped field. */
void			 tsv_put(FILE *out, const char *s, size_t len);
/*
 * Escape len bytes into dst, which has room for 4 * len; returns the
 * escaped length. For writers that build a whole record before one write.
 */
size_t			 tsv_escape(char *dst, const char *s, size_t len);
/*
 * Would a spreadsheet run the field as a formula (it starts with = + - @)?
 * --csv-safe writes a ' before such a field.
 */
int			 tsv_formula(const char *s, size_t len);
/*
 * Write bytes that are already escaped (one field, or fields with their
 * tabs, as read from a TSV input) so that the output is still safe to
 * read: a raw control byte some other writer left in them (C0 but tab,
 * DEL, a C1 control) is written as tsv_put would write it. Backslashes are
 * kept as they are: they already start escapes. For the filters that pass
 * fields through.
 */
void			 tsv_write_escaped(FILE *out, const char *s, size_t len);
/* Write a NUL-terminated string as one escaped field. */
void			 tsv_puts(FILE *out, const char *s);

/*
 * Decode an escaped field into dst (at least len bytes); returns the
 * decoded length. Unknown escapes are kept as written.
 */
size_t			 tsv_unescape(char *dst, const char *src, size_t len);

/*
 * Write a column name as a header cell: as a field read from TSV is
 * written (tsv_write_escaped: a raw control byte a foreign writer left in
 * a header is escaped), with a ' before it when csv_safe and tsv_formula.
 */
void			 tsv_put_name(FILE *out, const char *name, int csv_safe);
/*
 * The bytes tsv_write_escaped would write for name[0..len), as a new
 * string of *out_len bytes; NULL (and *out_len untouched) when they are
 * name's own. For checking that names are unique as written.
 */
char			*tsv_written_name(const char *name, size_t len, size_t *out_len);
/* Write a header line of column names, each by tsv_put_name (no guard). */
void			 tsv_header(FILE *out, const char *const *names, size_t n);

/*
 * The names of a header a filter makes up (tally's), each written once:
 * tsv_unique_name gives name[0..len) as tsv_put_name writes it or, when
 * that was given before, the first of NAME~2, NAME~3 ... that was not,
 * as *out_len bytes valid until the next call.
 *	struct tsv_unique u = TSV_UNIQUE_INIT;
 */
struct tsv_unique {
	struct hash_table	 seen;
	char			*buf;
	size_t			 cap;
	int			 ready;
};
#define TSV_UNIQUE_INIT	{ .ready = 0 }
const char		*tsv_unique_name(struct tsv_unique *u, const char *name, size_t len,
			    size_t *out_len);
void			 tsv_unique_free(struct tsv_unique *u);

#endif
