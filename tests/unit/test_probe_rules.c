/*
 * test_probe_rules: the probe rows of the platform table: the request for
 * each kind of key, and the reading of real captured pages (from
 * $TOP/../shared/probe-pages, skipped when absent) and of hand-made ones
 * in testdata/probe/. Also probe rows from a rules file, and bad ones.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "buf.h"
#include "check.h"
#include "probe_rules.h"
#include "table.h"

/* The whole file, or NULL; *len its size. */
static char *
slurp(const char *dir, const char *name, size_t *len)
{
	char path[4096];
	FILE *f;
	char *p = NULL;
	size_t cap = 0, n = 0, got;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if ((f = fopen(path, "rb")) == NULL)
		return NULL;
	do {
		if (n + 4096 > cap) {
			cap = cap ? 2 * cap : 65536;
			p = realloc(p, cap);
		}
		got = fread(p + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	fclose(f);
	*len = n;
	return p;
}

struct want {
	const char	*platform, *kind, *key;
	const char	*file;		/* the answer's body */
	long		 http;
	enum probe_status status;
	const char	*title;		/* NULL: none */
	long long	 members;
	const char	*why;		/* for unknown */
};

static int
read_one(const char *dir, const struct want *w)
{
	struct probe_request q;
	struct probe_result r;
	const char *why = NULL;
	size_t len = 0;
	char *body = slurp(dir, w->file, &len);

	if (body == NULL) {
		fprintf(stderr, "test_probe_rules: cannot read %s/%s\n", dir, w->file);
		CHECK(body != NULL);
		return -1;
	}
	CHECK(probe_request_for(w->platform, w->kind, w->key, strlen(w->key), &q,
	    &why) == 0);
	if (q.row == NULL) {
		free(body);
		return -1;
	}
	struct probe_answer a = { .http = w->http, .body = body, .len = len };

	probe_read(&q, &a, &r);
	if (r.status != w->status)
		fprintf(stderr, "%s: status %s, want %s (%s)\n", w->file,
		    probe_status_name(r.status), probe_status_name(w->status),
		    r.why ? r.why : "");
	CHECK(r.status == w->status);
	if (w->title)
		CHECK(r.title && strcmp(r.title, w->title) == 0);
	else
		CHECK(r.title == NULL);
	if (r.members != w->members)
		fprintf(stderr, "%s: members %lld, want %lld\n", w->file, r.members,
		    w->members);
	CHECK(r.members == w->members);
	if (w->why)
		CHECK(r.why && strcmp(r.why, w->why) == 0);
	else
		CHECK(r.why == NULL);
	if (w->title && r.title && strcmp(r.title, w->title) != 0)
		fprintf(stderr, "%s: title \"%s\", want \"%s\"\n", w->file, r.title,
		    w->title);
	probe_result_free(&r);
	probe_request_free(&q);
	free(body);
	return 0;
}

static const struct want captured[] = {
	{ "telegram", "channel", "t.me/durov", "tme_channel_durov.html", 200,
	    PROBE_ALIVE, "Pavel Durov", 11286994, NULL },
	{ "telegram", "channel", "t.me/python", "tme_group_python.html", 200,
	    PROBE_ALIVE, "Python", 97957, NULL },
	{ "telegram", "channel", "t.me/nikolai", "tme_user_nikolai.html", 200,
	    PROBE_ALIVE, "Nikolai", -1, NULL },
	{ "telegram", "channel", "t.me/botfather", "tme_bot_botfather.html", 200,
	    PROBE_ALIVE, "BotFather", 8122955, NULL },
	{ "telegram", "channel", "t.me/zzq9x7v2knot44", "tme_free_username.html", 200,
	    PROBE_GONE, NULL, -1, NULL },
	{ "discord", "invite", "discord.gg/G8MGEsC53", "discord_invite_flarum_200.json",
	    200, PROBE_ALIVE, "Flarum", 547, NULL },
	/* a page that is not the answer to the request: no marker */
	{ "discord", "invite", "discord.gg/G8MGEsC53", "tme_channel_durov.html", 200,
	    PROBE_UNKNOWN, NULL, -1, "no marker matched (HTTP 200)" },
};

static const struct want handmade[] = {
	{ "telegram", "invite", "t.me/+AbCdEf12_-", "tme_invite_expired.html", 200,
	    PROBE_GONE, NULL, -1, NULL },
	{ "telegram", "invite", "t.me/+AbCdEf12_-", "tme_invite_live.html", 200,
	    PROBE_ALIVE, "Links & Logs \xe2\x80\x94 \"weekly\" \xf0\x9f\x94\x97", 1204,
	    NULL },
	{ "telegram", "channel", "t.me/novosti_test", "tme_channel_ru.html", 200,
	    PROBE_ALIVE, "Новости дня", 12345678, NULL },
	/* an expired invite's page read as a channel: no title block, no noindex */
	{ "telegram", "channel", "t.me/somename", "server_error_500.html", 200,
	    PROBE_UNKNOWN, NULL, -1, "no marker matched (HTTP 200)" },
	{ "telegram", "channel", "t.me/somename", "server_error_500.html", 500,
	    PROBE_UNKNOWN, NULL, -1, "no marker matched (HTTP 500)" },
	{ "telegram", "invite", "t.me/+AbCdEf", "tme_invite_expired.html", 502,
	    PROBE_UNKNOWN, NULL, -1, "no marker matched (HTTP 502)" },
	{ "discord", "invite", "discord.gg/gone1", "discord_gone_404.json", 404,
	    PROBE_GONE, NULL, -1, NULL },
	{ "discord", "invite", "discord.gg/gone1", "discord_gone_404_spaced.json", 404,
	    PROBE_GONE, NULL, -1, NULL },
	{ "discord", "invite", "discord.gg/gone1", "discord_gone_404.json", 200,
	    PROBE_UNKNOWN, NULL, -1, "no marker matched (HTTP 200)" },
	{ "discord", "invite", "discord.gg/busy", "discord_429.json", 429,
	    PROBE_UNKNOWN, NULL, -1, "no marker matched (HTTP 429)" },
	{ "discord", "invite", "discord.gg/gone1", "server_error_500.html", 404,
	    PROBE_UNKNOWN, NULL, -1, "no marker matched (HTTP 404)" },
	{ "discord", "invite", "discord.gg/AbCd123", "discord_group_dm_200.json", 200,
	    PROBE_ALIVE, "night &amp; shift", 7, NULL },
	{ "rocketchat", "invite", "open.rocket.chat/invite/xyz", "rocketchat_valid.json",
	    200, PROBE_ALIVE, NULL, -1, NULL },
	{ "rocketchat", "invite", "open.rocket.chat/invite/xyz",
	    "rocketchat_invalid.json", 200, PROBE_GONE, NULL, -1, NULL },
	{ "rocketchat", "invite", "open.rocket.chat/invite/xyz", "server_error_500.html",
	    500, PROBE_UNKNOWN, NULL, -1, "no marker matched (HTTP 500)" },
};

static void
test_requests(void)
{
	struct probe_request q;
	const char *why;

	CHECK(probe_request_for("telegram", "channel", LIT("t.me/durov"), &q, &why) == 0);
	CHECK(strcmp(q.method, "GET") == 0 && strcmp(q.url, "https://t.me/durov") == 0);
	CHECK(strcmp(q.host, "t.me") == 0 && q.body == NULL && q.rate == 1);
	probe_request_free(&q);

	CHECK(probe_request_for("telegram", "invite", LIT("t.me/+AbCdEf"), &q, &why) == 0);
	CHECK(strcmp(q.url, "https://t.me/+AbCdEf") == 0);
	probe_request_free(&q);

	CHECK(probe_request_for("discord", "invite", LIT("discord.gg/G8MGEsC53"), &q,
	    &why) == 0);
	CHECK(strcmp(q.url, "https://discord.com/api/v10/invites/G8MGEsC53"
	    "?with_counts=true") == 0);
	CHECK(strcmp(q.host, "discord.com") == 0 && q.rate > 0 && q.rate < 0.5);
	probe_request_free(&q);

	CHECK(probe_request_for("rocketchat", "invite", LIT("open.rocket.chat/invite/Xy-z"),
	    &q, &why) == 0);
	CHECK(strcmp(q.method, "POST") == 0);
	CHECK(strcmp(q.url, "https://open.rocket.chat/api/v1/validateInviteToken") == 0);
	CHECK(q.body && strcmp(q.body, "{\"token\":\"Xy-z\"}") == 0);
	CHECK(q.content_type && strcmp(q.content_type, "application/json") == 0);
	CHECK(strcmp(q.host, "open.rocket.chat") == 0);
	probe_request_free(&q);

	/* found from the key alone */
	CHECK(probe_request_for(NULL, "", LIT("discord.gg/abc"), &q, &why) == 0);
	CHECK(strcmp(q.host, "discord.com") == 0);
	probe_request_free(&q);
	CHECK(probe_request_for("", NULL, LIT("t.me/+abc"), &q, &why) == 0);
	CHECK(strcmp(q.url, "https://t.me/+abc") == 0);
	probe_request_free(&q);

	/* no row: unknown, and why */
	why = NULL;
	CHECK(probe_request_for("whatsapp", "invite", LIT("chat.whatsapp.com/AbC"), &q,
	    &why) < 0);
	CHECK(why && strcmp(why, "no probe row for whatsapp invite") == 0);
	CHECK(q.url == NULL && q.row == NULL);
	CHECK(probe_request_for("tamtam", "channel", LIT("tt.me/news"), &q, &why) < 0);
	CHECK(why && strcmp(why, "no probe row for tamtam channel") == 0);
	CHECK(probe_request_for("telegram", "post", LIT("t.me/durov/12"), &q, &why) < 0);
	CHECK(why && strcmp(why, "no probe row for telegram post") == 0);
	/* a platform from the data that no row names: a message of no data */
	CHECK(probe_request_for("\x1b[31mx", "invite", LIT("x"), &q, &why) < 0);
	CHECK(why && strcmp(why, "no probe row for this platform and kind") == 0);
	/* a row, but not this key's shape */
	CHECK(probe_request_for("telegram", "channel", LIT("t.me/s/durov"), &q, &why) < 0);
	CHECK(why && strcmp(why, "no probe row takes a key of this shape") == 0);
	CHECK(probe_request_for("discord", "invite", LIT("discord.gg/a_b"), &q, &why) < 0);
	CHECK(probe_request_for(NULL, NULL, LIT("example.com/x"), &q, &why) < 0);
	CHECK(why && strcmp(why, "no probe row takes this key") == 0);
	/* a NUL in the key is not the end of it */
	CHECK(probe_request_for("telegram", "channel", LIT("t.me/du\0rov"), &q, &why) < 0);
}

static void
test_count(void)
{
	CHECK(probe_count(LIT("11 286 994 subscribers")) == 11286994);
	CHECK(probe_count(LIT("97 957 members, 4 138 online")) == 97957);
	CHECK(probe_count(LIT("8 122 955 monthly users")) == 8122955);
	CHECK(probe_count(LIT("@nikolai")) == -1);
	CHECK(probe_count(LIT("")) == -1);
	CHECK(probe_count(LIT("547")) == 547);
	CHECK(probe_count(LIT("1,234,567 members")) == 1234567);
	CHECK(probe_count(LIT("1.234.567 Mitglieder")) == 1234567);
	CHECK(probe_count(LIT("12\xc2\xa0" "345 abonnés")) == 12345);
	CHECK(probe_count(LIT("12\xe2\x80\xaf" "345")) == 12345);
	CHECK(probe_count(LIT("1.2K subscribers")) == 1200);
	CHECK(probe_count(LIT("3M")) == 3000000);
	CHECK(probe_count(LIT("5 bots")) == 5);
	CHECK(probe_count(LIT("12 34 members")) == 12);
	CHECK(probe_count(LIT("99999999999999999999 members")) == -1);
}

/* Titles as a person reads them; hostile pages end in bounded time. */
static void
test_pages(void)
{
	struct probe_request q;
	struct probe_result r;
	const char *why;
	static const char ctl[] = "<div class=\"tgme_page_title\"><span>A\x1b[31m&#27;"
	    "\tB&#0;&#xD800;&#1114112;&nbsp;&nbsp;C &lt;b&gt;</span></div>";
	struct probe_answer a = { .http = 200, .body = ctl, .len = sizeof(ctl) - 1 };
	struct buf big = { 0 };
	size_t n = getenv("ASAN_OPTIONS") ? 20000 : 100000;	/* the sanitizer pass sets it */

	CHECK(probe_request_for("telegram", "channel", LIT("t.me/x_y_z"), &q, &why) == 0);
	probe_read(&q, &a, &r);
	CHECK(r.status == PROBE_ALIVE && r.members == -1);
	CHECK(r.title && strcmp(r.title, "A [31m B\xef\xbf\xbd\xef\xbf\xbd"
	    "\xef\xbf\xbd C <b>") == 0);
	probe_result_free(&r);

	/* bytes that are not UTF-8, a C1 CSI, an override, an isolate */
	static const char raw[] = "<div class=\"tgme_page_title\"><span>a\xff" "b\xc2\x9b" "c"
	    "\xe2\x80\xae" "d\xe2\x81\xa6" "e \xd0\x96</span></div>";
	a.body = raw;
	a.len = sizeof(raw) - 1;
	probe_read(&q, &a, &r);
	CHECK(r.title && strcmp(r.title, "a\xef\xbf\xbd" "b cde \xd0\x96") == 0);
	probe_result_free(&r);

	/* a long title is cut between characters */
	for (size_t i = 0; i < 2000; i++)
		buf_adds(&big, i ? "\xd0\x96" : "<span class=\"tgme_page_title\"><span>x");
	buf_adds(&big, "</span>");
	a.body = big.p;
	a.len = big.n;
	probe_read(&q, &a, &r);
	CHECK(r.title && strlen(r.title) == PROBE_TITLE_MAX - 1);
	probe_result_free(&r);

	/* the title block's start over and over, and never a ">" */
	big.n = 0;
	buf_adds(&big, "<meta name=\"robots\" content=\"noindex\">");
	for (size_t i = 0; i < n; i++)
		buf_adds(&big, "class=\"tgme_page_title\"");
	a.body = big.p;
	a.len = big.n;
	probe_read(&q, &a, &r);
	CHECK(r.status == PROBE_ALIVE && r.title == NULL && r.members == -1);
	probe_result_free(&r);
	probe_request_free(&q);

	/* no body at all */
	CHECK(probe_request_for("discord", "invite", LIT("discord.gg/x"), &q, &why) == 0);
	a.body = NULL;
	a.len = 0;
	a.http = 404;
	probe_read(&q, &a, &r);
	CHECK(r.status == PROBE_UNKNOWN && strcmp(r.why, "no marker matched (HTTP 404)") == 0);
	a.http = 0;
	probe_read(&q, &a, &r);
	CHECK(r.status == PROBE_UNKNOWN && strcmp(r.why,
	    "no marker matched (no HTTP status)") == 0);
	probe_request_free(&q);
	buf_free(&big);
}

/* Probe rows from a rules file: tried first; bad ones refused with FILE:LINE. */
static void
test_rules_file(void)
{
	char path[] = "/tmp/test_probe_rulesXXXXXX";
	int fd = mkstemp(path);
	FILE *f = fdopen(fd, "w");
	struct probe_request q;
	struct probe_result r;
	const char *why;
	static const char page[] = "<h1 class=\"name\">Old &amp; new</h1>"
	    "<p>4 321 members</p>";
	struct probe_answer a = { .http = 200, .body = page, .len = sizeof(page) - 1 };

	CHECK(f != NULL);
	fputs("# a rules file: a TamTam row, and a Telegram one tried first\n"
	    "probe\ttamtam\tchannel\ttt.me/{name:name}\t0.5\tGET https://tt.me/{name}"
	    "\talive\thttp=200\tre=class=\"name\"\tgone\thttp=404"
	    "\ttitle=re:<h1 class=\"name\">([^<]*)</h1>"
	    "\tmembers=re:<p>([^<]*)</p>\n"
	    "probe\ttelegram\tchannel\tt.me/{name:word}\t0.25\tGET https://t.me/{name}"
	    "?embed=1\talive\thttp=200\n", f);
	fclose(f);
	CHECK(table_load(path) == 0);
	CHECK(probe_rules_load() == 0);
	CHECK(probe_request_for("tamtam", "channel", LIT("tt.me/news.x"), &q, &why) == 0);
	CHECK(strcmp(q.url, "https://tt.me/news.x") == 0 && q.rate == 0.5);
	probe_read(&q, &a, &r);
	CHECK(r.status == PROBE_ALIVE && r.members == 4321);
	CHECK(r.title && strcmp(r.title, "Old & new") == 0);
	probe_result_free(&r);
	a.http = 404;
	probe_read(&q, &a, &r);
	CHECK(r.status == PROBE_GONE && r.title == NULL && r.members == -1);
	probe_result_free(&r);
	probe_request_free(&q);
	CHECK(probe_request_for("telegram", "channel", LIT("t.me/durov"), &q, &why) == 0);
	CHECK(strcmp(q.url, "https://t.me/durov?embed=1") == 0 && q.rate == 0.25);
	probe_request_free(&q);
	CHECK(probe_request_for("telegram", "invite", LIT("t.me/+x"), &q, &why) == 0);
	CHECK(q.rate == 1);
	probe_request_free(&q);

	/* bad rows: each reported, the file refused */
	static const char *const bad[] = {
		"probe\ttamtam\tchannel\ttt.me/{name}\t0.5\tGET https://tt.me/{name}\n",
		"probe\tTamTam\tchannel\ttt.me/{n}\t1\tGET https://tt.me/{n}\talive\thttp=200\n",
		"probe\ttamtam\tgroup\ttt.me/{n}\t1\tGET https://tt.me/{n}\talive\thttp=200\n",
		"probe\ttamtam\tchannel\ttt.me/{n:nope}\t1\tGET https://tt.me/{n}\talive\thttp=200\n",
		"probe\ttamtam\tchannel\ttt.me/{n}\t0\tGET https://tt.me/{n}\talive\thttp=200\n",
		"probe\ttamtam\tchannel\ttt.me/{n}\tfast\tGET https://tt.me/{n}\talive\thttp=200\n",
		"probe\ttamtam\tchannel\ttt.me/{n}\t1\tGET http://tt.me/{n}\talive\thttp=200\n",
		"probe\ttamtam\tchannel\ttt.me/{n}\t1\tGET https://tt.me/{m}\talive\thttp=200\n",
		"probe\ttamtam\tchannel\ttt.me/{n}\t1\tPUT https://tt.me/{n}\talive\thttp=200\n",
		"probe\ttamtam\tchannel\ttt.me/{n}\t1\tPOST https://tt.me/{n}\talive\thttp=200\n",
		"probe\ttamtam\tchannel\ttt.me/{n}\t1\tGET https://tt.me/{n}\thttp=200\talive\thttp=2000\n",
		"probe\ttamtam\tchannel\ttt.me/{n}\t1\tGET https://tt.me/{n}\talive\tre=(\n",
		"probe\ttamtam\tchannel\ttt.me/{n}\t1\tGET https://tt.me/{n}\talive\tgone\thttp=404\n",
		"probe\ttamtam\tchannel\ttt.me/{n}\t1\tGET https://tt.me/{n}\talive\thttp=200\ttitle=re:x\n",
		"probe\ttamtam\tchannel\ttt.me/{n}\t1\tGET https://tt.me/{n}\talive\tjson.a..b\n",
		"probe\ttamtam\tchannel\ttt.me/{n}\t1\tGET https://tt.me/{n}\talive\tsize=3\n",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		int fds[2], status;
		char msg[600] = "", want[100];
		ssize_t n;
		pid_t pid;

		f = fopen(path, "w");
		fprintf(f, "# bad\n%s", bad[i]);
		fclose(f);
		/* a child each, as a bad row stays in the table it was loaded into */
		CHECK(pipe(fds) == 0);
		if ((pid = fork()) == 0) {
			dup2(fds[1], 2);
			_exit(table_load(path) < 0 ? 3 : probe_rules_load() < 0 ? 4 : 0);
		}
		close(fds[1]);
		n = read(fds[0], msg, sizeof(msg) - 1);
		msg[n > 0 ? n : 0] = '\0';
		close(fds[0]);
		waitpid(pid, &status, 0);
		CHECK(WIFEXITED(status) && (WEXITSTATUS(status) == 3 ||
		    WEXITSTATUS(status) == 4));
		snprintf(want, sizeof(want), "%s:2: ", path);
		if (strstr(msg, want) == NULL)
			fprintf(stderr, "bad row %zu: got \"%s\"\n", i, msg);
		CHECK(strstr(msg, want) != NULL);
	}
	unlink(path);
}

int
main(void)
{
	const char *top = getenv("TOP");
	char dir[4096];

	CHECK(probe_rules_load() == 0);
	test_requests();
	test_count();
	test_pages();
	CHECK(strcmp(probe_status_name(PROBE_ALIVE), "alive") == 0);
	CHECK(strcmp(probe_status_name(PROBE_GONE), "gone") == 0);
	CHECK(strcmp(probe_status_name(PROBE_UNKNOWN), "unknown") == 0);
	snprintf(dir, sizeof(dir), "%s/../shared/probe-pages", top ? top : ".");
	if (access(dir, R_OK) != 0)
		fprintf(stderr, "test_probe_rules: %s is absent: the captured pages "
		    "are not checked\n", dir);
	else
		for (size_t i = 0; i < sizeof(captured) / sizeof(captured[0]); i++)
			read_one(dir, &captured[i]);
	snprintf(dir, sizeof(dir), "%s/testdata/probe", top ? top : ".");
	for (size_t i = 0; i < sizeof(handmade) / sizeof(handmade[0]); i++)
		read_one(dir, &handmade[i]);
	test_rules_file();	/* last: it adds rows */
	return check_done();
}
