/*
 * where: --where COL=VALUE and COL!=VALUE, parsed, resolved against a
 * header, and tested on decoded field values. See where.h.
 *	extract --where platform=telegram logs.gz | normalize --where kind=invite
 */
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "tsv.h"
#include "util.h"
#include "where.h"

int
where_add(struct where_list *l, const char *arg)
{
	const char *eq = strchr(arg, '=');
	struct where *w;
	size_t name_len;
	int negate;

	if (eq == NULL || eq == arg) {
		xwarnx("bad --where \"%s\": want COL=VALUE or COL!=VALUE", arg);
		return -1;
	}
	negate = eq[-1] == '!';
	name_len = (size_t)(eq - arg) - (size_t)negate;
	if (name_len == 0) {
		xwarnx("bad --where \"%s\": want COL=VALUE or COL!=VALUE", arg);
		return -1;
	}
	l->w = xrealloc(l->w, (l->n + 1) * sizeof(*l->w));
	w = &l->w[l->n++];
	w->name = xmemdup(arg, name_len);
	w->value = xstrdup(eq + 1);
	w->len = strlen(w->value);
	w->negate = negate;
	w->backslash = memchr(w->value, '\\', w->len) != NULL;
	w->col = -1;
	return 0;
}

int
where_resolve(struct where_list *l, const char *const *names, size_t n, const char *file)
{
	size_t i, c;

	for (i = 0; i < l->n; i++) {
		for (c = 0; c < n && strcmp(names[c], l->w[i].name) != 0; c++)
			;
		if (c == n) {
			if (file)
				xwarnx("%s: no column \"%s\" (in --where)", file, l->w[i].name);
			else
				xwarnx("no column \"%s\" (in --where)", l->w[i].name);
			return -1;
		}
		l->w[i].col = (int)c;
	}
	return 0;
}

/*
 * Escaping never makes a field shorter, and at most four times longer
 * (\xHH for one byte), so most fields are settled by their length or
 * their bytes as read, without decoding.
 */
int
where_field(struct where_list *l, const struct where *w, const char *p, size_t len)
{
	size_t n;

	if (len < w->len || len / 4 > w->len)
		return w->negate;
	if (len == w->len && !w->backslash)
		return where_value(w, p, len);
	if (memchr(p, '\\', len) == NULL)
		return where_value(w, p, len);
	xgrow(&l->buf, &l->cap, len + 1);
	n = tsv_unescape(l->buf, p, len);
	return where_value(w, l->buf, n);
}

int
where_row(struct where_list *l, const struct tsv_field *field)
{
	for (size_t i = 0; i < l->n; i++) {
		const struct where *w = &l->w[i];

		if (!where_field(l, w, field[w->col].p, field[w->col].len))
			return 0;
	}
	return 1;
}

void
where_free(struct where_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->w[i].name);
		free(l->w[i].value);
	}
	free(l->w);
	free(l->buf);
	*l = (struct where_list)WHERE_LIST_INIT;
}
