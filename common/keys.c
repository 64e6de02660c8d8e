/*
 * keys: read a link (url.c), find its host's rows in the platform table
 * (table.c) and let the first row whose shape it has, or the C handler a
 * row names (keys_telegram.c, keys_platforms.c), give its kind and key; a
 * link no row keys is its own key, normalised. See keys.h for the
 * contract; the rows of common/platforms.tsv are the link forms. Choices: an Internet Archive item
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

struct keys *
keys_new(void)
{
	struct keys *k = xcalloc(1, sizeof(*k));

	table_match_init(&k->match);
	buf_add(&k->key, "", 0);
	buf_add(&k->chan, "", 0);
	return k;
}

void
keys_free(struct keys *k)
{
	if (k == NULL)
		return;
	buf_free(&k->key);
	buf_free(&k->chan);
	url_space_free(&k->us);
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
 * A key is one word of valid UTF-8, whatever a row or handler made of the
 * link: a space or control byte that a decode let in (a %20, raw bytes in
 * hand-made input), a C1 control, and every byte that is not part of valid
 * UTF-8 (a decoded %FF, a cut sequence) go back to %XX. So keys never hold
 * white space, every tool after us can read them as text, and two
 * spellings of one byte stay one key. Every key and channel key passes
 * here, once, at the end of keys_classify.
 */
static void
add_pct(struct buf *b, unsigned char c)
{
	static const char hex[] = "0123456789ABCDEF";

	buf_addc(b, '%');
	buf_addc(b, hex[c >> 4]);
	buf_addc(b, hex[c & 15]);
}

