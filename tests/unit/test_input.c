/*
 * test_input: lines from plain and gzip files, across block boundaries,
 * gzip members, CRLF, no final newline, truncated and corrupt gzip.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "check.h"
#include "input.h"
#include "util.h"

static char dir[] = "/tmp/crosslink-unit.XXXXXX";
static const char *made[] = {
	"a.txt", "empty.txt", "long.txt", "long.gz", "members.gz", "cut.gz", "crc.gz"
};

static char *
path(const char *name)
{
	static char buf[256];

	snprintf(buf, sizeof(buf), "%s/%s", dir, name);
	return buf;
}

static void
write_file(const char *name, const char *data, size_t len)
{
	FILE *f = fopen(path(name), "wb");

	fwrite(data, 1, len, f);
	fclose(f);
}

/* gzip data into memory as one member. */
static char *
gzip_mem(const char *data, size_t len, size_t *outlen)
{
	z_stream z;
	size_t cap = len + len / 100 + 1024;
	char *out = xmalloc(cap);

	memset(&z, 0, sizeof(z));
	deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
	z.next_in = (unsigned char *)data;
	z.avail_in = (unsigned)len;
	z.next_out = (unsigned char *)out;
	z.avail_out = (unsigned)cap;
	deflate(&z, Z_FINISH);
	*outlen = z.total_out;
	deflateEnd(&z);
	return out;
}

/* Read every line of a file into one string, lines joined by '|'. */
static char *
slurp(const char *name, int *rc_out, unsigned long long *lines)
{
	struct input *in = input_open(path(name));
	const char *line;
	size_t len, n = 0, cap = 0;
	char *all = NULL;
	int rc;

	if (in == NULL) {
		*rc_out = -2;
		return NULL;
	}
	while ((rc = input_line(in, &line, &len)) > 0) {
		xgrow(&all, &cap, n + len + 2);
		memcpy(all + n, line, len);
		n += len;
		all[n++] = '|';
		CHECK(line[len] == '\0');
	}
	xgrow(&all, &cap, n + 1);
	all[n] = '\0';
	*lines = input_lineno(in);
	*rc_out = input_close(in) < 0 ? -1 : rc;
	return all;
}

static void
test_plain(void)
{
	int rc;
	unsigned long long n;
	char *s;

	write_file("a.txt", "one\ntwo\r\n\nlast", 14);
	s = slurp("a.txt", &rc, &n);
	CHECK(rc == 0);
	CHECK(strcmp(s, "one|two||last|") == 0);
	CHECK(n == 4);
	free(s);

	write_file("empty.txt", "", 0);
	s = slurp("empty.txt", &rc, &n);
	CHECK(rc == 0 && n == 0 && strcmp(s, "") == 0);
	free(s);

	s = slurp("missing.txt", &rc, &n);
	CHECK(rc == -2 && s == NULL);
}

/* Lines of every length around the 128 KiB block size, and a huge one. */
static void
test_boundaries(void)
{
	size_t sizes[] = { 1, 131071, 131072, 131073, 262143, 5 << 20 }, total = 0;
	size_t ns = sizeof(sizes) / sizeof(sizes[0]), off = 0;
	char *data, *gz;
	size_t gzlen;
	struct input *in;
	const char *line;
	size_t len, i = 0;
	int ok = 1;

	for (size_t k = 0; k < ns; k++)
		total += sizes[k] + 1;
	data = xmalloc(total);
	for (size_t k = 0; k < ns; k++) {
		memset(data + off, 'a' + (int)k, sizes[k]);
		off += sizes[k];
		data[off++] = '\n';
	}
	write_file("long.txt", data, total);
	gz = gzip_mem(data, total, &gzlen);
	write_file("long.gz", gz, gzlen);
	for (int pass = 0; pass < 2; pass++) {
		in = input_open(path(pass ? "long.gz" : "long.txt"));
		i = 0;
		while (input_line(in, &line, &len) > 0) {
			if (i >= ns || len != sizes[i] || line[0] != 'a' + (int)i ||
			    line[len - 1] != 'a' + (int)i)
				ok = 0;
			i++;
		}
		CHECK(ok);
		CHECK(i == ns);
		CHECK(input_close(in) == 0);
	}
	free(gz);
	free(data);
}

static void
test_gzip(void)
{
	char *a, *b, *both;
	size_t alen, blen;
	int rc;
	unsigned long long n;
	char *s;

	a = gzip_mem("first\nsecond\n", 13, &alen);
	b = gzip_mem("third\n", 6, &blen);
	both = xmalloc(alen + blen);
	memcpy(both, a, alen);
	memcpy(both + alen, b, blen);
	write_file("members.gz", both, alen + blen);
	s = slurp("members.gz", &rc, &n);
	CHECK(rc == 0);
	CHECK(strcmp(s, "first|second|third|") == 0);
	free(s);

	/* Cut inside the second member: the first member's lines come out. */
	write_file("cut.gz", both, alen + blen / 2);
	s = slurp("cut.gz", &rc, &n);
	CHECK(rc == -1);
	CHECK(strncmp(s, "first|second|", 13) == 0);
	free(s);

	/* A wrong CRC in the trailer of the last member. */
	both[alen + blen - 6] ^= 0x55;
	write_file("crc.gz", both, alen + blen);
	s = slurp("crc.gz", &rc, &n);
	CHECK(rc == -1);
	CHECK(strncmp(s, "first|second|", 13) == 0);
	free(s);
	free(a);
	free(b);
	free(both);
}

int
main(void)
{
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return 2;
	}
	test_plain();
	test_boundaries();
	test_gzip();
	/* Messages about the damaged files went to stderr; that is expected. */
	for (size_t i = 0; i < sizeof(made) / sizeof(made[0]); i++)
		unlink(path(made[i]));
	rmdir(dir);
	return check_done();
}
