/*
 * keys: split a link, normalise its host, and hand it to the rules of its
 * platform (keys_telegram.c, keys_platforms.c); links of no known platform
 * get the generic key. See keys.h for the contract, doc/normalize.md for
 * the key tables.
 *	bin/extract --all logs.gz | bin/normalize | bin/tally -g platform,kind
 */
#include <stdlib.h>
#include <string.h>

#include "keys_int.h"
#include "rules.h"
#include "util.h"

/* ---- buffers ---- */

void
b_add(struct buf *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap)
		xgrow(&b->p, &b->cap, b->n + n + 1);
	if (n)
		memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

void
b_adds(struct buf *b, const char *s)
{
	b_add(b, s, strlen(s));
}

void
b_addc(struct buf *b, int c)
{
	char ch = (char)c;

	b_add(b, &ch, 1);
}

void
b_add_lower(struct buf *b, const char *s, size_t n)
{
	size_t start = b->n;

	b_add(b, s, n);
	for (size_t i = start; i < b->n; i++)
		b->p[i] = (char)ascii_lower((unsigned char)b->p[i]);
}

void
b_addv(struct buf *b, struct view v)
{
	b_add(b, v.p, v.n);
}

void
b_addnum(struct buf *b, unsigned long long v)
{
	char tmp[24];
	size_t i = sizeof(tmp);

	do {
		tmp[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	b_add(b, tmp + i, sizeof(tmp) - i);
}

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
	b_adds(b, "xn--");
	for (i = 0; i < ncp; i++)
		if (cp[i] < 0x80) {
			b_addc(b, (int)cp[i]);
			basic++;
		}
	if (basic)
		b_addc(b, '-');
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
				b_addc(b, puny_digit(t + (q - t) % (36 - t)));
				q = (q - t) / (36 - t);
			}
			b_addc(b, puny_digit(q));
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
		b_add_lower(b, d.p, d.n);
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
		b_add_lower(b, d.p, d.n);
	} else {
		for (i = 0; i < d.n; i = j + 1) {
			int label_ascii = 1;

			for (j = i; j < d.n && d.p[j] != '.'; j++)
				if ((unsigned char)d.p[j] >= 0x80)
					label_ascii = 0;
			if (i)
				b_addc(b, '.');
			/* ASCII-only folding: upper-case letters outside ASCII stay. */
			if (label_ascii || punycode_label(b,
			    (const unsigned char *)d.p + i, j - i) < 0) {
				size_t at = b->n;

				b_add(b, d.p + i, j - i);
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
	size_t nq = 0;

	b_addv(b, u->host_bare);
	if (u->port >= 0 && u->port != 80 && u->port != 443)
		b_addc(b, ':'), b_addnum(b, (unsigned long long)u->port);
	add_pct_norm(b, u->path.p, u->path.n);
	while (b->n > u->host_bare.n && b->p[b->n - 1] == '/')
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
			b_addc(b, i ? '&' : '?');
			b_addv(b, k->qv[i]);
		}
	}
	if (keep_frag && u->frag.p && u->frag.n) {
		b_addc(b, '#');
		add_pct_norm(b, u->frag.p, u->frag.n);
	}
}

/* ---- host table ---- */

#define HOST_SLOTS 512		/* power of two, > 2 x rules */

static size_t
host_hash(const char *s, size_t n)
{
	size_t h = 2166136261u;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static const struct host_rule *
host_find(const struct keys *k, const char *s, size_t n)
{
	const struct host_rule *const *slot = k->hosts;
	size_t i = host_hash(s, n) & (HOST_SLOTS - 1);

	for (; slot[i]; i = (i + 1) & (HOST_SLOTS - 1))
		if (strlen(slot[i]->host) == n && memcmp(slot[i]->host, s, n) == 0)
			return slot[i];
	return NULL;
}

struct keys *
keys_new(void)
{
	struct keys *k = xcalloc(1, sizeof(*k));
	const struct host_rule **slot = xcalloc(HOST_SLOTS, sizeof(*slot));
	size_t i, h;

	for (i = 0; i < keys_nhost_rules; i++) {
		const char *host = keys_host_rules[i].host;

		h = host_hash(host, strlen(host)) & (HOST_SLOTS - 1);
		while (slot[h])
			h = (h + 1) & (HOST_SLOTS - 1);
		slot[h] = &keys_host_rules[i];
	}
	k->hosts = slot;
	b_add(&k->key, "", 0);
	b_add(&k->chan, "", 0);
	b_add(&k->host, "", 0);
	return k;
}

void
keys_free(struct keys *k)
{
	if (k == NULL)
		return;
	free(k->key.p);
	free(k->chan.p);
	free(k->host.p);
	free(k->scratch);
	free(k->qv);
	free(k->hosts);
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
			b_addc(tmp, '%');
			b_addc(tmp, hex[c >> 4]);
			b_addc(tmp, hex[c & 15]);
		} else
			b_addc(tmp, c);
	}
	b->n = 0;
	b_add(b, tmp->p, tmp->n);
}

