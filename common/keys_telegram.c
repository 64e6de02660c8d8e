/*
 * keys_telegram: Telegram links read the way Telegram's client library
 * (TDLib's link manager) reads them, mapped to our kinds and keys
 * (table: PIPELINE.md, "Telegram"). Unlike TDLib, keywords of t.me paths
 * match in any case (t.me/JoinChat/X is an invite, not a web app of a bot
 * "JoinChat"); one-letter words, /s/ and tg:// words keep their case
 * (programs write tg://). Links TDLib cannot follow are kind "other" with an
 * empty key (no NA value in a record).
 *	printf 'url\nt.me/s/Durov/42\n' | bin/normalize
 */
#include <string.h>

#include "keys_int.h"
#include "util.h"

/* Names a <sub>.t.me host may not carry: they are t.me's own paths. */
static const char *const blocked_sub[] = {
	"addemoji", "addlist", "addstickers", "addstyle", "addtheme", "auction",
	"auth", "boost", "call", "confirmphone", "contact", "giftcode", "invoice",
	"joinchat", "login", "m", "nft", "proxy", "setlanguage", "share", "socks",
	"web", "a", "k", "z", NULL
};

/* TDLib's username syntax with a minimum length. */
static int
username_min(const char *s, size_t n, size_t min)
{
	size_t i;

	if (n < min || n > 32 || !((s[0] | 0x20) >= 'a' && (s[0] | 0x20) <= 'z'))
		return 0;
	for (i = 1; i < n; i++) {
		int c = (unsigned char)s[i];

		if (!((c | 0x20) >= 'a' && (c | 0x20) <= 'z') &&
		    !(c >= '0' && c <= '9') && c != '_')
			return 0;
		if (c == '_' && s[i - 1] == '_')
			return 0;
	}
	return s[n - 1] != '_';
}

/*
 * A username we key: TDLib's syntax, and 4 to 32 characters (Telegram's own
 * mention rule; shorter names cannot be registered).
 */
static int
tg_username(const char *s, size_t n)
{
	return username_min(s, n, 4);
}

static int
base64url(struct view v)
{
	return all_of(v.p, v.n, "_-");
}

/* 1 to 32 digits: a phone number where a hash was expected. */
static int
phone(struct view v)
{
	return v.n >= 1 && v.n <= 32 && all_digits(v.p, v.n);
}

static void
key_channel(struct keys *k, struct key_result *r, struct view name)
{
	set_kind(k, r, KIND_CHANNEL);
	buf_adds(&k->key, "t.me/");
	buf_add_lower(&k->key, name.p, name.n);
}

static void
key_post(struct keys *k, struct key_result *r, struct view name,
    unsigned long long post)
{
	set_kind(k, r, KIND_POST);
	buf_adds(&k->chan, "t.me/");
	buf_add_lower(&k->chan, name.p, name.n);
	buf_add(&k->key, k->chan.p, k->chan.n);
	buf_addc(&k->key, '/');
	buf_addnum(&k->key, post);
}

static void
key_private(struct keys *k, struct key_result *r, unsigned long long id,
    unsigned long long post)
{
	set_kind(k, r, KIND_POST);
	buf_adds(&k->chan, "t.me/c/");
	buf_addnum(&k->chan, id);
	buf_add(&k->key, k->chan.p, k->chan.n);
	buf_addc(&k->key, '/');
	buf_addnum(&k->key, post);
}

/* A key of prefix and a base64url hash (case kept): invites and folders. */
static void
key_hash(struct keys *k, struct key_result *r, struct view hash, const char *kind,
    const char *prefix)
{
	if (!base64url(hash)) {
		set_kind(k, r, KIND_INVALID);
		return;
	}
	set_kind(k, r, kind);
	buf_adds(&k->key, prefix);
	buf_addv(&k->key, hash);
}

/* An invite hash (case kept) or, when only digits, a phone number. */
static void
key_invite(struct keys *k, struct key_result *r, struct view hash, int plus)
{
	if (phone(hash)) {
		set_kind(k, r, plus ? KIND_OTHER : KIND_INVALID);
		return;
	}
	key_hash(k, r, hash, KIND_INVITE, "t.me/+");
}

/* Sticker set names are looked up without regard to case. */
static void
key_sticker(struct keys *k, struct key_result *r, const char *word,
    struct view name)
{
	if (name.n == 0 || !all_of(name.p, name.n, "_")) {
		set_kind(k, r, KIND_INVALID);
		return;
	}
	set_kind(k, r, KIND_STICKER);
	buf_adds(&k->key, "t.me/");
	buf_adds(&k->key, word);
	buf_addc(&k->key, '/');
	buf_add_lower(&k->key, name.p, name.n);
}

