/*
 * fuzz_tsv: escaping any bytes gives a field with no control byte that
 * decodes back to the same bytes; the reader survives any table; and
 * batches of picked columns (tsv_pick, tally's reader) hold the same rows
 * and the same fields as tsv_next splits them.
 */
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

#include "tsv.h"

/* Append a field to a growing buffer, length first. */
static void
add(char **buf, size_t *len, const char *p, size_t n)
{
	*buf = realloc(*buf, *len + sizeof(n) + n);
	memcpy(*buf + *len, &n, sizeof(n));
	memcpy(*buf + *len + sizeof(n), p, n);
	*len += sizeof(n) + n;
}

/* The last and first columns of every good row, by tsv_next and by batches. */
static void
picked(const char *path)
{
	struct tsv_reader *r;
	struct tsv_batch b = TSV_BATCH_INIT;
	char *one = NULL, *two = NULL;
	size_t n1 = 0, n2 = 0, cols[2], last;

	if ((r = tsv_open(path)) == NULL)
		return;
	if (tsv_ncols(r) == 0) {
		tsv_close(r);
		return;
	}
	last = tsv_ncols(r) - 1;
	while (tsv_next(r) > 0) {
		add(&one, &n1, tsv_row(r)[last].p, tsv_row(r)[last].len);
		add(&one, &n1, tsv_row(r)[0].p, tsv_row(r)[0].len);
	}
	tsv_close(r);
	if ((r = tsv_open(path)) == NULL)
		return;
	cols[0] = last;
	cols[1] = 0;
	tsv_pick(r, cols, 2);
	while (tsv_next_batch(r, &b) > 0)
		for (size_t i = 0; i < b.n; i++) {
			const struct tsv_field *f = b.field + i * b.ncols;

			add(&two, &n2, f[cols[0]].p, f[cols[0]].len);
			add(&two, &n2, f[cols[1]].p, f[cols[1]].len);
		}
	tsv_batch_free(&b);
	tsv_close(r);
	FUZZ_ASSERT(n1 == n2 && (n1 == 0 || memcmp(one, two, n1) == 0));
	free(one);
	free(two);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *esc = NULL, *back, path[64];
	size_t esclen = 0, n;
	FILE *f = open_memstream(&esc, &esclen);
	struct tsv_reader *r;
	int fd;

	tsv_put(f, (const char *)data, size);
	fclose(f);
	for (size_t i = 0; i < esclen; i++)
		FUZZ_ASSERT((unsigned char)esc[i] >= 0x20 && esc[i] != 0x7f);
	back = malloc(esclen + 1);
	n = tsv_unescape(back, esc, esclen);
	FUZZ_ASSERT(n == size && memcmp(back, data, size) == 0);
	free(back);
	free(esc);

	fd = fuzz_file(data, size, path);
	if ((r = tsv_open(path)) != NULL) {
		while (tsv_next(r) > 0)
			for (size_t i = 0; i < tsv_ncols(r); i++)
				FUZZ_ASSERT(memchr(tsv_row(r)[i].p, '\t', tsv_row(r)[i].len) == NULL);
		tsv_close(r);
	}
	picked(path);
	close(fd);
	return 0;
}
