/*
 * tally_probed: the probe results tally --cohort --alive-from joins on
 * the key column. Why the latest check wins: a nightly run appends to the
 * same results, so a key probed on several nights has several rows, and
 * "still up when checked" means the last time anyone looked. Why a bad
 * status is an error and not "unknown": a file that is not probe's output
 * would otherwise count as a quiet row of unknowns. See tally_probed.h.
 *	dedupe --count -k key rows.tsv | tally --cohort all --alive-from probe.tsv
 */
#include <stdlib.h>
#include <string.h>

#include "filter.h"
#include "msg.h"
#include "tally_probed.h"
#include "tsv.h"
#include "util.h"

static const char *const state_name[] = { "alive", "gone", "unknown" };

void
probed_init(struct probed *p)
{
	memset(p, 0, sizeof(*p));
	hash_init(&p->keys);
}

static int
need(const struct tsv_reader *r, const char *name)
{
	int c = tsv_col(r, name);

	if (c < 0)
		xerrx(EXIT_TROUBLE, "%s: no column \"%s\" (--alive-from reads probe output)",
		    tsv_name(r), name);
	return c;
}

static int
parse_state(const struct tsv_field *f)
{
	for (int i = 0; i < PROBED_NONE; i++)
		if (f->len == strlen(state_name[i]) && memcmp(f->p, state_name[i], f->len) == 0)
			return i;
	return -1;
}

/* One row: 0, or -1 when it was reported and skipped. */
static int
probed_row(struct probed *p, const struct tsv_reader *r, int kc, int sc, int tc)
{
	const struct tsv_field *row = tsv_row(r);
	int state = parse_state(&row[sc]), added;
	int64_t at = field_time(&row[tc]);
	uint32_t id;

	if (state < 0) {
		xwarnx("%s:%llu: status \"%.*s\": want alive, gone or unknown, row skipped",
		    tsv_name(r), tsv_lineno(r), (int)(row[sc].len > 40 ? 40 : row[sc].len),
		    row[sc].p);
		return -1;
	}
	if (at == NO_TIME) {
		xwarnx("%s:%llu: checked_at \"%.*s\": want a time as probe writes it "
		    "(2026-12-07T01:00:00Z), row skipped", tsv_name(r), tsv_lineno(r),
		    (int)(row[tc].len > 40 ? 40 : row[tc].len), row[tc].p);
		return -1;
	}
	id = hash_put(&p->keys, row[kc].p, row[kc].len, &added);
	if (added && (size_t)id >= p->cap) {
		p->cap = p->cap ? p->cap * 2 : 1024;
		p->state = xrealloc(p->state, p->cap * sizeof(*p->state));
		p->at = xrealloc(p->at, p->cap * sizeof(*p->at));
	}
	if (added || at >= p->at[id]) {
		p->state[id] = (unsigned char)state;
		p->at[id] = at;
	}
	return 0;
}

int
probed_read(struct probed *p, const char *path)
{
	struct tsv_reader *r;
	int kc, sc, tc, rc, bad = 0;

	if ((r = tsv_open(path)) == NULL)
		exit(EXIT_TROUBLE);	/* reported; a join without it would read as "unchecked" */
	kc = need(r, "key");
	sc = need(r, "status");
	tc = need(r, "checked_at");
	while ((rc = tsv_next(r)) > 0)
		if (probed_row(p, r, kc, sc, tc) < 0)
			bad = 1;
	return tsv_close(r) < 0 || bad ? -1 : 0;
}

enum probed_state
probed_get(const struct probed *p, const char *k, size_t n)
{
	uint32_t id = p->keys.n ? hash_get(&p->keys, k, n) : HASH_NONE;

	return id == HASH_NONE ? PROBED_NONE : (enum probed_state)p->state[id];
}

void
probed_free(struct probed *p)
{
	hash_free(&p->keys);
	free(p->state);
	free(p->at);
	memset(p, 0, sizeof(*p));
}
