/*
 * table: the platform table. Each row names hosts, a platform, and for one
 * shape of path the kind of link and the template of its key; extract's
 * platform column and normalize's kinds and keys are both read from it.
 * The rows of common/platforms.tsv are compiled in; --rules FILE adds rows
 * in the same syntax (see the top of common/platforms.tsv), tried before
 * the built-in rows of the same host.
 *
 *	size_t n;
 *	const struct table_row *const *rows = table_rows("tt.me", 5, &n);
 *	// rows[0..n): the rows of tt.me, in the order they are tried
 *
 * Lookups are safe from many threads once the rows are loaded; matching
 * (table_match) uses the caller's struct table_match, one per thread.
 */
#ifndef CROSSLINK_TABLE_H
#define CROSSLINK_TABLE_H

#include <stddef.h>

#include "buf.h"

struct table_row;

/* The kinds of link, NULL-terminated; a row's kind is one of these. */
extern const char *const table_kinds[];

/*
 * Add the rows of a rules file. Errors are reported as "PROG: FILE:LINE:
 * what" and the whole file is refused; returns 0 or -1.
 */
int		 table_load(const char *path);

/*
 * The rows of a host (ASCII lowercase, without "www.") or of a scheme
 * ("tg:", lowercase, with its colon): those naming the host itself, else
 * those of the longest "*.suffix" it falls under. NULL when none.
 * *sub gets the length of the part of host before ".suffix" (0 when the
 * host was named itself).
 */
const struct table_row *const *table_rows(const char *host, size_t len,
		    size_t *n, size_t *sub);

/* What a row says, as written; lives as long as the table. */
struct table_facts {
	const char	*platform;	/* a host's: its first row's; NULL for "-" */
	const char	*kind;		/* a table_kinds string, NULL for a handler row */
	const char	*handler;	/* a handler row's C handler ("telegram"), or NULL */
	const char	*alias;		/* the host an "=HOST" row sends its links to
					   (its rows apply), or NULL */
	int		 shaped;	/* the row has a shape: a link must match it */
	const char	*file;		/* where: "common/platforms.tsv" or a rules file */
	unsigned long	 line;
};
const struct table_facts *table_facts(const struct table_row *row);

/*
 * The "probe" rows (first field "probe": no host, for it has no dot), as
 * written; common/probe_rules reads them, table_load only counts their
 * fields. A rules file's come first, then the built-in ones, each in file
 * order. The array moves when a rules file is loaded; its strings do not,
 * and live as long as the table.
 */
struct table_text {
	const char	*file;		/* "common/platforms.tsv" or a rules file */
	unsigned long	 line;
	const char	*text;		/* the row, fields split by tabs */
};
const struct table_text *table_probe_rows(size_t *n);

/* Every platform the rows name, NULL-terminated (for --src-platform). */
const char *const *table_platforms(void);

/* Every row, built-in and loaded, in no particular order (for tests). */
const struct table_row *table_row_at(size_t i);

/*
 * A link, as a row's shape sees it: its host (without "www."), its path
 * decoded, empty segments and a trailing "/" dropped ("/a/b", or "" for
 * none), its query raw (NULL when absent), its fragment decoded (NULL
 * when absent).
 */
struct table_link {
	const char	*host;
	size_t		 host_len;
	const char	*path;
	size_t		 path_len;
	const char	*query;
	size_t		 query_len;
	const char	*frag;
	size_t		 frag_len;
};

#define TABLE_MAXCAP 8

/* One match: the captures, pointing into the link or into scratch. */
struct table_match {
	struct {
		const char	*p;
		size_t		 n;
	}		 cap[TABLE_MAXCAP];
	struct buf	 scratch;	/* decoded query values */
	void		*md;		/* PCRE2 match data */
	/*
	 * A PCRE2 error (a match or depth limit) met by table_match: the
	 * row then does not match, and this says why, as "FILE:LINE: what";
	 * the caller clears error_rc before a link.
	 */
	int		 error_rc;
	struct buf	 error;
};

void		 table_match_init(struct table_match *m);
void		 table_match_free(struct table_match *m);

/*
 * Does the link have the row's shape? 1 and the captures in *m when it
 * does, 0 when not. A handler row without a shape matches every link; an
 * "=HOST" row and a row of only a host and its platform, none.
 */
int		 table_match(const struct table_row *row, const struct table_link *l,
		    struct table_match *m);

/*
 * Append the row's key and channel key for a match to key and chan (chan
 * stays as it is when the row has none). Captures are written with "%",
 * "?" and "#" as %XX, so the key, read again, is the same key.
 */
void		 table_key(const struct table_row *row, const struct table_link *l,
		    const struct table_match *m, struct buf *key, struct buf *chan);

#endif
