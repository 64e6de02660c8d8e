/*
 * keys: split a link, normalise its host, and hand it to the rules of its
 * platform (keys_telegram.c, keys_platforms.c); links of no known platform
 * get the generic key. See keys.h for the contract; the rows of
 * common/platforms.tsv are the link forms. Choices: an Internet Archive item
 * is a "file", Wayback and archive.today copies "archive", justpaste.it,
 * pastebin and Telegraph pages "paste"; users and channels are both
 * "channel". YouTube /NAME is keyed as c/name (served at both); Facebook
 * people/NAME/ID as profile.php?id=ID; Threema ids upper case (only issued
 * so); viber:// keys keep viber:// (no web host); Wayback keys keep the
 * timestamp, drop display flags (id_, if_).
 *	bin/extract --all logs.gz | bin/normalize | bin/tally -g platform,kind
 */
#include <stdlib.h>
#include <string.h>

#include "keys_int.h"
#include "util.h"

/* ---- bytes ---- */

int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int
veq(struct view v, const char *s)
{
	size_t n = strlen(s);

	return v.n == n && memcmp(v.p, s, n) == 0;
}

int
vcaseeq(struct view v, const char *s)
{
	size_t n = strlen(s);

	return v.n == n && ascii_casecmp_n(v.p, s, n) == 0;
}

int
vprefix(struct view v, const char *s)
{
	size_t n = strlen(s);

	return v.n >= n && memcmp(v.p, s, n) == 0;
}

int
all_digits(const char *s, size_t n)
{
	if (n == 0)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

static int
is_alnum(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z');
}

int
all_of(const char *s, size_t n, const char *extra)
{
	if (n == 0)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!is_alnum((unsigned char)s[i]) && (s[i] == '\0' ||
		    strchr(extra, s[i]) == NULL))
			return 0;
	return 1;
}

unsigned long long
lead_num(const char *s, size_t n)
{
	unsigned long long v = 0;
	size_t i;

	for (i = 0; i < n && s[i] >= '0' && s[i] <= '9'; i++) {
		if (v > (9223372036854775807ULL - 9) / 10)
			return 0;	/* past int64: TDLib would wrap; call it no number */
		v = v * 10 + (unsigned)(s[i] - '0');
	}
	return v;
}

/* Room in the scratch space; keys_classify sized it for the whole call. */
char *
scratch_alloc(struct keys *k, size_t n)
{
	char *p;

	if (k->scratch_n + n > k->scratch_cap)
		return NULL;
	p = k->scratch + k->scratch_n;
	k->scratch_n += n;
	return p;
}

struct view
decode(struct keys *k, const char *s, size_t n, int plus_space)
{
	struct view v = { "", 0 };
	char *d = scratch_alloc(k, n);
	size_t i, j = 0;
	int hi, lo;

	if (d == NULL)
		return v;
	for (i = 0; i < n; i++) {
		if (s[i] == '%' && i + 2 < n &&
		    (hi = hexval((unsigned char)s[i + 1])) >= 0 &&
		    (lo = hexval((unsigned char)s[i + 2])) >= 0) {
			d[j++] = (char)(hi << 4 | lo);
			i += 2;
		} else if (s[i] == '+' && plus_space)
			d[j++] = ' ';
		else
			d[j++] = s[i];
	}
	v.p = d;
	v.n = j;
	k->scratch_n -= n - j;
	return v;
}

void
split_segments(struct keys *k, struct url *u)
{
	const char *p = u->path.p, *end = u->path.p + u->path.n, *sl;

	u->nseg = 0;
	while (p < end) {
		sl = memchr(p, '/', (size_t)(end - p));
		if (sl == NULL)
			sl = end;
		if (sl > p) {
			/* A "/" decoded from %2F splits too: the key holds it
			 * raw, and read again it would be a separator. */
			struct view d = decode(k, p, (size_t)(sl - p), 0);
			const char *q = d.p, *dend = d.p + d.n, *ds;

			while (q < dend) {
				if ((ds = memchr(q, '/', (size_t)(dend - q))) == NULL)
					ds = dend;
				if (ds > q) {
					if (u->nseg < KEYS_MAXSEG)
						u->seg[u->nseg] = (struct view){ q, (size_t)(ds - q) };
					u->nseg++;
				}
				q = ds + 1;
			}
		}
		p = sl + 1;
	}
}

