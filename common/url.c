/*
 * url: a link split into its parts (scheme, host, path, query, fragment),
 * its host normalised (percent-decoded, lowercased, IDN mapped by libidn2
 * to A-labels), and
 * the generic key of a link no rule knows: RFC 3986 normalisation, tracking
 * parameters dropped, the query sorted. What keys.c and its handlers read
 * links with; it knows no platform.
 *	struct url u;
 *	url_parse(&space, "HTTPS://Example.com/a/?b=1&a=2", 30, &u);
 *	url_key(&space, &u, &b, 0);	// "example.com/a?a=2&b=1"
 */
#include <idn2.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "url.h"
#include "util.h"

/* ---- bytes ---- */

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

int
all_of(const char *s, size_t n, const char *extra)
{
	if (n == 0)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!ascii_alnum((unsigned char)s[i]) && (s[i] == '\0' ||
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

void
url_space_start(struct url_space *us, size_t len)
{
	/* Every decode of one link fits: no reader decodes more than 4 times. */
	size_t need = 8 * len + 256;

	if (need > us->scratch_cap) {
		free(us->scratch);
		us->scratch = xmalloc(need);
		us->scratch_cap = need;
	}
	us->scratch_n = 0;
	if (us->host.p == NULL)
		buf_add(&us->host, "", 0);
}

void
url_space_free(struct url_space *us)
{
	buf_free(&us->host);
	free(us->scratch);
	free(us->qv);
}

/* Room in the scratch space; url_space_start sized it for the whole link. */
char *
url_scratch(struct url_space *us, size_t n)
{
	char *p;

	if (us->scratch_n + n > us->scratch_cap)
		return NULL;
	p = us->scratch + us->scratch_n;
	us->scratch_n += n;
	return p;
}

struct view
url_decode(struct url_space *us, const char *s, size_t n, int plus_space)
{
	struct view v = { "", 0 };
	char *d = url_scratch(us, n);
	size_t i, j = 0;
	int hi, lo;

	if (d == NULL)
		return v;
	for (i = 0; i < n; i++) {
		if (s[i] == '%' && i + 2 < n &&
		    (hi = hex_value((unsigned char)s[i + 1])) >= 0 &&
		    (lo = hex_value((unsigned char)s[i + 2])) >= 0) {
			d[j++] = (char)(hi << 4 | lo);
			i += 2;
		} else if (s[i] == '+' && plus_space)
			d[j++] = ' ';
		else
			d[j++] = s[i];
	}
	v.p = d;
	v.n = j;
	us->scratch_n -= n - j;
	return v;
}

void
url_segments(struct url_space *us, struct url *u)
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
			struct view d = url_decode(us, p, (size_t)(sl - p), 0);
			const char *q = d.p, *dend = d.p + d.n, *ds;

			while (q < dend) {
				if ((ds = memchr(q, '/', (size_t)(dend - q))) == NULL)
					ds = dend;
				if (ds > q) {
					if (u->nseg < URL_MAXSEG)
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
url_query(struct url_space *us, const struct url *u, const char *name, struct view *val,
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
				*val = eq ? url_decode(us, eq + 1, (size_t)(amp - eq - 1),
				    plus_space) : (struct view){ "", 0 };
			return 1;
		}
		p = amp + 1;
	}
	return 0;
}

/*
 * ---- hosts ----
 * One host, one spelling: a name written in capitals, in full-width
 * letters, decomposed or with ideographic dots is still one name, and keys
 * must not tell them apart. Mapping that is UTS #46's job, done by libidn2
 * as browsers do it (non-transitional: "faß.de" stays itself); the result
 * is the A-label form DNS uses, which is ASCII.
 */

static int
host_byte_ok(unsigned char c)
{
	return ascii_alnum(c) || c == '-' || c == '.' || c == '_' || c >= 0x80;
}

/* What libidn2 may give back: an ASCII host, lower case. */
static int
a_label_host(const unsigned char *s)
{
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		    *s == '-' || *s == '.' || *s == '_'))
			return 0;
	return 1;
}

int
url_host_add(struct buf *b, const char *s, size_t n)
{
	size_t at = b->n, i;
	int ascii = 1;

	while (n && s[n - 1] == '.')
		n--;
	if (n == 0)
		return -1;
	for (i = 0; i < n; i++) {
		if (!host_byte_ok((unsigned char)s[i]))
			return -1;
		if ((unsigned char)s[i] >= 0x80)
			ascii = 0;
	}
	if (!ascii) {
		uint8_t *a = NULL;

		/* libidn2 reads a C string: the host, copied to b's end */
		buf_add(b, s, n);
		b->n = at;
		if (idn2_lookup_u8((const uint8_t *)b->p + at, &a,
		    IDN2_NONTRANSITIONAL) == IDN2_OK && a_label_host(a)) {
			size_t an = strlen((const char *)a);

			while (an && a[an - 1] == '.')
				an--;
			if (an) {
				buf_add(b, (const char *)a, an);
				idn2_free(a);
				return 0;
			}
		}
		idn2_free(a);
	}
	buf_add_lower(b, s, n);
	return 0;
}

