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
	l->len = 0;
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
	xgrow(&l->buf, &l->bufcap, l->len + len + 1);
	memcpy(l->buf + l->len, url, len);
	l->buf[l->len + len] = '\0';
	l->off[l->n] = l->len;
	l->v[l->n].len = len;
	l->v[l->n].where = where;
	l->n++;
	l->len += len + 1;
}

void
fmt_links_done(struct fmt_links *l, struct message *m)
{
	for (size_t i = 0; i < l->n; i++)
		l->v[i].url = l->buf + l->off[i];
	m->links = l->v;
	m->nlinks = l->n;
}

void
fmt_links_free(struct fmt_links *l)
{
	free(l->v);
	free(l->off);
	free(l->buf);
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