int
qget(struct keys *k, const struct url *u, const char *name, struct view *val,
    int plus_space)
{
	const char *p = u->query.p, *end, *amp, *eq;
	size_t nl = strlen(name);

	if (p == NULL)
		return 0;
	end = p + u->query.n;
	while (p < end) {
		amp = memchr(p, '&', (size_t)(end - p));
		if (amp == NULL)
			amp = end;
		eq = memchr(p, '=', (size_t)(amp - p));
		if ((size_t)((eq ? eq : amp) - p) == nl && memcmp(p, name, nl) == 0) {
			if (val)
				*val = eq ? decode(k, eq + 1, (size_t)(amp - eq - 1),
				    plus_space) : (struct view){ "", 0 };
			return 1;
		}
		p = amp + 1;
	}
	return 0;
}

/* ---- hosts ---- */

/* RFC 3492 bias adaptation. */
static unsigned
puny_adapt(unsigned delta, unsigned npoints, int first)
{
	unsigned k = 0;

	delta = first ? delta / 700 : delta / 2;
	delta += delta / npoints;
	while (delta > ((36 - 1) * 26) / 2) {
		delta /= 36 - 1;
		k += 36;
	}
	return k + (36 - 1 + 1) * delta / (delta + 38);
}

static int
puny_digit(unsigned d)
{
	return d < 26 ? (int)('a' + d) : (int)('0' + d - 26);
}

/*
 * Append label (UTF-8) to b as an A-label ("xn--..."). Returns -1, having
 * written nothing, when the label is not valid UTF-8 or too long.
 */
static int
punycode_label(struct buf *b, const unsigned char *s, size_t n)
{
	unsigned cp[64], m, q, t, k, bias = 72, delta = 0, h, basic = 0, c;
	size_t ncp = 0, i, start = b->n;

	for (i = 0; i < n; ) {
		unsigned char x = s[i];
		size_t len = x < 0x80 ? 1 : (x >> 5) == 6 ? 2 : (x >> 4) == 14 ? 3 :
		    (x >> 3) == 30 ? 4 : 0;

		if (len == 0 || i + len > n || ncp == 64)
			return -1;
		c = len == 1 ? x : (unsigned)(x & (0x7f >> len));
		for (size_t j = 1; j < len; j++) {
			if ((s[i + j] & 0xc0) != 0x80)
				return -1;
			c = c << 6 | (s[i + j] & 0x3f);
		}
		if ((len == 2 && c < 0x80) || (len == 3 && c < 0x800) ||
		    (len == 4 && (c < 0x10000 || c > 0x10ffff)) ||
		    (c >= 0xd800 && c <= 0xdfff))
			return -1;
		cp[ncp++] = c;
		i += len;
	}
	buf_adds(b, "xn--");
	for (i = 0; i < ncp; i++)
		if (cp[i] < 0x80) {
			buf_addc(b, (int)cp[i]);
			basic++;
		}
	if (basic)
		buf_addc(b, '-');
	for (unsigned nn = 0x80, hh = basic; (h = hh) < ncp; hh = h) {
		m = 0x7fffffff;
		for (i = 0; i < ncp; i++)
			if (cp[i] >= nn && cp[i] < m)
				m = cp[i];
		delta += (m - nn) * (h + 1);
		nn = m;
		for (i = 0; i < ncp; i++) {
			if (cp[i] < nn)
				delta++;
			if (cp[i] != nn)
				continue;
			q = delta;
			for (k = 36;; k += 36) {
				t = k <= bias ? 1 : k >= bias + 26 ? 26 : k - bias;
				if (q < t)
					break;
				buf_addc(b, puny_digit(t + (q - t) % (36 - t)));
				q = (q - t) / (36 - t);
			}
			buf_addc(b, puny_digit(q));
			bias = puny_adapt(delta, h + 1, h == basic);
			delta = 0;
			h++;
		}
		delta++;
		nn++;
		if (b->n - start > 255) {
			b->n = start;
			return -1;
		}
	}
	return 0;
}

static int
host_byte_ok(unsigned char c)
{
	return is_alnum(c) || c == '-' || c == '.' || c == '_' || c >= 0x80;
}

