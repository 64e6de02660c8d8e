/*
 * formats_shared: what the readers of formats.c, formats_csv.c and
 * formats_json.c have in common: the lines of an input with the ones
 * detection read ahead given back first, a message's hidden links, its
 * time, and the one message about skipped records. It calls none of them,
 * so the readers depend on it and never on each other.
 */
#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "formats_int.h"
#include "input.h"
#include "timefmt.h"
#include "util.h"

int
fmt_src_line(void *p, const char **line, size_t *len)
{
	struct fmt_src *s = p;
	int rc;

	if (s->next < s->nheld) {
		*line = s->held[s->next];
		*len = s->held_len[s->next++];
		s->lineno++;
		return 1;
	}
	rc = input_line(s->in, line, len);
	if (rc > 0)
		s->lineno++;
	else if (rc < 0)
		s->error = 1;
	return rc;
}

const char *
fmt_src_name(const struct fmt_src *s)
{
	return input_name(s->in);
}

void
fmt_links_clear(struct fmt_links *l)
{
	l->n = 0;
	l->urls.n = 0;
}

void
fmt_links_add(struct fmt_links *l, const char *url, size_t len, const char *where)
{
	if (len == 0)
		return;
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 8;
		l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
		l->off = xrealloc(l->off, l->cap * sizeof(*l->off));
	}
	l->off[l->n] = l->urls.n;
	buf_add(&l->urls, url, len);
	buf_addc(&l->urls, '\0');	/* each url NUL-ended, for the caller */
	l->v[l->n].len = len;
	l->v[l->n].where = where;
	l->n++;
}

void
fmt_links_done(struct fmt_links *l, struct message *m)
{
	for (size_t i = 0; i < l->n; i++)
		l->v[i].url = l->urls.p + l->off[i];
	m->links = l->v;
	m->nlinks = l->n;
}

void
fmt_links_free(struct fmt_links *l)
{
	free(l->v);
	free(l->off);
	buf_free(&l->urls);
}

void
fmt_time(struct message *m, const char *s, size_t len, struct format_stats *st)
{
	m->time[0] = '\0';
	if (len > 0 && time_to_iso(s, len, m->time) < 0) {
		m->time[0] = '\0';
		st->bad_times++;
	}
}

int
fmt_skipped_status(const char *name, unsigned long long skipped, const struct format_opts *o)
{
	if (skipped == 0)
		return 0;
	warnx("%s: %llu record%s skipped", name, skipped, skipped == 1 ? "" : "s");
	return o->lenient ? 0 : -1;
}

int
fmt_find_col(const char *const *names, size_t n, const char *given,
    const char *const *defaults, int nocase)
{
	if (given)
		return name_index(names, n, given);
	for (; *defaults; defaults++)
		for (size_t i = 0; i < n; i++)
			if (nocase ? strlen(names[i]) == strlen(*defaults) &&
			    ascii_casecmp_n(names[i], *defaults, strlen(*defaults)) == 0 :
			    strcmp(names[i], *defaults) == 0)
				return (int)i;
	return -1;
}
