/*
 * test_links: the link finder, rule by rule (R1-R30, each named in a comment
 * above its cases), then the
 * platform filter, -e patterns, invalid UTF-8 and long hostile lines.
 * Each case: a message, the links expected (space-separated, in order; a
 * link never holds a space) and, where it matters, the written value of
 * every link.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "links.h"

struct tcase {
	const char	*rule;
	const char	*text;
	const char	*want;		/* "a b c": the urls, "" for none */
	const char	*written;	/* NULL, or the written values likewise */
};

static const struct tcase cases[] = {
	/* R1 scheme links, any case, glued to the word before */
	{ "R1", "Join https://t.me/abc now", "https://t.me/abc", "plain" },
	{ "R1", "Joinhttps://t.me/x", "https://t.me/x", NULL },
	{ "R1", "claim...https://t.co/x", "https://t.co/x", NULL },
	{ "R1", "test.example@http://vk.com", "http://vk.com", NULL },
	/* a name that is no host does not hide the scheme glued to it */
	{ "R1", "end goal.https://t.me/joinchat/AbC and x.y.hxxp://t[.]me/z", "https://t.me/joinchat/AbC http://t.me/z", NULL },
	{ "R1", "Visit.https://t.me/a then see.http://x.org", "https://t.me/a http://x.org", NULL },
	{ "R1", "HTTP://EXAMPLE.COM/A and Https://Ex.org", "HTTP://EXAMPLE.COM/A Https://Ex.org", NULL },
	{ "R1", "ftp://files.example.org/pub/x.tgz", "ftp://files.example.org/pub/x.tgz", NULL },
	/* R2 hosts after a scheme */
	{ "R2", "http://example.invalid", "http://example.invalid", NULL },
	{ "R2", "http://1.2.3.4/x and http://[::1]:8080/y", "http://1.2.3.4/x http://[::1]:8080/y", NULL },
	{ "R2", "http://localhost:3000/api", "http://localhost:3000/api", NULL },
	{ "R2", "http://999 http://no-tld http://x", "", NULL },
	{ "R2", "https://user:pw@t.me/x", "https://user:pw@t.me/x", NULL },
	{ "R2", "http://пример.рф/путь", "http://пример.рф/путь", NULL },
	{ "R2", "http://1.2.3.999/x", "", NULL },
	/* R3 scheme-less links need a known TLD; bare IPs never */
	{ "R3", "www.example.com and t.me/x", "www.example.com t.me/x", NULL },
	{ "R3", "www.example.invalid", "", NULL },
	{ "R3", "192.168.0.1 and 1[.]1[.]1[.]1", "", NULL },
	{ "R3", "пример.рф", "пример.рф", NULL },
	/* a TLD of another script in any case (its A-label is looked up) */
	{ "R3", "ПРИМЕР.РФ пример.Рф сайт.укр", "ПРИМЕР.РФ пример.Рф сайт.укр", NULL },
	/* R4 unsupported schemes give nothing, nor the host behind them */
	{ "R4", "tcp://x.com sftp://y.com svn+ssh://z.com file:///etc/w.com", "", NULL },
	{ "R4", "mailto:a@b.com javascript:alert(1)", "", NULL },
	/* R5 tg:// deep links */
	{ "R5", "tg://resolve?domain=durov", "tg://resolve?domain=durov", NULL },
	{ "R5", "open tg://join?invite=AbC-1, then", "tg://join?invite=AbC-1", NULL },
	{ "R5", "tg://msg-url?url=x tg://a--b tg://c-", "tg://msg-url?url=x tg://a--b tg://c", NULL },
	/* R6 left boundary of scheme-less links */
	{ "R6", "قناتناt.me/x", "t.me/x", NULL },
	{ "R6", "каналt.me/x", "t.me/x", NULL },
	{ "R6", "日本語です。example.com", "example.com", NULL },
	{ "R6", "Telegram:t.me/x \"t.me/y\" (t.me/z) 🔥t.me/e", "t.me/x t.me/y t.me/z t.me/e", NULL },
	{ "R6", "_t.me/x -t.me/x .t.me/x @t.me/x #t.me/x $t.me/x /t.me/x \\t.me/x", "", NULL },
	{ "R6", "user@example.com ＠example.com ＃example.com", "", NULL },
	{ "R6", "/path/to/file.pl W64/BURNTCIGAR.CA!tr //host.com", "", NULL },
	{ "R6", "éxample.com", "éxample.com", NULL },
	{ "R6", "http://✪df.ws/123 see//✪✪x.com", "", NULL },
	/* R7 host syntax: one script class per label */
	{ "R7", "example.comだよね", "example.com", NULL },
	{ "R7", "t.meقناة", "t.me", NULL },
	/* one Greek or Cyrillic look-alike inside a Latin label */
	{ "R7", "ｙoυrｂａｎｋ.com pаypal.com/x abcкаt.me/x", "ｙoυrｂａｎｋ.com pаypal.com/x t.me/x", NULL },
	{ "R7", "-bad.com a_b.example.com x.a_b.com", "a_b.example.com", NULL },
	{ "R7", "bad-.com", "", NULL },
	/* R8 a domain that "@" follows is an e-mail's local part */
	{ "R8", "john.doe.gov@mail.com name.al+lastname@foo.com", "", NULL },
	{ "R8", "write to info@t.me or t.me/x", "t.me/x", NULL },
	/* R9 known TLDs from the PSL */
	{ "R9", "report.pdf node.js test.tar.bz2 setup.exe", "", NULL },
	{ "R9", "see example.co.uk and foo.xn--p1ai", "example.co.uk foo.xn--p1ai", NULL },
	/* R10 mixed-case TLD */
	{ "R10", "outside.In nowhere.My 1.Mo", "", NULL },
	{ "R10", "GOOGLE.COM T.me/x MLB.tv", "GOOGLE.COM T.me/x MLB.tv", NULL },
	{ "R10", "http://outside.In", "http://outside.In", NULL },
	/* ... but a platform's host with a path is a link in any case */
	{ "R10", "tElEGrAM.dOg/pump wHaTsApP.CoM/x Outside.In/x", "tElEGrAM.dOg/pump wHaTsApP.CoM/x", NULL },
	/* R11 numbers are not domains */
	{ "R11", "version 2.0.zip and 1,420.00.zip", "", NULL },
	{ "R11", "163.com 360.cn", "163.com 360.cn", NULL },
	/* R12 file names; TLDs that are common file extensions need a path */
	{ "R12", "open report.pdf, then notes.txt", "", NULL },
	{ "R12", "see README.md, main.py and setup.sh", "", NULL },
	{ "R12", "bun.sh/docs www.example.md http://x.md", "bun.sh/docs www.example.md http://x.md", NULL },
	/* what curl or wget fetches is a host */
	{ "R12", "curl -sSL lama.sh | sh; wget get.sh; run get.sh; \"curl x.sh\" ```wget y.sh", "lama.sh get.sh x.sh y.sh", NULL },
	/* R13 hard terminators */
	{ "R13", "t.me/a\xc2\xa0next t.me/b\xe3\x80\x80next", "t.me/a t.me/b", NULL },
	{ "R13", "<t.me/a> \"t.me/b\" `t.me/c` t.me/d|x t.me/e\\f", "t.me/a t.me/b t.me/c t.me/d t.me/e", NULL },
	{ "R13", "«t.me/a» “t.me/b” t.me/c。 t.me/d， t.me/e… t.me/f—x", "t.me/a t.me/b t.me/c t.me/d t.me/e t.me/f", NULL },
	{ "R13", "t.me/a،x t.me/b؟ t.me/c👍 t.me/d→ t.me/e✅", "t.me/a t.me/b t.me/c t.me/d t.me/e", NULL },
	/* bidi controls end a link, unless glued inside it (then R25 drops them) */
	{ "R13", "t.me/a\xe2\x80\x8f t.me/c\xe2\x81\xa6\xd8\xa7", "t.me/a t.me/c", NULL },
	{ "R25", "t.me/a\xe2\x80\x8f" "b", "t.me/ab", "invisible" },
	{ "R13", "example.com/price¥100", "example.com/price¥100", NULL },
	/* R14 script switch */
	{ "R14", "t.me/abcканал", "t.me/abc", NULL },
	{ "R14", "https://ru.wikipedia.org/wiki/Москва", "https://ru.wikipedia.org/wiki/Москва", NULL },
	{ "R14", "ar.wikipedia.org/wiki/القاهرة ok", "ar.wikipedia.org/wiki/القاهرة", NULL },
	{ "R14", "example.com/café", "example.com/café", NULL },
	{ "R14", "t.me/abc.Подписывайтесь ru.wikipedia.org/wiki/Файл.jpg /wiki/А.Б", "t.me/abc ru.wikipedia.org/wiki/Файл.jpg", NULL },
	/* R15 brackets */
	{ "R15", "[x](https://t.me/a)", "https://t.me/a", NULL },
	{ "R15", "(see https://en.wikipedia.org/wiki/Foo_(bar))", "https://en.wikipedia.org/wiki/Foo_(bar)", NULL },
	{ "R15", "www.google.com/search?q=(business))+ok", "www.google.com/search?q=(business)", NULL },
	{ "R15", "{t.me/a} [t.me/b] t.me/c[1]", "t.me/a t.me/b t.me/c[1]", NULL },
	{ "R15", "example.com/foo_(bar", "example.com/foo_(bar", NULL },
	/* R16 soft punctuation */
	{ "R16", "t.me/x. t.me/y, t.me/z!? 't.me/w' *t.me/b* ~t.me/s~", "t.me/x t.me/y t.me/z t.me/w t.me/b t.me/s", NULL },
	{ "R16", "t.me/a-_ t.me/b+ t.me/c( t.me/d– t.me/e’ t.me/f/ t.me/g=", "t.me/a-_ t.me/b+ t.me/c t.me/d t.me/e t.me/f/ t.me/g=", NULL },
	{ "R16", "example.com/a.b,c;d:e", "example.com/a.b,c;d:e", NULL },
	{ "R16", "Is it t.me/x?!...", "t.me/x", NULL },
	{ "R16", "http://foo.com/blah_'quoted' 'http://foo.com/x'", "http://foo.com/blah_'quoted' http://foo.com/x", NULL },
	/* R17 glued lists */
	{ "R17", "https://t.me/a,https://t.me/b", "https://t.me/a https://t.me/b", NULL },
	{ "R17", "t.me/a;http://t.me/b.https://t.me/c", "t.me/a http://t.me/b https://t.me/c", NULL },
	/* R18 a scheme inside a path */
	{ "R18", "web.archive.org/web/2021/https://t.me/x", "web.archive.org/web/2021/https://t.me/x", NULL },
	{ "R18", "google.com/url?q=https://t.me/x", "google.com/url?q=https://t.me/x", NULL },
	/* R19 host-only links end at the host */
	{ "R19", "google.com: // no port", "google.com", NULL },
	{ "R19", "stackoverflow.com)/my_account", "stackoverflow.com", NULL },
	{ "R19", "example.com:8080/x example.com:123456", "example.com:8080/x example.com", NULL },
	/* R20 bracketed dots */
	{ "R20", "t[.]me/x t(.)me/y t{.}me/z", "t.me/x t.me/y t.me/z", "defanged defanged defanged" },
	{ "R20", "t[dot]me/x t(DOT)me/y t [.] me/z t[ . ]me/w", "t.me/x t.me/y t.me/z t.me/w", NULL },
	{ "R20", "foo[.com (.) [.]x", "", NULL },
	{ "R20", "look (.) here [.] there, t [.] me", "", NULL },
	/* a dot escaped as in a regex or a shell */
	{ "R20", "curl wttr\\.in/Moon t\\.me/x a\\.b \\.com", "wttr.in/Moon t.me/x", "defanged defanged" },
	/* R21 spaced dots before a known host's path */
	{ "R21", "t . me/abc t .me/abc t. me/abc", "t.me/abc t.me/abc t.me/abc", "spaced spaced spaced" },
	{ "R21", "It was fine . me too, t . me, agree. co/founder", "", NULL },
	/* across more dots, spaced or not, and after a scheme */
	{ "R21", "chat . whatsapp . com/AbC chat . whatsapp.com/D", "chat.whatsapp.com/AbC chat.whatsapp.com/D", "spaced spaced" },
	{ "R21", "hxxps://t . me/example_news https://wa . me/1", "https://t.me/example_news https://wa.me/1", "defanged spaced" },
	/* a scheme's separator written apart */
	{ "R21", "https: //t.me/a https ://t.me/b https:// t.me/c https:// is", "https://t.me/a https://t.me/b https://t.me/c", "spaced spaced spaced" },
	/* never a name onto a "*.t.me" suffix, nor inside a path */
	{ "R21", "Join us . t . me/x and x.com/a . t . me/y", "t.me/x x.com/a t.me/y", "spaced plain spaced" },
	/* R22 ideographic and full-width dots */
	{ "R22", "t。me/x t．me/y t｡me/z", "t.me/x t.me/y t.me/z", "unicode unicode unicode" },
	{ "R22", "这是。example.com", "example.com", "plain" },
	{ "R22", "https：//t.me/x", "https://t.me/x", "unicode" },
	/* R23 separators */
	{ "R23", "hxxp[:]//x[.]com/a hxxps[://]wa[.]me/1 https//t.me/z http:[/][/]t.me/q", "http://x.com/a https://wa.me/1 https://t.me/z http://t.me/q", NULL },
	/* R24 schemes */
	{ "R24", "hxxps://t[.]me/x HXXPS://T[.]ME/X h**p://t.me/y hXXp://t.me/z", "https://t.me/x https://T.ME/X http://t.me/y http://t.me/z", "defanged defanged defanged defanged" },
	/* R25 zero-width characters */
	{ "R25", "t\xe2\x80\x8b.me/x h\xe2\x80\x8bttps://t.me/y", "t.me/x https://t.me/y", "invisible invisible" },
	{ "R25", "http://test.com/\xe2\x80\x8b에서", "http://test.com/", NULL },
	{ "R25", "fa.wikipedia.org/wiki/می\xe2\x80\x8cخواهم", "fa.wikipedia.org/wiki/می\xe2\x80\x8cخواهم", NULL },
	/* R26 refanged e-mails and IPs are still not links */
	{ "R26", "john[.]doe@mail[.]com 10[.]0[.]0[.]1 hxxp://10[.]0[.]0[.]1/x", "http://10.0.0.1/x", NULL },
	/* R27 not refanged on purpose */
	{ "R27", "a dot com dot in a sentence, hxxp alone, t.mе/x", "", NULL },
	{ "R27", "ｔ.ｍｅ/x", "", NULL },
	/* R28 English possessives */
	{ "R28", "see t.me/durov's channel, t.me/a’s and T.ME/B'S.", "t.me/durov t.me/a T.ME/B", NULL },
	{ "R28", "t.me/x'sy example.com/it's/ok", "t.me/x'sy example.com/it's/ok", NULL },
	/* R29 two words a missing space joined */
	{ "R29", "help.me out, told me.to go, do.it now. Binance.US is t.me so wa.me", "Binance.US t.me wa.me", NULL },
	{ "R29", "help.me/x about.me.uk me.to/y, see wttr.in. It is about.me", "help.me/x about.me.uk me.to/y wttr.in about.me", NULL },
	/* R30 user ids and e-mail addresses written apart */
	{ "R30", "<david_park:matrix.org> @a:t2bot.io Telegram:t.me/x site:example.com", "t.me/x example.com", NULL },
	{ "R30", "hello @ chainzilla.io, john [at] example.com, a(at)b.org", "", NULL },
	{ "R30", "Start trading @ www.example.com", "www.example.com", NULL },
	/* platforms and look-alikes */
	{ "plat", "durov.t.me t.me.evil.com nott.me/x", "durov.t.me t.me.evil.com nott.me/x", NULL },
};