/*
 * Normalise a host into k->host: percent-decoded (as TDLib does), ASCII
 * lowercased, trailing dot dropped, non-ASCII labels as A-labels. -1 when
 * it holds bytes no host has.
 */
static int
norm_host(struct keys *k, const char *s, size_t n, struct url *u)
{
	struct view d = decode(k, s, n, 0);
	struct buf *b = &k->host;
	size_t i, j;
	int ascii = 1;

	b->n = 0;
	if (d.n && d.p[0] == '[') {		/* IPv6 literal: keep, lowercased */
		for (i = 1; i < d.n; i++)
			if (!(hexval((unsigned char)d.p[i]) >= 0 || d.p[i] == ':' ||
			    d.p[i] == '.' || (d.p[i] == ']' && i == d.n - 1)))
				return -1;
		buf_add_lower(b, d.p, d.n);
		u->host = (struct view){ b->p, b->n };
		return 0;
	}
	while (d.n && d.p[d.n - 1] == '.')
		d.n--;
	if (d.n == 0)
		return -1;
	for (i = 0; i < d.n; i++) {
		if (!host_byte_ok((unsigned char)d.p[i]))
			return -1;
		if ((unsigned char)d.p[i] >= 0x80)
			ascii = 0;
	}
	if (ascii) {
		buf_add_lower(b, d.p, d.n);
	} else {
		for (i = 0; i < d.n; i = j + 1) {
			int label_ascii = 1;

			for (j = i; j < d.n && d.p[j] != '.'; j++)
				if ((unsigned char)d.p[j] >= 0x80)
					label_ascii = 0;
			if (i)
				buf_addc(b, '.');
			/* ASCII-only folding: upper-case letters outside ASCII stay. */
			if (label_ascii || punycode_label(b,
			    (const unsigned char *)d.p + i, j - i) < 0) {
				size_t at = b->n;

				buf_add(b, d.p + i, j - i);
				for (size_t x = at; x < b->n; x++)
					b->p[x] = (char)ascii_lower((unsigned char)b->p[x]);
			} else {
				/* Lower the ASCII letters punycode kept. */
				for (size_t x = b->n; x > 0 && b->p[x - 1] != '.'; x--)
					b->p[x - 1] = (char)ascii_lower((unsigned char)b->p[x - 1]);
			}
		}
	}
	u->host = (struct view){ b->p, b->n };
	return 0;
}

int
parse_url(struct keys *k, const char *s, size_t n, struct url *u)
{
	size_t i = 0, j, a, e, h_end;
	const char *at, *colon;

	memset(u, 0, sizeof(*u));
	u->port = -1;
	if (n && ((s[0] | 0x20) >= 'a' && (s[0] | 0x20) <= 'z')) {
		int dot = 0;

		for (j = 1; j < n && (is_alnum((unsigned char)s[j]) || s[j] == '+' ||
		    s[j] == '-' || s[j] == '.'); j++)
			if (s[j] == '.')
				dot = 1;
		/* "t.me:443/x" has a port, not a scheme. */
		if (j < n && s[j] == ':' && !dot) {
			size_t x = j + 1;

			while (x < n && s[x] >= '0' && s[x] <= '9')
				x++;
			if (!(x > j + 1 && (x == n || s[x] == '/' || s[x] == '?' ||
			    s[x] == '#'))) {
				int slashes = 0;

				u->scheme = (struct view){ s, j };
				i = j + 1;
				while (i < n && s[i] == '/') {
					slashes++;
					i++;
				}
				if (slashes != 2)
					u->odd = 1;
			}
		}
	}
	for (a = i, e = i; e < n && s[e] != '/' && s[e] != '?' && s[e] != '#'; e++)
		;
	if (e == a)
		return -1;
	at = NULL;
	for (j = a; j < e; j++)
		if (s[j] == '@')
			at = s + j;
	if (at) {
		u->has_user = 1;
		u->user = (struct view){ s + a, (size_t)(at - s) - a };
		a = (size_t)(at - s) + 1;
	}
	h_end = e;
	if (a < e && s[a] == '[') {
		const char *rb = memchr(s + a, ']', e - a);

		if (rb == NULL)
			return -1;
		h_end = (size_t)(rb - s) + 1;
		colon = h_end < e && s[h_end] == ':' ? s + h_end : NULL;
		if (h_end < e && colon == NULL)
			return -1;
	} else {
		colon = memchr(s + a, ':', e - a);
		if (colon)
			h_end = (size_t)(colon - s);
	}
	if (colon) {
		size_t pn = e - (size_t)(colon - s) - 1;
		unsigned long long port = 0;

		u->port_raw = (struct view){ colon + 1, pn };
		if (pn == 0)
			;			/* "host:" is the default port */
		else if (pn <= 5 && all_digits(colon + 1, pn) &&
		    (port = lead_num(colon + 1, pn)) <= 65535)
			u->port = (long)port;
		else
			u->odd = 1;
	}
	if (h_end == a || norm_host(k, s + a, h_end - a, u) < 0)
		return -1;
	u->host_bare = u->host;
	if (u->host.n > 4 && memcmp(u->host.p, "www.", 4) == 0) {
		u->host_bare.p += 4;
		u->host_bare.n -= 4;
	}
	for (j = e; j < n && s[j] != '?' && s[j] != '#'; j++)
		;
	u->path = (struct view){ s + e, j - e };
	if (j < n && s[j] == '?') {
		size_t q = j + 1;

		for (j = q; j < n && s[j] != '#'; j++)
			;
		u->query = (struct view){ s + q, j - q };
	}
	if (j < n && s[j] == '#')
		u->frag = (struct view){ s + j + 1, n - j - 1 };
	return 0;
}

