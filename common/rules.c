/*
 * rules: the platform of a link, from one table (common/rules.tsv, compiled
 * in by common/gen.mk) plus the rows of --rules files loaded at run time.
 * The format is documented at the top of common/rules.tsv and in doc/extract.md.
 *	printf 'https://t.me/x\n' | extract --all --format text
 */
#include <err.h>
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen_tables.h"
#include "hash.h"
#include "rules.h"
#include "util.h"

/* Rows loaded at run time; they hide the built-in rows of the same host. */
static struct rules_row	*user_rows;
static size_t		 n_user, cap_user;

static const char	**platform_list;	/* rules_platforms(), built lazily */

/* Longest host we look up; longer ones are no valid DNS name anyway. */
#define HOST_MAX 255

static int
is_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/*
 * Does pattern match the start of path? "*" eats one or more bytes other
 * than / ? #; a final "$" wants the path to end (or a query/fragment start).
 */
static int
path_match(const char *pat, const char *path, size_t n)
{
	size_t i = 0;

	for (; *pat; pat++) {
		if (*pat == '*') {
			size_t start = i;

			while (i < n && path[i] != '/' && path[i] != '?' && path[i] != '#')
				i++;
			if (i == start)
				return 0;
		} else if (*pat == '$' && pat[1] == '\0') {
			return i == n || path[i] == '?' || path[i] == '#';
		} else {
			if (i >= n || ascii_lower((unsigned char)path[i]) !=
			    ascii_lower((unsigned char)*pat))
				return 0;
			i++;
		}
	}
	return 1;
}

/*
 * Best row of rows[0..n) for this path: the longest matching PATH, else the
 * row without one. Returns NULL when none applies.
 */
static const struct rules_row *
best_row(const struct rules_row *rows, size_t n, const char *path, size_t plen)
{
	const struct rules_row *best = NULL;
	size_t best_len = 0;

	for (size_t i = 0; i < n; i++) {
		size_t l = strlen(rows[i].path);

		if (l == 0) {
			if (best == NULL)
				best = &rows[i];
		} else if ((best == NULL || best->path[0] == '\0' || l > best_len) &&
		    path_match(rows[i].path, path, plen)) {
			best = &rows[i];
			best_len = l;
		}
	}
	return best;
}

/*
 * The built-in rows by host: entry i of hosts is the i-th host of the
 * table (sorted, so a host's rows are together), its first row first_row[i];
 * built on first use. Every link's platform takes one to five look-ups
 * (host, without "www.", each "*.suffix", "*").
 */
static struct hash_table	 hosts;
static uint32_t			*first_row;
static pthread_once_t		 index_once = PTHREAD_ONCE_INIT;

static void
index_hosts(void)
{
	int added;
	uint32_t id;

	hash_init(&hosts);
	first_row = xmalloc((rules_nbuiltin + 1) * sizeof(*first_row));
	for (size_t i = 0; i < rules_nbuiltin; i++) {
		id = hash_put(&hosts, rules_builtin[i].host, strlen(rules_builtin[i].host),
		    &added);
		if (added)
			first_row[id] = (uint32_t)i;
	}
}

/* The row for one table key ("t.me", "*.me", "*", "tg:"), user rows first. */
static const struct rules_row *
lookup_key(const char *key, size_t klen, const char *path, size_t plen)
{
	const struct rules_row *r;
	size_t lo, first;
	uint32_t id;
	int have_user = 0;

	/* A handful of user rows: a linear scan costs nothing next to a match. */
	for (size_t i = 0; i < n_user; i++)
		if (strlen(user_rows[i].host) == klen &&
		    memcmp(user_rows[i].host, key, klen) == 0) {
			have_user = 1;
			break;
		}
	if (have_user) {
		const struct rules_row *best = NULL;
		size_t best_len = 0;

		for (size_t i = 0; i < n_user; i++) {
			if (strlen(user_rows[i].host) != klen ||
			    memcmp(user_rows[i].host, key, klen) != 0)
				continue;
			r = best_row(&user_rows[i], 1, path, plen);
			if (r && (best == NULL || strlen(r->path) > best_len)) {
				best = r;
				best_len = strlen(r->path);
			}
		}
		return best;
	}
	pthread_once(&index_once, index_hosts);
	if ((id = hash_get(&hosts, key, klen)) == HASH_NONE)
		return NULL;
	lo = first_row[id];
	first = lo;
	while (lo < rules_nbuiltin && strlen(rules_builtin[lo].host) == klen &&
	    memcmp(rules_builtin[lo].host, key, klen) == 0)
		lo++;
	return best_row(&rules_builtin[first], lo - first, path, plen);
}

static const char *
result(const struct rules_row *r)
{
	if (r == NULL || strcmp(r->platform, "-") == 0)
		return NULL;
	return r->platform;
}