struct got {
	char	urls[4096];
	char	written[1024];
	char	platforms[1024];
};

static void
cat(char *dst, size_t cap, const char *s, size_t n)
{
	size_t l = strlen(dst);

	if (l && l + 1 < cap)
		dst[l++] = ' ';
	if (l + n >= cap)
		n = cap - l - 1;
	memcpy(dst + l, s, n);
	dst[l + n] = '\0';
}

static void
collect(void *ctx, const struct link_hit *h)
{
	struct got *g = ctx;

	cat(g->urls, sizeof(g->urls), h->url, h->len);
	cat(g->written, sizeof(g->written), h->written, strlen(h->written));
	cat(g->platforms, sizeof(g->platforms), h->platform, strlen(h->platform));
}

static long
scan(struct links *lk, const char *text, size_t len, struct got *g)
{
	memset(g, 0, sizeof(*g));
	return links_scan(lk, text, len, collect, g);
}

static void
table(void)
{
	struct links *lk = links_new(LINKS_ALL);

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct tcase *c = &cases[i];
		struct got g;

		scan(lk, c->text, strlen(c->text), &g);
		if (strcmp(g.urls, c->want) != 0)
			fprintf(stderr, "%s: \"%s\": got \"%s\"\n", c->rule, c->text, g.urls);
		CHECK(strcmp(g.urls, c->want) == 0);
		if (c->written) {
			if (strcmp(g.written, c->written) != 0)
				fprintf(stderr, "%s: \"%s\": written \"%s\"\n", c->rule, c->text,
				    g.written);
			CHECK(strcmp(g.written, c->written) == 0);
		}
	}
	links_free(lk);
}