/* ---- results ---- */

void
set_kind(struct keys *k, struct key_result *r, const char *kind)
{
	r->kind = kind;
	k->key.n = 0;
	k->chan.n = 0;
}

/* Query parameters that only say where a click came from. */
static int
tracking_param(const char *s, size_t n)
{
	static const char *const names[] = {
		"_ga", "_gl", "_hsenc", "_hsmi", "dclid", "fbclid", "gbraid",
		"gclid", "igsh", "igshid", "mc_cid", "mc_eid", "mkt_tok", "msclkid",
		"ref", "ref_src", "ref_url", "si", "ttclid", "twclid", "wbraid",
		"yclid", NULL
	};

	if (n >= 4 && ascii_casecmp_n(s, "utm_", 4) == 0)
		return 1;
	for (size_t i = 0; names[i]; i++)
		if (strlen(names[i]) == n && ascii_casecmp_n(s, names[i], n) == 0)
			return 1;
	return 0;
}

/*
 * Copy s to dst in one spelling (RFC 3986 normalisation): %XX of unreserved
 * characters decoded, other escapes in upper case, and raw bytes a URI may
 * not hold (non-ASCII, controls, space) escaped, so "/путь" and
 * "/%D0%BF%D1%83%D1%82%D1%8C" agree. dst needs 3 * n bytes.
 */
static size_t
pct_norm(char *dst, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t i, j = 0;
	int hi, lo, c;

	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if (c == '%' && i + 2 < n &&
		    (hi = hexval((unsigned char)s[i + 1])) >= 0 &&
		    (lo = hexval((unsigned char)s[i + 2])) >= 0) {
			c = hi << 4 | lo;
			i += 2;
			if (is_alnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
				dst[j++] = (char)c;
				continue;
			}
		} else if (c > 0x20 && c < 0x7f) {
			dst[j++] = (char)c;
			continue;
		}
		dst[j++] = '%';
		dst[j++] = hex[c >> 4];
		dst[j++] = hex[c & 15];
	}
	return j;
}

static void
add_pct_norm(struct buf *b, const char *s, size_t n)
{
	if (b->n + 3 * n + 1 > b->cap)
		xgrow(&b->p, &b->cap, b->n + 3 * n + 1);
	b->n += pct_norm(b->p + b->n, s, n);
	b->p[b->n] = '\0';
}

static int
view_cmp(const void *a, const void *b)
{
	const struct view *x = a, *y = b;
	size_t n = x->n < y->n ? x->n : y->n;
	int c = memcmp(x->p, y->p, n);

	return c ? c : (x->n > y->n) - (x->n < y->n);
}

