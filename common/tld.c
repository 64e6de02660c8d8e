/*
 * tld: the generated Public Suffix List table, looked up through a hash
 * set built on first use (extract asks for every "x.y" in a log, from two
 * threads: the sifting one and the caller's).
 *	printf 'see report.pdf or t.me/x\n' | extract	# only t.me/x
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "gen_tables.h"
#include "hash.h"
#include "tld.h"
#include "util.h"

/* No TLD is longer than this (the PSL's longest is 24 bytes). */
#define TLD_MAX 64

static uint32_t		*slots;		/* index + 1 into tld_table; 0: empty */
static size_t		 mask;		/* slots - 1, a power of two less one */
static pthread_once_t	 once = PTHREAD_ONCE_INIT;

/* At most half full: probes stay short. */
static void
build(void)
{
	size_t n = 16, k;

	while (n < 2 * tld_count)
		n *= 2;
	slots = xcalloc(n, sizeof(*slots));
	mask = n - 1;
	for (size_t i = 0; i < tld_count; i++) {
		for (k = hash_bytes(tld_table[i], strlen(tld_table[i])) & mask; slots[k];
		    k = (k + 1) & mask)
			;
		slots[k] = (uint32_t)i + 1;
	}
}

int
tld_known(const char *label, size_t len)
{
	char low[TLD_MAX];
	const char *t;

	if (len == 0 || len > TLD_MAX)
		return 0;
	for (size_t i = 0; i < len; i++)
		low[i] = (char)ascii_lower((unsigned char)label[i]);
	if (len > 4 && memcmp(low, "xn--", 4) == 0)
		return 1;
	pthread_once(&once, build);
	for (size_t k = hash_bytes(low, len) & mask; slots[k]; k = (k + 1) & mask) {
		t = tld_table[slots[k] - 1];
		if (strlen(t) == len && memcmp(t, low, len) == 0)
			return 1;
	}
	return 0;
}
