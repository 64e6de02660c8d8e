/*
 * check.h: the unit tests' one assertion. A failed CHECK prints file:line and
 * the expression; the test program exits 1 if any failed, and prints
 * "N passed, N failed" for its own checks. Also what several tests share:
 * LIT for the tables, lines from an array for the CSV and JSON readers.
 */
#ifndef CROSSLINK_CHECK_H
#define CROSSLINK_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_pass, check_fail;

#define CHECK(cond) do { \
	if (cond) \
		check_pass++; \
	else { \
		check_fail++; \
		fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
	} \
} while (0)

/* Compare a (pointer, length) view with a C string. */
#define CHECK_MEM(p, n, s) do { \
	size_t check_n_ = (n); const char *check_s_ = (s); \
	if (check_n_ == strlen(check_s_) && memcmp((p), check_s_, check_n_) == 0) \
		check_pass++; \
	else { \
		check_fail++; \
		fprintf(stderr, "%s:%d: CHECK_MEM failed: got \"%.*s\", want \"%s\"\n", \
		    __FILE__, __LINE__, (int)check_n_, (const char *)(p), check_s_); \
	} \
} while (0)

/* A string literal and its length, NULs inside it counted: for tables. */
#define LIT(s) (s), sizeof(s) - 1

/* Lines from an array, one a call, as the readers' "more" callbacks take them. */
struct lines {
	const char *const *v;
	size_t i, n;
};

static inline int
next_line(void *ctx, const char **p, size_t *len)
{
	struct lines *l = ctx;

	if (l->i == l->n)
		return 0;
	*p = l->v[l->i++];
	*len = strlen(*p);
	return 1;
}

/* The lines of a static array. */
#define LINES(v) ((struct lines){ (v), 0, sizeof(v) / sizeof((v)[0]) })

static int
check_done(void)
{
	printf("%d passed, %d failed\n", check_pass, check_fail);
	return check_fail ? 1 : 0;
}

#endif
