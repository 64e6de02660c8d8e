/*
 * fuzz_keys: normalize's URL parsing and key rules on any bytes. A result
 * always has a platform and a kind; a key is valid UTF-8 and holds no white
 * space or control byte (C1 included); only a link of white space alone has no key; and the key of a channel, invite,
 * folder or post, read again as a link, keeps its platform and gives itself
 * back (such keys are fixed points), the property that makes "the same
 * channel written five ways" count once. Other kinds may drop what a link
 * needs to work (a proxy's secret), so their keys are identities only.
 */
#include "fuzz.h"

#include <string.h>

#include "keys.h"
#include "url.h"

static struct keys *k, *k2;

/* Valid UTF-8 and no C1 control (U+0080..U+009F). */
static int
utf8_text(const char *s, size_t n)
{
	size_t len;

	for (size_t i = 0; i < n; i += len)
		if ((len = utf8_len(s + i, n - i)) == 0 ||
		    (len == 2 && (unsigned char)s[i] == 0xc2 && (unsigned char)s[i + 1] < 0xa0))
			return 0;
	return 1;
}

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
	FUZZ_ASSERT(utf8_text(r.key, r.key_len));
	FUZZ_ASSERT(utf8_text(r.channel_key, r.channel_key_len));
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