/* Default: known platforms only; -p; -e. */
static void
options(void)
{
	struct links *lk = links_new(0);
	const char *t = "t.me/a example.com/x chat.whatsapp.com/AbC bit.ly/x";
	struct got g;

	CHECK(scan(lk, t, strlen(t), &g) == 3);
	CHECK(strcmp(g.urls, "t.me/a chat.whatsapp.com/AbC bit.ly/x") == 0);
	CHECK(strcmp(g.platforms, "telegram whatsapp shortener") == 0);
	links_free(lk);

	lk = links_new(LINKS_ALL);
	CHECK(links_platform_filter(lk, "whatsapp,web") == 0);
	scan(lk, t, strlen(t), &g);
	CHECK(strcmp(g.urls, "example.com/x chat.whatsapp.com/AbC") == 0);
	links_free(lk);

	lk = links_new(0);
	CHECK(links_platform_filter(lk, "telegram,nosuch") == -1);
	links_free(lk);

	lk = links_new(0);
	CHECK(links_add_pattern(lk, "\\bcase-[0-9]+") == 0);
	CHECK(links_add_pattern(lk, "t\\.me/\\w+") == 0);
	CHECK(links_add_pattern(lk, "(unclosed") == -1);
	t = "see case-12 and t[.]me/abc";
	CHECK(scan(lk, t, strlen(t), &g) == 2);
	CHECK(strcmp(g.urls, "case-12 t.me/abc") == 0);
	CHECK(strcmp(g.platforms, "custom telegram") == 0);
	CHECK(strcmp(g.written, "plain defanged") == 0);
	links_free(lk);
}

