/*
 * probe: is each key still up? Reads TSV with a key column (normalize or
 * dedupe output) and writes every row back with checked_at, status
 * (alive, gone, unknown), http, title, members and why added, asking each
 * distinct key once over HTTPS.
 *	dedupe -k key new.tsv | probe --stats >checked.tsv
 *
 * Why it is built this way: what to ask and how to read the answer is
 * the platform table's (probe_rules.h); this file only asks politely.
 * One request at a time to a host, never two closer than 1/rate seconds,
 * because the platforms ban a client that hurries (Cloudflare 1015);
 * many hosts at once through curl's multi interface. A 429 is waited
 * out (Retry-After, or Discord's JSON retry_after); 5xx answers and
 * timeouts are tried again, a few times, further apart each time; a
 * host that refuses is asked nothing more, and what was left for it is
 * unknown. Redirects are followed by hand, so each hop is paced too and
 * none leaves the host. Rows are written in input order, so they wait
 * in memory for their key's answer: probe is not a streaming filter.
 */
#include <curl/curl.h>
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "filter.h"
#include "hash.h"
#include "msg.h"
#include "opts.h"
#include "probe_rules.h"
#include "rules.h"
#include "tsv.h"
#include "util.h"
#include "where.h"

#define BODY_MAX	(2 * 1024 * 1024)	/* bytes of an answer read */
#define HEADER_MAX	(64 * 1024)		/* bytes of its header lines */
#define TRIES		3			/* for 5xx and timeouts */
#define TRIES_429	3			/* 429s in a row before a host is stopped */
#define WAIT_MAX	600.0			/* longest Retry-After waited out */
#define HOPS_MAX	5			/* redirects followed */

static const char	*key_field = "key";	/* -k, --key-field NAME */
static double		 rate_opt;		/* --rate N; 0: the row's */
static long		 timeout_s = 20;	/* --timeout SECONDS */
static unsigned long long max_requests = ~0ULL;	/* --max N */
static const char	*skip_file;		/* --skip-checked FILE */
static long long	 fresh_s = 24 * 3600;	/* --fresh DURATION */
static int		 show_stats, show_progress, line_buffered, csv_safe;
static struct where_list wheres = WHERE_LIST_INIT;	/* --where, on the input */

struct endpoint {
	char	*host;		/* as the request names it */
	char	*url;		/* what replaces https://HOST */
};
static struct endpoint	*endpoints;
static size_t		 n_endpoints;

static const struct opt own_options[] = {
	{ "endpoint", 0, "host=url", 'E',
	    "send requests for HOST to URL instead (tests, mirrors)", NULL },
	{ "fresh", 0, "duration", 'F',
	    "with --skip-checked: how recent a check counts (default 24h)", NULL },
	{ "key-field", 'k', "field", 'k', "the keys are in this column (default key)", NULL },
	{ "max", 0, "n", 'M', "send at most N requests; later keys are unknown", NULL },
	{ "rate", 0, "n", 'R', "at most N requests a second to a host (default: the table's)",
	    NULL },
	{ "rules", 0, "file", 'L', "more rows of the platform table (probe rows too)", NULL },
	{ "skip-checked", 0, "file", 'S', "keys alive or gone in this earlier output: not asked",
	    NULL },
	{ "timeout", 0, "seconds", 'T', "give up on a request after this long (default 20)",
	    NULL },
	{ NULL, 0, NULL, 0, NULL, NULL }
};

static struct opts cl = {
	.usage = "usage: probe [-k field] [--rules file] [--rate n] [--timeout seconds] [--max n]\n"
	    "             [--skip-checked file [--fresh duration]] [--endpoint host=url ...]\n"
	    "             [option ...] [file ... | --files0-from F]\n",
	.own = own_options, .wheres = &wheres, .stats = &show_stats,
	.progress = &show_progress, .line_buffered = &line_buffered,
	.csv_safe = &csv_safe
};

/* The columns we add, and where they go: an input column's index or appended. */
enum { C_CHECKED, C_STATUS, C_HTTP, C_TITLE, C_MEMBERS, C_WHY, NADD };
static const char *const add_names[NADD] = {
	"checked_at", "status", "http", "title", "members", "why"
};
static int		 add_col[NADD];
static int		 key_col, platform_col, kind_col;
static size_t		 ncols_in;
static struct first_input first;

/* A distinct key and what became of it. */
enum { T_WAIT, T_BUSY, T_DONE };
struct target {
	int			 state;
	int			 have_q;
	struct probe_request	 q;
	char			*url;		/* the one to ask next (hops, endpoint) */
	size_t			 host;		/* index in hosts[] */
	int			 tries, tries_429, hops;
	/* the answer */
	enum probe_status	 status;
	long			 http;
	char			*title;
	long long		 members;
	char			*why;		/* owned */
	char			*checked_at;	/* owned, ISO 8601 */
};
static struct hash_table keys;		/* key bytes (escaped) -> target */
static struct target	*targets;
static size_t		 targets_cap;

