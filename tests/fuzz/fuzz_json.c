/*
 * fuzz_json: any bytes, split into lines, through the JSON reader in line
 * mode and in stream mode, every value built into a doc and queried; and
 * the same bytes as CSV. Nothing may crash, and a doc is well formed.
 */
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "json.h"

struct lines {
	const char	*p, *end;
};

static int
next_line(void *ctx, const char **p, size_t *len)
{
	struct lines *l = ctx;
	const char *nl;

	if (l->p >= l->end)
		return 0;
	nl = memchr(l->p, '\n', (size_t)(l->end - l->p));
	*p = l->p;
	*len = (size_t)((nl ? nl : l->end) - l->p);
	l->p = nl ? nl + 1 : l->end;
	return 1;
}

static void
visit(void *ctx, const struct json_doc *d, size_t node)
{
	(void)ctx;
	FUZZ_ASSERT(node < d->n);
}

static void
run(const uint8_t *data, size_t size, int line_mode)
{
	struct lines l = { (const char *)data, (const char *)data + size };
	struct json_reader *j = json_new(next_line, &l);
	struct json_doc d = { 0 };
	int t, rounds = 0;

	json_line_mode(j, line_mode);
	while ((t = json_next(j)) != JSON_END && rounds++ < 100000) {
		if (t == JSON_BEGIN_OBJECT || t == JSON_BEGIN_ARRAY) {
			if (json_doc_read(j, &d, t) == 1) {
				FUZZ_ASSERT(d.n > 0 && d.node[0].end == d.n);
				for (size_t i = 0; i < d.n; i++)
					FUZZ_ASSERT(d.node[i].end > i && d.node[i].end <= d.n);
				json_path_each(&d, 0, "a[].b", visit, NULL);
				json_path_each(&d, 0, "[][0]", visit, NULL);
				json_get_path(&d, 0, "x.y");
				continue;
			}
			t = JSON_ERROR;
		}
		if (t == JSON_ERROR) {
			if (!line_mode)
				break;
			json_recover(j);
		}
	}
	json_doc_free(&d);
	json_free(j);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lines l = { (const char *)data, (const char *)data + size };
	struct csv_reader *r;

	(void)fuzz_file;	/* shared helper, not needed here */

	run(data, size, 1);
	run(data, size, 0);
	r = csv_new(next_line, &l, 1);
	if (csv_header(r) > 0)
		while (csv_next(r) > 0)
			;
	csv_free(r);
	return 0;
}
