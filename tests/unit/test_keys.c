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
	/*
	 * IDN: one A-label form from every spelling of a name: any case,
	 * composed or not, full-width or ideographic dots, punycode in any
	 * case (UTS #46 by libidn2, non-transitional: "fa\xc3\x9f" stays)
	 */
	{ "http://B\xc3\xbc" "cher.example/", "other", "xn--bcher-kva.example", "" },
	{ "http://B\xc3\x9c" "CHER.example/", "other", "xn--bcher-kva.example", "" },
	{ "http://bu\xcc\x88" "cher.example/", "other", "xn--bcher-kva.example", "" },
	{ "http://XN--BCHER-KVA.example/", "other", "xn--bcher-kva.example", "" },
	{ "https://\xd0\x9f\xd0\xa0\xd0\x98\xd0\x9c\xd0\x95\xd0\xa0.\xd1\x80\xd1\x84/",
	    "other", "xn--e1afmkfd.xn--p1ai", "" },
	{ "https://\xd0\x9f\xd1\x80\xd0\x98\xd0\xbc\xd0\x95\xd1\x80.\xd0\xa0\xd1\x84/x",
	    "other", "xn--e1afmkfd.xn--p1ai/x", "" },
	{ "\xd0\xbf\xd1\x80\xd0\xb8\xd0\xbc\xd0\xb5\xd1\x80\xef\xbc\x8e\xd1\x80\xd1\x84",
	    "other", "xn--e1afmkfd.xn--p1ai", "" },
	{ "https://%D0%BF%D1%80%D0%B8%D0%BC%D0%B5%D1%80\xe3\x80\x82\xd1\x80\xd1\x84.",
	    "other", "xn--e1afmkfd.xn--p1ai", "" },
	{ "https://fa\xc3\x9f.de/", "other", "xn--fa-hia.de", "" },
	{ "https://\xef\xbd\x94\xef\xbc\x8e\xef\xbd\x8d\xef\xbd\x85/Durov", "channel",
	    "t.me/durov", "" },
	/* a host libidn2 refuses is kept as written, ASCII lowercased */
	{ "https://I\xe2\x9d\xa4.WS/", "other", "i\xe2\x9d\xa4.ws", "" },
	{ "https://-X.\xd1\x80\xd1\x84/", "other", "-x.\xd1\x80\xd1\x84", "" },
	{ "https://\xff.com/x", "other", "%FF.com/x", "" },
	/*
	 * keys are valid UTF-8: every byte that is not part of valid UTF-8,
	 * and C1 controls, are %XX, whoever made the key
	 */
	{ "tg://proxy?server=%FF&port=443&secret=abc", "invalid",
	    "tg://proxy?server=%FF&port=443&secret=abc", "" },
	{ "https://t.me/proxy?server=%C3", "invalid", "t.me/proxy?server=%C3", "" },
	{ "https://t.me/proxy?server=%C3&port=443&secret=dd000102030405060708090a0b0c0d0e0f",
	    "invalid", "t.me/proxy?port=443&secret=dd000102030405060708090a0b0c0d0e0f&server=%C3", "" },
	{ "tg://socks?server=\xd0\x9f\xd1\x80\xd0\xb8\xd0\xbc\xd0\xb5\xd1\x80.\xd1\x80\xd1\x84.&port=1",
	    "proxy", "t.me/socks?server=xn--e1afmkfd.xn--p1ai&port=1", "" },
	{ "https://matrix.to/#/%23r%FF:x.org", "channel", "matrix.to/#/#r%FF:x.org", "" },
	{ "https://matrix.to/#/%23r%C2%85:x.org", "channel", "matrix.to/#/#r%C2%85:x.org", "" },
	{ "https://matrix.to/#/%23\xd0\xba\xd0\xbe\xd1\x82:x.org", "channel",
	    "matrix.to/#/#\xd0\xba\xd0\xbe\xd1\x82:x.org", "" },
	{ "https://web.archive.org/web/2019/https://ex.com/\xff", "archive",
	    "web.archive.org/web/2019/https://ex.com/%FF", "" },
	{ "https://ex.com/\xe2\x82", "other", "ex.com/%E2%82", "" },
	{ "t.me/+ab\xff" "cd", "invalid", "t.me/+ab%FFcd", "" },
	{ "https://pastebin.com/\xc2\x85x", "invalid", "pastebin.com/%C2%85x", "" },
	{ "xyz:\xed\xa0\x80\xf4\x90\x80\x80\xc0\xaf\xe0\x80\xaf", "invalid",
	    "xyz:%ED%A0%80%F4%90%80%80%C0%AF%E0%80%AF", "" },
	/* generic: query sorted, tracking gone, escapes in one spelling */
	{ "https://ex.com/p?b=%2f&a=1&utm_medium=x", "other", "ex.com/p?a=1&b=%2F", "" },
	{ "https://ex.com/%d0%bf", "other", "ex.com/%D0%BF", "" },
	{ "https://ex.com/\xd0\xbf", "other", "ex.com/%D0%BF", "" },
};

