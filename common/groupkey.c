/*
 * groupkey: tally writes its groups sorted field by field, not byte by
 * byte, so that "a" comes before "a b" whatever byte follows; and --fill,
 * --cohort and --wide each read one field of a key. See groupkey.h.
 *	tally -g platform,day --sort day
 */
#include <stdint.h>
#include <string.h>

#include "groupkey.h"

int
key_cmp(const char *a, size_t an, const char *b, size_t bn)
{
	size_t i = 0, n = an < bn ? an : bn;
	uint64_t x, y;

	/* Eight bytes at a time to the first difference (keys share prefixes). */
	for (; i + 8 <= n; i += 8) {
		memcpy(&x, a + i, 8);
		memcpy(&y, b + i, 8);
		if (x != y)
			break;
	}
	for (; i < n && a[i] == b[i]; i++)
		;
	if (i == n)
		return (an > bn) - (an < bn);
	if (a[i] == '\t')
		return -1;
	if (b[i] == '\t')
		return 1;
	return (unsigned char)a[i] < (unsigned char)b[i] ? -1 : 1;
}

const char *
key_field(const char *k, size_t n, size_t i, size_t *len)
{
	const char *end = k + n, *tab;

	for (;;) {
		tab = memchr(k, '\t', (size_t)(end - k));
		if (i-- == 0) {
			*len = (size_t)((tab ? tab : end) - k);
			return k;
		}
		k = tab ? tab + 1 : end;
	}
}