void
generic_key(struct keys *k, const struct url *u, struct buf *b, int keep_frag)
{
	const char *p, *end, *amp, *eq;
	size_t nq = 0, start;

	/*
	 * What tells this link from the plain https one stays: an ftp: or
	 * other scheme, a user before the host.
	 */
	if (u->scheme.n && !vcaseeq(u->scheme, "http") && !vcaseeq(u->scheme, "https")) {
		buf_add_lower(b, u->scheme.p, u->scheme.n);
		buf_adds(b, "://");
	}
	if (u->has_user) {
		add_pct_norm(b, u->user.p, u->user.n);
		buf_addc(b, '@');
	}
	buf_addv(b, u->host_bare);
	if (u->port >= 0 && u->port != 80 && u->port != 443)
		buf_addc(b, ':'), buf_addnum(b, (unsigned long long)u->port);
	else if (u->port < 0 && u->port_raw.n) {	/* t.me:99999999999 */
		buf_addc(b, ':');
		add_pct_norm(b, u->port_raw.p, u->port_raw.n);
	}
	start = b->n;
	add_pct_norm(b, u->path.p, u->path.n);
	while (b->n > start && b->p[b->n - 1] == '/')
		b->n--;
	if (u->query.p && u->query.n) {
		p = u->query.p;
		end = p + u->query.n;
		for (; p < end; p = amp + 1) {
			char *d;

			amp = memchr(p, '&', (size_t)(end - p));
			if (amp == NULL)
				amp = end;
			eq = memchr(p, '=', (size_t)(amp - p));
			if (amp == p || tracking_param(p, (size_t)((eq ? eq : amp) - p)))
				continue;
			if ((d = scratch_alloc(k, 3 * (size_t)(amp - p))) == NULL)
				break;
			if (nq + 1 > k->qv_cap) {
				k->qv_cap = k->qv_cap ? 2 * k->qv_cap : 16;
				k->qv = xrealloc(k->qv, k->qv_cap * sizeof(*k->qv));
			}
			k->qv[nq].p = d;
			k->qv[nq++].n = pct_norm(d, p, (size_t)(amp - p));
		}
		/* Parameter order carries no meaning; sorted, two orders are one key. */
		if (nq > 1)
			qsort(k->qv, nq, sizeof(*k->qv), view_cmp);
		for (size_t i = 0; i < nq; i++) {
			buf_addc(b, i ? '&' : '?');
			buf_addv(b, k->qv[i]);
		}
	}
	if (keep_frag && u->frag.p && u->frag.n) {
		buf_addc(b, '#');
		add_pct_norm(b, u->frag.p, u->frag.n);
	}
}

struct keys *
keys_new(void)
{
	struct keys *k = xcalloc(1, sizeof(*k));

	table_match_init(&k->match);
	buf_add(&k->key, "", 0);
	buf_add(&k->chan, "", 0);
	buf_add(&k->host, "", 0);
	return k;
}

void
keys_free(struct keys *k)
{
	if (k == NULL)
		return;
	buf_free(&k->key);
	buf_free(&k->chan);
	buf_free(&k->host);
	free(k->scratch);
	free(k->qv);
	table_match_free(&k->match);
	free(k);
}

static int
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == '\v';
}

/*
 * A key is one word: a space or control byte that a decode let in (a %20,
 * or raw bytes in hand-made input) goes back to %XX, so keys never hold
 * white space and two spellings of one byte stay one key.
 */
static void
encode_unsafe(struct buf *b, struct buf *tmp)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t i;

	for (i = 0; i < b->n; i++)
		if ((unsigned char)b->p[i] <= ' ' || b->p[i] == 0x7f)
			break;
	if (i == b->n)
		return;
	tmp->n = 0;
	for (i = 0; i < b->n; i++) {
		unsigned char c = (unsigned char)b->p[i];
		if (c <= ' ' || c == 0x7f) {
			buf_addc(tmp, '%');
			buf_addc(tmp, hex[c >> 4]);
			buf_addc(tmp, hex[c & 15]);
		} else
			buf_addc(tmp, c);
	}
	b->n = 0;
	buf_add(b, tmp->p, tmp->n);
}


/*
 * The link as a row's shape sees it (table.h): the path's segments
 * decoded and joined by "/", the fragment decoded. Both live in scratch.
 */
