/*
 * keys_int: what the keys module's own files share (keys.c classifies and
 * reads the platform table; keys_telegram.c and keys_platforms.c hold the
 * C handlers rows name). Not for use outside keys_*.c. The handlers read
 * links through url.h and call nothing in keys.c.
 */
#ifndef CROSSLINK_KEYS_INT_H
#define CROSSLINK_KEYS_INT_H

#include <stddef.h>

#include "buf.h"
#include "keys.h"
#include "table.h"
#include "url.h"

struct keys {
	struct buf	 key, chan;	/* the result views point here */
	struct url_space us;		/* decoded parts of the link */
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

/* Set the kind; the key and channel key start again empty. */
static inline void
set_kind(struct keys *k, struct key_result *r, const char *kind)
{
	r->kind = kind;
	k->key.n = 0;
	k->chan.n = 0;
}

/* Telegram (keys_telegram.c). */
void	 keys_tg_web(struct keys *k, struct url *u, struct key_result *r);
void	 keys_tg_scheme(struct keys *k, const char *s, size_t n, struct key_result *r);

/*
 * The C handlers a table row may name ("@telegram"): the shapes a row
 * cannot say. A web handler reads a parsed link; a scheme handler, the
 * whole link ("tg:resolve?domain=x"). keys_platforms.c holds the list.
 */
typedef void web_handler(struct keys *k, struct url *u, struct key_result *r);
typedef void scheme_handler(struct keys *k, const char *s, size_t n,
	    struct key_result *r);

/*
 * A rewrite handler reads a link of its own scheme as a link of host
 * *host (its path and query in *u), which that host's rows then key.
 */
typedef int rewrite_handler(const char *s, size_t n, struct url *u,
	    const char **host);

struct handler {
	const char	*name;
	web_handler	*web;
	scheme_handler	*scheme;
	rewrite_handler	*rewrite;
};

const struct handler *keys_handler(const char *name);

#endif
