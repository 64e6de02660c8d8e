/*
 * formats_pieces: the pieces of a message's text that its exporter marks
 * (struct text_piece), so that a link found in the text never runs over
 * the exporter's own boundary ("https://t.me/x" then "remains active" is
 * t.me/x, not t.me/xremains). Telegram Desktop gives its pieces whole;
 * Telegram's API (Telethon, Pyrogram, Bot API) gives entities as offsets
 * and lengths in UTF-16 code units, converted here to bytes.
 *	extract result.json	# reads the pieces through formats_json.c
 *
 * Which entities mark a piece: those Telegram's own parser finds in the
 * text as words (link, mention, hashtag, cashtag, bot command, e-mail,
 * phone, bank card) and the author's labels of hidden links and user
 * mentions; each ends where Telegram decided it ends, so no link runs
 * across its edge. Styles (bold, italic, code, spoiler, custom emoji,
 * ...) mark nothing: a style may start or end in the middle of a link,
 * and Telegram Desktop, which writes entities flat, then drops the link
 * entity and keeps the style, so the link must still be found across it.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "formats_int.h"
#include "util.h"

/* Entity names, lower case, without "_": every exporter's spelling. */
static const struct {
	const char	*name;
	int		 kind;
} piece_names[] = {
	{ "link", PIECE_LINK },		/* Telegram Desktop */
	{ "url", PIECE_LINK },		/* API, Bot API, Pyrogram */
	{ "textlink", PIECE_MARK },	/* a hidden link's label */
	{ "texturl", PIECE_MARK },
	{ "mention", PIECE_MARK },
	{ "mentionname", PIECE_MARK },
	{ "textmention", PIECE_MARK },
	{ "hashtag", PIECE_MARK },
	{ "cashtag", PIECE_MARK },
	{ "botcommand", PIECE_MARK },
	{ "email", PIECE_MARK },
	{ "emailaddress", PIECE_MARK },
	{ "phone", PIECE_MARK },
	{ "phonenumber", PIECE_MARK },
	{ "bankcard", PIECE_MARK },
	{ "bankcardnumber", PIECE_MARK },
};

/* The class-name prefixes before the entity's own name, longest first. */
static const char *const piece_prefixes[] = {
	"messageentitytype.",		/* Pyrogram's enum */
	"inputmessageentity",		/* Telethon, for messages being sent */
	"messageentity",		/* Telethon, 4CAT, gramjs */
	"textentitytype",		/* TDLib */
	NULL
};

int
fmt_piece_kind(const char *type, size_t n)
{
	char name[32];
	size_t k = 0, i;

	for (const char *const *p = piece_prefixes; *p; p++) {
		i = strlen(*p);
		if (n > i && ascii_casecmp_n(type, *p, i) == 0) {
			type += i;
			n -= i;
			break;
		}
	}
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)type[i];

		if (c == '_')
			continue;
		if (k == sizeof(name) - 1)
			return PIECE_NONE;
		name[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	name[k] = '\0';
	for (i = 0; i < sizeof(piece_names) / sizeof(piece_names[0]); i++)
		if (strcmp(name, piece_names[i].name) == 0)
			return piece_names[i].kind;
	return PIECE_NONE;
}

void
fmt_pieces_add(struct fmt_pieces *p, size_t off, size_t len, int link)
{
	if (len == 0)
		return;
	if (p->n == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 8;
		p->v = xrealloc(p->v, p->cap * sizeof(*p->v));
	}
	p->v[p->n++] = (struct text_piece){ off, len, link };
}

/* One edge of an entity, in code units, and the entity it belongs to. */
struct edge {
	size_t		 units;
	size_t		 piece;
	int		 end;
};

static int
by_units(const void *a, const void *b)
{
	const struct edge *x = a, *y = b;

	return x->units < y->units ? -1 : x->units > y->units;
}

/* Earlier first; at one offset the longer, as Telegram orders nested entities. */
static int
by_offset(const void *a, const void *b)
{
	const struct text_piece *x = a, *y = b;

	if (x->off != y->off)
		return x->off < y->off ? -1 : 1;
	return x->len > y->len ? -1 : x->len < y->len;
}

/*
 * The bytes of the UTF-8 character at s[i] (1 for a byte that starts no
 * valid character), and in *units how many UTF-16 code units it is.
 */
static size_t
char_at(const unsigned char *s, size_t i, size_t n, size_t *units)
{
	unsigned char c = s[i];
	size_t len = c < 0x80 ? 1 : c >= 0xc2 && c < 0xe0 ? 2 : c >= 0xe0 && c < 0xf0 ? 3 :
	    c >= 0xf0 && c < 0xf5 ? 4 : 0;

	*units = 1;
	if (len <= 1 || n - i < len)
		return 1;
	for (size_t k = 1; k < len; k++)
		if ((s[i + k] & 0xc0) != 0x80)
			return 1;
	if (len == 4)
		*units = 2;	/* a surrogate pair */
	return len;
}

void
fmt_pieces_utf16(struct fmt_pieces *p, const char *text, size_t len)
{
	const unsigned char *s = (const unsigned char *)text;
	struct edge *e;
	size_t ne = 0, i = 0, u = 0, cu, k, kept = 0;
	size_t *start, *end;

	if (p->n == 0)
		return;
	e = xmalloc(2 * p->n * sizeof(*e));
	start = xmalloc(2 * p->n * sizeof(*start));
	end = start + p->n;
	for (k = 0; k < p->n; k++) {
		/* An entity past any text's length gives SIZE_MAX: no byte. */
		e[ne++] = (struct edge){ p->v[k].off, k, 0 };
		e[ne++] = (struct edge){ p->v[k].len > SIZE_MAX - p->v[k].off ? SIZE_MAX :
		    p->v[k].off + p->v[k].len, k, 1 };
	}
	qsort(e, ne, sizeof(*e), by_units);
	/* One walk over the text: code unit u starts at byte i. */
	for (k = 0; k < ne; k++) {
		while (u < e[k].units && i < len) {
			i += char_at(s, i, len, &cu);
			u += cu;
		}
		/* Beyond the text, or inside a surrogate pair: no edge. */
		(e[k].end ? end : start)[e[k].piece] = u == e[k].units ? i : SIZE_MAX;
	}
	for (k = 0; k < p->n; k++) {
		if (start[k] == SIZE_MAX || end[k] == SIZE_MAX || end[k] <= start[k])
			continue;
		p->v[kept++] = (struct text_piece){ start[k], end[k] - start[k], p->v[k].link };
	}
	p->n = kept;
	free(e);
	free(start);
	fmt_pieces_apart(p);
}

void
fmt_pieces_apart(struct fmt_pieces *p)
{
	size_t kept = 0, last_end = 0;

	qsort(p->v, p->n, sizeof(*p->v), by_offset);
	/* As Telegram Desktop writes entities: one that starts inside another is dropped. */
	for (size_t k = 0; k < p->n; k++) {
		if (p->v[k].off < last_end)
			continue;
		p->v[kept++] = p->v[k];
		last_end = p->v[k].off + p->v[k].len;
	}
	p->n = kept;
}

void
fmt_pieces_free(struct fmt_pieces *p)
{
	free(p->v);
}