void
keys_classify(struct keys *k, const char *url, size_t len, struct key_result *r)
{
	const struct host_rule *rule = NULL;
	const char *rp, *scheme_rp = NULL;
	key_handler *fn;
	struct url u;
	int generic = 0;
	size_t need, j;

	while (len && is_space((unsigned char)url[len - 1]))
		len--;
	while (len && is_space((unsigned char)url[0]))
		url++, len--;
	/* Every decode of one call fits: no handler decodes more than 4 times. */
	need = 8 * len + 256;
	if (need > k->scratch_cap) {
		free(k->scratch);
		k->scratch = xmalloc(need);
		k->scratch_cap = need;
	}
	k->scratch_n = 0;
	k->key.n = k->chan.n = 0;
	r->kind = KIND_INVALID;
	r->platform = NULL;
	rp = len ? rules_platform(url, len) : NULL;

	if (len >= 3 && ascii_casecmp_n(url, "tg:", 3) == 0) {
		tg_scheme(k, url, len, r);
		r->platform = rp ? rp : "telegram";
		goto done;
	}
	for (j = 0; j < len && url[j] != ':' && url[j] != '/' && url[j] != '.' &&
	    url[j] != '?' && url[j] != '#'; j++)
		;
	if (j < len && j > 0 && url[j] == ':') {
		struct view sch = { url, j };

		/*
		 * sgnl: names Signal only by its scheme, which the key
		 * drops: on another platform's host ("sgnl://youtube.com/
		 * c/x") the host decides, or the key, read again, would
		 * change platform.
		 */
		if (vcaseeq(sch, "sgnl"))
			scheme_rp = rp;
		if (!vcaseeq(sch, "http") && !vcaseeq(sch, "https") &&
		    !vcaseeq(sch, "ftp") && !vcaseeq(sch, "sgnl") &&
		    !(j + 1 < len && url[j + 1] >= '0' && url[j + 1] <= '9')) {
			if (scheme_link(k, sch, url, len, r)) {
				r->platform = rp ? rp : r->platform;
				goto done;
			}
			if (!(len - j > 2 && url[j + 1] == '/' && url[j + 2] == '/'))
				goto done;	/* mailto: and the like: no host */
		}
	}
	if (parse_url(k, url, len, &u) < 0)
		goto done;
	rule = host_find(k, u.host_bare.p, u.host_bare.n);
	if (rule == NULL) {
		const char *dot = memchr(u.host_bare.p, '.', u.host_bare.n);

		if (dot && (rule = host_find(k, dot + 1,
		    u.host_bare.n - (size_t)(dot + 1 - u.host_bare.p))) != NULL &&
		    !rule->subdomains)
			rule = NULL;
		if (rule)
			u.sub = (struct view){ u.host_bare.p,
			    (size_t)(dot - u.host_bare.p) };
	}
	if (rule) {
		rule->fn(k, &u, r);
		r->platform = rp && rp != scheme_rp ? rp : rule->platform;
	} else if (rp && (fn = platform_handler(rp)) != NULL) {
		fn(k, &u, r);
		r->platform = rp;
	} else {
		set_kind(k, r, KIND_OTHER);
		generic = 1;
		/* Hash-bang and "#/" routes name the page in single-page apps. */
		generic_key(k, &u, &k->key, u.frag.n &&
		    (u.frag.p[0] == '!' || u.frag.p[0] == '/'));
		r->platform = rp ? rp : "web";
	}
done:
	if (r->platform == NULL)
		r->platform = rp ? rp : "web";
	/* Only web links have a key as "other": a platform's own pages do not. */
	if (strcmp(r->kind, KIND_INVALID) == 0 || (strcmp(r->kind, KIND_OTHER) == 0
	    && !generic))
		k->key.n = k->chan.n = 0;
	encode_unsafe(&k->key, &k->host);
	encode_unsafe(&k->chan, &k->host);
	r->key = k->key.p;
	r->key_len = k->key.n;
	r->channel_key = k->chan.p;
	r->channel_key_len = k->chan.n;
}