static void
shape_view(struct keys *k, struct url *u, struct table_link *l)
{
	const char *p = u->path.p, *end = u->path.p + u->path.n, *sl;
	char *d = scratch_alloc(k, u->path.n + 2);
	size_t n = 0;

	l->host = u->host_bare.p;
	l->host_len = u->host_bare.n;
	while (d && p < end) {
		if ((sl = memchr(p, '/', (size_t)(end - p))) == NULL)
			sl = end;
		if (sl > p) {
			/* a "/" decoded from %2F separates too */
			struct view v = decode(k, p, (size_t)(sl - p), 0);
			const char *q = v.p, *qe = v.p + v.n, *ds;

			for (; q < qe; q = ds + 1) {
				if ((ds = memchr(q, '/', (size_t)(qe - q))) == NULL)
					ds = qe;
				if (ds > q) {
					d[n++] = '/';
					memcpy(d + n, q, (size_t)(ds - q));
					n += (size_t)(ds - q);
				}
			}
		}
		p = sl + 1;
	}
	l->path = d ? d : "";
	l->path_len = n;
	l->query = u->query.p;
	l->query_len = u->query.n;
	l->frag = NULL;
	l->frag_len = 0;
	if (u->frag.p) {
		struct view f = decode(k, u->frag.p, u->frag.n, 0);

		l->frag = f.p;
		l->frag_len = f.n;
	}
}

static int
rows_decide(struct keys *k, const struct table_row *const *rows, size_t n,
    struct url *u, const struct table_link *l, struct key_result *r, int depth)
{
	for (size_t i = 0; i < n; i++) {
		const char *h = table_handler(rows[i]), *alias = table_alias(rows[i]);

		if (alias && depth == 0) {
			const struct table_row *const *to;
			size_t nto, sub;

			/* a server an analyst names: the rows of the host named */
			if ((to = table_rows(alias, strlen(alias), &nto, &sub)) != NULL &&
			    rows_decide(k, to, nto, u, l, r, 1))
				return 1;
			continue;
		}
		if (!table_match(rows[i], l, &k->match))
			continue;
		if (h) {
			const struct handler *fn = keys_handler(h);

			if (fn->web == NULL)
				continue;	/* a scheme's handler: not for web links */
			fn->web(k, u, r);
			return 1;
		}
		set_kind(k, r, table_kind(rows[i]));
		table_key(rows[i], l, &k->match, &k->key, &k->chan);
		return 1;
	}
	return 0;
}

int
classify_rows(struct keys *k, const struct table_row *const *rows, size_t n,
    struct url *u, struct key_result *r)
{
	struct table_link l;

	shape_view(k, u, &l);
	if (rows_decide(k, rows, n, u, &l, r, 0))
		return 1;
	set_kind(k, r, KIND_OTHER);
	return 0;
}

/* "HOST" of a link without one: its scheme, lowercased, with the colon. */
static const struct table_row *const *
scheme_rows(struct keys *k, const char *url, size_t j, size_t *n)
{
	size_t sub;

	k->host.n = 0;
	buf_add_lower(&k->host, url, j + 1);
	return table_rows(k->host.p, k->host.n, n, &sub);
}

/*
 * A link of its own scheme ("whatsapp://send?phone=1"): what follows the
 * scheme's colon and slashes is its path, query and fragment.
 */
static void
scheme_url(const char *s, size_t n, size_t j, struct url *u)
{
	size_t i = j + 1, q;

	memset(u, 0, sizeof(*u));
	u->port = -1;
	u->scheme = (struct view){ s, j };
	u->host = u->host_bare = (struct view){ s, j + 1 };
	while (i < n && s[i] == '/')
		i++;
	for (q = i; q < n && s[q] != '?' && s[q] != '#'; q++)
		;
	u->path = (struct view){ s + i, q - i };
	if (q < n && s[q] == '?') {
		size_t a = q + 1;

		for (q = a; q < n && s[q] != '#'; q++)
			;
		u->query = (struct view){ s + a, q - a };
	}
	if (q < n && s[q] == '#')
		u->frag = (struct view){ s + q + 1, n - q - 1 };
}

