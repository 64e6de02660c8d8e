/*
 * test_quiet: the sign pass for JSON Lines and TSV. A line is passed over
 * only when it is one flat object the JSON reader takes whole, with a
 * text, and no sign once decoded: escapes that hide a sign in the raw
 * bytes (\/, \u002e, \u3002, \u200b, a "\n" glued to a host, \x2e) keep
 * the line; text in pieces, nested values, malformed lines keep it. The
 * time is the one the reader would take. TSV lines are passed over only
 * as rows of the header's width with a readable time and no sign.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "formats_int.h"
#include "links.h"

static struct links *lk;

static size_t
sign(void *ctx, const char *p, size_t n)
{
	return links_first_sign(ctx, p, n);
}

static int
quiet(const char *line, size_t len, struct text *time)
{
	static struct buf scratch;
	struct format_opts o = { .want = sign, .want_ctx = lk };
	struct text t;

	if (line == NULL) {
		buf_free(&scratch);
		return 0;
	}
	return fmt_json_quiet(&o, line, len, &scratch, time ? time : &t);
}

static void
test_json(void)
{
	static const struct { const char *line; size_t len; int quiet; } cases[] = {
		{ LIT("{\"id\":1,\"date\":\"2024-01-01T00:00:00Z\",\"text\":\"quiet. Done 3.5\"}"), 1 },
		{ LIT(" {\"text\" : \"quiet\" , \"n\" : -1.5e3 , \"b\" : true , \"z\" : null } "), 1 },
		/* "{ " is a sign (an opener): only time lost */
		{ LIT("{ \"text\":\"quiet\"}"), 0 },
		{ LIT("{\"id\":NaN,\"message\":\"quiet\"}"), 1 },
		{ LIT("{\"caption\":\"caf\\u00e9 \\\"quoted\\\" a\\\\b\"}"), 1 },
		{ LIT("{\"text\":\"raw\x01control\"}"), 1 },
		/* a sign as written */
		{ LIT("{\"text\":\"see t.me/x\"}"), 0 },
		/* signs only once decoded */
		{ LIT("{\"text\":\"https:\\/\\/t.me\\/x\"}"), 0 },
		{ LIT("{\"text\":\"https:\\u002f\\u002fexample.org\"}"), 0 },
		{ LIT("{\"text\":\"t\\u002eme/x\"}"), 0 },
		{ LIT("{\"text\":\"t\\u3002me/x\"}"), 0 },
		{ LIT("{\"text\":\"t\\u200b.me/x\"}"), 0 },
		{ LIT("{\"text\":\"line\\nt.me/x\"}"), 0 },
		{ LIT("{\"text\":\"tab\\tt.me/x\"}"), 0 },
		{ LIT("{\"text\":\"\\\"t.me/x\\\"\"}"), 0 },
		{ LIT("{\"text\":\"\\ud83d\\ude00\\nt.me/x\"}"), 0 },
		{ LIT("{\"text\":\"t\\x2eme/x\"}"), 0 },
		/* a sign in another member only costs time */
		{ LIT("{\"text\":\"quiet\",\"url\":\"https://t.me/x\"}"), 0 },
		/* text in pieces, nested values: for the reader */
		{ LIT("{\"text\":[\"t\",{\"type\":\"bold\",\"text\":\".me/x\"}]}"), 0 },
		{ LIT("{\"text\":\"quiet\",\"entities\":[]}"), 0 },
		{ LIT("{\"text\":\"quiet\",\"chat\":{\"id\":1}}"), 0 },
		/* more than the text makes the message */
		{ LIT("{\"text\":\"quiet\",\"forward_sender_name\":\"x\"}"), 0 },
		{ LIT("{\"text\":\"quiet\",\"fwd_from\":null}"), 0 },
		{ LIT("{\"update_id\":1,\"text\":\"quiet\"}"), 0 },
		/* no text: no message, or not one the defaults read */
		{ LIT("{\"id\":1}"), 0 },
		{ LIT("{}"), 0 },
		{ LIT("{\"text\":5}"), 0 },
		{ LIT("{\"text\":5,\"text\":\"quiet\"}"), 0 },
		{ LIT("{\"text\":5,\"body\":\"quiet\"}"), 1 },
		{ LIT("{\"te\\u0078t\":\"quiet\"}"), 0 },
		/* malformed: the reader reports it */
		{ LIT("{\"text\":\"open"), 0 },
		{ LIT("{\"text\":\"quiet\""), 0 },
		{ LIT("{\"text\":\"quiet\",}"), 0 },
		{ LIT("{\"text\":\"quiet\" \"x\":1}"), 0 },
		{ LIT("{\"text\":\"bad \\x1 escape\"}"), 0 },
		{ LIT("{\"text\":\"bad \\u12G4 escape\"}"), 0 },
		{ LIT("{\"text\":\"ends in \\"), 0 },
		{ LIT("{\"text\":\"quiet\",\"n\":01x}"), 0 },
		{ LIT("{\"text\":\"quiet\",\"n\":tru}"), 0 },
		{ LIT("{\"text\":\"quiet\",\"n\":-}"), 0 },
		{ LIT("{\"text\":\"quiet\"} {\"text\":\"two\"}"), 0 },
		{ LIT("{\"text\":\"quiet\"} x"), 0 },
		{ LIT("[{\"text\":\"quiet\"}]"), 0 },
		{ LIT("\"quiet\""), 0 },
		{ LIT(""), 0 },
		{ LIT("\xef\xbb\xbf{\"text\":\"quiet\"}"), 0 },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int q = quiet(cases[i].line, cases[i].len, NULL);

		CHECK(q == cases[i].quiet);
		if (q != cases[i].quiet)
			fprintf(stderr, "  case %zu: %s\n", i, cases[i].line);
	}
}

