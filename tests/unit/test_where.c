/*
 * test_where: --where arguments parse or are refused with the one message,
 * names resolve against a header, and a test on escaped fields agrees
 * with decoding the field and comparing, for every kind of escape.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "tsv.h"
#include "where.h"

/* Run fn with stderr sent to a file; the text it wrote, for CHECKs. */
static char *
stderr_of(int (*fn)(void *), void *arg, int *rc)
{
	static char text[512];
	FILE *f = tmpfile();
	int saved;
	size_t n;

	fflush(stderr);
	saved = dup(2);
	dup2(fileno(f), 2);
	*rc = fn(arg);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	rewind(f);
	n = fread(text, 1, sizeof(text) - 1, f);
	text[n] = '\0';
	fclose(f);
	return text;
}

/* Does the message end with want (after "PROG: ")? */
static int
said(const char *msg, const char *want)
{
	size_t m = strlen(msg), w = strlen(want);

	return m > w + 2 && strcmp(msg + m - w, want) == 0 && msg[m - w - 2] == ':';
}

static struct where_list parse_list = WHERE_LIST_INIT;

static int
add_one(void *arg)
{
	return where_add(&parse_list, arg);
}

static void
test_parse(void)
{
	static const struct {
		const char	*arg;
		const char	*name, *value;
		int		 negate;
	} good[] = {
		{ "kind=invite", "kind", "invite", 0 },
		{ "kind!=invite", "kind", "invite", 1 },
		{ "channel=", "channel", "", 0 },
		{ "channel!=", "channel", "", 1 },
		{ "url=a=b", "url", "a=b", 0 },		/* the first '=' splits */
		{ "url!=a!=b", "url", "a!=b", 1 },
		{ "text=a\tb\\n", "text", "a\tb\\n", 0 },
		{ "x!y=1", "x!y", "1", 0 },
	};
	static const char *const bad[] = { "kind", "", "=invite", "!=invite", "!" };
	char want[256];
	const char *msg;
	int rc;

	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		CHECK(where_add(&parse_list, good[i].arg) == 0);
		CHECK(parse_list.n == i + 1);
		CHECK(strcmp(parse_list.w[i].name, good[i].name) == 0);
		CHECK_MEM(parse_list.w[i].value, parse_list.w[i].len, good[i].value);
		CHECK(parse_list.w[i].negate == good[i].negate);
		CHECK(parse_list.w[i].col == -1);
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		msg = stderr_of(add_one, (void *)bad[i], &rc);
		snprintf(want, sizeof(want), "bad --where \"%s\": want COL=VALUE or "
		    "COL!=VALUE\n", bad[i]);
		CHECK(rc == -1);
		CHECK(said(msg, want));
	}
	CHECK(parse_list.n == sizeof(good) / sizeof(good[0]));
	where_free(&parse_list);
	CHECK(parse_list.n == 0 && parse_list.w == NULL);
}

static struct where_list resolve_list = WHERE_LIST_INIT;
static const char *const header[] = { "time", "channel", "kind", "key", "kind" };

static int
resolve_file(void *arg)
{
	return where_resolve(&resolve_list, header, 5, arg);
}

static void
test_resolve(void)
{
	const char *msg;
	int rc;

	CHECK(where_add(&resolve_list, "kind=invite") == 0);
	CHECK(where_add(&resolve_list, "time!=") == 0);
	CHECK(where_resolve(&resolve_list, header, 5, "in.tsv") == 0);
	CHECK(resolve_list.w[0].col == 2);	/* the first of two "kind" */
	CHECK(resolve_list.w[1].col == 0);

	CHECK(where_add(&resolve_list, "nosuch=1") == 0);
	msg = stderr_of(resolve_file, "in.tsv", &rc);
	CHECK(rc == -1);
	CHECK(said(msg, "in.tsv: no column \"nosuch\" (in --where)\n"));
	msg = stderr_of(resolve_file, NULL, &rc);
	CHECK(rc == -1);
	CHECK(said(msg, "no column \"nosuch\" (in --where)\n"));
	CHECK(strstr(msg, "in.tsv") == NULL);
	where_free(&resolve_list);

	/* No conditions: nothing to find, every row holds. */
	CHECK(where_resolve(&resolve_list, header, 0, "x") == 0);
	CHECK(where_row(&resolve_list, NULL) == 1);
}

