/*
 * tld: the generated Public Suffix List table, looked up through a hash
 * set built on first use (extract asks for every "x.y" in a log, from two
 * threads: the sifting one and the caller's).
 *	printf 'see report.pdf or t.me/x\n' | extract	# only t.me/x
 */
#include <pthread.h>
#include <string.h>

#include "gen_tables.h"
#include "hash.h"
#include "tld.h"
#include "util.h"

/* No TLD is longer than this (the PSL's longest is 24 bytes). */
#define TLD_MAX 64

static struct hash_table	 tlds;
static pthread_once_t		 once = PTHREAD_ONCE_INIT;

static void
build(void)
{
	hash_init(&tlds);
	for (size_t i = 0; i < tld_count; i++)
		hash_put(&tlds, tld_table[i], strlen(tld_table[i]), NULL);
}

int
tld_known(const char *label, size_t len)
{
	char low[TLD_MAX];

	if (len == 0 || len > TLD_MAX)
		return 0;
	for (size_t i = 0; i < len; i++)
		low[i] = (char)ascii_lower((unsigned char)label[i]);
	if (len > 4 && memcmp(low, "xn--", 4) == 0)
		return 1;
	pthread_once(&once, build);
	return hash_get(&tlds, low, len) != HASH_NONE;
}