static int
b64val(int c, int url)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == (url ? '-' : '+'))
		return 62;
	if (c == (url ? '_' : '/'))
		return 63;
	return -1;
}

/*
 * An MTProto secret TDLib can use: hex, else base64url, else base64, of
 * 16 bytes, 17 starting 0xdd, or 18+ starting 0xee (fake TLS).
 */
static int
proxy_secret(struct view s)
{
	size_t i, n = s.n, bytes;
	int first = -1, url;

	if (n >= 2 && n % 2 == 0) {
		for (i = 0; i < n && hex_value((unsigned char)s.p[i]) >= 0; i++)
			;
		if (i == n) {
			bytes = n / 2;
			first = hex_value((unsigned char)s.p[0]) << 4 |
			    hex_value((unsigned char)s.p[1]);
			goto check;
		}
	}
	while (n && s.p[n - 1] == '=')
		n--;
	if (n < 2 || n % 4 == 1)
		return 0;
	for (url = 1; url >= 0; url--) {
		for (i = 0; i < n && b64val((unsigned char)s.p[i], url) >= 0; i++)
			;
		if (i == n)
			break;
	}
	if (url < 0)
		return 0;
	bytes = n * 3 / 4;
	first = b64val((unsigned char)s.p[0], url) << 2 |
	    b64val((unsigned char)s.p[1], url) >> 4;
check:
	return bytes == 16 || (bytes == 17 && first == 0xdd) ||
	    (bytes >= 18 && first == 0xee);
}

/* TDLib takes a proxy's server only when it is valid UTF-8. */
static int
utf8_text(struct view v)
{
	size_t i, len;

	for (i = 0; i < v.n; i += len)
		if ((len = utf8_len(v.p + i, v.n - i)) == 0)
			return 0;
	return 1;
}

/* proxy / socks: key keeps server and port; secrets and passwords go. */
static void
key_proxy(struct keys *k, const struct url *u, struct key_result *r,
    const char *word)
{
	struct view server, port, secret;
	unsigned long long p;

	if (!url_query(&k->us, u, "server", &server, 1) || server.n == 0 || server.n > 255 ||
	    !utf8_text(server) || !url_query(&k->us, u, "port", &port, 1) ||
	    (p = lead_num(port.p, port.n)) == 0 || p > 65535) {
		set_kind(k, r, KIND_INVALID);
		return;
	}
	if (strcmp(word, "proxy") == 0 &&
	    (!url_query(&k->us, u, "secret", &secret, 1) || !proxy_secret(secret))) {
		set_kind(k, r, KIND_INVALID);
		return;
	}
	set_kind(k, r, KIND_PROXY);
	buf_adds(&k->key, "t.me/");
	buf_adds(&k->key, word);
	buf_adds(&k->key, "?server=");
	/* a server is a host: one spelling for each (IDN as A-labels) */
	if (url_host_add(&k->key, server.p, server.n) < 0)
		buf_add_lower(&k->key, server.p, server.n);
	buf_adds(&k->key, "&port=");
	buf_addnum(&k->key, p);
}

/* t.me keywords that take an argument and are "other" with one. */
static const char *const other_words[] = {
	"login", "call", "nft", "auction", "contact", "setlanguage", "addtheme",
	"bg", "invoice", "giftcode", "m", "newbot", NULL
};

/*
 * Keyword match. TDLib compares keywords case-sensitively and reads
 * t.me/JoinChat/X as a web app of a bot "JoinChat"; nobody means that, so
 * we ignore case, except for one-letter words (t.me/C/1/2 stays invalid).
 */
static int
word(struct view v, const char *w)
{
	return w[1] ? view_caseeq(v, w) : view_eq(v, w);
}

