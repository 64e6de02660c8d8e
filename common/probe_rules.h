/*
 * probe_rules: how the probe filter asks whether a key is still up, and
 * how it reads the answer. The facts are data, not code: "probe" rows of
 * the platform table (common/platforms.tsv; --rules FILE adds rows in the
 * same syntax, tried first), one per platform and kind of key: the shape
 * of the key, the request (method, URL and body templates), the polite
 * rate for its host, and the markers that tell alive from gone in the
 * answer, with where the title and the member count are.
 *
 *	struct probe_request q;
 *	const char *why;
 *	if (probe_request_for("telegram", "channel", "t.me/durov", 10, &q, &why) < 0)
 *		// unknown: why says so ("no probe row for whatsapp invite")
 *	... send q.method q.url (q.body), get status and body ...
 *	struct probe_answer a = { .http = 200, .body = html, .len = n };
 *	struct probe_result r;
 *	probe_read(&q, &a, &r);	// r.status PROBE_ALIVE, r.title "Pavel Durov",
 *				// r.members 11286994
 *	probe_result_free(&r);
 *	probe_request_free(&q);
 */
#ifndef CROSSLINK_PROBE_RULES_H
#define CROSSLINK_PROBE_RULES_H

#include <stddef.h>

enum probe_status { PROBE_ALIVE, PROBE_GONE, PROBE_UNKNOWN };

/* The status as probe writes it: "alive", "gone", "unknown". */
const char	*probe_status_name(enum probe_status s);

struct probe_request {
	const char	*method;	/* "GET" or "POST" (static) */
	char		*url;		/* https://HOST/... (owned) */
	char		*body;		/* the POST body, or NULL (owned) */
	const char	*content_type;	/* of the body, or NULL (static) */
	char		*host;		/* the URL's host, lowercase: pacing is per host (owned) */
	double		 rate;		/* the row's requests a second to host, at most */
	const void	*row;		/* the probe row (for probe_read) */
};

/*
 * The request that checks key[0..len) of that platform and kind (both as
 * normalize writes them; either may be NULL or "" to be found from the
 * key alone). 0 with *q filled, or -1 and *why a static string saying
 * why the key cannot be checked (its status is then unknown).
 */
int		 probe_request_for(const char *platform, const char *kind, const char *key,
		    size_t len, struct probe_request *q, const char **why);
void		 probe_request_free(struct probe_request *q);

/* What the server answered (after redirects): the final status and body. */
struct probe_answer {
	long		 http;		/* 200, 404 ... */
	const char	*body;
	size_t		 len;
};

struct probe_result {
	enum probe_status status;
	char		*title;		/* the name the page shows, or NULL (owned) */
	long long	 members;	/* "11 286 994 subscribers": 11286994; -1: none shown */
	const char	*why;		/* for unknown: why (static), else NULL */
};

/* Read an answer to q by its row's markers. Never fails: unknown, with why. */
void		 probe_read(const struct probe_request *q, const struct probe_answer *a,
		    struct probe_result *r);
void		 probe_result_free(struct probe_result *r);

/*
 * Read the probe rows of the table (call after every table_load, before
 * the first probe_request_for; that one reads them too if not). A bad
 * row of a rules file is reported as "PROG: FILE:LINE: what" and -1
 * returned (probe_request_for then exits 2); a bad built-in row exits 2.
 */
int		 probe_rules_load(void);

#define PROBE_TITLE_MAX	1024			/* bytes of a title kept */
#define PROBE_COUNT_MAX	1000000000000000LL	/* larger counts read as -1 */

/*
 * The first number in text[0..n), as a page writes a count: digits
 * grouped by a space, U+00A0, U+202F, U+2009, ",", "." or "'" then three
 * digits ("11 286 994 subscribers": 11286994; "97 957 members, 4 138
 * online": 97957), or a short form ("1.2K": 1200, "3M"); -1 for none.
 */
long long	 probe_count(const char *text, size_t n);

#endif
