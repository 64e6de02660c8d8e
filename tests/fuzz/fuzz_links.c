/*
 * fuzz_links: the link finder and refanging on any bytes, in both modes.
 * Every hit lies in memory the finder owns, is non-empty, holds no white
 * space or control byte, and names a platform; the same line scanned twice
 * gives the same hits (no state leaks from one line to the next); and text
 * in which links_first_sign sees no sign gives no hit (extract skips such
 * lines unread).
 */
#include "fuzz.h"

#include <string.h>

#include "links.h"

static struct links *known, *all;
static unsigned long hits;
static unsigned long long sum;

static void
check(void *ctx, const struct link_hit *h)
{
	(void)ctx;
	FUZZ_ASSERT(h->len > 0 && h->platform != NULL && h->written != NULL);
	for (size_t i = 0; i < h->len; i++) {
		unsigned char c = (unsigned char)h->url[i];
		FUZZ_ASSERT(c > ' ' && c != 0x7f);
		sum = sum * 31 + c;
	}
	hits++;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned long n1, n2;
	unsigned long long s1;

	if (known == NULL) {
		known = links_new(0);
		all = links_new(LINKS_ALL);
	}
	for (int mode = 0; mode < 2; mode++) {
		struct links *lk = mode ? all : known;
		size_t sign = links_first_sign(lk, (const char *)data, size);

		FUZZ_ASSERT(sign <= size);
		hits = 0;
		sum = 0;
		links_scan(lk, (const char *)data, size, check, NULL);
		n1 = hits;
		s1 = sum;
		hits = 0;
		sum = 0;
		links_scan(lk, (const char *)data, size, check, NULL);
		n2 = hits;
		FUZZ_ASSERT(n1 == n2 && s1 == sum);
		FUZZ_ASSERT(sign < size || n1 == 0);
	}
	return 0;
}
