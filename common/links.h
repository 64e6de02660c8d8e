/*
 * links: find every link a human reader would see in one message, on
 * hostile text (rules R1-R27, each with its cases in tests/unit/test_links.c).
 * The text is refanged first (refang.h); links are the refanged bytes, kept
 * as written otherwise (no scheme added, case kept), with their platform
 * from the rules table (rules.h) and how they were written.
 *
 *	struct links *lk = links_new(LINKS_ALL);
 *	links_scan(lk, text, len, emit, ctx);	// emit(ctx, &hit) per link
 *	links_free(lk);
 *
 * Ownership: hit->url points into a buffer the struct links owns (or into
 * the caller's text when nothing was refanged): valid until the next
 * links_scan on the same struct. platform and written are static strings.
 * No allocation per call once the buffers have grown to the longest line.
 * Time is linear in the line length, whatever the line holds (invalid
 * UTF-8, runs of brackets or dots, megabytes without a space).
 */
#ifndef CROSSLINK_LINKS_H
#define CROSSLINK_LINKS_H

#include <stddef.h>

struct link_hit {
	const char	*url;		/* the refanged link; not NUL-terminated */
	size_t		 len;
	const char	*platform;	/* "telegram" ..., "web" or "custom" */
	const char	*written;	/* plain defanged spaced unicode invisible */
};

/* links_new flags */
#define LINKS_ALL	0x1u	/* also links of no known platform ("web") */

struct links;

/*
 * A finder. Compiling our patterns cannot fail on a working PCRE2; if it
 * does, that is reported and the program exits 2.
 */
struct links	*links_new(unsigned flags);

/*
 * Add a user's PCRE2 pattern (extract -e): every match, in the refanged
 * text, is a hit of platform "custom", kept whatever -p says. A bad pattern
 * is reported ("PROG: -e PATTERN: what at offset N") and gives -1.
 */
int		 links_add_pattern(struct links *lk, const char *pattern);

/*
 * Keep only links of these platforms ("telegram,whatsapp"; "web" keeps
 * links of no known platform even without LINKS_ALL). An unknown name is
 * reported and gives -1.
 */
int		 links_platform_filter(struct links *lk, const char *comma_list);

typedef void	 links_fn(void *ctx, const struct link_hit *hit);

/*
 * Call emit for every link of text[0..len), in order of appearance
 * (duplicates kept). Returns the number of hits, or -1 when a -e pattern
 * or one of our own hit a PCRE2 error or limit (links_error says which;
 * the search went on past it and the hits found are still emitted).
 */
long		 links_scan(struct links *lk, const char *text, size_t len,
		    links_fn *emit, void *ctx);

/*
 * For skipping quiet lines unread: the offset in text[0..len) (any number
 * of whole lines) of the first byte a link needs, or len when no line
 * there can hold a link. A line in which this finds nothing gives no hit
 * from links_scan; the converse is not so (most signs are decoys: "3.5",
 * "report.pdf"). One vector pass, many times faster than links_scan.
 * With a -e pattern it returns 0: those may match anything.
 */
size_t		 links_first_sign(const struct links *lk, const char *text, size_t len);

/*
 * PCRE2's match and depth limits for every pattern (defaults 10,000,000
 * and 100,000; 0 keeps one as it is), for tests that make a match fail.
 */
void		 links_set_limits(struct links *lk, unsigned match, unsigned depth);

/* The message of the last -1 from links_scan. */
const char	*links_error(const struct links *lk);

void		 links_free(struct links *lk);

#endif
