/*
 * filter: what the filters' mains share. Kept apart from tsv.c, which
 * reads tables, and util.c, which knows no table: these pieces are the
 * filters' policy (one table out, lists, times), not the reading itself.
 */
#include <stdlib.h>
#include <string.h>

#include "filter.h"
#include "msg.h"
#include "timefmt.h"
#include "util.h"

int
first_input(struct first_input *f, const struct tsv_reader *r)
{
	size_t len;
	const char *h = tsv_header_line(r, &len);

	if (f->header == NULL) {
		f->header = xmemdup(h, len);
		f->len = len;
		f->name = xstrdup(tsv_name(r));
		return 1;
	}
	if (len == f->len && memcmp(h, f->header, len) == 0)
		return 0;
	xwarnx("%s:1: header differs from that of %s", tsv_name(r), f->name);
	return -1;
}

void
first_input_free(struct first_input *f)
{
	free(f->header);
	free(f->name);
	memset(f, 0, sizeof(*f));
}

void
put_header(const struct tsv_reader *r, const char *const *names, const int *have,
    size_t n, int csv_safe)
{
	const char *const *in = tsv_names(r);
	size_t i, ncols = tsv_ncols(r);

	/* The input's names as fields are written, never its line as read. */
	for (i = 0; i < ncols; i++) {
		if (i)
			putchar('\t');
		tsv_put_name(stdout, in[i], csv_safe);
	}
	for (i = 0; i < n; i++)
		if (have[i] < 0) {
			if (ncols > 0 || i > 0)
				putchar('\t');
			tsv_put_name(stdout, names[i], csv_safe);
		}
	putchar('\n');
	fflush(stdout);
}

char **
split_list(const char *list, size_t *n)
{
	char **v, *copy = xstrdup(list), *p, *save = NULL;
	size_t cap = 4;

	v = xmalloc(cap * sizeof(*v));
	*n = 0;
	for (p = strtok_r(copy, ",", &save); p; p = strtok_r(NULL, ",", &save)) {
		if (*n + 1 > cap)
			v = xrealloc(v, (cap *= 2) * sizeof(*v));
		v[(*n)++] = xstrdup(p);
	}
	free(copy);
	return v;
}

int64_t
field_time(const struct tsv_field *f)
{
	int64_t t;

	if (f->len == 0 || time_parse(f->p, f->len, &t) < 0)
		return NO_TIME;
	return t;
}

void
put_time(FILE *out, int64_t t)
{
	char iso[TIME_ISO_LEN + 1];

	if (t == NO_TIME)
		return;
	time_format(t, iso);
	fwrite(iso, 1, TIME_ISO_LEN, out);
}
