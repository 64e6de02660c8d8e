/*
 * test_tsv: escaping round trips, header checks, rows of the wrong width,
 * batches of all columns or of picked ones.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "tsv.h"
#include "tsv_int.h"
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
		/* C1 controls (U+0080..U+009F, UTF-8 c2 80..c2 9f): both bytes. */
		{ "\xc2\x9b" "31m", 5, "\\xc2\\x9b31m" },
		{ "a\xc2\x80\xc2\x9f", 5, "a\\xc2\\x80\\xc2\\x9f" },
		/* Not C1: no-break space, a lone or cut lead byte. */
		{ "\xc2\xa0x", 3, "\xc2\xa0x" },
		{ "\xc2" "A\xc2", 3, "\xc2" "A\xc2" },
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
	/*
	 * Every two-byte pair: tsv_escape agrees with tsv_put, the result holds
	 * no C0, DEL or C1 control, and decodes back.
	 */
	for (int a = 0; a < 256; a++)
		for (int b = 0; b < 256; b++) {
			char raw[2] = { (char)a, (char)b }, dst[8], dec[2];
			char *e = escape(raw, 2, &n);
			size_t m = tsv_escape(dst, raw, 2);
			int bad = 0;

			CHECK(m == n && memcmp(dst, e, n) == 0);
			for (size_t k = 0; k < n; k++) {
				unsigned char c = (unsigned char)e[k];
				bad |= c < 0x20 || c == 0x7f || (c == 0xc2 && k + 1 < n &&
				    (unsigned char)e[k + 1] >= 0x80 && (unsigned char)e[k + 1] <= 0x9f);
			}
			CHECK(!bad);
			CHECK(tsv_unescape(dec, e, n) == 2 && memcmp(dec, raw, 2) == 0);
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

	/* A header met again is skipped and counted, by both readers. */
	p = write_tmp("u\tk\n1\t2\nu\tk\nu\tk \n3\t4\n");
	{
		unsigned long long before = tsv_repeated_headers();
		struct tsv_batch b = TSV_BATCH_INIT;

		r = tsv_open(p);
		rows = 0;
		while (tsv_next(r) > 0)
			rows++;
		CHECK(rows == 3 && r->repeated == 1 && r->skipped == 0);
		CHECK(tsv_close(r) == 0 && tsv_repeated_headers() == before + 1);
		r = tsv_open(p);
		CHECK(tsv_next_batch(r, &b) == 3 && b.lineno[1] == 4 && b.lineno[2] == 5);
		CHECK(tsv_close(r) == 0 && tsv_repeated_headers() == before + 2);
		tsv_batch_free(&b);
	}
	unlink(p);

	p = write_tmp("x\r\nv\r\n");
	r = tsv_open(p);
	CHECK(r != NULL && tsv_col(r, "x") == 0);
	CHECK(tsv_next(r) == 1);
	CHECK_MEM(r->field[0].p, r->field[0].len, "v");
	CHECK(tsv_close(r) == 0);
	unlink(p);
}

/* Fields by a plain scan, to check the reader's split against. */
static size_t
naive_split(const char *line, size_t len, struct tsv_field *f, size_t max)
{
	size_t n = 0, start = 0, i;

	for (i = 0; i <= len; i++)
		if (i == len || line[i] == '\t') {
			if (n < max) {
				f[n].p = line + start;
				f[n].len = i - start;
			}
			n++;
			start = i + 1;
		}
	return n;
}


/* Write rows to a new temporary file; its name, malloc'd. */
static char *
save_rows(const char *data, size_t len)
{
	char *name = strdup(write_tmp(""));
	int fd = open(name, O_WRONLY | O_TRUNC);

	CHECK(write(fd, data, len) == (ssize_t)len);
	close(fd);
	return name;
}

/* Send stderr to /dev/null; the saved descriptor, for dup2 back. */
static int
stderr_off(void)
{
	int saved, fd;

	fflush(stderr);
	saved = dup(2);
	fd = open("/dev/null", O_WRONLY);
	dup2(fd, 2);
	close(fd);
	return saved;
}

/* Send stderr back to the descriptor stderr_off saved. */
static void
stderr_on(int saved)
{
	dup2(saved, 2);
	close(saved);
}

/* Random rows in a temporary file, and the good ones among them. */
struct rand_rows {
	char			*name;		/* the file, malloc'd */
	char			*data;		/* the file's bytes */
	char			**lines;	/* the good rows, in order */
	size_t			*lens;
	unsigned long long	*lineno;
	size_t			 good, bad;
};

/*
 * After header, nrows rows of random letters (the sequence of seed): row
 * big of 100000 bytes, the others shorter than maxlen (maxlen0 for every
 * fourth, from the first); with ncols - 1 tabs at random places, or one row
 * in 8 with fewer than maxtabs. A good row has ncols fields.
 */