void
keys_tg_web(struct keys *k, struct url *u, struct key_result *r)
{
	struct view seg[URL_MAXSEG], s0, none = { "", 0 };
	const char *p = u->path.p, *end = u->path.p + u->path.n, *sl;
	size_t nseg = 0, total = 0, i;
	unsigned long long a, b;

	set_kind(k, r, KIND_INVALID);
	if ((u->scheme.n && !view_caseeq(u->scheme, "http") &&
	    !view_caseeq(u->scheme, "https")) || u->odd || u->has_user ||
	    (u->port >= 0 && u->port != 80 && u->port != 443))
		return;
	if (u->sub.n) {
		/* NAME.t.me is t.me/NAME: one label, 4+ characters, not a keyword. */
		if (u->host.n != u->sub.n + 5 || !username_min(u->sub.p, u->sub.n, 1)
		    || u->host.n < 9)
			return;
		for (i = 0; blocked_sub[i]; i++)
			if (view_eq(u->sub, blocked_sub[i]))
				return;
		seg[nseg++] = u->sub;
		total++;
	} else {
		/* Any number of /s/ prefixes (the web preview) go, case-sensitively. */
		for (;;) {
			if ((size_t)(end - p) >= 3 && memcmp(p, "/s/", 3) == 0)
				p += 2;
			else if ((size_t)(end - p) >= 5 && memcmp(p, "/%73/", 5) == 0)
				p += 4;
			else
				break;
		}
	}
	/* Split before decoding, so %2F stays inside its segment. */
	if (p < end && *p == '/')
		p++;
	while (p < end) {
		sl = memchr(p, '/', (size_t)(end - p));
		if (sl == NULL)
			sl = end;
		if (total < URL_MAXSEG)
			seg[total] = url_decode(&k->us, p, (size_t)(sl - p), 0);
		total++;
		if (sl > p)
			nseg = total;	/* trailing empty segments are dropped */
		if (sl == end)
			break;
		p = sl + 1;
	}
	if (nseg > URL_MAXSEG)
		nseg = URL_MAXSEG;
	for (i = nseg; i < URL_MAXSEG; i++)
		seg[i] = none;
	if (nseg == 0 || seg[0].n == 0)
		return;			/* t.me, t.me/, t.me//x */
	s0 = seg[0];

	if (view_eq(s0, "c")) {
		a = nseg >= 2 ? lead_num(seg[1].p, seg[1].n) : 0;
		b = nseg >= 3 ? lead_num(seg[2].p, seg[2].n) : 0;
		if (a && !b && url_query(&k->us, u, "boost", NULL, 0))
			set_kind(k, r, KIND_OTHER);
		else if (a && b) {
			unsigned long long t = nseg >= 4 ?
			    lead_num(seg[3].p, seg[3].n) : 0;

			key_private(k, r, a, t ? t : b);
		}
		return;
	}
	if (s0.p[0] == '+' || s0.p[0] == ' ') {
		struct view h = { s0.p + 1, s0.n - 1 };

		key_invite(k, r, h, 1);
		return;
	}
	if (word(s0, "joinchat")) {
		if (nseg >= 2)
			key_invite(k, r, seg[1], 0);
		return;
	}
	if (word(s0, "addlist")) {
		if (nseg >= 2)
			key_hash(k, r, seg[1], KIND_FOLDER, "t.me/addlist/");
		return;
	}
	if (word(s0, "addstickers") || word(s0, "addemoji")) {
		if (nseg >= 2)
			key_sticker(k, r, view_caseeq(s0, "addemoji") ? "addemoji" :
			    "addstickers", seg[1]);
		return;
	}
	if (word(s0, "proxy") || word(s0, "socks")) {
		key_proxy(k, u, r, view_caseeq(s0, "proxy") ? "proxy" : "socks");
		return;
	}
	for (i = 0; other_words[i]; i++)
		if (word(s0, other_words[i]))
			break;
	/* newbot is a keyword only with an argument: t.me/newbot is a bot. */
	if (other_words[i] && !(view_eq(s0, "newbot") && nseg < 2)) {
		if (nseg >= 2 && seg[1].n > 0)
			set_kind(k, r, KIND_OTHER);
		return;
	}
	if (word(s0, "addstyle")) {
		if (nseg >= 2 && seg[1].n >= 8)
			set_kind(k, r, KIND_OTHER);
		return;
	}
	if (word(s0, "confirmphone")) {
		struct view ph, hash;

		if (url_query(&k->us, u, "phone", &ph, 1) && url_query(&k->us, u, "hash", &hash, 1) &&
		    ph.n && hash.n)
			set_kind(k, r, KIND_OTHER);
		return;
	}
	if (s0.p[0] == '$') {
		if (s0.n >= 2)
			set_kind(k, r, KIND_OTHER);
		return;
	}
	if (word(s0, "share") || word(s0, "msg")) {
		struct view v1, v2;
		int has_url = url_query(&k->us, u, "url", &v1, 1) && v1.n;
		int has_text = url_query(&k->us, u, "text", &v2, 1) && v2.n;

		if (!(nseg >= 2 && (view_eq(seg[1], "bookmarklet") ||
		    view_eq(seg[1], "embed"))) && (has_url || has_text))
			set_kind(k, r, KIND_OTHER);
		return;
	}
	if (word(s0, "iv")) {
		if (url_query(&k->us, u, "url", NULL, 0))
			set_kind(k, r, KIND_OTHER);
		return;
	}
	if (view_eq(s0, "i"))
		return;
	if (!tg_username(s0.p, s0.n))
		return;
	if (view_caseeq(s0, "boost")) {
		struct view c;

		/* t.me/boost/NAME boosts NAME; t.me/boost?c=ID a private channel. */
		if (nseg == 2 && tg_username(seg[1].p, seg[1].n)) {
			key_channel(k, r, seg[1]);
			return;
		}
		if (url_query(&k->us, u, "c", &c, 1) && lead_num(c.p, c.n) > 0) {
			set_kind(k, r, KIND_OTHER);
			return;
		}
	}
	a = nseg >= 2 ? lead_num(seg[1].p, seg[1].n) : 0;
	if (a) {
		b = nseg >= 3 ? lead_num(seg[2].p, seg[2].n) : 0;
		key_post(k, r, s0, b ? b : a);	/* t.me/NAME/THREAD/POST */
		return;
	}
	/* Bots, web apps, stories, boosts, voice chats: all act on NAME. */
	key_channel(k, r, s0);
}

