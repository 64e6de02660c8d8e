/*
 * test_rules: the platform of a link. Every platform by at least one host,
 * look-alikes, schemes, the TLD table, and rules_load (overrides, "-",
 * errors, a file refused whole).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "gen_tables.h"
#include "rules.h"
#include "tld.h"

static const struct {
	const char	*url;
	const char	*platform;	/* NULL: none */
} cases[] = {
	{ "https://t.me/durov", "telegram" },
	{ "T.ME/x", "telegram" },
	{ "http://www.t.me/x", "telegram" },
	{ "durov.t.me", "telegram" },
	{ "https://telegram.me/x", "telegram" },
	{ "telegram.dog/x", "telegram" },
	{ "tg://resolve?domain=x", "telegram" },
	{ "TG://join?invite=x", "telegram" },
	{ "tamtam.chat/x", "tamtam" },
	{ "tt.me/x", "tamtam" },
	{ "https://go.rocket.chat/invite?host=a.b&path=invite%2Fx", "rocketchat" },
	{ "open.rocket.chat/channel/general", "rocketchat" },
	{ "acme.rocket.chat/invite/AbC123", "rocketchat" },
	/* an /invite/ path alone makes no Rocket.Chat server */
	{ "https://chat.example.org/invite/AbC123", NULL },
	{ "https://initiativeq.com/invite/AbC123", NULL },
	{ "sgnl://signal.me/#p/+1", "signal" },
	{ "sgnl://youtube.com/c/x", "youtube" },
	{ "hoopmessenger.com/dl", "hoop" },
	{ "chat.whatsapp.com/AbC", "whatsapp" },
	{ "https://whatsapp.com/channel/0029x", "whatsapp" },
	{ "wa.me/123", "whatsapp" },
	{ "discord.gg/x", "discord" },
	{ "https://discord.com/invite/x", "discord" },
	{ "discordapp.com/invite/x", "discord" },
	{ "signal.group/#CjQK", "signal" },
	{ "signal.me/#p/+1", "signal" },
	{ "matrix.to/#/#room:matrix.org", "matrix" },
	{ "app.element.io/#/room/#x:y", "matrix" },
	{ "threema.id/ABCDEFGH", "threema" },
	{ "invite.viber.com/?g2=AQ", "viber" },
	{ "line.me/R/ti/g/x", "line" },
	{ "join.skype.com/x", "skype" },
	{ "twitter.com/x", "twitter" },
	{ "https://x.com/x", "twitter" },
	{ "mobile.twitter.com/x", "twitter" },
	{ "t.co/x", "twitter" },
	{ "facebook.com/x", "facebook" },
	{ "m.facebook.com/x", "facebook" },
	{ "fb.com/x", "facebook" },
	{ "instagram.com/x", "instagram" },
	{ "youtube.com/watch?v=x", "youtube" },
	{ "youtu.be/x", "youtube" },
	{ "linkedin.com/in/x", "linkedin" },
	{ "vk.com/x", "vk" },
	{ "gab.com/x", "gab" },
	{ "rumble.com/x", "rumble" },
	{ "bitchute.com/video/x", "bitchute" },
	{ "odysee.com/@x", "odysee" },
	{ "telegra.ph/x", "telegraph" },
	{ "archive.org/details/x", "archive_org" },
	{ "web.archive.org/web/2019/https://t.me/x", "archive_org" },
	{ "archive.ph/x", "archive_today" },
	{ "archive.today/x", "archive_today" },
	{ "justpaste.it/x", "justpaste" },
	{ "mega.nz/file/x#k", "mega" },
	{ "files.fm/u/x", "filesfm" },
	{ "pastebin.com/x", "pastebin" },
	{ "dropbox.com/s/x", "dropbox" },
	{ "drive.google.com/file/d/x", "gdrive" },
	{ "bit.ly/x", "shortener" },
	{ "tinyurl.com/x", "shortener" },
	{ "goo.gl/x", "shortener" },
	{ "cutt.ly/x", "shortener" },
	{ "is.gd/x", "shortener" },
	{ "ow.ly/x", "shortener" },
	/* look-alikes and others */
	{ "t.me.evil.com/x", NULL },
	{ "nott.me/x", NULL },
	{ "https://evil.com/t.me/x", NULL },
	{ "https://t.me@evil.com/x", NULL },
	{ "https://evil.com@t.me/x", "telegram" },
	{ "t.me:443/x", "telegram" },
	{ "t.me./x", "telegram" },
	{ "example.com", NULL },
	{ "mailto:a@t.me", NULL },
	{ "", NULL },
	{ ".t.me", NULL },
};

