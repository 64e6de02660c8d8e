/*
 * fuzz_input: the line reader on any bytes, plain and gzipped. Lines joined
 * again must give back the input (less the CR of CRLF), and the gzipped
 * copy must read exactly like the plain one, as one member and as two.
 * Bytes that are gzip already (often damaged) must read as zlib alone
 * reads them, member after member, whichever inflater the reader picked.
 */
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "input.h"
#include "../unit/lines_ref.h"

/* Do the bytes start with the magic of zstd, xz or bzip2? */
static int
other_magic(const uint8_t *d, size_t n)
{
	return (n >= 4 && memcmp(d, "\x28\xb5\x2f\xfd", 4) == 0) ||
	    (n >= 6 && memcmp(d, "\xfd" "7zXZ\0", 6) == 0) ||
	    (n >= 3 && memcmp(d, "BZh", 3) == 0);
}

/* Read a file's lines back into one buffer, "\n" after each. */
static char *
join(const char *path, size_t *n, int *rc)
{
	struct input *in = input_open(path);
	const char *line;
	size_t len, cap = 64;
	char *all = malloc(cap);

	*n = 0;
	if (in == NULL) {		/* binary input: refused, said on stderr */
		free(all);
		return NULL;
	}
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
 * What zlib makes of gzip bytes up to the end or the damage; *clean is 1
 * when every member ended and nothing followed.
 */
static uint8_t *
zlib_reads(const uint8_t *d, size_t size, size_t *n, int *clean)
{
	z_stream z;
	size_t cap = 1 << 16;
	uint8_t *out = malloc(cap);
	int rc;

	memset(&z, 0, sizeof(z));
	FUZZ_ASSERT(inflateInit2(&z, 31) == Z_OK);
	z.next_in = (Bytef *)d;
	z.avail_in = (uInt)size;
	*n = 0;
	for (;;) {
		if (*n == cap)
			out = realloc(out, cap *= 2);
		z.next_out = out + *n;
		z.avail_out = (uInt)(cap - *n);
		rc = inflate(&z, Z_NO_FLUSH);
		*n = cap - z.avail_out;
		if (rc == Z_OK || (rc == Z_BUF_ERROR && z.avail_out == 0))
			continue;
		if (rc == Z_STREAM_END && z.avail_in > 0 && z.next_in[0] == 0x1f) {
			inflateReset(&z);
			continue;
		}
		break;
	}
	*clean = rc == Z_STREAM_END && z.avail_in == 0;
	inflateEnd(&z);
	return out;
}

/* gzip data at level 1 into gz[*n..], as one member. */
static void
add_member(const uint8_t *data, size_t size, char *gz, size_t *n)
{
	z_stream z;

	memset(&z, 0, sizeof(z));
	FUZZ_ASSERT(deflateInit2(&z, 1, Z_DEFLATED, 31, 8,
	    Z_DEFAULT_STRATEGY) == Z_OK);
	z.next_in = (Bytef *)data;
	z.avail_in = (uInt)size;
	z.next_out = (Bytef *)gz + *n;
	z.avail_out = (uInt)(compressBound(size) + 64);
	FUZZ_ASSERT(deflate(&z, Z_FINISH) == Z_STREAM_END);
	*n += z.total_out;
	deflateEnd(&z);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[64];
	size_t n, en, gn, zn;
	int fd, rc, clean;
	char *got, *want, *gz;

	fd = fuzz_file(data, size, path);
	got = join(path, &n, &rc);
	close(fd);
	/*
	 * Binary bytes are refused whole; zstd, xz and bzip2 magic starts a
	 * decoder whose output is not the bytes: only no crash is asked.
	 */
	if (got == NULL || other_magic(data, size)) {
		free(got);
		return 0;
	}
	if (size < 2 || data[0] != 0x1f || data[1] != 0x8b) {
		want = lines_ref(data, size, &en);
		FUZZ_ASSERT(rc == 0);
		FUZZ_ASSERT(n == en && memcmp(got, want, n) == 0);
		free(want);

		/* The same bytes gzipped read the same: one member, then two. */
		gz = malloc(2 * (compressBound(size) + 64));
		for (int members = 1; members <= 2; members++) {
			gn = 0;
			if (members == 1)
				add_member(data, size, gz, &gn);
			else {
				add_member(data, size / 3, gz, &gn);
				add_member(data + size / 3, size - size / 3, gz, &gn);
			}
			fd = fuzz_file((uint8_t *)gz, gn, path);
			want = join(path, &gn, &rc);
			close(fd);
			FUZZ_ASSERT(rc == 0 && gn == n && memcmp(want, got, n) == 0);
			free(want);
		}
		free(gz);
	} else {
		/* gzip as the fuzzer made it: as zlib reads it, and no further. */
		uint8_t *z = zlib_reads(data, size, &zn, &clean);

		want = lines_ref(z, zn, &en);
		FUZZ_ASSERT(n == en && memcmp(got, want, n) == 0);
		FUZZ_ASSERT((rc == 0) == clean);
		free(want);
		free(z);
	}
	free(got);
	return 0;
}