static void
test_time(void)
{
	static const struct { const char *line; size_t len; const char *time; } cases[] = {
		{ LIT("{\"date\":\"2024-01-01\",\"timestamp\":5,\"text\":\"q\"}"), "2024-01-01" },
		{ LIT("{\"text\":\"q\",\"ts\":1700000000.5,\"date\":\"\"}"), "1700000000.5" },
		{ LIT("{\"date\":null,\"time\":true,\"text\":\"q\"}"), "true" },
		{ LIT("{\"date\":false,\"text\":\"q\"}"), "false" },
		{ LIT("{\"date\":\"a\",\"date\":\"b\",\"text\":\"q\"}"), "a" },
		{ LIT("{\"text\":\"q\"}"), "" },
	};
	struct text t;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		CHECK(quiet(cases[i].line, cases[i].len, &t) == 1);
		CHECK_MEM(t.p, t.len, cases[i].time);
	}
	/* an escaped time is left to the reader */
	CHECK(quiet(LIT("{\"date\":\"2024\\u002d01\",\"text\":\"q\"}"), &t) == 0);
	CHECK(quiet(LIT("{\"date\":\"\",\"ts\":\"\\u0031\",\"text\":\"q\"}"), &t) == 0);
}

/* Escapes decoded as json.c decodes them: pairs joined, a lone half U+FFFD. */
static void
test_decode(void)
{
	struct buf b = { 0 };
	struct format_opts o = { .want = sign, .want_ctx = lk };
	struct text t;

	CHECK(fmt_json_quiet(&o, LIT("{\"text\":\"\\ud83d\\ude00 \\ud83d x \\ude00\\u00e9\\x41"
	    "\\q\\/\\\\\\\"\"}"), &b, &t) == 1);
	CHECK_MEM(b.p, b.n, "{\"text\":\"\xf0\x9f\x98\x80 \xef\xbf\xbd x \xef\xbf\xbd\xc3\xa9"
	    "A\\q/\\\"\"}");
	buf_free(&b);
}

/* A quiet line of n bytes, and the same with a link at its end. */
static void
test_long(void)
{
	size_t n = 300000;
	char *s = malloc(n + 64);

	memcpy(s, "{\"text\":\"", 9);
	for (size_t i = 9; i < n; i++)
		s[i] = "quiet words. "[i % 13];
	memcpy(s + n, "\"}", 2);
	CHECK(quiet(s, n + 2, NULL) == 1);
	memcpy(s + n, "\\nt.me/x\"}", 10);
	CHECK(quiet(s, n + 10, NULL) == 0);
	memcpy(s + n, " t.me/x\"}", 9);
	CHECK(quiet(s, n + 9, NULL) == 0);
	free(s);
}

static void
test_tsv(void)
{
	static const struct { const char *run; size_t len; size_t want; } cases[] = {
		{ LIT("2024-01-01\tc\tquiet. Done\n\tc\tno time\n"), 36 },
		{ LIT("2024-01-01\tc\tquiet\n2024-01-01\tc\tt.me/x\n"), 19 },
		{ LIT("2024-01-01\tc\tquiet\n2024-01-01\tc\tglued\\nt.me/x\n"), 19 },
		{ LIT("2024-01-01\tc\tquiet\n2024-01-01\tc\tt\\x2eme/x\n"), 19 },
		{ LIT("2024-01-01\tc\ta\\\\b \\\\t.me\n"), 25 },
		{ LIT("2024-01-01\tc\tquiet\r\n2024-01-01\tc\tquiet\n"), 39 },
		{ LIT("2024-01-01\tc\tquiet\ntime\tchannel\ttext\n"), 19 },
		{ LIT("2024-01-01\tc\tquiet\ntime\tchannel\ttext\r\n"), 19 },
		{ LIT("2024-01-01\tc\tquiet\n2024-01-01\tquiet\n"), 19 },
		{ LIT("2024-01-01\tc\tquiet\n2024-01-01\tc\tquiet\textra\n"), 19 },
		{ LIT("2024-01-01\tc\tquiet\nyesterday\tc\tquiet\n"), 19 },
		{ LIT("2024-01-01\tc\tquiet\n\n"), 19 },
		{ LIT("2024-01-01\tc\tquiet\n2024-01-01\tc\tcut t.me"), 19 },
	};
	struct fmt_tsv_quiet q = { .want = sign, .want_ctx = lk, .header = "time\tchannel\ttext",
		.header_len = 17, .ncols = 3, .timec = 0 };

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		size_t k = fmt_tsv_quiet(&q, cases[i].run, cases[i].len);

		CHECK(k == cases[i].want);
		if (k != cases[i].want)
			fprintf(stderr, "  case %zu: %zu\n", i, k);
	}
	/* no time column; the text first */
	q.timec = -1;
	CHECK(fmt_tsv_quiet(&q, LIT("quiet\tyesterday\tx\n")) == 18);
	buf_free(&q.scratch);
}

int
main(void)
{
	lk = links_new(0);
	test_json();
	test_time();
	test_decode();
	test_long();
	test_tsv();
	quiet(NULL, 0, NULL);
	links_free(lk);
	return check_done();
}
