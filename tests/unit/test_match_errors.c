/*
 * test_match_errors: a PCRE2 error in one of our own patterns (here a match
 * limit of 1, set through links_set_limits) is an error links_scan returns
 * and links_error names, never "no match", and the rest of the line is
 * still searched.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "links.h"

struct got {
	char	urls[1024];
};

static void
collect(void *ctx, const struct link_hit *h)
{
	struct got *g = ctx;
	size_t l = strlen(g->urls);

	if (l + h->len + 2 >= sizeof(g->urls))
		return;
	if (l)
		g->urls[l++] = ' ';
	memcpy(g->urls + l, h->url, h->len);
	g->urls[l + h->len] = '\0';
}

static long
scan(struct links *lk, const char *text, struct got *g)
{
	memset(g, 0, sizeof(*g));
	return links_scan(lk, text, strlen(text), collect, g);
}

int
main(void)
{
	/* a host PCRE2 decides, then one C decides alone (plain ASCII, no path) */
	const char *host = "see https://пример.рф and example.com";
	const char *path = "see t.me/путь";
	struct links *lk = links_new(LINKS_ALL);
	struct got g;

	CHECK(scan(lk, host, &g) == 2);
	CHECK(strcmp(g.urls, "https://пример.рф example.com") == 0);
	CHECK(links_error(lk)[0] == '\0');
	CHECK(scan(lk, path, &g) == 1);
	CHECK(strcmp(g.urls, "t.me/путь") == 0);

	links_set_limits(lk, 1, 0);
	CHECK(scan(lk, host, &g) == -1);
	CHECK(strcmp(links_error(lk), "built-in link pattern: match limit exceeded "
	    "(rest of the line still searched)") == 0);
	CHECK(strcmp(g.urls, "example.com") == 0);
	/*
	 * The path pattern, anchored and possessive, never backtracks: a
	 * limit of 1 does not stop it, so its error is not made here.
	 */
	CHECK(scan(lk, path, &g) == 1);
	/* a -e pattern's error as before; with ours on the same line, ours is told */
	CHECK(links_add_pattern(lk, "(a|aa)+\\d") == 0);
	CHECK(scan(lk, "aaaaaaaaaaaaaaaaaaaa", &g) == -1);
	CHECK(strncmp(links_error(lk), "-e pattern 1: match limit exceeded", 34) == 0);
	CHECK(scan(lk, "see https://пример.рф aaaaaaaaaaaaaaaaaaaaaaaa", &g) == -1);
	CHECK(strncmp(links_error(lk), "built-in link pattern: ", 23) == 0);
	/* the next line starts clean */
	links_set_limits(lk, 10000000, 0);
	CHECK(scan(lk, host, &g) == 2);
	CHECK(links_error(lk)[0] == '\0');
	links_free(lk);
	return check_done();
}
