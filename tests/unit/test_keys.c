/*
 * test_keys: the keys module, table-driven: kind, key and channel_key of
 * link forms whose answer the tables in testdata/normalize/ do not show
 * (channel keys, hostile bytes, views reused across calls).
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "keys.h"

struct want {
	const char	*url;
	const char	*kind;
	const char	*key;
	const char	*channel_key;
};

static const struct want cases[] = {
	/* channel_key: the owning channel of a post, empty otherwise */
	{ "t.me/s/Durov/42?single", "post", "t.me/durov/42", "t.me/durov" },
	{ "t.me/durov/10/42", "post", "t.me/durov/42", "t.me/durov" },
	{ "t.me/c/777/5", "post", "t.me/c/777/5", "t.me/c/777" },
	{ "tg://privatepost?channel=777&post=5", "post", "t.me/c/777/5", "t.me/c/777" },
	{ "tg:resolve?domain=DUROV&post=7", "post", "t.me/durov/7", "t.me/durov" },
	{ "t.me/durov", "channel", "t.me/durov", "" },
	{ "t.me/+AbC", "invite", "t.me/+AbC", "" },
	{ "https://x.com/Jack/status/20", "post", "x.com/jack/status/20", "x.com/jack" },
	{ "https://discord.com/channels/1/2/3", "post", "discord.com/channels/1/2/3",
	    "discord.com/channels/1/2" },
	{ "https://vk.com/wall-5_6", "post", "vk.com/wall-5_6", "vk.com/club5" },
	{ "https://vk.com/wall5_6", "post", "vk.com/wall5_6", "vk.com/id5" },
	{ "https://gab.com/U_ser/posts/9", "post", "gab.com/u_ser/posts/9", "gab.com/u_ser" },
	{ "https://matrix.to/#/!r:x.org/$e", "post", "matrix.to/#/!r:x.org/$e",
	    "matrix.to/#/!r:x.org" },
	/* leading and trailing white space is not part of a link */
	{ "  t.me/durov \r\n", "channel", "t.me/durov", "" },
	/*
	 * hostile and broken input: never a crash; the link, normalised, is
	 * its key (never the key of a valid link), and only "" has none
	 */
	{ "", "invalid", "", "" },
	{ "://", "invalid", "://", "" },
	{ "tg:", "invalid", "tg:", "" },
	{ "t.me/%", "invalid", "t.me/%", "" },
	{ "t.me/%zz", "invalid", "t.me/%zz", "" },
	{ "https://[::1", "invalid", "https://[::1", "" },
	{ "https://ex ample.com/", "invalid", "https://ex%20ample.com/", "" },
	{ "https://t.me:99999999999/durov", "invalid", "t.me:99999999999/durov", "" },
	{ "https://user@t.me/durov", "invalid", "user@t.me/durov", "" },
	{ "ftp://t.me/durov", "invalid", "ftp://t.me/durov", "" },
	{ "t.me/c/99999999999999999999999/1", "invalid",
	    "t.me/c/99999999999999999999999/1", "" },
	{ "matrix:", "invalid", "matrix:", "" },
	{ "lbry://", "other", "lbry://", "" },
	/* links of a platform no row knows the shape of: themselves */
	{ "tt.me/join/AbCdEf", "other", "tt.me/join/AbCdEf", "" },
	{ "tt.me/join/ZyXwVu", "other", "tt.me/join/ZyXwVu", "" },
	{ "https://hoopmessenger.com/dl", "other", "hoopmessenger.com/dl", "" },
	{ "https://signal.art/addstickers/#pack_id=a", "other",
	    "signal.art/addstickers#pack_id=a", "" },
	/* an /invite/ path is Rocket.Chat only on a Rocket.Chat host */
	{ "https://initiativeq.com/invite/AbC", "other", "initiativeq.com/invite/AbC", "" },
	{ "https://open.rocket.chat/invite/AbC", "invite", "open.rocket.chat/invite/AbC", "" },
	{ "https://acme.rocket.chat/invite/AbC", "invite", "acme.rocket.chat/invite/AbC", "" },
	/* one community, one key, on vk.com and vk.me alike */
	{ "vk.me/public1", "channel", "vk.com/club1", "" },
	{ "vk.com/public1", "channel", "vk.com/club1", "" },
	{ "vk.me/Durov", "channel", "vk.com/durov", "" },
	{ "vk.me/audio", "other", "vk.me/audio", "" },
	{ "vk.com/audio", "other", "vk.com/audio", "" },
	/* IDN: one A-label form, from UTF-8 or from punycode in any case */
	{ "http://B\xc3\xbc" "cher.example/", "other", "xn--bcher-kva.example", "" },
	{ "http://XN--BCHER-KVA.example/", "other", "xn--bcher-kva.example", "" },
	/* generic: query sorted, tracking gone, escapes in one spelling */
	{ "https://ex.com/p?b=%2f&a=1&utm_medium=x", "other", "ex.com/p?a=1&b=%2F", "" },
	{ "https://ex.com/%d0%bf", "other", "ex.com/%D0%BF", "" },
	{ "https://ex.com/\xd0\xbf", "other", "ex.com/%D0%BF", "" },
};

static int
same(const char *p, size_t n, const char *s)
{
	return n == strlen(s) && memcmp(p, s, n) == 0;
}

int
main(void)
{
	struct keys *k = keys_new();
	struct key_result r;
	size_t i, n = sizeof(cases) / sizeof(cases[0]);
	char *big;

	for (i = 0; i < n; i++) {
		keys_classify(k, cases[i].url, strlen(cases[i].url), &r);
		if (strcmp(r.kind, cases[i].kind) != 0)
			fprintf(stderr, "%s: kind %s\n", cases[i].url, r.kind);
		CHECK(strcmp(r.kind, cases[i].kind) == 0);
		CHECK_MEM(r.key, r.key_len, cases[i].key);
		CHECK_MEM(r.channel_key, r.channel_key_len, cases[i].channel_key);
		CHECK(r.platform != NULL && r.platform[0] != '\0');
	}

	/* The views belong to k: a later call may reuse them. */
	keys_classify(k, "t.me/first", 10, &r);
	CHECK(same(r.key, r.key_len, "t.me/first"));
	keys_classify(k, "t.me/second", 11, &r);
	CHECK(same(r.key, r.key_len, "t.me/second"));

	/* A link longer than any buffer so far: the buffers grow. */
	big = malloc(100000);
	memcpy(big, "https://example.com/", 20);
	memset(big + 20, 'a', 100000 - 20);
	keys_classify(k, big, 100000, &r);
	CHECK(strcmp(r.kind, "other") == 0);
	CHECK(r.key_len == 100000 - 20 + 12);

	/* Every byte value in every position of a short t.me link: a key. */
	for (int pos = 0; pos < 12; pos++)
		for (int c = 0; c < 256; c++) {
			char buf[12];

			memcpy(buf, "t.me/+abcdef", 12);
			buf[pos] = (char)c;
			keys_classify(k, buf, 12, &r);
			CHECK(r.key_len > 0 || (c <= ' ' && (pos == 0 || pos == 11)));
		}
	free(big);
	keys_free(k);
	return check_done();
}
