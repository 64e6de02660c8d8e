/*
 * keys_platforms: the link shapes the platform table (common/platforms.tsv)
 * cannot say, as C handlers its rows name with "@NAME":
 *	matrix, element, matrix_uri	Matrix ids carry sigils and live in
 *		the fragment ("matrix.to/#/#room:server/$event");
 *	rocket_go	go.rocket.chat names the server in a query parameter;
 *	wayback, archive_today	an archived copy's path holds a whole link,
 *		kept as written (its "//" and query would not survive a shape);
 *	lbry	lbry:// links are Odysee's, read as odysee.com links;
 *	telegram, tg	Telegram's taxonomy (keys_telegram.c).
 *	printf 'url\nhttps://matrix.to/#/#room:example.org\n' | bin/normalize
 */
#include <string.h>

#include "keys_int.h"
#include "util.h"

static void
invalid(struct keys *k, struct key_result *r)
{
	set_kind(k, r, KIND_INVALID);
}

static void
other(struct keys *k, struct key_result *r)
{
	set_kind(k, r, KIND_OTHER);
}

static struct view
sg(const struct url *u, size_t i)
{
	if (i < u->nseg && i < URL_MAXSEG)
		return u->seg[i];
	return (struct view){ "", 0 };
}

static int
token(struct view v)
{
	return all_of(v.p, v.n, "_-");
}

/* A post's key is its channel's key plus a tail; chan is built first. */
static void
post_from_chan(struct keys *k, struct key_result *r, const char *mid,
    struct view id)
{
	r->kind = KIND_POST;
	buf_add(&k->key, k->chan.p, k->chan.n);
	buf_adds(&k->key, mid);
	buf_addv(&k->key, id);
}

/* ---- Matrix ---- */

/*
 * A matrix id with its sigil: #alias:server, !room[:server], @user:server,
 * and a $event after it. Case kept: Matrix compares ids as strings.
 */
static void
mx_ids(struct keys *k, struct key_result *r, struct view id, struct view ev)
{
	int sigil = id.n > 1 ? id.p[0] : 0;

	if (!(sigil == '#' || sigil == '!' || sigil == '@') ||
	    (sigil != '!' && memchr(id.p, ':', id.n) == NULL) ||
	    memchr(id.p + 1, '/', id.n - 1) != NULL) {
		invalid(k, r);
		return;
	}
	set_kind(k, r, KIND_CHANNEL);
	buf_adds(&k->key, "matrix.to/#/");
	buf_addv(&k->key, id);
	if (ev.n > 1 && ev.p[0] == '$' && sigil != '@') {
		buf_add(&k->chan, k->key.p, k->key.n);
		k->key.n = 0;
		post_from_chan(k, r, "/", ev);
	}
}

/* "/ID[/EVENT][?via=...]" as in matrix.to and Element fragments. */
static void
mx_frag(struct keys *k, struct key_result *r, const char *s, size_t n)
{
	const char *q = memchr(s, '?', n), *sl;
	struct view d, id, ev = { "", 0 };

	if (q)
		n = (size_t)(q - s);
	d = url_decode(&k->us, s, n, 0);
	while (d.n && d.p[d.n - 1] == '/')
		d.n--;
	if (d.n < 2 || d.p[0] != '/') {
		invalid(k, r);
		return;
	}
	id = (struct view){ d.p + 1, d.n - 1 };
	if ((sl = memchr(id.p, '/', id.n)) != NULL) {
		ev = (struct view){ sl + 1, (size_t)(id.p + id.n - sl - 1) };
		id.n = (size_t)(sl - id.p);
	}
	mx_ids(k, r, id, ev);
}

static void
matrix_to(struct keys *k, struct url *u, struct key_result *r)
{
	if (u->frag.p == NULL) {
		invalid(k, r);
		return;
	}
	mx_frag(k, r, u->frag.p, u->frag.n);
}

static void
element(struct keys *k, struct url *u, struct key_result *r)
{
	struct view f = u->frag;

	if (f.n > 6 && (view_prefix(f, "/room/") || view_prefix(f, "/user/")))
		mx_frag(k, r, f.p + 5, f.n - 5);
	else
		other(k, r);
}

/* matrix:r/alias:server, matrix:roomid/id, matrix:u/user, .../e/event */
static void
matrix_uri(struct keys *k, const char *s, size_t n, struct key_result *r)
{
	struct view seg[4];
	const char *p = s, *end, *sl;
	size_t ns = 0;
	char sig;

	s += 7;				/* "matrix:" */
	n -= 7;
	p = s;
	end = s + n;
	for (const char *x = s; x < end; x++)
		if (*x == '?' || *x == '#') {
			end = x;
			break;
		}
	if (end - p >= 2 && p[0] == '/' && p[1] == '/') {	/* authority */
		if ((sl = memchr(p + 2, '/', (size_t)(end - p - 2))) == NULL) {
			invalid(k, r);
			return;
		}
		p = sl + 1;
	}
	while (p < end && ns < 4) {
		if ((sl = memchr(p, '/', (size_t)(end - p))) == NULL)
			sl = end;
		seg[ns++] = url_decode(&k->us, p, (size_t)(sl - p), 0);
		p = sl + 1;
	}
	if (ns < 2 || seg[1].n == 0) {
		invalid(k, r);
		return;
	}
	if (view_eq(seg[0], "r"))
		sig = '#';
	else if (view_eq(seg[0], "roomid"))
		sig = '!';
	else if (view_eq(seg[0], "u"))
		sig = '@';
	else {
		invalid(k, r);
		return;
	}
	/* Put the sigil back, so mx_ids sees the matrix.to form. */
	{
		struct view id, ev = { "", 0 };
		char *d;

		if ((d = url_scratch(&k->us, seg[1].n + 1)) == NULL) {
			invalid(k, r);
			return;
		}
		d[0] = sig;
		memcpy(d + 1, seg[1].p, seg[1].n);
		id = (struct view){ d, seg[1].n + 1 };
		if (ns >= 4 && view_eq(seg[2], "e") && seg[3].n) {
			if ((d = url_scratch(&k->us, seg[3].n + 1)) == NULL) {
				invalid(k, r);
				return;
			}
			d[0] = '$';
			memcpy(d + 1, seg[3].p, seg[3].n);
			ev = (struct view){ d, seg[3].n + 1 };
		}
		mx_ids(k, r, id, ev);
	}
}