/* A link of another scheme, as one word: scheme lowercased, rest as written. */
static void
scheme_key(struct buf *b, const char *s, size_t n, size_t j)
{
	buf_add_lower(b, s, j + 1);
	if (b->n + 3 * n + 1 > b->cap)
		xgrow(&b->p, &b->cap, b->n + 3 * n + 1);
	b->n += pct_norm(b->p + b->n, s + j + 1, n - j - 1);
	b->p[b->n] = '\0';
}

static int
web_scheme(struct view sch)
{
	/*
	 * sgnl: names Signal only by its scheme, which the key drops: the
	 * host decides ("sgnl://signal.me/#p/+1"), as for http.
	 */
	return vcaseeq(sch, "http") || vcaseeq(sch, "https") ||
	    vcaseeq(sch, "ftp") || vcaseeq(sch, "sgnl");
}

void
keys_classify(struct keys *k, const char *url, size_t len, struct key_result *r)
{
	const struct table_row *const *rows;
	struct url u;
	size_t j, n, sub;
	int parsed = 0, scheme_at = -1;

	while (len && is_space((unsigned char)url[len - 1]))
		len--;
	while (len && is_space((unsigned char)url[0]))
		url++, len--;
	/* Every decode of one call fits: no handler decodes more than 4 times. */
	n = 8 * len + 256;
	if (n > k->scratch_cap) {
		free(k->scratch);
		k->scratch = xmalloc(n);
		k->scratch_cap = n;
	}
	k->scratch_n = 0;
	k->key.n = k->chan.n = 0;
	r->kind = KIND_INVALID;
	r->platform = "web";

	for (j = 0; j < len && url[j] != ':' && url[j] != '/' && url[j] != '.' &&
	    url[j] != '?' && url[j] != '#'; j++)
		;
	if (j < len && j > 0 && url[j] == ':' && !web_scheme((struct view){ url, j })
	    && !(j + 1 < len && url[j + 1] >= '0' && url[j + 1] <= '9')) {
		scheme_at = (int)j;
		if ((rows = scheme_rows(k, url, j, &n)) != NULL &&
		    table_platform(rows[0]) != NULL) {
			r->platform = table_platform(rows[0]);
			for (size_t i = 0; i < n; i++) {
				const char *h = table_handler(rows[i]);

				if (h && keys_handler(h)->scheme) {
					keys_handler(h)->scheme(k, url, len, r);
					goto done;
				}
			}
			scheme_url(url, len, j, &u);
			classify_rows(k, rows, n, &u, r);
			goto done;
		}
		if (!(len - j > 2 && url[j + 1] == '/' && url[j + 2] == '/'))
			goto done;	/* mailto: and the like: no host */
	}
	if (parse_url(k, url, len, &u) < 0)
		goto done;
	parsed = 1;
	scheme_at = -1;
	if ((rows = table_rows(u.host_bare.p, u.host_bare.n, &n, &sub)) != NULL &&
	    table_platform(rows[0]) != NULL) {
		if (sub)
			u.sub = (struct view){ u.host_bare.p, sub };
		r->platform = table_platform(rows[0]);
		classify_rows(k, rows, n, &u, r);
	} else
		set_kind(k, r, KIND_OTHER);
done:
	/*
	 * No key is empty: a link no row gives a key to (other, invalid) is
	 * its own key, normalised, so two such links never count as one.
	 */
	if (strcmp(r->kind, KIND_INVALID) == 0 || strcmp(r->kind, KIND_OTHER) == 0) {
		k->key.n = k->chan.n = 0;
		if (parsed)
			/*
			 * A platform may keep identity in the fragment (sticker
			 * packs, invites); on the web, hash-bang and "#/" routes
			 * name the page in single-page apps, other anchors not.
			 */
			generic_key(k, &u, &k->key, u.frag.n &&
			    (strcmp(r->platform, "web") != 0 || u.frag.p[0] == '!' ||
			    u.frag.p[0] == '/'));
		else if (scheme_at >= 0)
			scheme_key(&k->key, url, len, (size_t)scheme_at);
		else
			buf_add(&k->key, url, len);
	}
	encode_unsafe(&k->key, &k->host);
	encode_unsafe(&k->chan, &k->host);
	r->key = k->key.p;
	r->key_len = k->key.n;
	r->channel_key = k->chan.p;
	r->channel_key_len = k->chan.n;
}