static void
key_word(struct buf *b, struct buf *tmp)
{
	size_t i, len;

	for (i = 0; i < b->n; i++)
		if ((unsigned char)b->p[i] <= ' ' || (unsigned char)b->p[i] >= 0x7f)
			break;
	if (i == b->n)
		return;			/* printable ASCII: the common case */
	tmp->n = 0;
	buf_add(tmp, b->p, i);
	while (i < b->n) {
		unsigned char c = (unsigned char)b->p[i];

		len = utf8_len(b->p + i, b->n - i);
		if (len == 2 && c == 0xc2 && (unsigned char)b->p[i + 1] < 0xa0) {
			add_pct(tmp, c);	/* a C1 control, U+0080..U+009F */
			add_pct(tmp, (unsigned char)b->p[i + 1]);
			i += 2;
		} else if (len > 1 || (len == 1 && c > ' ' && c != 0x7f)) {
			buf_add(tmp, b->p + i, len);
			i += len;
		} else {
			add_pct(tmp, c);	/* a byte at a time: the next may start a good sequence */
			i++;
		}
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
	char *d = url_scratch(&k->us, u->path.n + 2);
	size_t n = 0;

	l->host = u->host_bare.p;
	l->host_len = u->host_bare.n;
	while (d && p < end) {
		if ((sl = memchr(p, '/', (size_t)(end - p))) == NULL)
			sl = end;
		if (sl > p) {
			/* a "/" decoded from %2F separates too */
			struct view v = url_decode(&k->us, p, (size_t)(sl - p), 0);
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
		struct view f = url_decode(&k->us, u->frag.p, u->frag.n, 0);

		l->frag = f.p;
		l->frag_len = f.n;
	}
}

/*
 * The link as rows see it, made on first need: a handler row without a
 * shape (Telegram's, the most common) reads the parsed link itself.
 */
struct view_once {
	struct table_link l;
	int		 made;
};

static const struct table_link *
view_of(struct keys *k, struct url *u, struct view_once *v)
{
	if (!v->made) {
		shape_view(k, u, &v->l);
		v->made = 1;
	}
	return &v->l;
}

static int
rows_decide(struct keys *k, const struct table_row *const *rows, size_t n,
    struct url *u, struct view_once *v, struct key_result *r, int depth)
{
	for (size_t i = 0; i < n; i++) {
		const struct table_facts *f = table_facts(rows[i]);

		if (f->alias && depth == 0) {
			const struct table_row *const *to;
			size_t nto, sub;

			/* a server an analyst names: the rows of the host named */
			if ((to = table_rows(f->alias, strlen(f->alias), &nto, &sub)) != NULL &&
			    rows_decide(k, to, nto, u, v, r, 1))
				return 1;
			continue;
		}
		if (f->shaped && !table_match(rows[i], view_of(k, u, v), &k->match))
			continue;
		if (f->handler) {
			const struct handler *fn = keys_handler(f->handler);

			if (fn->web == NULL)
				continue;	/* a scheme's handler: not for web links */
			fn->web(k, u, r);
			return 1;
		}
		if (f->kind == NULL)
			continue;		/* a host and its platform only */
		set_kind(k, r, f->kind);
		table_key(rows[i], view_of(k, u, v), &k->match, &k->key, &k->chan);
		return 1;
	}
	return 0;
}

/*
 * Kind and key of u by rows[0..n) (a host's rows in the table): the first
 * row whose shape u has decides; none does, kind other.
 */
static void
classify_rows(struct keys *k, const struct table_row *const *rows, size_t n,
    struct url *u, struct key_result *r)
{
	struct view_once v = { .made = 0 };

	if (!rows_decide(k, rows, n, u, &v, r, 0))
		set_kind(k, r, KIND_OTHER);
}

/* "HOST" of a link without one: its scheme, lowercased, with the colon. */
static const struct table_row *const *
scheme_rows(struct keys *k, const char *url, size_t j, size_t *n)
{
	size_t sub;

	k->us.host.n = 0;
	buf_add_lower(&k->us.host, url, j + 1);
	return table_rows(k->us.host.p, k->us.host.n, n, &sub);
}

/*
 * A link of its own scheme ("whatsapp://send?phone=1"): what follows the
 * scheme's colon and slashes is its path, query and fragment.
 */
static void
scheme_url(const char *s, size_t n, size_t j, struct url *u)
{
	size_t i = j + 1;

	memset(u, 0, sizeof(*u));
	u->port = -1;
	u->scheme = (struct view){ s, j };
	u->host = u->host_bare = (struct view){ s, j + 1 };
	while (i < n && s[i] == '/')
		i++;
	url_split_path(u, s, i, n);
}

static int
web_scheme(struct view sch)
{
	/*
	 * sgnl: names Signal only by its scheme, which the key drops: the
	 * host decides ("sgnl://signal.me/#p/+1"), as for http.
	 */
	return view_caseeq(sch, "http") || view_caseeq(sch, "https") ||
	    view_caseeq(sch, "ftp") || view_caseeq(sch, "sgnl");
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
	url_space_start(&k->us, len);
	k->key.n = k->chan.n = 0;
	k->match.error_rc = 0;
	r->kind = KIND_INVALID;
	r->platform = "web";

	for (j = 0; j < len && url[j] != ':' && url[j] != '/' && url[j] != '.' &&
	    url[j] != '?' && url[j] != '#'; j++)
		;
	if (j < len && j > 0 && url[j] == ':' && !web_scheme((struct view){ url, j })
	    && !(j + 1 < len && url[j + 1] >= '0' && url[j + 1] <= '9')) {
		scheme_at = (int)j;
		if ((rows = scheme_rows(k, url, j, &n)) != NULL &&
		    table_facts(rows[0])->platform != NULL) {
			r->platform = table_facts(rows[0])->platform;
			for (size_t i = 0; i < n; i++) {
				const char *h = table_facts(rows[i])->handler, *as;
				const struct handler *fn = h ? keys_handler(h) : NULL;
				size_t nas, sub;

				if (fn && fn->scheme) {
					fn->scheme(k, url, len, r);
					goto done;
				}
				if (fn && fn->rewrite && fn->rewrite(url, len, &u, &as) == 0) {
					rows = table_rows(as, strlen(as), &nas, &sub);
					if (rows)
						classify_rows(k, rows, nas, &u, r);
					else
						set_kind(k, r, KIND_OTHER);
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
	if (url_parse(&k->us, url, len, &u) < 0)
		goto done;
	parsed = 1;
	scheme_at = -1;
	if ((rows = table_rows(u.host_bare.p, u.host_bare.n, &n, &sub)) != NULL &&
	    table_facts(rows[0])->platform != NULL) {
		if (sub)
			u.sub = (struct view){ u.host_bare.p, sub };
		r->platform = table_facts(rows[0])->platform;
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
			url_key(&k->us, &u, &k->key, u.frag.n &&
			    (strcmp(r->platform, "web") != 0 || u.frag.p[0] == '!' ||
			    u.frag.p[0] == '/'));
		else if (scheme_at >= 0)
			url_scheme_key(&k->key, url, len, (size_t)scheme_at);
		else
			buf_add(&k->key, url, len);
	}
	key_word(&k->key, &k->us.host);
	key_word(&k->chan, &k->us.host);
	r->key = k->key.p;
	r->key_len = k->key.n;
	r->channel_key = k->chan.p;
	r->channel_key_len = k->chan.n;
	r->error = k->match.error_rc ? k->match.error.p : NULL;
}
