/*
 * rules: the platform of a link for extract, from the host's rows in the
 * platform table (table.h); the same rows give normalize its platform, so
 * the two never disagree. Only the host is read: a host's rows share its
 * first row's platform.
 *	printf 'https://t.me/x\n' | extract --all --format text
 */
#include <string.h>

#include "rules.h"
#include "table.h"
#include "util.h"

/* Longest host we look up; longer ones are no valid DNS name anyway. */
#define HOST_MAX 255

static const char *
lookup(const char *host, size_t n)
{
	const struct table_row *const *rows;
	size_t nrows, sub;

	if ((rows = table_rows(host, n, &nrows, &sub)) == NULL)
		return NULL;
	return table_facts(rows[0])->platform;
}

const char *
rules_platform(const char *url, size_t len)
{
	char host[HOST_MAX + 3];
	const char *auth, *end, *at, *path, *h, *he;
	size_t i, hlen;

	/* A scheme is letters, digits, + and -, then ":" not followed by a port. */
	for (i = 0; i < len && (ascii_alnum((unsigned char)url[i]) || url[i] == '+' ||
	    url[i] == '-'); i++)
		;
	auth = url;
	if (i > 0 && i < len && url[i] == ':' &&
	    !(i + 1 < len && url[i + 1] >= '0' && url[i + 1] <= '9')) {
		size_t sl = i;

		if (sl > HOST_MAX)
			return NULL;
		for (size_t k = 0; k < sl; k++)
			host[k] = (char)ascii_lower((unsigned char)url[k]);
		auth = url + i + 1;
		if (auth + 2 <= url + len && auth[0] == '/' && auth[1] == '/')
			auth += 2;
		/* sgnl://HOST/... is the host's, as http is (keys.c) */
		if (!((sl == 4 && memcmp(host, "http", 4) == 0) ||
		    (sl == 5 && memcmp(host, "https", 5) == 0) ||
		    (sl == 3 && memcmp(host, "ftp", 3) == 0) ||
		    (sl == 4 && memcmp(host, "sgnl", 4) == 0))) {
			host[sl] = ':';
			return lookup(host, sl + 1);
		}
	}
	end = url + len;
	for (path = auth; path < end && *path != '/' && *path != '?' && *path != '#'; path++)
		;
	at = NULL;
	for (h = auth; h < path; h++)
		if (*h == '@')
			at = h;
	h = at ? at + 1 : auth;
	if (h < path && *h == '[') {
		for (he = h; he < path && *he != ']'; he++)
			;
		if (he < path)
			he++;
	} else {
		for (he = h; he < path && *he != ':'; he++)
			;
	}
	while (he > h && he[-1] == '.')
		he--;
	hlen = (size_t)(he - h);
	if (hlen == 0 || hlen > HOST_MAX)
		return NULL;
	for (i = 0; i < hlen; i++)
		host[i] = (char)ascii_lower((unsigned char)h[i]);
	if (hlen > 4 && memcmp(host, "www.", 4) == 0)
		return lookup(host + 4, hlen - 4);
	return lookup(host, hlen);
}

int
rules_load(const char *path)
{
	return table_load(path);
}

const char *const *
rules_platforms(void)
{
	return table_platforms();
}
