/*
 * formats_shared: what the readers of formats.c, formats_csv.c and
 * formats_json.c have in common: the lines of an input with the ones
 * detection read ahead given back first, a message's hidden links, its
 * time, the channel some exporters keep only in the path (the folder a
 * DiscordChatExporter CSV or a Slack day is in), and the one message about
 * skipped records. It calls none of them,
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

char *
fmt_path_folder(const struct fmt_src *s)
{
	const char *name = input_label(s->in), *slash, *p;
	char *dir, *real = NULL, *out = NULL;
	size_t n;

	if (strcmp(name, "-") == 0)
		return NULL;
	slash = strrchr(name, '/');
	dir = slash ? xmemdup(name, (size_t)(slash - name)) : xstrdup(".");
	n = strlen(dir);
	while (n > 0 && dir[n - 1] == '/')
		dir[--n] = '\0';
	p = strrchr(dir, '/');
	p = p ? p + 1 : dir;
	/* "12.csv", "./12.csv", "../12.csv": the name that folder has */
	if (n > 0 && (strcmp(p, ".") == 0 || strcmp(p, "..") == 0)) {
		if ((real = realpath(dir, NULL)) == NULL)
			p = "";
		else {
			p = strrchr(real, '/');
			p = p ? p + 1 : real;
		}
	}
	/* "/12.csv" is in no folder with a name */
	if (n > 0 && *p != '\0')
		out = xstrdup(p);
	free(real);
	free(dir);
	return out;
}

char *
fmt_day_folder(const struct fmt_src *s)
{
	static const char shape[] = "dddd-dd-dd.json";
	const char *name = input_label(s->in), *base = strrchr(name, '/');
	size_t n;

	base = base ? base + 1 : name;
	n = strlen(base);
	if (n == sizeof(shape) - 1 + 3 && strcmp(base + n - 3, ".gz") == 0)
		n -= 3;
	if (n != sizeof(shape) - 1)
		return NULL;
	for (size_t i = 0; i < n; i++)
		if (shape[i] == 'd' ? !(base[i] >= '0' && base[i] <= '9') : base[i] != shape[i])
			return NULL;
	return fmt_path_folder(s);
}