/* Escaped fields against values: the table, then random fields. */
static void
test_fields(void)
{
	static const struct {
		const char	*arg;
		const char	*field;		/* as read from TSV */
		int		 holds;
	} cases[] = {
		{ "k=invite", "invite", 1 },
		{ "k=invite", "invites", 0 },
		{ "k=invite", "invit", 0 },
		{ "k=invite", "", 0 },
		{ "k!=invite", "invite", 0 },
		{ "k!=invite", "channel", 1 },
		{ "k=", "", 1 },
		{ "k=", "x", 0 },
		{ "k!=", "", 0 },
		{ "k!=", "x", 1 },
		{ "k=a\tb", "a\\tb", 1 },		/* an escaped tab is a tab */
		{ "k=a\\tb", "a\\tb", 0 },		/* not backslash and t */
		{ "k=a\\tb", "a\\\\tb", 1 },
		{ "k=a\\b", "a\\b", 1 },		/* an unknown escape is kept */
		{ "k=\x1b[31m", "\\x1b[31m", 1 },
		{ "k=\xc2\x9b", "\\xc2\\x9b", 1 },
		{ "k=\\", "\\", 1 },			/* a lone trailing backslash */
		{ "k=x", "\\x78", 1 },			/* \xHH of a plain byte, too */
		{ "k!=x", "\\x78", 0 },
		{ "k=x", "\\x78\\x78", 0 },
	};
	struct where_list l = WHERE_LIST_INIT;
	struct tsv_field row[2];
	char field[64], value[64], dec[64], arg[80];
	size_t flen, vlen, dlen, i, j;
	static const char *const atoms[] = {
		"a", "b", "\\", "\\\\", "\\t", "\\n", "\\r", "\\x41", "\\x0", "\\q", "\t", "A"
	};
	static const char *const raw[] = { "a", "b", "\\", "\t", "\n", "\r", "A", "q" };
	int errs = 0;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		CHECK(where_add(&l, cases[i].arg) == 0);
		j = strlen(cases[i].field);
		if (where_field(&l, &l.w[i], cases[i].field, j) != cases[i].holds) {
			CHECK(0);
			fprintf(stderr, "  case %zu: %s on \"%s\"\n", i, cases[i].arg,
			    cases[i].field);
		}
	}
	where_free(&l);

	/* Two conditions on a row: all must hold. */
	CHECK(where_add(&l, "a=1") == 0);
	CHECK(where_add(&l, "b!=") == 0);
	l.w[0].col = 1;
	l.w[1].col = 0;
	row[0] = (struct tsv_field){ "x", 1 };
	row[1] = (struct tsv_field){ "1", 1 };
	CHECK(where_row(&l, row) == 1);
	row[0] = (struct tsv_field){ "", 0 };
	CHECK(where_row(&l, row) == 0);
	row[0] = (struct tsv_field){ "x", 1 };
	row[1] = (struct tsv_field){ "\\x31", 4 };
	CHECK(where_row(&l, row) == 1);
	row[1] = (struct tsv_field){ "2", 1 };
	CHECK(where_row(&l, row) == 0);
	where_free(&l);

	/* Random escaped fields and values: the same answer as decoding. */
	srand(7);
	for (int round = 0; round < 20000; round++) {
		flen = vlen = 0;
		for (i = (size_t)rand() % 6; i > 0; i--) {
			const char *a = atoms[rand() % (int)(sizeof(atoms) / sizeof(atoms[0]))];

			memcpy(field + flen, a, strlen(a));
			flen += strlen(a);
		}
		if (rand() % 3 == 0) {
			/* The value is the field decoded: it must hold. */
			vlen = tsv_unescape(value, field, flen);
		} else
			for (i = (size_t)rand() % 5; i > 0; i--) {
				const char *a = raw[rand() % (int)(sizeof(raw) / sizeof(raw[0]))];

				memcpy(value + vlen, a, strlen(a));
				vlen += strlen(a);
			}
		/* A value holding a NUL cannot come from the command line. */
		if (memchr(value, '\0', vlen) != NULL)
			continue;
		snprintf(arg, sizeof(arg), "k%s=%.*s", rand() % 2 ? "!" : "", (int)vlen, value);
		CHECK(where_add(&l, arg) == 0);
		dlen = tsv_unescape(dec, field, flen);
		errs += where_field(&l, &l.w[0], field, flen) !=
		    ((dlen == vlen && memcmp(dec, value, vlen) == 0) != l.w[0].negate);
		where_free(&l);
	}
	CHECK(errs == 0);
}

int
main(void)
{
	test_parse();
	test_resolve();
	test_fields();
	return check_done();
}