static void
rand_rows(struct rand_rows *t, const char *header, size_t ncols, size_t nrows,
    unsigned seed, size_t big, size_t maxlen, size_t maxlen0, size_t maxtabs)
{
	struct tsv_field want[16];	/* ncols at most */
	size_t used, len, i, j, k, n;
	char *line;

	t->data = malloc(strlen(header) + nrows * ((maxlen > maxlen0 ? maxlen : maxlen0) + 1) +
	    100001);
	t->lines = calloc(nrows, sizeof(*t->lines));
	t->lens = calloc(nrows, sizeof(*t->lens));
	t->lineno = calloc(nrows, sizeof(*t->lineno));
	t->good = t->bad = 0;
	used = (size_t)sprintf(t->data, "%s", header);
	srand(seed);
	for (i = 0; i < nrows; i++) {
		line = t->data + used;
		len = i == big ? 100000 : (size_t)rand() % (i % 4 ? maxlen : maxlen0);
		for (j = 0; j < len; j++)
			line[j] = (char)('a' + rand() % 26);
		n = rand() % 8 ? ncols - 1 : (size_t)rand() % maxtabs;
		for (k = 0; k < n && len > 0; k++)
			line[(size_t)rand() % len] = '\t';
		line[len] = '\n';
		if (naive_split(line, len, want, ncols) == ncols) {
			t->lines[t->good] = line;
			t->lens[t->good] = len;
			t->lineno[t->good++] = i + 2;
		} else
			t->bad++;
		used += len + 1;
	}
	t->name = save_rows(t->data, used);
}

static void
rand_rows_free(struct rand_rows *t)
{
	unlink(t->name);
	free(t->name);
	free(t->data);
	free(t->lines);
	free(t->lens);
	free(t->lineno);
}

/*
 * The end of a pass over t: every good row read (errs counts the wrong
 * fields, rows and line numbers found), the bad ones skipped.
 */
static void
check_pass_end(struct tsv_reader *r, const struct rand_rows *t, size_t got, size_t errs)
{
	CHECK(got == t->good && errs == 0);
	CHECK(r->skipped == t->bad && r->rows == t->good);
	CHECK(tsv_close(r) == -1);
}

/*
 * Random rows (tabs anywhere, lengths around the 16- and 64-byte steps of
 * the split, some of the wrong width, one of 100 KiB): tsv_next and
 * batches must give the same rows, fields and line numbers.
 */
static void
test_batches(void)
{
	enum { NCOLS = 5, NROWS = 3000 };
	struct tsv_field want[NCOLS];
	struct tsv_batch b = TSV_BATCH_INIT;
	struct tsv_reader *r;
	struct rand_rows t;
	size_t i, j, got, errs;
	int mode, saved_err;

	/* Four tabs at random places (the row is good), or some other number. */
	rand_rows(&t, "a\tb\tc\td\te\n", NCOLS, NROWS, 11, 1234, 150, 150, 9);
	/* The bad rows' reports are expected: keep them off the test's output. */
	saved_err = stderr_off();
	for (mode = 0; mode < 2; mode++) {
		r = tsv_open(t.name);
		CHECK(r != NULL && r->ncols == NCOLS);
		got = errs = 0;
		while (mode == 0 && tsv_next(r) > 0 && got < t.good) {
			naive_split(t.lines[got], t.lens[got], want, NCOLS);
			for (j = 0; j < NCOLS; j++)
				errs += r->field[j].len != want[j].len ||
				    memcmp(r->field[j].p, want[j].p, want[j].len) != 0;
			errs += tsv_lineno(r) != t.lineno[got++];
		}
		while (mode > 0 && tsv_next_batch(r, &b) > 0) {
			for (i = 0; i < b.n && got < t.good; i++, got++) {
				naive_split(t.lines[got], t.lens[got], want, NCOLS);
				for (j = 0; j < NCOLS; j++)
					errs += b.field[i * NCOLS + j].len != want[j].len ||
					    memcmp(b.field[i * NCOLS + j].p, want[j].p, want[j].len) != 0;
				errs += b.lineno[i] != t.lineno[got];
				errs += b.row[i].len != t.lens[got] ||
				    memcmp(b.row[i].p, t.lines[got], t.lens[got] + 1) != 0;
			}
		}
		check_pass_end(r, &t, got, errs);
	}
	stderr_on(saved_err);
	tsv_batch_free(&b);
	rand_rows_free(&t);
}

/*
 * tsv_pick: rows of 12 columns, 0 to 700 bytes (short rows, the 64-byte
 * blocks, past the 512 the vector path takes whole) and one of 100 KiB,
 * some of the wrong width; for several sets of columns, with and without
 * the CPU's fast path, the batches must hold exactly the picked fields of
 * the good rows, in order, and as rows those fields joined (tsv_pick) or
 * the whole line (tsv_pick_row).
 */
