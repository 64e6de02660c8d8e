/*
 * where: the row filter every filter takes, --where COL=VALUE and
 * --where COL!=VALUE, repeatable; a row is kept when all of them hold.
 * VALUE is compared byte for byte with the field's decoded value (TSV
 * escapes undone), so an empty VALUE tests for an empty field.
 *
 *	struct where_list wl = WHERE_LIST_INIT;
 *	if (where_add(&wl, "kind=invite") < 0) exit(2);
 *	if (where_resolve(&wl, r->names, r->ncols, tsv_name(r)) < 0) exit(2);
 *	while (tsv_next(r) > 0) if (where_row(&wl, r->field)) use(r);
 *	where_free(&wl);
 *
 * Messages ("PROG: bad --where ...", "PROG: FILE: no column ...") are
 * written here; the caller only chooses the exit.
 */
#ifndef CROSSLINK_WHERE_H
#define CROSSLINK_WHERE_H

#include <stddef.h>
#include <string.h>

struct tsv_field;

struct where {
	char		*name;		/* the column's name */
	char		*value;		/* decoded bytes, NUL-terminated */
	size_t		 len;
	int		 negate;	/* COL!=VALUE */
	int		 backslash;	/* value holds a '\\' (see where_field) */
	int		 col;		/* from where_resolve; the caller may renumber */
};

/* The list owns every name and value, and a scratch buffer for decoding. */
struct where_list {
	struct where	*w;
	size_t		 n;
	char		*buf;
	size_t		 cap;
};

#define WHERE_LIST_INIT	{ NULL, 0, NULL, 0 }

/*
 * Add one --where argument: COL=VALUE or COL!=VALUE, split at the first
 * '=' (a '!' right before it makes the test a negation); COL must not be
 * empty, VALUE may be. Returns 0, or -1 after "PROG: bad --where \"ARG\":
 * want COL=VALUE or COL!=VALUE".
 */
int	where_add(struct where_list *l, const char *arg);

/*
 * Find each condition's column among names[0..n-1] (the first of that
 * name), setting its col. Returns 0, or -1 after "PROG: FILE: no column
 * \"x\" (in --where)" for the first name missing ("PROG: no column ..."
 * when file is NULL, for columns known before any input).
 */
int	where_resolve(struct where_list *l, const char *const *names, size_t n,
	    const char *file);

/* Does w hold for a field whose decoded value is p[0..len-1]? */
static inline int
where_value(const struct where *w, const char *p, size_t len)
{
	int equal = len == w->len && (len == 0 || memcmp(p, w->value, len) == 0);

	return equal != w->negate;
}

/*
 * Does w hold for a field as read from TSV (escaped)? The field is
 * decoded only when it holds a backslash, into the list's buffer.
 */
int	where_field(struct where_list *l, const struct where *w, const char *p, size_t len);

/* Do all hold for a row of escaped fields, field[w->col] being w's? */
int	where_row(struct where_list *l, const struct tsv_field *field);

void	where_free(struct where_list *l);

#endif
