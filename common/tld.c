/*
 * tld: binary search in the generated Public Suffix List table.
 *	printf 'see report.pdf or t.me/x\n' | extract	# only t.me/x
 */
#include <string.h>

#include "gen_tables.h"
#include "tld.h"
#include "util.h"

/* No TLD is longer than this (the PSL's longest is 24 bytes). */
#define TLD_MAX 64

int
tld_known(const char *label, size_t len)
{
	char low[TLD_MAX];
	size_t lo = 0, hi = tld_count;

	if (len == 0 || len > TLD_MAX)
		return 0;
	for (size_t i = 0; i < len; i++)
		low[i] = (char)ascii_lower((unsigned char)label[i]);
	if (len > 4 && memcmp(low, "xn--", 4) == 0)
		return 1;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const char *t = tld_table[mid];
		size_t tl = strlen(t);
		int c = memcmp(t, low, tl < len ? tl : len);

		if (c == 0 && tl == len)
			return 1;
		if (c < 0 || (c == 0 && tl < len))
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}