/* ---- Rocket.Chat ---- */

static void
rc_server_key(struct keys *k, struct view host, const char *what, struct view v)
{
	buf_add_lower(&k->key, host.p, host.n);
	buf_adds(&k->key, what);
	buf_addv(&k->key, v);
}

/* go.rocket.chat/invite?host=SERVER&path=invite%2FTOKEN */
static void
rocket_go(struct keys *k, struct url *u, struct key_result *r)
{
	struct view host, path;
	const char *sl;

	if (!url_query(&k->us, u, "host", &host, 0) || !url_query(&k->us, u, "path", &path, 0) ||
	    !view_prefix(path, "invite/")) {
		url_segments(&k->us, u);
		if (u->nseg == 0 || !view_caseeq(sg(u, 0), "invite"))
			other(k, r);
		else
			invalid(k, r);
		return;
	}
	if (view_prefix(host, "https://"))
		host.p += 8, host.n -= 8;
	else if (view_prefix(host, "http://"))
		host.p += 7, host.n -= 7;
	if ((sl = memchr(host.p, '/', host.n)) != NULL)
		host.n = (size_t)(sl - host.p);
	path.p += 7, path.n -= 7;
	while (path.n && path.p[path.n - 1] == '/')
		path.n--;
	if (host.n == 0 || !token(path)) {
		invalid(k, r);
		return;
	}
	set_kind(k, r, KIND_INVITE);
	rc_server_key(k, host, "/invite/", path);
}

/* ---- archives ---- */

/* web.archive.org/web/TIMESTAMP[flags]/ORIGINAL: flags go, the rest stays */
static void
wayback(struct keys *k, struct url *u, struct key_result *r)
{
	const char *p = u->path.p, *end = p + u->path.n, *sl;
	size_t i;

	while (p < end && *p == '/')
		p++;
	p += 3;				/* "web", which the row's shape holds */
	while (p < end && *p == '/')
		p++;
	sl = memchr(p, '/', (size_t)(end - p));
	if (sl == NULL || sl + 1 >= end + (u->query.p != NULL)) {
		invalid(k, r);
		return;
	}
	for (i = 0; p + i < sl && p[i] >= '0' && p[i] <= '9'; i++)
		;
	if (i == 0 && !(sl - p == 1 && *p == '*')) {
		invalid(k, r);
		return;
	}
	set_kind(k, r, KIND_ARCHIVE);
	buf_adds(&k->key, "web.archive.org/web/");
	buf_add(&k->key, p, i ? i : 1);
	buf_add(&k->key, sl, (size_t)(end - sl));
	if (u->query.p) {
		buf_addc(&k->key, '?');
		buf_addv(&k->key, u->query);
	}
}

/* archive.ph/TIMESTAMP/ORIGINAL and archive.ph/newest/ORIGINAL, as written */
static void
archive_today(struct keys *k, struct url *u, struct key_result *r)
{
	const char *p = u->path.p, *end = p + u->path.n;

	while (p < end && *p == '/')
		p++;
	set_kind(k, r, KIND_ARCHIVE);
	buf_adds(&k->key, "archive.ph/");
	buf_add(&k->key, p, (size_t)(end - p));
}

/* ---- LBRY ---- */

/*
 * lbry://@Channel#1/video#2 is odysee.com/@Channel:1/video:2: what follows
 * the slashes is that path, for the odysee.com rows to read.
 */
static int
lbry(const char *s, size_t n, struct url *u, const char **host)
{
	const char *p = s + 5, *end = s + n, *q;

	memset(u, 0, sizeof(*u));
	u->port = -1;
	while (p < end && *p == '/')
		p++;
	if ((q = memchr(p, '?', (size_t)(end - p))) != NULL)
		end = q;
	u->path = (struct view){ p, (size_t)(end - p) };
	u->host = u->host_bare = (struct view){ "odysee.com", 10 };
	*host = "odysee.com";
	return 0;
}

/* ---- the list ---- */

static const struct handler handlers[] = {
	{ "telegram", keys_tg_web, NULL, NULL },
	{ "tg", NULL, keys_tg_scheme, NULL },
	{ "matrix", matrix_to, NULL, NULL },
	{ "element", element, NULL, NULL },
	{ "matrix_uri", NULL, matrix_uri, NULL },
	{ "rocket_go", rocket_go, NULL, NULL },
	{ "wayback", wayback, NULL, NULL },
	{ "archive_today", archive_today, NULL, NULL },
	{ "lbry", NULL, NULL, lbry },
};

const struct handler *
keys_handler(const char *name)
{
	for (size_t i = 0; i < sizeof(handlers) / sizeof(handlers[0]); i++)
		if (strcmp(handlers[i].name, name) == 0)
			return &handlers[i];
	return NULL;
}