/*
 * Normalise a host into us->host: percent-decoded (as TDLib does), then
 * url_host_add; an IPv6 literal lowercased. -1 when it holds bytes no
 * host has.
 */
static int
norm_host(struct url_space *us, const char *s, size_t n, struct url *u)
{
	struct view d = url_decode(us, s, n, 0);
	struct buf *b = &us->host;

	b->n = 0;
	if (d.n && d.p[0] == '[') {		/* IPv6 literal: keep, lowercased */
		for (size_t i = 1; i < d.n; i++)
			if (!(hex_value((unsigned char)d.p[i]) >= 0 || d.p[i] == ':' ||
			    d.p[i] == '.' || (d.p[i] == ']' && i == d.n - 1)))
				return -1;
		buf_add_lower(b, d.p, d.n);
	} else if (url_host_add(b, d.p, d.n) < 0)
		return -1;
	u->host = (struct view){ b->p, b->n };
	return 0;
}

int
url_parse(struct url_space *us, const char *s, size_t n, struct url *u)
{
	size_t i = 0, j, a, e, h_end;
	const char *at, *colon;

	memset(u, 0, sizeof(*u));
	u->port = -1;
	if (n && ((s[0] | 0x20) >= 'a' && (s[0] | 0x20) <= 'z')) {
		int dot = 0;

		for (j = 1; j < n && (ascii_alnum((unsigned char)s[j]) || s[j] == '+' ||
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
	if (h_end == a || norm_host(us, s + a, h_end - a, u) < 0)
		return -1;
	u->host_bare = u->host;
	if (u->host.n > 4 && memcmp(u->host.p, "www.", 4) == 0) {
		u->host_bare.p += 4;
		u->host_bare.n -= 4;
	}
	url_split_path(u, s, e, n);
	return 0;
}

void
url_split_path(struct url *u, const char *s, size_t i, size_t n)
{
	size_t j;

	for (j = i; j < n && s[j] != '?' && s[j] != '#'; j++)
		;
	u->path = (struct view){ s + i, j - i };
	if (j < n && s[j] == '?') {
		size_t q = j + 1;

		for (j = q; j < n && s[j] != '#'; j++)
			;
		u->query = (struct view){ s + q, j - q };
	}
	if (j < n && s[j] == '#')
		u->frag = (struct view){ s + j + 1, n - j - 1 };
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
		    (hi = hex_value((unsigned char)s[i + 1])) >= 0 &&
		    (lo = hex_value((unsigned char)s[i + 2])) >= 0) {
			c = hi << 4 | lo;
			i += 2;
			if (ascii_alnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
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
url_key(struct url_space *us, const struct url *u, struct buf *b, int keep_frag)
{
	const char *p, *end, *amp, *eq;
	size_t nq = 0, start;

	/*
	 * What tells this link from the plain https one stays: an ftp: or
	 * other scheme, a user before the host.
	 */
	if (u->scheme.n && !view_caseeq(u->scheme, "http") && !view_caseeq(u->scheme, "https")) {
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
			if ((d = url_scratch(us, 3 * (size_t)(amp - p))) == NULL)
				break;
			if (nq + 1 > us->qv_cap) {
				us->qv_cap = us->qv_cap ? 2 * us->qv_cap : 16;
				us->qv = xrealloc(us->qv, us->qv_cap * sizeof(*us->qv));
			}
			us->qv[nq].p = d;
			us->qv[nq++].n = pct_norm(d, p, (size_t)(amp - p));
		}
		/* Parameter order carries no meaning; sorted, two orders are one key. */
		if (nq > 1)
			qsort(us->qv, nq, sizeof(*us->qv), view_cmp);
		for (size_t i = 0; i < nq; i++) {
			buf_addc(b, i ? '&' : '?');
			buf_addv(b, us->qv[i]);
		}
	}
	if (keep_frag && u->frag.p && u->frag.n) {
		buf_addc(b, '#');
		add_pct_norm(b, u->frag.p, u->frag.n);
	}
}

/* A link of another scheme, as one word: scheme lowercased, rest as written. */
void
url_scheme_key(struct buf *b, const char *s, size_t n, size_t j)
{
	buf_add_lower(b, s, j + 1);
	if (b->n + 3 * n + 1 > b->cap)
		xgrow(&b->p, &b->cap, b->n + 3 * n + 1);
	b->n += pct_norm(b->p + b->n, s + j + 1, n - j - 1);
	b->p[b->n] = '\0';
}

