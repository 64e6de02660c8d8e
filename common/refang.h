/*
 * refang: undo the ways people break links so filters miss them (rules R20-R27
 * of tests/unit/test_links.c): hxxp and h**p schemes, [.] (dot) {.} and friends, [:] [://] [/],
 * a missing colon (https//), spaced dots before a known TLD and a path
 * (t . me/x), ideographic and full-width dots between ASCII letters
 * (t。me), and zero-width or bidi characters inside a link. Anything else is
 * copied as it is: "dot" in a sentence stays a word.
 *
 *	struct refang rf = { 0 };
 *	const char *t = refang_run(&rf, "t[.]me/x", 8, &n);	// "t.me/x", n 6
 *	refang_written(&rf, 0, n);				// "defanged"
 *	refang_free(&rf);
 *
 * The returned text is the input itself when nothing changed, else a buffer
 * rf owns; either stays valid until the next refang_run. Linear time, no
 * allocation once the buffer has grown to the longest line.
 */
#ifndef CROSSLINK_REFANG_H
#define CROSSLINK_REFANG_H

#include <stddef.h>
#include <stdint.h>

enum refang_kind {
	REFANG_INVISIBLE = 1,	/* zero-width or bidi character dropped */
	REFANG_UNICODE,		/* 。 ． ｡ as a dot */
	REFANG_SPACED,		/* "t . me/x" */
	REFANG_DEFANGED		/* hxxp, [.], (dot), [:], https// ... */
};

struct refang_event {
	size_t		 pos;	/* output offset of the change */
	int		 kind;	/* enum refang_kind */
};

struct refang {
	char			*buf;
	size_t			 cap;
	struct refang_event	*ev;	/* changes of the last run, by pos */
	size_t			 nev, cap_ev;
	uint32_t		*mask;	/* where rules may fire, a bit a byte */
	size_t			 cap_mask;
};

/* Refang s[0..n); *outlen gets the length of the result. */
const char	*refang_run(struct refang *rf, const char *s, size_t n, size_t *outlen);

/*
 * How the output bytes [start, end) of the last run were written: "plain",
 * or the strongest change inside: "defanged", "spaced", "unicode",
 * "invisible".
 */
const char	*refang_written(const struct refang *rf, size_t start, size_t end);

void		 refang_free(struct refang *rf);

#endif