/*
 * Valid UTF-8 without a C1 control, checked apart from the module: decode
 * each sequence and look at the code point it gives.
 */
static int
good_text(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;

	for (size_t i = 0; i < n; ) {
		unsigned long cp = u[i];
		size_t len = cp < 0x80 ? 1 : (cp & 0xe0) == 0xc0 ? 2 :
		    (cp & 0xf0) == 0xe0 ? 3 : (cp & 0xf8) == 0xf0 ? 4 : 0;

		if (len == 0 || i + len > n)
			return 0;
		if (len > 1)
			cp &= 0x3fu >> (len - 1);
		for (size_t j = 1; j < len; j++) {
			if ((u[i + j] & 0xc0) != 0x80)
				return 0;
			cp = cp << 6 | (u[i + j] & 0x3f);
		}
		if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) ||
		    (len == 4 && cp < 0x10000) || cp > 0x10ffff ||
		    (cp >= 0xd800 && cp <= 0xdfff) || (cp >= 0x80 && cp <= 0x9f))
			return 0;
		i += len;
	}
	return 1;
}

static int
same(const char *p, size_t n, const char *s)
{
	return n == strlen(s) && memcmp(p, s, n) == 0;
}

/* Links with two escaped bytes in what each kind of key is made of. */
static const char *const forms[] = {
	"tg://proxy?server=%%%02X%%%02X&port=443&secret=dd000102030405060708090a0b0c0d0e0f",
	"https://t.me/socks?server=a%%%02X%%%02X&port=1",
	"https://matrix.to/#/%%23r%%%02X%%%02X:x.org/$e",
	"https://x.com/a%%%02X%%%02X/status/1",
	"https://vk.com/%%%02X%%%02X",
	"https://go.rocket.chat/invite?host=a%%%02X%%%02X&path=invite%%2Fx",
	"https://web.archive.org/web/2019/%%%02X%%%02X",
	"https://%%%02X%%%02X.example/",
	"lbry://@a%%%02X%%%02X/b",
	"mailto:%%%02X%%%02X",
};

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
			CHECK(good_text(r.key, r.key_len));
		}
	/* Every pair of bytes, decoded from escapes, in links of every handler. */
	for (size_t f = 0; f < sizeof(forms) / sizeof(forms[0]); f++)
		for (int c = 0x80; c < 256; c++)
			for (int d = 0; d < 256; d += 7) {
				char buf[200];
				int len = snprintf(buf, sizeof(buf), forms[f], c, d);

				keys_classify(k, buf, (size_t)len, &r);
				CHECK(good_text(r.key, r.key_len));
				CHECK(good_text(r.channel_key, r.channel_key_len));
			}
	free(big);
	keys_free(k);
	return check_done();
}
