/*
 * fuzz_keys: normalize's URL parsing and key rules on any bytes. A result
 * always has a platform and a kind; a key holds no white space or control
 * byte; only a link of white space alone has no key; and the key of a channel, invite,
 * folder or post, read again as a link, keeps its platform and gives itself
 * back (such keys are fixed points), the property that makes "the same
 * channel written five ways" count once. Other kinds may drop what a link
 * needs to work (a proxy's secret), so their keys are identities only.
 */
#include "fuzz.h"

#include <string.h>

#include "keys.h"

static struct keys *k, *k2;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct key_result r, r2;

	if (k == NULL) {
		k = keys_new();
		k2 = keys_new();
	}
	keys_classify(k, (const char *)data, size, &r);
	FUZZ_ASSERT(r.platform != NULL && r.kind != NULL);
	for (size_t i = 0; i < r.key_len; i++)
		FUZZ_ASSERT((unsigned char)r.key[i] > ' ' && r.key[i] != 0x7f);
	if (r.key_len == 0)
		for (size_t i = 0; i < size; i++)
			FUZZ_ASSERT(strchr(" \t\n\r\f\v", data[i]) != NULL && data[i]);
	if (r.key_len > 0 && (strcmp(r.kind, "channel") == 0 || strcmp(r.kind, "invite") == 0 ||
	    strcmp(r.kind, "folder") == 0 || strcmp(r.kind, "post") == 0)) {
		keys_classify(k2, r.key, r.key_len, &r2);
		if (!(r2.key_len == r.key_len && memcmp(r2.key, r.key, r.key_len) == 0 &&
		    strcmp(r2.platform, r.platform) == 0)) {
			fprintf(stderr, "key not a fixed point: \"%.*s\" -> \"%.*s\" (%s -> %s)\n",
			    (int)r.key_len, r.key, (int)r2.key_len, r2.key, r.platform, r2.platform);
			abort();
		}
	}
	return 0;
}
