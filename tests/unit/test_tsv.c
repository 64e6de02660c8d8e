/*
 * test_tsv: escaping round trips, header checks, rows of the wrong width.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "tsv.h"
#include "util.h"

static char *
escape(const char *s, size_t len, size_t *outlen)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&buf, &size);

	tsv_put(f, s, len);
	fclose(f);
	*outlen = size;
	return buf;
}

static void
test_escape(void)
{
	static const struct {
		const char *raw;
		size_t len;
		const char *esc;
	} cases[] = {
		{ "plain", 5, "plain" },
		{ "a\tb", 3, "a\\tb" },
		{ "a\nb\r", 4, "a\\nb\\r" },
		{ "back\\slash", 10, "back\\\\slash" },
		{ "\x1b[31mred", 8, "\\x1b[31mred" },
		{ "nul\0x", 5, "nul\\x00x" },
		{ "del\x7f", 4, "del\\x7f" },
		{ "\xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a", 8, "\xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a" },
		{ "", 0, "" },
	};
	char back[64];
	size_t n;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *e = escape(cases[i].raw, cases[i].len, &n);
		CHECK_MEM(e, n, cases[i].esc);
		CHECK(tsv_unescape(back, e, n) == cases[i].len);
		CHECK(memcmp(back, cases[i].raw, cases[i].len) == 0);
		free(e);
	}
	/* Every byte value survives a round trip. */
	{
		char raw[256], dec[256];
		for (int i = 0; i < 256; i++)
			raw[i] = (char)i;
		char *e = escape(raw, 256, &n);
		CHECK(memchr(e, '\t', n) == NULL && memchr(e, '\n', n) == NULL);
		CHECK(tsv_unescape(dec, e, n) == 256 && memcmp(dec, raw, 256) == 0);
		free(e);
	}
	/* Unknown escapes and a lone trailing backslash are kept as written. */
	n = tsv_unescape(back, "a\\qb\\", 5);
	CHECK_MEM(back, n, "a\\qb\\");
	n = tsv_unescape(back, "\\x4", 3);
	CHECK_MEM(back, n, "\\x4");
}

static const char *
write_tmp(const char *data)
{
	static char name[64];
	int fd;

	strcpy(name, "/tmp/crosslink-tsv.XXXXXX");
	fd = mkstemp(name);
	write(fd, data, strlen(data));
	close(fd);
	return name;
}

static void
test_reader(void)
{
	struct tsv_reader *r;
	const char *p;
	int rows = 0;

	p = write_tmp("a\tb\tc\n1\t2\t3\nshort\n4\t5\t6\t7\n\t\t\n");
	r = tsv_open(p);
	CHECK(r != NULL && r->ncols == 3);
	CHECK(tsv_col(r, "b") == 1 && tsv_col(r, "z") == -1);
	while (tsv_next(r) > 0) {
		rows++;
		if (rows == 1)
			CHECK_MEM(r->field[2].p, r->field[2].len, "3");
		if (rows == 2)
			CHECK(r->field[0].len == 0 && tsv_lineno(r) == 5);
	}
	CHECK(rows == 2);
	CHECK(r->skipped == 2);
	CHECK(tsv_close(r) == -1);
	unlink(p);

	p = write_tmp("a\tb\ta\n");
	CHECK(tsv_open(p) == NULL);		/* duplicate name */
	unlink(p);
	p = write_tmp("a\t\tb\n");
	CHECK(tsv_open(p) == NULL);		/* empty name */
	unlink(p);

	p = write_tmp("");
	r = tsv_open(p);
	CHECK(r != NULL && r->ncols == 0 && tsv_next(r) == 0);
	CHECK(tsv_close(r) == 0);
	unlink(p);

	p = write_tmp("x\r\nv\r\n");
	r = tsv_open(p);
	CHECK(r != NULL && tsv_col(r, "x") == 0);
	CHECK(tsv_next(r) == 1);
	CHECK_MEM(r->field[0].p, r->field[0].len, "v");
	CHECK(tsv_close(r) == 0);
	unlink(p);
}

int
main(void)
{
	test_escape();
	test_reader();
	return check_done();
}
