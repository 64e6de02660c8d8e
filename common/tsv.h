/*
 * tsv: the records between filters. Line 1 is a header of unique, non-empty
 * column names; fields never hold a raw tab, newline or CR. tsv_put escapes
 * backslash, tab, newline and CR as \\ \t \n \r, and every other C0 control
 * byte and DEL as \xHH, so a field is one line and cat of a file cannot drive
 * a terminal. The escaping is one-to-one: filters compare escaped bytes and
 * unescape only where the text itself matters.
 *
 *	struct tsv_reader *r = tsv_open("rows.tsv");	// NULL/"-": stdin
 *	int url = tsv_col(r, "url");
 *	while (tsv_next(r) > 0) use(r->field[url].p, r->field[url].len);
 *	status = tsv_close(r);
 *
 * A row whose field count differs from the header's is reported
 * ("PROG: FILE:LINE: 3 fields, header has 4"), skipped and counted in
 * r->skipped; the caller turns a non-zero count into exit status 2.
 */
#ifndef CROSSLINK_TSV_H
#define CROSSLINK_TSV_H

#include <stddef.h>
#include <stdio.h>

struct input;

struct tsv_field {
	const char	*p;	/* escaped bytes, as read; not NUL-terminated */
	size_t		 len;
};

struct tsv_reader {
	struct input		*in;
	size_t			 ncols;		/* from the header; 0 for empty input */
	char			**names;	/* ncols NUL-terminated column names */
	const char		*header;	/* the header line as read */
	size_t			 header_len;
	struct tsv_field	*field;		/* ncols fields of the current row */
	unsigned long long	 rows;		/* good rows returned */
	unsigned long long	 skipped;	/* rows of the wrong width */
	int			 error;		/* an input or header error was reported */
	size_t			 cap;
};

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

/* File name and line number of the current row, for messages. */
const char		*tsv_name(const struct tsv_reader *r);
unsigned long long	 tsv_lineno(const struct tsv_reader *r);

/* Close; returns 0, or -1 if any input error or skipped row was seen. */
int			 tsv_close(struct tsv_reader *r);

/* Write len bytes of raw text as one escaped field. */
void			 tsv_put(FILE *out, const char *s, size_t len);
/* Write a NUL-terminated string as one escaped field. */
void			 tsv_puts(FILE *out, const char *s);

/*
 * Decode an escaped field into dst (at least len bytes); returns the
 * decoded length. Unknown escapes are kept as written.
 */
size_t			 tsv_unescape(char *dst, const char *src, size_t len);

/*
 * Write a header line of column names; names are checked to be escape-free
 * by the caller (they are ours or came from a header).
 */
void			 tsv_header(FILE *out, const char *const *names, size_t n);

#endif
