/*
 * tld: the generated Public Suffix List table, looked up through a hash
 * set built on first use (extract asks for every "x.y" in a log, from two
 * threads: the sifting one and the caller's).
 *	printf 'see report.pdf or t.me/x\n' | extract	# only t.me/x
 * A TLD of another script is looked up by its A-label (libidn2's UTS#46
 * mapping), so "РФ", "рф" and "xn--p1ai" are one TLD whatever their case.
 */
#include <idn2.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "gen_tables.h"
#include "hash.h"
#include "tld.h"
#include "util.h"

/* No TLD is longer than this (the PSL's longest is 24 bytes). */
#define TLD_MAX 64

static struct hash_table	 tlds;
static pthread_once_t		 once = PTHREAD_ONCE_INIT;

/* label (NUL-ended UTF-8) as a lower-case A-label, or NULL; free() it. */
static char *
a_label(const char *label)
{
	char *a = NULL;

	if (idn2_to_ascii_8z(label, &a, IDN2_NONTRANSITIONAL | IDN2_ALLOW_UNASSIGNED) !=
	    IDN2_OK)
		return NULL;
	return a;
}

static void
build(void)
{
	hash_init(&tlds);
	for (size_t i = 0; i < tld_count; i++) {
		const char *t = tld_table[i];
		char *a;

		hash_put(&tlds, t, strlen(t), NULL);
		for (const char *p = t; *p; p++)
			if ((unsigned char)*p >= 0x80) {
				if ((a = a_label(t)) != NULL) {
					hash_put(&tlds, a, strlen(a), NULL);
					free(a);
				}
				break;
			}
	}
}

int
tld_known(const char *label, size_t len)
{
	char low[TLD_MAX + 1], *a;
	int non_ascii = 0, known;

	if (len == 0 || len > TLD_MAX)
		return 0;
	for (size_t i = 0; i < len; i++) {
		low[i] = (char)ascii_lower((unsigned char)label[i]);
		non_ascii |= (unsigned char)label[i] >= 0x80;
	}
	low[len] = '\0';
	if (len > 4 && memcmp(low, "xn--", 4) == 0)
		return 1;
	pthread_once(&once, build);
	if (hash_get(&tlds, low, len) != HASH_NONE)
		return 1;
	if (!non_ascii || memchr(low, '\0', len) != NULL || (a = a_label(low)) == NULL)
		return 0;
	/* "ｍｅ" maps to "me": look-alikes of ASCII TLDs stay unknown */
	known = strncmp(a, "xn--", 4) == 0 && hash_get(&tlds, a, strlen(a)) != HASH_NONE;
	free(a);
	return known;
}