/* A row waiting for its key: the line (escaped fields, tabs) and target. */
struct row {
	char		*line;
	size_t		 len;
	uint32_t	 target;
};
static struct row	*rows;
static size_t		 n_rows, rows_cap, rows_out;

/* A host: its queue of targets, in input order, and its pace. */
struct host {
	char		*name;
	double		 interval;	/* seconds between two request starts */
	double		 next_ok;	/* monotonic time of the next allowed start */
	int		 busy, stopped;
	uint32_t	 again;		/* a target to ask again first, or HASH_NONE */
	uint32_t	*queue;
	size_t		 n, head, cap;
};
static struct host	*hosts;
static size_t		 n_hosts;

/* A request in flight. */
struct xfer {
	CURL		*easy;
	uint32_t	 target;
	char		*body;
	size_t		 len, cap;
	size_t		 header_bytes;
	int		 too_big;
	double		 retry_after;	/* from the header, or -1 */
	struct curl_slist *headers;
};

static unsigned long long n_alive, n_gone, n_unknown, n_requests, n_retries, n_429s;
static unsigned long long n_in, n_skipped, n_filtered, n_reused;
static size_t		 n_done;

static double
now_mono(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static char *
now_iso(void)
{
	char *s = xmalloc(32);
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(s, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
	return s;
}

/* --fresh: a number and a unit, s m h d (12h, 7d); a bare number is seconds. */
static int
parse_duration(const char *s, long long *out)
{
	char *end;
	long long v, mul = 1;

	errno = 0;
	if (*s < '0' || *s > '9')
		return -1;
	v = strtoll(s, &end, 10);
	if (errno)
		return -1;
	switch (*end) {
	case '\0': case 's':	break;
	case 'm':		mul = 60; break;
	case 'h':		mul = 3600; break;
	case 'd':		mul = 86400; break;
	default:		return -1;
	}
	if (*end && end[1])
		return -1;
	if (v > (1LL << 40) / mul)
		return -1;
	*out = v * mul;
	return 0;
}

static void
add_endpoint(const char *arg)
{
	const char *eq = strchr(arg, '=');

	if (eq == NULL || eq == arg || eq[1] == '\0' ||
	    (strncmp(eq + 1, "http://", 7) != 0 && strncmp(eq + 1, "https://", 8) != 0))
		usage_error("bad --endpoint \"%s\": want HOST=http://... or HOST=https://...",
		    arg);
	endpoints = xrealloc(endpoints, (n_endpoints + 1) * sizeof(*endpoints));
	endpoints[n_endpoints].host = xmemdup(arg, (size_t)(eq - arg));
	for (char *p = endpoints[n_endpoints].host; *p; p++)
		*p = (char)ascii_lower((unsigned char)*p);
	endpoints[n_endpoints].url = xstrdup(eq + 1);
	/* the URL replaces scheme://HOST: no trailing slash, the path brings it */
	size_t n = strlen(endpoints[n_endpoints].url);
	while (n > 8 && endpoints[n_endpoints].url[n - 1] == '/')
		endpoints[n_endpoints].url[--n] = '\0';
	n_endpoints++;
}

/*
 * The URL to ask for url: https://HOST... with an --endpoint for HOST
 * becomes that URL and the rest. NULL when url is not https:// and no
 * endpoint took it (probe asks nothing in the clear).
 */
static char *
route(const char *url)
{
	const char *rest;
	size_t hl;

	if (strncmp(url, "https://", 8) != 0)
		return NULL;
	for (size_t i = 0; i < n_endpoints; i++) {
		hl = strlen(endpoints[i].host);
		rest = url + 8 + hl;
		if (strlen(url + 8) >= hl &&
		    ascii_casecmp_n(url + 8, endpoints[i].host, hl) == 0 &&
		    (*rest == '\0' || *rest == '/' || *rest == '?' || *rest == ':')) {
			if (*rest == ':')	/* a port: the endpoint gives its own */
				rest += strcspn(rest, "/?");
			size_t el = strlen(endpoints[i].url), rl = strlen(rest);
			char *s = xmalloc(el + rl + 1);
			memcpy(s, endpoints[i].url, el);
			memcpy(s + el, rest, rl + 1);
			return s;
		}
	}
	return xstrdup(url);
}

/*
 * A redirect's target, if it stays on the host: an https:// URL of the
 * same host (routed again), or one under the endpoint the request went to.
 * NULL when it leaves.
 */
static char *
hop(const struct target *t, const char *loc)
{
	const char *h = t->q.host;
	size_t hl = strlen(h);

	if (strncmp(loc, "https://", 8) == 0 && strlen(loc + 8) >= hl &&
	    ascii_casecmp_n(loc + 8, h, hl) == 0 &&
	    strchr("/?:", loc[8 + hl]) != NULL)
		return route(loc);
	for (size_t i = 0; i < n_endpoints; i++) {
		size_t el = strlen(endpoints[i].url);
		if (strcmp(endpoints[i].host, h) == 0 &&
		    strncmp(loc, endpoints[i].url, el) == 0 && strchr("/?", loc[el]) != NULL)
			return xstrdup(loc);
	}
	return NULL;
}

static size_t
host_of(const char *name, double rate)
{
	size_t i;

	for (i = 0; i < n_hosts; i++)
		if (strcmp(hosts[i].name, name) == 0)
			break;
	if (i == n_hosts) {
		hosts = xrealloc(hosts, (n_hosts + 1) * sizeof(*hosts));
		memset(&hosts[i], 0, sizeof(hosts[i]));
		hosts[i].name = xstrdup(name);
		hosts[i].again = HASH_NONE;
		hosts[i].interval = 1.0;
		n_hosts++;
	}
	if (rate_opt > 0)
		rate = rate_opt;
	/* the slowest pace any row asks of the host wins */
	if (rate > 0 && 1.0 / rate > hosts[i].interval)
		hosts[i].interval = 1.0 / rate;
	if (rate_opt > 0)
		hosts[i].interval = 1.0 / rate_opt;
	return i;
}

static void
finish(uint32_t id, enum probe_status st, long http, const char *title, long long members,
    const char *why, char *checked_at)
{
	struct target *t = &targets[id];

	t->state = T_DONE;
	t->status = st;
	t->http = http;
	t->title = title ? xstrdup(title) : NULL;
	t->members = members;
	t->why = st == PROBE_UNKNOWN ? xstrdup(why ? why : "no answer") : NULL;
	t->checked_at = checked_at ? checked_at : now_iso();
	if (st == PROBE_ALIVE)
		n_alive++;
	else if (st == PROBE_GONE)
		n_gone++;
	else
		n_unknown++;
	n_done++;
}

/* An earlier output (--skip-checked): its fresh alive and gone keys. */
struct earlier {
	struct hash_table	 keys;
	struct target		*t;
	size_t			 cap;
};
static struct earlier	 earlier;

static char *
field_str(const struct tsv_field *f)
{
	char *s = xmalloc(f->len + 1);
	size_t n = tsv_unescape(s, f->p, f->len);

	s[n] = '\0';
	return s;
}

static int
load_earlier(const char *path)
{
	struct tsv_reader *r;
	int c[NADD], k;
	int64_t now = time(NULL), when;

	hash_init(&earlier.keys);
	if ((r = tsv_open(path)) == NULL)
		return -1;
	if (tsv_ncols(r) == 0)
		return tsv_close(r);
	k = tsv_col(r, key_field);
	for (int i = 0; i < NADD; i++)
		c[i] = tsv_col(r, add_names[i]);
	if (k < 0 || c[C_CHECKED] < 0 || c[C_STATUS] < 0) {
		xwarnx("%s: not a probe output (no column \"%s\", checked_at or status)",
		    tsv_name(r), key_field);
		tsv_close(r);
		return -1;
	}
	while (tsv_next(r) > 0) {
		const struct tsv_field *f = tsv_row(r);
		const struct tsv_field *st = &f[c[C_STATUS]];
		enum probe_status s;
		int added;
		uint32_t id;

		if (st->len == 5 && memcmp(st->p, "alive", 5) == 0)
			s = PROBE_ALIVE;
		else if (st->len == 4 && memcmp(st->p, "gone", 4) == 0)
			s = PROBE_GONE;
		else
			continue;	/* unknown: ask again */
		when = field_time(&f[c[C_CHECKED]]);
		if (when == NO_TIME) {
			xwarnx("%s:%llu: bad checked_at \"%.*s\" (the key is asked again)",
			    tsv_name(r), tsv_lineno(r), (int)f[c[C_CHECKED]].len,
			    f[c[C_CHECKED]].p);
			continue;
		}
		if (now - when > fresh_s || f[k].len == 0)
			continue;
		id = hash_put(&earlier.keys, f[k].p, f[k].len, &added);
		if (id >= earlier.cap) {
			earlier.cap = earlier.cap ? earlier.cap * 2 : 64;
			earlier.t = xrealloc(earlier.t, earlier.cap * sizeof(*earlier.t));
		}
		struct target *t = &earlier.t[id];
		if (!added) {		/* the later check of a key wins */
			free(t->title);
			free(t->checked_at);
		}
		memset(t, 0, sizeof(*t));
		t->status = s;
		t->checked_at = field_str(&f[c[C_CHECKED]]);
		if (c[C_HTTP] >= 0) {
			char *h = field_str(&f[c[C_HTTP]]);
			t->http = strtol(h, NULL, 10);
			free(h);
		}
		t->title = c[C_TITLE] >= 0 && f[c[C_TITLE]].len ? field_str(&f[c[C_TITLE]]) : NULL;
		t->members = -1;
		if (c[C_MEMBERS] >= 0 && f[c[C_MEMBERS]].len) {
			char *m = field_str(&f[c[C_MEMBERS]]);
			t->members = strtoll(m, NULL, 10);
			free(m);
		}
	}
	return tsv_close(r);
}

/* A new distinct key: its request, its host's queue, or an answer at once. */
static void
new_target(uint32_t id, const struct tsv_reader *r, const struct tsv_field *f)
{
	struct target *t;
	const char *why = NULL;
	char *key, *platform = NULL, *kind = NULL;
	uint32_t e;

	if (id >= targets_cap) {
		targets_cap = targets_cap ? targets_cap * 2 : 64;
		targets = xrealloc(targets, targets_cap * sizeof(*targets));
	}
	t = &targets[id];
	memset(t, 0, sizeof(*t));
	t->members = -1;
	if (skip_file && (e = hash_get(&earlier.keys, f[key_col].p, f[key_col].len)) != HASH_NONE) {
		struct target *o = &earlier.t[e];
		finish(id, o->status, o->http, o->title, o->members, NULL,
		    xstrdup(o->checked_at));
		n_reused++;
		return;
	}
	if (f[key_col].len == 0) {
		finish(id, PROBE_UNKNOWN, 0, NULL, -1, "empty key", NULL);
		return;
	}
	key = field_str(&f[key_col]);
	if (platform_col >= 0)
		platform = field_str(&f[platform_col]);
	if (kind_col >= 0)
		kind = field_str(&f[kind_col]);
	if (probe_request_for(platform, kind, key, strlen(key), &t->q, &why) < 0) {
		finish(id, PROBE_UNKNOWN, 0, NULL, -1, why, NULL);
	} else if ((t->url = route(t->q.url)) == NULL) {
		probe_request_free(&t->q);
		finish(id, PROBE_UNKNOWN, 0, NULL, -1, "not an https:// request", NULL);
	} else {
		struct host *h;

		t->have_q = 1;
		t->host = host_of(t->q.host, t->q.rate);
		h = &hosts[t->host];
		if (h->n == h->cap) {
			h->cap = h->cap ? h->cap * 2 : 16;
			h->queue = xrealloc(h->queue, h->cap * sizeof(*h->queue));
		}
		h->queue[h->n++] = id;
	}
	(void)r;
	free(key);
	free(platform);
	free(kind);
}

static void
keep_row(const struct tsv_reader *r)
{
	const struct tsv_field *f = tsv_row(r);
	struct row *w;
	size_t len = 0, i;
	int added;

	if (n_rows == rows_cap) {
		rows_cap = rows_cap ? rows_cap * 2 : 256;
		rows = xrealloc(rows, rows_cap * sizeof(*rows));
	}
	w = &rows[n_rows++];
	for (i = 0; i < ncols_in; i++)
		len += f[i].len + 1;
	w->line = xmalloc(len + 1);
	w->len = 0;
	for (i = 0; i < ncols_in; i++) {
		if (i)
			w->line[w->len++] = '\t';
		memcpy(w->line + w->len, f[i].p, f[i].len);
		w->len += f[i].len;
	}
	w->line[w->len] = '\0';
	w->target = hash_put(&keys, f[key_col].p, f[key_col].len, &added);
	if (added)
		new_target(w->target, r, f);
}

static void
put_field(const char *p, size_t len, int raw)
{
	if (csv_safe && tsv_formula(p, len))
		putchar('\'');
	if (raw)
		tsv_put(stdout, p, len);
	else
		tsv_write_escaped(stdout, p, len);
}

static void
put_added(const struct target *t, int c)
{
	char num[32];

	switch (c) {
	case C_CHECKED:
		fputs(t->checked_at, stdout);
		break;
	case C_STATUS:
		fputs(probe_status_name(t->status), stdout);
		break;
	case C_HTTP:
		if (t->http > 0)
			printf("%ld", t->http);
		break;
	case C_TITLE:
		if (t->title)
			put_field(t->title, strlen(t->title), 1);
		break;
	case C_MEMBERS:
		if (t->members >= 0) {
			snprintf(num, sizeof(num), "%lld", t->members);
			fputs(num, stdout);
		}
		break;
	case C_WHY:
		if (t->why)
			put_field(t->why, strlen(t->why), 1);
		break;
	}
}

static void
write_row(const struct row *w)
{
	const struct target *t = &targets[w->target];
	const char *p = w->line, *end = w->line + w->len, *tab;
	size_t i;
	int c;

	for (i = 0; i < ncols_in; i++, p = tab + 1) {
		if ((tab = memchr(p, '\t', (size_t)(end - p))) == NULL)
			tab = end;
		if (i)
			putchar('\t');
		for (c = 0; c < NADD; c++)
			if (add_col[c] == (int)i)
				break;
		if (c < NADD)
			put_added(t, c);
		else
			put_field(p, (size_t)(tab - p), 0);
	}
	for (c = 0; c < NADD; c++)
		if (add_col[c] < 0) {
			putchar('\t');
			put_added(t, c);
		}
	putchar('\n');
}

/* Write the rows whose keys are answered, in input order, up to the first that is not. */
static void
flush_rows(void)
{
	while (rows_out < n_rows && targets[rows[rows_out].target].state == T_DONE) {
		write_row(&rows[rows_out]);
		free(rows[rows_out].line);
		rows[rows_out].line = NULL;
		rows_out++;
	}
	if (line_buffered)
		fflush(stdout);
}

static int
probe_file(void *ctx, const char *path)
{
	struct tsv_reader *r;
	unsigned long long nrows, skipped;

	(void)ctx;
	if ((r = tsv_open(path)) == NULL)
		return -1;
	if (tsv_ncols(r) == 0)
		return tsv_close(r);
	switch (first_input(&first, r)) {
	case -1:
		tsv_close(r);
		return -1;
	case 1:
		if ((key_col = tsv_col(r, key_field)) < 0) {
			xwarnx("%s: no column \"%s\"", tsv_name(r), key_field);
			first_input_free(&first);
			tsv_close(r);
			return -1;
		}
		platform_col = tsv_col(r, "platform");
		kind_col = tsv_col(r, "kind");
		ncols_in = tsv_ncols(r);
		for (int c = 0; c < NADD; c++)
			add_col[c] = tsv_col(r, add_names[c]);
		if (where_resolve(&wheres, tsv_names(r), ncols_in, tsv_name(r)) < 0) {
			first_input_free(&first);
			tsv_close(r);
			return -1;
		}
		put_header(r, add_names, add_col, NADD, csv_safe);
	}
	while (tsv_next(r) > 0) {
		if (wheres.n && !where_row(&wheres, tsv_row(r))) {
			n_filtered++;
			continue;
		}
		keep_row(r);
	}
	skipped = tsv_counts(r, &nrows);
	n_in += nrows + skipped;
	n_skipped += skipped;
	return tsv_close(r);
}

/* ---- asking ---- */

static CURLM	*multi;
static char	 user_agent[128];

static size_t
on_body(char *p, size_t size, size_t n, void *ctx)
{
	struct xfer *x = ctx;

	n *= size;
	if (x->len + n > BODY_MAX) {
		x->too_big = 1;
		return 0;	/* curl ends the transfer: CURLE_WRITE_ERROR */
	}
	if (x->len + n + 1 > x->cap)
		xgrow(&x->body, &x->cap, x->len + n + 1);
	memcpy(x->body + x->len, p, n);
	x->len += n;
	x->body[x->len] = '\0';
	return n;
}

static size_t
on_header(char *p, size_t size, size_t n, void *ctx)
{
	struct xfer *x = ctx;

	n *= size;
	x->header_bytes += n;
	if (x->header_bytes > HEADER_MAX) {
		x->too_big = 2;
		return 0;
	}
	/* a new response (a 100 Continue, say) starts the header over */
	if (n >= 5 && memcmp(p, "HTTP/", 5) == 0)
		x->retry_after = -1;
	if (n > 12 && ascii_casecmp_n(p, "retry-after:", 12) == 0) {
		char *v = xmemdup(p + 12, n - 12), *end;
		double s;

		v[strcspn(v, "\r\n")] = '\0';
		s = strtod(v, &end);
		while (*end == ' ')
			end++;
		if (end != v && *end == '\0' && s >= 0 && isfinite(s)) {
			x->retry_after = s;
		} else {
			time_t when = curl_getdate(v + strspn(v, " "), NULL);
			if (when != -1)
				x->retry_after = difftime(when, time(NULL)) > 0 ?
				    difftime(when, time(NULL)) : 0;
		}
		free(v);
	}
	return n;
}

static void
start(uint32_t id, double now)
{
	struct target *t = &targets[id];
	struct host *h = &hosts[t->host];
	struct xfer *x = xcalloc(1, sizeof(*x));

	x->target = id;
	x->retry_after = -1;
	x->easy = curl_easy_init();
	if (x->easy == NULL)
		xerrx(EXIT_TROUBLE, "cannot start a curl handle");
	curl_easy_setopt(x->easy, CURLOPT_URL, t->url);
	curl_easy_setopt(x->easy, CURLOPT_PRIVATE, x);
	curl_easy_setopt(x->easy, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(x->easy, CURLOPT_WRITEDATA, x);
	curl_easy_setopt(x->easy, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(x->easy, CURLOPT_HEADERDATA, x);
	curl_easy_setopt(x->easy, CURLOPT_USERAGENT, user_agent);
	curl_easy_setopt(x->easy, CURLOPT_TIMEOUT_MS, timeout_s * 1000L);
	curl_easy_setopt(x->easy, CURLOPT_CONNECTTIMEOUT_MS, timeout_s * 1000L);
	curl_easy_setopt(x->easy, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(x->easy, CURLOPT_FOLLOWLOCATION, 0L);	/* hop() does, paced */
	curl_easy_setopt(x->easy, CURLOPT_ACCEPT_ENCODING, "");
	/* https only; http only where an --endpoint said so */
	curl_easy_setopt(x->easy, CURLOPT_PROTOCOLS_STR,
	    strncmp(t->url, "https://", 8) == 0 ? "https" : "http,https");
	if (strcmp(t->q.method, "POST") == 0) {
		curl_easy_setopt(x->easy, CURLOPT_POST, 1L);
		curl_easy_setopt(x->easy, CURLOPT_POSTFIELDS, t->q.body ? t->q.body : "");
		if (t->q.content_type) {
			char ct[128];
			snprintf(ct, sizeof(ct), "Content-Type: %s", t->q.content_type);
			x->headers = curl_slist_append(NULL, ct);
			curl_easy_setopt(x->easy, CURLOPT_HTTPHEADER, x->headers);
		}
	}
	if (curl_multi_add_handle(multi, x->easy) != CURLM_OK)
		xerrx(EXIT_TROUBLE, "cannot add a curl handle");
	t->state = T_BUSY;
	h->busy = 1;
	h->next_ok = now + h->interval;
	n_requests++;
}

/* Everything left for a stopped host is unknown. */
static void
stop_host(struct host *h, const char *why)
{
	h->stopped = 1;
	if (h->again != HASH_NONE) {
		finish(h->again, PROBE_UNKNOWN, 0, NULL, -1, why, NULL);
		h->again = HASH_NONE;
	}
	while (h->head < h->n)
		finish(h->queue[h->head++], PROBE_UNKNOWN, 0, NULL, -1, why, NULL);
}

static void
stop_msg(struct host *h, long http)
{
	char why[256];

	snprintf(why, sizeof(why), "%s stopped answering (%ld)", h->name, http);
	xwarnx("%s stopped answering (%ld): its %zu keys left are unknown", h->name, http,
	    h->n - h->head + (h->again != HASH_NONE));
	stop_host(h, why);
}

/* Discord puts the wait in the body too: {"retry_after": 1.5, ...}. */
static double
json_retry_after(const char *b, size_t n)
{
	static const char k[] = "\"retry_after\"";
	const char *p, *e = b + n;

	for (p = b; p && (size_t)(e - p) > sizeof(k); p++) {
		if ((p = memchr(p, '"', (size_t)(e - p))) == NULL)
			return -1;
		if ((size_t)(e - p) >= sizeof(k) - 1 && memcmp(p, k, sizeof(k) - 1) == 0) {
			p += sizeof(k) - 1;
			while (p < e && (*p == ' ' || *p == ':' || *p == '\t' || *p == '\n'))
				p++;
			char num[32];
			size_t l = 0;
			while (p < e && l < sizeof(num) - 1 && strchr("0123456789.eE+-", *p))
				num[l++] = *p++;
			num[l] = '\0';
			char *end;
			double v = strtod(num, &end);
			return l && *end == '\0' && v >= 0 && isfinite(v) ? v : -1;
		}
	}
	return -1;
}

static int
has(const char *b, size_t n, const char *s)
{
	size_t m = strlen(s);

	for (size_t i = 0; i + m <= n; i++)
		if (b[i] == s[0] && memcmp(b + i, s, m) == 0)
			return 1;
	return 0;
}

/* Ask target id again later (a retry or a hop): first in its host's line. */
static void
again(uint32_t id, double not_before)
{
	struct host *h = &hosts[targets[id].host];

	targets[id].state = T_WAIT;
	h->again = id;
	if (not_before > h->next_ok)
		h->next_ok = not_before;
}

static void
done(struct xfer *x, CURLcode rc, double now)
{
	struct target *t = &targets[x->target];
	struct host *h = &hosts[t->host];
	long http = 0;
	char why[256];

	h->busy = 0;
	curl_easy_getinfo(x->easy, CURLINFO_RESPONSE_CODE, &http);
	if (x->too_big) {
		finish(x->target, PROBE_UNKNOWN, http, NULL, -1, x->too_big == 1 ?
		    "answer longer than 2 MiB" : "answer header longer than 64 KiB", NULL);
		return;
	}
	if (rc != CURLE_OK) {
		if (++t->tries < TRIES && (rc == CURLE_OPERATION_TIMEDOUT ||
		    rc == CURLE_COULDNT_CONNECT || rc == CURLE_RECV_ERROR ||
		    rc == CURLE_GOT_NOTHING || rc == CURLE_SEND_ERROR ||
		    rc == CURLE_PARTIAL_FILE)) {
			n_retries++;
			again(x->target, now + (1 << (t->tries - 1)) * 0.5);
			return;
		}
		snprintf(why, sizeof(why), "%s%s", curl_easy_strerror(rc),
		    t->tries >= TRIES ? " (after 3 tries)" : "");
		finish(x->target, PROBE_UNKNOWN, http, NULL, -1, why, NULL);
		return;
	}
	if (http == 429)
		n_429s++;
	if ((http == 429 || http == 403) && has(x->body, x->len, "error code: 1015")) {
		snprintf(why, sizeof(why), "%s stopped answering (%ld)", h->name, http);
		finish(x->target, PROBE_UNKNOWN, http, NULL, -1, why, NULL);
		stop_msg(h, http);
		return;
	}
	if (http == 429) {
		double wait = x->retry_after;

		if (wait < 0)
			wait = json_retry_after(x->body, x->len);
		if (wait < 0)
			wait = h->interval * 4 > 5 ? h->interval * 4 : 5;
		if (++t->tries_429 >= TRIES_429 || wait > WAIT_MAX) {
			snprintf(why, sizeof(why), "%s stopped answering (429)", h->name);
			finish(x->target, PROBE_UNKNOWN, http, NULL, -1, why, NULL);
			stop_msg(h, 429);
			return;
		}
		n_retries++;
		again(x->target, now + wait);
		return;
	}
	if (http >= 500 && http <= 599) {
		if (++t->tries < TRIES) {
			n_retries++;
			again(x->target, now + (1 << (t->tries - 1)) * 0.5);
			return;
		}
		snprintf(why, sizeof(why), "HTTP %ld (after 3 tries)", http);
		finish(x->target, PROBE_UNKNOWN, http, NULL, -1, why, NULL);
		return;
	}
	if (http >= 300 && http <= 399 && http != 304) {
		char *loc = NULL, *next;

		curl_easy_getinfo(x->easy, CURLINFO_REDIRECT_URL, &loc);
		if (loc == NULL) {
			finish(x->target, PROBE_UNKNOWN, http, NULL, -1,
			    "redirect without a Location", NULL);
		} else if (++t->hops > HOPS_MAX) {
			finish(x->target, PROBE_UNKNOWN, http, NULL, -1,
			    "too many redirects (a loop?)", NULL);
		} else if ((next = hop(t, loc)) == NULL) {
			snprintf(why, sizeof(why), "redirected off %s", h->name);
			finish(x->target, PROBE_UNKNOWN, http, NULL, -1, why, NULL);
		} else {
			free(t->url);
			t->url = next;
			again(x->target, now);
		}
		return;
	}
	{
		struct probe_answer a = { .http = http, .body = x->body ? x->body : "",
		    .len = x->len };
		struct probe_result res;

		probe_read(&t->q, &a, &res);
		finish(x->target, res.status, http, res.title, res.members, res.why, NULL);
		probe_result_free(&res);
	}
}

static void
xfer_free(struct xfer *x)
{
	curl_multi_remove_handle(multi, x->easy);
	curl_easy_cleanup(x->easy);
	curl_slist_free_all(x->headers);
	free(x->body);
	free(x);
}

static void
show_line(int last)
{
	static double shown;
	double now = now_mono();

	if (!show_progress || (!last && now - shown < 0.25))
		return;
	shown = now;
	if (last)
		fputs("\r\033[K", stderr);
	else
		fprintf(stderr, "\rprobe: %zu of %u keys, %llu requests, %llu unknown\033[K",
		    n_done, keys.n, n_requests, n_unknown);
}

/* Ask every key waiting, each host at its pace, until all are answered. */
static void
run(void)
{
	int running = 0;

	multi = curl_multi_init();
	if (multi == NULL)
		xerrx(EXIT_TROUBLE, "cannot start curl");
	for (;;) {
		double now = now_mono(), wake = -1;
		int waiting = 0;

		for (size_t i = 0; i < n_hosts; i++) {
			struct host *h = &hosts[i];

			if (h->stopped || h->busy)
				continue;
			if (h->again == HASH_NONE && h->head == h->n)
				continue;
			waiting = 1;
			if (h->next_ok > now) {
				if (wake < 0 || h->next_ok < wake)
					wake = h->next_ok;
				continue;
			}
			uint32_t id;
			if (h->again != HASH_NONE) {
				id = h->again;
				h->again = HASH_NONE;
			} else {
				id = h->queue[h->head++];
			}
			if (n_requests >= max_requests) {
				finish(id, PROBE_UNKNOWN, 0, NULL, -1, "not checked: --max reached",
				    NULL);
				i--;	/* the host's next key, at once */
				continue;
			}
			start(id, now);
			running++;
		}
		flush_rows();
		show_line(0);
		if (!waiting && running == 0)
			break;
		long ms = 1000;
		if (wake >= 0) {
			ms = (long)((wake - now) * 1000) + 1;
			if (ms < 1)
				ms = 1;
			if (ms > 1000)
				ms = 1000;
		}
		if (running)
			curl_multi_poll(multi, NULL, 0, (int)ms, NULL);
		else
			usleep((useconds_t)ms * 1000);
		curl_multi_perform(multi, &running);
		CURLMsg *m;
		int left;
		while ((m = curl_multi_info_read(multi, &left)) != NULL) {
			struct xfer *x;

			if (m->msg != CURLMSG_DONE)
				continue;
			curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, (char **)&x);
			done(x, m->data.result, now_mono());
			xfer_free(x);
		}
	}
	flush_rows();
	show_line(1);
	curl_multi_cleanup(multi);
}

static void
print_stats(void)
{
	fprintf(stderr, "probe: %llu in, %llu skipped (wrong width or too long)", n_in,
	    n_skipped);
	if (wheres.n)
		fprintf(stderr, ", %llu filtered", n_filtered);
	fprintf(stderr, "; %u key%s: %llu alive, %llu gone, %llu unknown",
	    keys.n, keys.n == 1 ? "" : "s", n_alive, n_gone, n_unknown);
	if (skip_file)
		fprintf(stderr, " (%llu from %s)", n_reused, "--skip-checked");
	fprintf(stderr, "; %llu requests, %llu retries, %llu 429s\n", n_requests, n_retries,
	    n_429s);
}

static void
cleanup(void)
{
	for (uint32_t i = 0; i < keys.n; i++) {
		if (targets[i].have_q)
			probe_request_free(&targets[i].q);
		free(targets[i].url);
		free(targets[i].title);
		free(targets[i].why);
		free(targets[i].checked_at);
	}
	free(targets);
	for (size_t i = rows_out; i < n_rows; i++)
		free(rows[i].line);
	free(rows);
	for (size_t i = 0; i < n_hosts; i++) {
		free(hosts[i].name);
		free(hosts[i].queue);
	}
	free(hosts);
	for (size_t i = 0; i < n_endpoints; i++) {
		free(endpoints[i].host);
		free(endpoints[i].url);
	}
	free(endpoints);
	if (skip_file) {
		for (uint32_t i = 0; i < earlier.keys.n; i++) {
			free(earlier.t[i].title);
			free(earlier.t[i].checked_at);
		}
		free(earlier.t);
		hash_free(&earlier.keys);
	}
	hash_free(&keys);
}

int
main(int argc, char *argv[])
{
	int ch, status = EXIT_OK, fresh_given = 0;
	unsigned long long n;
	char *end;

	while ((ch = opts_next(&cl, argc, argv)) != -1) {
		switch (ch) {
		case 'E':
			add_endpoint(optarg);
			break;
		case 'F':
			if (parse_duration(optarg, &fresh_s) < 0)
				usage_error("bad --fresh \"%s\": want a duration as 30m, 12h or 7d",
				    optarg);
			fresh_given = 1;
			break;
		case 'k':
			if (*optarg == '\0')
				usage_error("empty field name for -k");
			key_field = optarg;
			break;
		case 'L':
			if (rules_load(optarg) < 0)
				exit(EXIT_TROUBLE);
			break;
		case 'M':
			if (parse_count(optarg, ~0ULL, &n) < 0)
				usage_error("bad --max \"%s\": want a count", optarg);
			max_requests = n;
			break;
		case 'R':
			errno = 0;
			rate_opt = strtod(optarg, &end);
			if (end == optarg || *end || errno || !(rate_opt > 0) || rate_opt > 1000)
				usage_error("bad --rate \"%s\": want requests a second, "
				    "more than 0, at most 1000", optarg);
			break;
		case 'S':
			skip_file = optarg;
			break;
		case 'T':
			if (parse_count(optarg, 3600, &n) < 0 || n == 0)
				usage_error("bad --timeout \"%s\": want seconds, 1 to 3600", optarg);
			timeout_s = (long)n;
			break;
		}
	}
	if (fresh_given && skip_file == NULL)
		usage_error("--fresh goes with --skip-checked");
	if (probe_rules_load() < 0)
		exit(EXIT_TROUBLE);
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != 0)
		xerrx(EXIT_TROUBLE, "cannot start curl");
	snprintf(user_agent, sizeof(user_agent),
	    "crosslink-probe/%s (+crosslink link checker; one request per key)",
	    CROSSLINK_VERSION);
	hash_init(&keys);
	if (skip_file && load_earlier(skip_file) < 0)
		status = EXIT_TROUBLE;
	if (status == EXIT_OK && opts_inputs(&cl, argc, argv, probe_file, NULL) < 0)
		status = EXIT_TROUBLE;
	run();
	if (n_unknown)
		status = EXIT_TROUBLE;
	if (show_stats)
		print_stats();
	cleanup();
	where_free(&wheres);
	first_input_free(&first);
	opts_free(&cl);
	curl_global_cleanup();
	return close_stdout(status);
}