/* Invalid UTF-8 never hides a later link. */
static void
bad_utf8(void)
{
	struct links *lk = links_new(LINKS_ALL);
	const char t[] = "\xff\xfet.me/a \xc3 t.me/b\xe2\x80 x \xed\xa0\x80t.me/c t.me/d\xc0\xaf e";
	struct got g;

	CHECK(scan(lk, t, sizeof(t) - 1, &g) == 4);
	CHECK(strcmp(g.urls, "t.me/a t.me/b t.me/c t.me/d") == 0);
	/* a NUL byte ends a link too */
	CHECK(scan(lk, "t.me/a\0b t.me/c", 15, &g) == 2);
	CHECK(strcmp(g.urls, "t.me/a t.me/c") == 0);
	links_free(lk);
}

static char *
repeat(const char *unit, size_t times, const char *tail, size_t *len)
{
	size_t u = strlen(unit), t = strlen(tail);
	char *s = malloc(u * times + t + 1);

	for (size_t i = 0; i < times; i++)
		memcpy(s + i * u, unit, u);
	memcpy(s + u * times, tail, t + 1);
	*len = u * times + t;
	return s;
}

/*
 * Hostile lines (1 MB here; the time limit of the test runner catches a
 * quadratic scan): each still gives the right links.
 */
