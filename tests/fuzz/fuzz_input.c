/*
 * fuzz_input: the line reader on any bytes, plain and gzipped. Lines joined
 * again must give back the input (less the CR of CRLF), and the gzipped
 * copy must read exactly like the plain one.
 */
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "input.h"

/* Read a file's lines back into one buffer, "\n" after each. */
static char *
join(const char *path, size_t *n, int *rc)
{
	struct input *in = input_open(path);
	const char *line;
	size_t len, cap = 64;
	char *all = malloc(cap);

	*n = 0;
	FUZZ_ASSERT(in != NULL);
	while ((*rc = input_line(in, &line, &len)) > 0) {
		FUZZ_ASSERT(line[len] == '\0');
		while (*n + len + 1 > cap)
			all = realloc(all, cap *= 2);
		memcpy(all + *n, line, len);
		*n += len;
		all[(*n)++] = '\n';
	}
	input_close(in);
	return all;
}

/*
 * What the reader should make of plain bytes: the lines between newlines,
 * and the bytes after the last one if any, each less one trailing CR.
 */
static char *
expected(const uint8_t *d, size_t size, size_t *n)
{
	char *e = malloc(size + 2);
	size_t start = 0;

	*n = 0;
	for (size_t i = 0; i <= size; i++) {
		if (i < size && d[i] != '\n')
			continue;
		if (i == size && start == size)
			break;
		size_t len = i - start;
		if (len > 0 && d[start + len - 1] == '\r')
			len--;
		memcpy(e + *n, d + start, len);
		*n += len;
		e[(*n)++] = '\n';
		start = i + 1;
	}
	return e;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[64];
	size_t n, en, gn;
	int fd, rc;
	char *got, *want, *gz;
	uLongf gzcap;
	z_stream z;

	fd = fuzz_file(data, size, path);
	got = join(path, &n, &rc);
	close(fd);
	if (size < 2 || data[0] != 0x1f || data[1] != 0x8b) {
		want = expected(data, size, &en);
		FUZZ_ASSERT(rc == 0);
		FUZZ_ASSERT(n == en && memcmp(got, want, n) == 0);
		free(want);

		/* The same bytes gzipped read the same. */
		gzcap = compressBound(size) + 64;
		gz = malloc(gzcap);
		memset(&z, 0, sizeof(z));
		FUZZ_ASSERT(deflateInit2(&z, 1, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY) == Z_OK);
		z.next_in = (Bytef *)data;
		z.avail_in = (uInt)size;
		z.next_out = (Bytef *)gz;
		z.avail_out = (uInt)gzcap;
		FUZZ_ASSERT(deflate(&z, Z_FINISH) == Z_STREAM_END);
		fd = fuzz_file((uint8_t *)gz, z.total_out, path);
		deflateEnd(&z);
		want = join(path, &gn, &rc);
		close(fd);
		FUZZ_ASSERT(rc == 0 && gn == n && memcmp(want, got, n) == 0);
		free(want);
		free(gz);
	}
	free(got);
	return 0;
}
