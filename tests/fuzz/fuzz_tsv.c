/*
 * fuzz_tsv: escaping any bytes gives a field with no control byte that
 * decodes back to the same bytes; the reader survives any table.
 */
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

#include "tsv.h"

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
			for (size_t i = 0; i < r->ncols; i++)
				FUZZ_ASSERT(memchr(r->field[i].p, '\t', r->field[i].len) == NULL);
		tsv_close(r);
	}
	close(fd);
	return 0;
}