static void
test_pick(void)
{
	enum { NCOLS = 12, NROWS = 4000 };
	static const size_t sets[][NCOLS + 1] = {	/* count, then columns */
		{ 2, 4, 9 }, { 1, 0 }, { 1, 11 }, { 3, 9, 4, 4 }, { 3, 11, 0, 5 },
		{ 12, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 },
	};
	struct tsv_field want[NCOLS];
	struct tsv_batch b = TSV_BATCH_INIT;
	struct tsv_reader *r;
	struct rand_rows t;
	char joined[1 << 17];
	size_t i, j, k, n, got, errs;
	size_t cols[NCOLS], pos[NCOLS], npick, nj, s;
	int mode, saved_err;

	/* Eleven tabs (a good row) at distinct places, or some other number. */
	rand_rows(&t, "a\tb\tc\td\te\tf\tg\th\ti\tj\tk\tl\n", NCOLS, NROWS, 12, 2345,
	    200, 700, 16);
	/* The bad rows' reports are expected: keep them off the test's output. */
	saved_err = stderr_off();
	for (s = 0; s < sizeof(sets) / sizeof(sets[0]); s++)
		for (mode = 0; mode < 4; mode++) {
			r = tsv_open(t.name);
			CHECK(r != NULL && r->ncols == NCOLS);
			npick = sets[s][0];
			memcpy(cols, sets[s] + 1, npick * sizeof(*cols));
			if (mode & 2)
				tsv_pick_row(r, cols, npick);
			else
				tsv_pick(r, cols, npick);
			/* Where each picked column went: its first place in the list. */
			for (j = 0, n = 0; j < npick; j++) {
				for (k = 0; k < j && sets[s][1 + k] != sets[s][1 + j]; k++)
					;
				if (k == j)
					pos[n++] = sets[s][1 + j];
				for (k = 0; k < n && pos[k] != sets[s][1 + j]; k++)
					;
				CHECK(cols[j] == k);
			}
			if (mode & 1)
				r->fast = 0;		/* the portable split */
			got = errs = 0;
			while (tsv_next_batch(r, &b) > 0) {
				CHECK(b.ncols == n);
				for (i = 0; i < b.n && got < t.good; i++, got++) {
					naive_split(t.lines[got], t.lens[got], want, NCOLS);
					for (j = 0, nj = 0; j < n; j++) {
						if (j)
							joined[nj++] = '\t';
						memcpy(joined + nj, want[pos[j]].p, want[pos[j]].len);
						nj += want[pos[j]].len;
						errs += b.field[i * n + j].len != want[pos[j]].len ||
						    memcmp(b.field[i * n + j].p, want[pos[j]].p,
						    want[pos[j]].len) != 0;
					}
					joined[nj] = '\n';
					errs += b.lineno[i] != t.lineno[got];
					if (mode & 2)
						errs += b.row[i].len != t.lens[got] ||
						    memcmp(b.row[i].p, t.lines[got], t.lens[got] + 1) != 0;
					else
						errs += b.row[i].len != nj ||
						    memcmp(b.row[i].p, joined, nj + 1) != 0;
				}
			}
			check_pass_end(r, &t, got, errs);
		}
	stderr_on(saved_err);
	tsv_batch_free(&b);
	rand_rows_free(&t);
}

/* tsv_write_escaped, against the rule written out byte by byte. */
static void
test_write_escaped(void)
{
	static const char hex[] = "0123456789abcdef";
	char raw[80], want[400], *got;
	size_t size, len, n, i, bad = 0;
	unsigned char c;
	FILE *f;

	srand(13);
	for (int t = 0; t < 20000; t++) {
		len = (size_t)rand() % 80;
		for (i = 0; i < len; i++) {
			/* Mostly plain, some of every byte that matters. */
			switch (rand() % 12) {
			case 0: raw[i] = (char)(rand() % 0x20); break;
			case 1: raw[i] = (char)0x7f; break;
			case 2: raw[i] = (char)0xc2; break;
			case 3: raw[i] = (char)(0x80 + rand() % 0x40); break;
			case 4: raw[i] = '\\'; break;
			default: raw[i] = (char)(0x20 + rand() % 0x5f);
			}
		}
		for (i = 0, n = 0; i < len; i++) {
			c = (unsigned char)raw[i];
			if (c == '\r') {
				memcpy(want + n, "\\r", 2);
				n += 2;
			} else if (c == 0xc2 && i + 1 < len && (unsigned char)raw[i + 1] >= 0x80 &&
			    (unsigned char)raw[i + 1] <= 0x9f) {
				c = (unsigned char)raw[++i];
				memcpy(want + n, "\\xc2\\x", 6);
				n += 6;
				want[n++] = hex[c >> 4];
				want[n++] = hex[c & 15];
			} else if ((c < 0x20 && c != '\t') || c == 0x7f) {
				want[n++] = '\\';
				want[n++] = 'x';
				want[n++] = hex[c >> 4];
				want[n++] = hex[c & 15];
			} else
				want[n++] = (char)c;
		}
		got = NULL;
		size = 0;
		f = open_memstream(&got, &size);
		tsv_write_escaped(f, raw, len);
		fclose(f);
		bad += size != n || memcmp(got, want, n) != 0;
		free(got);
	}
	CHECK(bad == 0);
}

int
main(void)
{
	test_escape();
	test_reader();
	test_batches();
	test_pick();
	test_write_escaped();
	return check_done();
}