static void
table(void)
{
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *p = rules_platform(cases[i].url, strlen(cases[i].url));
		int ok = cases[i].platform ? p && strcmp(p, cases[i].platform) == 0 : p == NULL;

		if (!ok)
			fprintf(stderr, "%s: got %s, want %s\n", cases[i].url, p ? p : "NULL",
			    cases[i].platform ? cases[i].platform : "NULL");
		CHECK(ok);
	}
}

/* The generated TLD table is sorted and complete. */
static void
generated(void)
{
	int sorted = 1;

	for (size_t i = 1; i < tld_count; i++)
		if (strcmp(tld_table[i - 1], tld_table[i]) >= 0)
			sorted = 0;
	CHECK(sorted);
	CHECK(tld_count > 1000);
	CHECK(tld_known("com", 3) && tld_known("ME", 2) && tld_known("рф", 4));
	CHECK(tld_known("xn--p1ai", 8) && tld_known("xn--zzzz", 8));
	CHECK(!tld_known("pdf", 3) && !tld_known("js", 2) && !tld_known("", 0));
	CHECK(!tld_known("co.uk", 5));
	/* the hash set holds every entry of the table, and nothing one byte off */
	{
		size_t found = 0, near = 0;
		char buf[80];

		for (size_t i = 0; i < tld_count; i++) {
			size_t l = strlen(tld_table[i]);

			found += tld_known(tld_table[i], l) == 1;
			memcpy(buf, tld_table[i], l);
			buf[l] = '0';
			near += tld_known(buf, l + 1) == 1;
			near += l > 1 && tld_known(buf, l - 1) == 1 &&
			    !tld_known(tld_table[i], l - 1);
		}
		CHECK(found == tld_count && near == 0);
	}
}

static void
write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	fputs(text, f);
	fclose(f);
}

static void
load(void)
{
	char path[] = "/tmp/test_rulesXXXXXX";
	const char *const *names;
	int found = 0;

	close(mkstemp(path));
	write_file(path, "# comment\n\n"
	    "example.com\tmyforum\n"
	    "T.ME\t-\n"
	    "*.example.org\tcorp\n"
	    "chat.example.net\trocketchat\t=open.rocket.chat\n"
	    "hop.example\thopx\tinvite\t/j/{code}\thop.example/j/{code}\n");
	CHECK(rules_load(path) == 0);
	CHECK(strcmp(rules_platform("https://example.com/x", 21), "myforum") == 0);
	CHECK(rules_platform("t.me/x", 6) == NULL);
	CHECK(strcmp(rules_platform("durov.t.me", 10), "telegram") == 0);
	CHECK(strcmp(rules_platform("a.example.org", 13), "corp") == 0);
	CHECK(rules_platform("example.org", 11) == NULL);
	CHECK(strcmp(rules_platform("chat.example.net/x", 18), "rocketchat") == 0);
	CHECK(strcmp(rules_platform("https://hop.example/j/AbC123", 28), "hopx") == 0);
	names = rules_platforms();
	for (size_t i = 0; names[i]; i++)
		found += strcmp(names[i], "myforum") == 0 || strcmp(names[i], "hopx") == 0;
	CHECK(found == 2);

	/* every bad row is named, and none of the file's rows is taken */
	write_file(path, "ok.com\tok\nonly-one-field\nbad host!\tx\nx.com\tBad-Name\n"
	    "y.com\tz\tchannel\tnoslash\tk\ny.com\tz\tchannel\t/{a:nope}\tk\n"
	    "y.com\tz\tchannel\t/{a}\t{b}\ny.com\tz\tnokind\t/\n"
	    "^\tz\tpost\t/{a}\t-\n");
	fprintf(stderr, "(eight errors expected:)\n");
	CHECK(rules_load(path) == -1);
	CHECK(rules_platform("ok.com", 6) == NULL);
	CHECK(rules_load("/nonexistent/rules.tsv") == -1);
	unlink(path);
}

int
main(void)
{
	table();
	generated();
	load();
	return check_done();
}