static void
hostile(void)
{
	static const struct { const char *unit, *tail; long hits; } h[] = {
		{ "t.me/", "", 1 },
		{ "(((", " t.me/x", 1 },
		{ "hxxp[.]", " t.me/y", 1 },
		{ "t.me/a)", "", 150000 },
		{ "a.com+", "x", 170000 },
		{ "a.", " t.me/z", 1 },
		{ "http://", " t.me/z", 1 },
		{ "https://t.me/a,", "", 70000 },
		{ "a.com+", "x@y", 0 },
		{ "t . ", "me/x", 1 },
		{ "\xd0\xba", " t.me/z", 1 },
		{ "\xff", " t.me/z", 1 },
	};
	struct links *lk = links_new(LINKS_ALL);
	struct got g;

	for (size_t i = 0; i < sizeof(h) / sizeof(h[0]); i++) {
		size_t len, times = 1000000 / strlen(h[i].unit);
		char *s;
		long n;

		if (h[i].hits > 1)
			times = (size_t)h[i].hits;
		s = repeat(h[i].unit, times, h[i].tail, &len);
		n = scan(lk, s, len, &g);
		if (n != h[i].hits)
			fprintf(stderr, "hostile \"%s\": %ld hits, want %ld\n", h[i].unit, n,
			    h[i].hits);
		CHECK(n == h[i].hits);
		free(s);
	}
	links_free(lk);
}

