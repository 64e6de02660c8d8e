/*
 * keys: what a link points at. Classifies a link as extract writes it
 * (refanged, any case, maybe without a scheme, maybe tg:) into a platform,
 * a kind and a canonical key, so that one channel written five ways gets
 * one key and two channels never share one. PIPELINE.md ("normalize: kinds
 * and keys") is the table.
 *
 *	struct keys *k = keys_new();
 *	keys_classify(k, "https://T.me/s/Durov/42?single", 30, &r);
 *	// r.platform "telegram", r.kind "post", r.key "t.me/durov/42",
 *	// r.channel_key "t.me/durov"
 *	keys_free(k);
 *
 * Ownership: the key and channel_key views point into buffers the struct
 * keys owns; they stay valid until the next keys_classify on the same k.
 * platform and kind are static strings. No allocation per call once the
 * buffers have grown to the longest link seen. Never fails: any input,
 * including binary junk, gives a result (kind "invalid", empty key).
 * Keys are valid UTF-8 without white space or controls: bytes that would
 * break that are written %XX.
 */
#ifndef CROSSLINK_KEYS_H
#define CROSSLINK_KEYS_H

#include <stddef.h>

struct key_result {
	const char	*platform;	/* rules_platform(), else ours, else "web" */
	const char	*kind;		/* invite folder channel post proxy sticker
					   contact file paste archive shortener
					   other invalid */
	const char	*key;		/* canonical identity; "" for other/invalid */
	size_t		 key_len;
	const char	*channel_key;	/* owning channel of a post, else "" */
	size_t		 channel_key_len;
	/*
	 * NULL, or why a row of the platform table could not be tried (a
	 * PCRE2 match or depth limit on a hostile link): the result is
	 * that of the other rows, and the caller reports the link.
	 */
	const char	*error;
};

struct keys;

struct keys	*keys_new(void);

/* Classify len bytes of url (raw, not TSV-escaped) into *r. */
void		 keys_classify(struct keys *k, const char *url, size_t len,
		    struct key_result *r);

void		 keys_free(struct keys *k);

#endif
