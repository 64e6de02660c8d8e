/*
 * keys_int: the parts of the keys module its own files share (keys.c parses
 * and dispatches, keys_telegram.c and keys_platforms.c hold the per-platform
 * rules). Not for use outside keys_*.c.
 */
#ifndef CROSSLINK_KEYS_INT_H
#define CROSSLINK_KEYS_INT_H

#include <stddef.h>

#include "buf.h"
#include "keys.h"
#include "table.h"

/*
 * Link-time names carry the module prefix (libcommon.a is shared by every
 * module); the short names keep the rule code readable.
 */
#define hexval           keys_hexval
#define veq              keys_veq
#define vcaseeq          keys_vcaseeq
#define vprefix          keys_vprefix
#define all_digits       keys_all_digits
#define all_of           keys_all_of
#define lead_num         keys_lead_num
#define decode           keys_decode
#define scratch_alloc    keys_scratch_alloc
#define split_segments   keys_split_segments
#define qget             keys_qget
#define parse_url        keys_parse_url
#define set_kind         keys_set_kind
#define generic_key      keys_generic_key
#define tg_web           keys_tg_web
#define tg_scheme        keys_tg_scheme
#define tg_username      keys_tg_username
#define classify_rows    keys_classify_rows

#define KEYS_MAXSEG 12		/* path segments kept; the rest are counted */

struct view {
	const char	*p;
	size_t		 n;
};

/* One link, split. Raw parts point into the caller's url. */
struct url {
	struct view	 scheme;	/* raw, may be empty */
	struct view	 host;		/* decoded, lowercased, IDN as xn--; in k->host */
	struct view	 host_bare;	/* host without "www." */
	struct view	 sub;		/* first label when matched as a subdomain */
	long		 port;		/* -1: none written, or not a port */
	struct view	 port_raw;	/* as written, after the ":" */
	int		 has_user;	/* user@ before the host */
	struct view	 user;		/* raw, without its "@" */
	int		 odd;		/* http: without //, or a bad port */
	struct view	 path;		/* raw, from the first "/" (or empty) */
	struct view	 query;		/* raw, after "?"; p NULL when absent */
	struct view	 frag;		/* raw, after "#"; p NULL when absent */
	size_t		 nseg;		/* decoded non-empty segments (all) */
	struct view	 seg[KEYS_MAXSEG];
};

struct keys {
	struct buf	 key, chan;	/* the result views point here */
	struct buf	 host;		/* normalised host */
	char		*scratch;	/* decoded segments and values */
	size_t		 scratch_n, scratch_cap;
	struct view	*qv;		/* query parameters, for sorting */
	size_t		 qv_cap;
	struct table_match match;	/* captures of the row that matched */
};

/* Kinds: string literals, so static. */
#define KIND_INVITE     "invite"
#define KIND_FOLDER     "folder"
#define KIND_CHANNEL    "channel"
#define KIND_POST       "post"
#define KIND_PROXY      "proxy"
#define KIND_STICKER    "sticker"
#define KIND_CONTACT    "contact"
#define KIND_FILE       "file"
#define KIND_PASTE      "paste"
#define KIND_ARCHIVE    "archive"
#define KIND_SHORTENER  "shortener"
#define KIND_OTHER      "other"
#define KIND_INVALID    "invalid"

static inline void
buf_addv(struct buf *b, struct view v)
{
	buf_add(b, v.p, v.n);
}

/* Bytes. */
int	 hexval(int c);
int	 veq(struct view v, const char *s);	/* exact */
int	 vcaseeq(struct view v, const char *s);	/* ASCII case-insensitive */
int	 vprefix(struct view v, const char *s);
int	 all_digits(const char *s, size_t n);
int	 all_of(const char *s, size_t n, const char *extra);	/* alnum + extra */
/* Leading decimal digits as TDLib reads them: 0 when none or too large. */
unsigned long long lead_num(const char *s, size_t n);

/*
 * Percent-decode into the call's scratch space; plus_space turns "+" into
 * a space (query values). The view lives until the next keys_classify.
 */
struct view decode(struct keys *k, const char *s, size_t n, int plus_space);

/* n bytes of scratch space for this call, or NULL when it is used up. */
char	*scratch_alloc(struct keys *k, size_t n);

/* Split u->path on "/" into decoded segments, dropping empty ones. */
void	 split_segments(struct keys *k, struct url *u);
/*
 * Query parameter name (exact): 1 and *val (decoded) if present, with or
 * without "=", else 0.
 */
int	 qget(struct keys *k, const struct url *u, const char *name,
	    struct view *val, int plus_space);

/* Parse an http-like link (scheme optional) into u; -1 when it has no host. */
int	 parse_url(struct keys *k, const char *s, size_t n, struct url *u);

/* Results. */
void	 set_kind(struct keys *k, struct key_result *r, const char *kind);

/* The generic key: host, port, normalised path, sorted query. */
void	 generic_key(struct keys *k, const struct url *u, struct buf *b,
	    int keep_frag);

/* Telegram (keys_telegram.c). */
void	 tg_web(struct keys *k, struct url *u, struct key_result *r);
void	 tg_scheme(struct keys *k, const char *s, size_t n, struct key_result *r);
int	 tg_username(const char *s, size_t n);

/*
 * The C handlers a table row may name ("@telegram"): the shapes a row
 * cannot say. A web handler reads a parsed link; a scheme handler, the
 * whole link ("tg:resolve?domain=x"). keys_platforms.c holds the list.
 */
typedef void web_handler(struct keys *k, struct url *u, struct key_result *r);
typedef void scheme_handler(struct keys *k, const char *s, size_t n,
	    struct key_result *r);

struct handler {
	const char	*name;
	web_handler	*web;
	scheme_handler	*scheme;
};

const struct handler *keys_handler(const char *name);

/*
 * Kind and key of u by rows[0..n) (a host's rows in the table): the first
 * row whose shape u has decides; none does, kind other. 0 when no row
 * spoke.
 */
int	 classify_rows(struct keys *k, const struct table_row *const *rows,
	    size_t n, struct url *u, struct key_result *r);

#endif
