/*
 * csv: records of RFC 4180 CSV, pulled a line at a time: quoted fields may
 * hold separators, doubled quotes and newlines. The separator (",", ";" or
 * tab) is whichever of them the header line holds most of, outside quotes;
 * a header ending in a separator (old DiscordChatExporter: "a;b;c;") has
 * no empty last column, and rows may then end in one too.
 *
 *	struct csv_reader *r = csv_new(next_line, src, 1);
 *	if (csv_header(r) > 0)
 *		while ((rc = csv_next(r)) > 0)
 *			if (rc == CSV_BAD) warn(r->line, r->err); else use(r->field);
 *	csv_free(r);
 *
 * Lenient where it costs nothing: a quote inside an unquoted field is a
 * quote, blank lines are skipped. A quoted field left open runs to the end
 * of the input (RFC 4180 gives no way to resynchronise) and is then a bad
 * record.
 */
#ifndef CROSSLINK_CSV_H
#define CROSSLINK_CSV_H

#include <stddef.h>

/* Next line without its newline: 1, 0 at the end, -1 on a read error. */
typedef int csv_line_fn(void *ctx, const char **p, size_t *len);
/* The number of the line csv_line_fn gave last. */
typedef unsigned long long csv_lineno_fn(void *ctx);

struct csv_field {
	const char	*p;	/* decoded: quotes removed, "" made " */
	size_t		 len;
};

struct csv_reader {
	char			 sep;
	size_t			 ncols;		/* header columns */
	char			**names;	/* NUL-terminated, decoded */
	struct csv_field	*field;		/* ncols fields of the last record */
	unsigned long long	 line;		/* line where that record starts */
	const char		*err;		/* what was wrong with a CSV_BAD record */
	int			 trailing_sep;	/* header ended with a separator */
	/* private */
	csv_line_fn		*more;
	void			*ctx;
	unsigned long long	 lines;		/* lines read */
	size_t			 nfields, fcap;
	size_t			*off;
	char			*buf;
	size_t			 blen, bcap;
	char			 errbuf[96];
	int			 eof, failed;
	const char		*pend;		/* the header line, read ahead */
	size_t			 pend_len;
	int			 have_pend;
	size_t			 max;		/* csv_limit's; 0: none */
	csv_lineno_fn		*lineno;
	int			 over;		/* the record is longer than max */
	int			 gap;		/* lines were passed over before this one */
};

enum {
	CSV_END = 0,
	CSV_ROW = 1,
	CSV_BAD = 2		/* a malformed record; r->err and r->line say why, where */
};

/* first: the number of the first line more gives (1, or more for a piece). */
struct csv_reader	*csv_new(csv_line_fn *more, void *ctx, unsigned long long first);
void			 csv_free(struct csv_reader *r);

/*
 * --max-record for records of many lines: a record whose decoded fields
 * pass max bytes is read to its end without being kept and is CSV_BAD
 * ("record longer than --max-record (N bytes), skipped"). lineno, when
 * not NULL, numbers the lines: a line source that passes over lines (too
 * long: reported and counted there) says so by its numbers, and a quoted
 * field open across such a gap is taken to have ended in it: its record
 * is dropped without a word (it was counted with the line), and reading
 * goes on at the line after the gap as at a record's start.
 */
void			 csv_limit(struct csv_reader *r, size_t max, csv_lineno_fn *lineno);

/*
 * Read the header: 1, 0 for empty input, -1 on a read error or a header
 * whose quotes never close (r->err).
 */
int			 csv_header(struct csv_reader *r);

/* CSV_ROW, CSV_BAD, CSV_END, or -1 on a read error. Fields live until the next call. */
int			 csv_next(struct csv_reader *r);

/* Column index by exact name, or by ASCII case-insensitive name; -1 if absent. */
int			 csv_col(const struct csv_reader *r, const char *name);
int			 csv_col_nocase(const struct csv_reader *r, const char *name);

/* The separator csv_header would pick for this line. */
char			 csv_guess_sep(const char *line, size_t len);

/* The same for a line given in pieces: zero it, feed each piece, pick. */
struct csv_sep_count {
	size_t		 comma, semi, tab;
	int		 quoted;
};
void			 csv_sep_feed(struct csv_sep_count *c, const char *p, size_t n);
char			 csv_sep_pick(const struct csv_sep_count *c);

/*
 * Where records end in raw CSV bytes, given in pieces of any size: where
 * a file can be cut so that csv_next, reading from there, finds the
 * records it would have found reading through. Exactly csv_next's rules,
 * not quote parity: a record ends at a newline outside a quoted field; a
 * field is quoted only when it starts with a quote, so a quote inside an
 * unquoted field (5" screen) quotes nothing; text after a closing quote
 * makes the rest of the line part of a bad record. Zero it and set sep
 * (csv_sep_pick over the file's first line).
 */
struct csv_cut {
	char		 sep;
	int		 state;		/* private */
};
/* Offset just past the newline that ends a record in p[0..n), or 0 if none. */
size_t			 csv_cut_next(struct csv_cut *c, const char *p, size_t n);

#endif