void
keys_tg_scheme(struct keys *k, const char *s, size_t n, struct key_result *r)
{
	struct url u;
	struct view w, v, v2;
	const char *hash, *q;
	size_t i = 3;
	unsigned long long a, b;

	set_kind(k, r, KIND_INVALID);
	memset(&u, 0, sizeof(u));
	if ((hash = memchr(s, '#', n)) != NULL)
		n = (size_t)(hash - s);		/* TDLib drops the fragment first */
	if (n - i >= 2 && s[i] == '/' && s[i + 1] == '/')
		i += 2;
	w.p = s + i;
	while (i < n && s[i] != '/' && s[i] != '?')
		i++;
	w.n = (size_t)(s + i - w.p);
	if (!all_of(w.p, w.n, "_-"))
		return;
	if ((q = memchr(s + i, '?', n - i)) != NULL)
		u.query = (struct view){ q + 1, (size_t)(s + n - q - 1) };

	if (view_eq(w, "resolve")) {
		if (url_query(&k->us, &u, "domain", &v, 1) && tg_username(v.p, v.n)) {
			if (url_query(&k->us, &u, "post", &v2, 1) &&
			    (a = lead_num(v2.p, v2.n)) > 0)
				key_post(k, r, v, a);
			else
				key_channel(k, r, v);
		} else if (url_query(&k->us, &u, "phone", &v, 1)) {
			/* "+" before the number arrives decoded as a space. */
			if (v.n && (v.p[0] == '+' || v.p[0] == ' '))
				v.p++, v.n--;
			if (phone(v))
				set_kind(k, r, KIND_OTHER);
		}
	} else if (view_eq(w, "privatepost")) {
		if (url_query(&k->us, &u, "channel", &v, 1) && url_query(&k->us, &u, "post", &v2, 1) &&
		    (a = lead_num(v.p, v.n)) > 0 && (b = lead_num(v2.p, v2.n)) > 0)
			key_private(k, r, a, b);
	} else if (view_eq(w, "join")) {
		if (url_query(&k->us, &u, "invite", &v, 1))
			key_invite(k, r, v, 0);
	} else if (view_eq(w, "addlist")) {
		if (url_query(&k->us, &u, "slug", &v, 1))
			key_hash(k, r, v, KIND_FOLDER, "t.me/addlist/");
	} else if (view_eq(w, "addstickers") || view_eq(w, "addemoji")) {
		if (url_query(&k->us, &u, "set", &v, 1))
			key_sticker(k, r, w.p[3] == 'e' ? "addemoji" : "addstickers", v);
	} else if (view_eq(w, "proxy") || view_eq(w, "socks")) {
		key_proxy(k, &u, r, w.p[0] == 'p' ? "proxy" : "socks");
	} else if (view_eq(w, "boost")) {
		if (url_query(&k->us, &u, "domain", &v, 1) && tg_username(v.p, v.n))
			key_channel(k, r, v);
		else if (url_query(&k->us, &u, "channel", &v, 1) && lead_num(v.p, v.n) > 0)
			set_kind(k, r, KIND_OTHER);
	} else
		set_kind(k, r, KIND_OTHER);	/* settings, user?id=, unknown words */
}
