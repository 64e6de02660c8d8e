/*
 * url: a link split into its parts, its host normalised, and the generic
 * key of a link no rule knows (url.c). Views point into the caller's link
 * or into a struct url_space, whose scratch holds every decoded part of
 * one link: url_space_start sizes it for a link before the parts are read,
 * so no view moves while the link is being read.
 */
#ifndef CROSSLINK_URL_H
#define CROSSLINK_URL_H

#include <stddef.h>
#include <string.h>

#include "buf.h"
#include "util.h"

#define URL_MAXSEG 12		/* path segments kept; the rest are counted */

struct view {
	const char	*p;
	size_t		 n;
};

/* One link, split. Raw parts point into the caller's url. */
struct url {
	struct view	 scheme;	/* raw, may be empty */
	struct view	 host;		/* decoded, lowercased, IDN as xn--; in space */
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
	struct view	 seg[URL_MAXSEG];
};

/* Room for the decoded parts of one link; reused link after link. */
struct url_space {
	struct buf	 host;		/* the normalised host */
	char		*scratch;
	size_t		 scratch_n, scratch_cap;
	struct view	*qv;		/* query parameters, for sorting */
	size_t		 qv_cap;
};

/* Make room for every decode of a link of len bytes (8 x len + 256). */
void		 url_space_start(struct url_space *us, size_t len);
void		 url_space_free(struct url_space *us);

/* n bytes of scratch space for this link, or NULL when it is used up. */
char		*url_scratch(struct url_space *us, size_t n);
/*
 * Percent-decode into scratch; plus_space turns "+" into a space (query
 * values). The view lives until the next url_space_start.
 */
struct view	 url_decode(struct url_space *us, const char *s, size_t n,
		    int plus_space);
/* Parse an http-like link (scheme optional) into u; -1 when it has no host. */
int		 url_parse(struct url_space *us, const char *s, size_t n, struct url *u);
/*
 * Set u's path, query and fragment from s[i..n): the path up to the first
 * "?" or "#", the query after a "?" up to "#", the fragment after "#".
 */
void		 url_split_path(struct url *u, const char *s, size_t i, size_t n);
/* Split u->path on "/" into decoded segments, dropping empty ones. */
void		 url_segments(struct url_space *us, struct url *u);
/*
 * Query parameter name (exact): 1 and *val (decoded) if present, with or
 * without "=", else 0.
 */
int		 url_query(struct url_space *us, const struct url *u, const char *name,
		    struct view *val, int plus_space);
/*
 * The generic key: scheme unless http(s), user@, host, port unless the
 * default, the path's escapes in one spelling without a trailing "/", the
 * query less tracking parameters and sorted, the fragment when keep_frag.
 */
void		 url_key(struct url_space *us, const struct url *u, struct buf *b,
		    int keep_frag);
/* The key of a link of another scheme ("mailto:x"): scheme lowercased. */
void		 url_scheme_key(struct buf *b, const char *s, size_t n, size_t colon);

/*
 * Append a host (percent-decoded) to b in one spelling: trailing dots
 * dropped, ASCII lowercased; a host with non-ASCII bytes goes through
 * libidn2 (UTS #46 non-transitional mapping, then A-labels), so every case,
 * width and Unicode normalisation form of one name, and the ideographic
 * dots, give one host. A host libidn2 refuses is kept as written, ASCII
 * lowercased. -1, b unchanged, when s holds bytes no host has.
 */
int		 url_host_add(struct buf *b, const char *s, size_t n);

/* Bytes. */
int		 all_digits(const char *s, size_t n);
int		 all_of(const char *s, size_t n, const char *extra); /* alnum + extra */
/* Leading decimal digits as TDLib reads them: 0 when none or too large. */
unsigned long long lead_num(const char *s, size_t n);

static inline int
view_eq(struct view v, const char *s)		/* exact */
{
	size_t n = strlen(s);

	return v.n == n && memcmp(v.p, s, n) == 0;
}

static inline int
view_caseeq(struct view v, const char *s)	/* ASCII case-insensitive */
{
	size_t n = strlen(s);

	return v.n == n && ascii_casecmp_n(v.p, s, n) == 0;
}

static inline int
view_prefix(struct view v, const char *s)
{
	size_t n = strlen(s);

	return v.n >= n && memcmp(v.p, s, n) == 0;
}

static inline void
buf_addv(struct buf *b, struct view v)
{
	buf_add(b, v.p, v.n);
}

#endif