const char *
rules_platform(const char *url, size_t len)
{
	char host[HOST_MAX + 3];
	const struct rules_row *r;
	const char *auth, *end, *at, *path, *h, *he;
	size_t i, hlen, plen;

	/* A scheme is letters, digits, + and -, then ":" not followed by a port. */
	for (i = 0; i < len && (is_alnum((unsigned char)url[i]) || url[i] == '+' ||
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
		if (!((sl == 4 && memcmp(host, "http", 4) == 0) ||
		    (sl == 5 && memcmp(host, "https", 5) == 0) ||
		    (sl == 3 && memcmp(host, "ftp", 3) == 0))) {
			host[sl] = ':';
			return result(lookup_key(host, sl + 1, "", 0));
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
	plen = (size_t)(end - path);

	if ((r = lookup_key(host, hlen, path, plen)) != NULL)
		return result(r);
	if (hlen > 4 && memcmp(host, "www.", 4) == 0 &&
	    (r = lookup_key(host + 4, hlen - 4, path, plen)) != NULL)
		return result(r);
	/* "*.suffix" rows, the longest suffix first: NAME.t.me, m.facebook.com */
	for (i = 0; i < hlen; i++) {
		if (i == 0 || host[i] != '.' || i + 1 >= hlen)
			continue;
		host[i - 1] = '*';
		r = lookup_key(host + i - 1, hlen - i + 1, path, plen);
		host[i - 1] = (char)ascii_lower((unsigned char)h[i - 1]);
		if (r)
			return result(r);
	}
	return result(lookup_key("*", 1, path, plen));
}

static int
valid_name(const char *s, const char *extra)
{
	if (*s == '\0')
		return 0;
	for (; *s; s++)
		if (!(*s >= 'a' && *s <= 'z') && !(*s >= '0' && *s <= '9') &&
		    strchr(extra, *s) == NULL)
			return 0;
	return 1;
}

/* Add or replace one user row (same host and path: the later row wins). */
static void
add_row(const char *host, const char *platform, const char *path)
{
	const char *plat = NULL;

	for (size_t i = 0; i < n_user; i++)
		if (strcmp(user_rows[i].host, host) == 0 &&
		    strcmp(user_rows[i].path, path) == 0) {
			user_rows[i].platform = xstrdup(platform);
			goto done;
		}
	/* Reuse a built-in name so callers may compare pointers if they like. */
	for (size_t i = 0; i < rules_nbuiltin && plat == NULL; i++)
		if (strcmp(rules_builtin[i].platform, platform) == 0)
			plat = rules_builtin[i].platform;
	if (n_user == cap_user) {
		cap_user = cap_user ? 2 * cap_user : 16;
		user_rows = xrealloc(user_rows, cap_user * sizeof(*user_rows));
	}
	user_rows[n_user].host = xstrdup(host);
	user_rows[n_user].path = xstrdup(path);
	user_rows[n_user].platform = plat ? plat : xstrdup(platform);
	n_user++;
done:
	free(platform_list);
	platform_list = NULL;
}

int
rules_load(const char *path)
{
	FILE *f;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	unsigned long lineno = 0;
	int status = 0;

	if ((f = fopen(path, "r")) == NULL) {
		warn("%s", path);
		return -1;
	}
	while ((n = getline(&line, &cap, f)) > 0) {
		char *field[4], *p = line;
		size_t nf = 0;

		lineno++;
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		if (n == 0 || line[0] == '#')
			continue;
		while (nf < 4) {
			field[nf++] = p;
			if ((p = strchr(p, '\t')) == NULL)
				break;
			*p++ = '\0';
		}
		for (size_t k = 0; k < nf && k < 2; k++)
			for (char *c = field[k]; *c; c++)
				*c = (char)ascii_lower((unsigned char)*c);
		if (nf < 2 || nf > 3) {
			warnx("%s:%lu: want HOST<tab>PLATFORM[<tab>PATH], got %zu field%s",
			    path, lineno, nf, nf == 1 ? "" : "s");
			status = -1;
		} else if (!valid_name(field[0], ".*:_-") ||
		    (field[0][0] == '*' && field[0][1] != '\0' && field[0][1] != '.')) {
			warnx("%s:%lu: bad host \"%s\": want a.b, *.a.b, * or scheme:",
			    path, lineno, field[0]);
			status = -1;
		} else if (strcmp(field[1], "-") != 0 && !valid_name(field[1], "_")) {
			warnx("%s:%lu: bad platform \"%s\": want [a-z0-9_] or -",
			    path, lineno, field[1]);
			status = -1;
		} else if (nf == 3 && field[2][0] != '/') {
			warnx("%s:%lu: bad path \"%s\": want /...", path, lineno, field[2]);
			status = -1;
		} else if (strcmp(field[0], "*") == 0 && nf < 3) {
			warnx("%s:%lu: host \"*\" needs a path", path, lineno);
			status = -1;
		} else {
			add_row(field[0], field[1], nf == 3 ? field[2] : "");
		}
	}
	if (ferror(f)) {
		warn("%s", path);
		status = -1;
	}
	free(line);
	fclose(f);
	return status;
}

static int
listed(const char **list, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(list[i], name) == 0)
			return 1;
	return 0;
}

const char *const *
rules_platforms(void)
{
	size_t n = 0;

	if (platform_list)
		return platform_list;
	platform_list = xmalloc((rules_nbuiltin + n_user + 1) * sizeof(*platform_list));
	for (size_t i = 0; i < n_user; i++)
		if (strcmp(user_rows[i].platform, "-") != 0 &&
		    !listed(platform_list, n, user_rows[i].platform))
			platform_list[n++] = user_rows[i].platform;
	for (size_t i = 0; i < rules_nbuiltin; i++)
		if (strcmp(rules_builtin[i].platform, "-") != 0 &&
		    !listed(platform_list, n, rules_builtin[i].platform))
			platform_list[n++] = rules_builtin[i].platform;
	platform_list[n] = NULL;
	return platform_list;
}