/*
 * links_first_sign, the prefilter extract skips quiet lines with: a line
 * with a link always shows a sign (every case of the table, alone and in
 * a block of lines after quiet padding, so the vector pass sees it), and
 * the offset is that of the sign, wherever it falls in a 64-byte step.
 */
static void
signs(void)
{
	static const struct {
		const char	*text;
		size_t		 at;		/* the sign's offset; (size_t)-1: none */
	} s[] = {
		{ "t.me/x", 1 },
		{ "hxxps://t[.]me/x", 6 },
		{ "t[.]me/x", 1 },
		{ "t (dot) me/x", 2 },
		{ "t . me/x", 6 },
		{ "t. me/x", 5 },
		{ "t .me/x", 5 },
		{ "t\xe3\x80\x82me/x", 1 },
		{ "t\xef\xbc\x8eme", 1 },
		{ "t\xe2\x80\x8b.me/x", 4 },
		{ "tg://resolve?domain=x", 3 },
		/* decoys: no link can hold them */
		{ "report.pdf 1.5.3 v2.0.1 node.js 192.168.0.1", (size_t)-1 },
		{ "Done. Next one... (see above) [1] {x} 2019.", (size_t)-1 },
		{ "\xe2\x9d\xa4\xef\xb8\x8f and/or 50/50", (size_t)-1 },
		{ "admin@mail.ru info@sub.example.com #tag.com /x.org \\y.net", (size_t)-1 },
		{ "admin@mail.ru t.me/x", 15 },
	};
	struct links *lk = links_new(LINKS_ALL), *custom = links_new(0);
	char *buf = malloc(4096);
	size_t n, pad, at;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *t = cases[i].text;

		if (cases[i].want[0] == '\0')
			continue;
		if (links_first_sign(lk, t, strlen(t)) >= strlen(t))
			fprintf(stderr, "no sign in \"%s\"\n", t);
		CHECK(links_first_sign(lk, t, strlen(t)) < strlen(t));
		/* after 100 quiet lines */
		for (n = 0; n < 100 * 5; n += 5)
			memcpy(buf + n, "ok x\n", 5);
		memcpy(buf + n, t, strlen(t) + 1);
		CHECK(links_first_sign(lk, buf, n + strlen(t)) >= n);
		CHECK(links_first_sign(lk, buf, n + strlen(t)) < n + strlen(t));
	}
	for (size_t i = 0; i < sizeof(s) / sizeof(s[0]); i++)
		for (pad = 0; pad < 140; pad++) {
			/* quiet words, then the text, then more words */
			memset(buf, 'w', pad);
			for (size_t k = 7; k < pad; k += 8)
				buf[k] = ' ';
			if (pad > 0)
				buf[pad - 1] = ' ';
			n = pad + strlen(s[i].text);
			memcpy(buf + pad, s[i].text, strlen(s[i].text));
			memcpy(buf + n, " and more words here, to go past one vector\n", 45);
			n += 45;
			at = links_first_sign(lk, buf, n);
			if (at != (s[i].at == (size_t)-1 ? n : pad + s[i].at))
				fprintf(stderr, "sign of \"%s\" after %zu: %zu\n", s[i].text, pad, at);
			CHECK(at == (s[i].at == (size_t)-1 ? n : pad + s[i].at));
			/* the text last: the line's final bytes, any number of them */
			n = pad + strlen(s[i].text);
			at = links_first_sign(lk, buf, n);
			CHECK(at == (s[i].at == (size_t)-1 ? n : pad + s[i].at));
		}
	/* a -e pattern may match anything: every line is worth a look */
	CHECK(links_add_pattern(custom, "x") == 0);
	CHECK(links_first_sign(custom, "quiet", 5) == 0);
	CHECK(links_first_sign(lk, "", 0) == 0);
	free(buf);
	links_free(lk);
	links_free(custom);
}

int
main(void)
{
	table();
	options();
	bad_utf8();
	hostile();
	signs();
	return check_done();
}
