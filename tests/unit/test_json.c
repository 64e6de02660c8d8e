/*
 * test_json: tokens and decoding (escapes, \xHH, surrogate pairs), errors
 * with their place, bounded nesting, line mode and recovery, the flat doc
 * and path lookups.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "json.h"
#include "util.h"

/* Decode one JSON string literal; returns the decoded bytes or NULL. */
static char *
decode(const char *lit, size_t *len)
{
	struct json_reader *j = json_new_mem(lit, strlen(lit));
	const char *s;
	char *out = NULL;

	if (json_next(j) == JSON_STRING) {
		s = json_text(j, len);
		out = xmemdup(s, *len);
	}
	json_free(j);
	return out;
}

/* String literals decoded: every escape, \xHH, surrogate pairs and halves. */
static void
test_strings(void)
{
	static const struct { const char *lit, *want; size_t len; } cases[] = {
		{ "\"plain\"", LIT("plain") },
		{ "\"a\\\"b\\\\c\\/d\"", LIT("a\"b\\c/d") },
		{ "\"\\n\\t\\r\\b\\f\"", LIT("\n\t\r\b\f") },
		{ "\"\\u0041\\u00e9\"", LIT("A\xc3\xa9") },
		{ "\"\\u041a\"", LIT("\xd0\x9a") },
		{ "\"\\ud83d\\ude00\"", LIT("\xf0\x9f\x98\x80") },	/* surrogate pair */
		{ "\"\\ud83dx\"", LIT("\xef\xbf\xbdx") },		/* lone high half */
		{ "\"\\ude00\"", LIT("\xef\xbf\xbd") },		/* lone low half */
		{ "\"a\\x0Bb\"", LIT("a\x0b" "b") },		/* tdesktop */
		{ "\"\\u2028\"", LIT("\xe2\x80\xa8") },
		{ "\"nul\\u0000x\"", LIT("nul\0x") },
		{ "\"\\q\"", LIT("\\q") },			/* unknown: kept */
		{ "\"raw\tcontrol\"", LIT("raw\tcontrol") },
		{ "\"\xd0\x9f\xd1\x80\xd0\xb8\"", LIT("\xd0\x9f\xd1\x80\xd0\xb8") },
		{ "\"\"", LIT("") },
	};
	size_t len;
	char *s;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		s = decode(cases[i].lit, &len);
		CHECK(s != NULL);
		if (s) {
			CHECK(len == cases[i].len);
			CHECK(memcmp(s, cases[i].want, cases[i].len) == 0);
		}
		free(s);
	}
}

/* The tokens of a buffer, one letter each: { } [ ] k s n t f 0 (null), E, !. */
static void
tokens(const char *in, char *out, size_t cap)
{
	static const char letters[] = "E.{}[]ksntf0";
	struct json_reader *j = json_new_mem(in, strlen(in));
	size_t n = 0;
	int t;

	while (n + 1 < cap && (t = json_next(j)) != JSON_END) {
		out[n++] = t < 0 ? '!' : letters[t + 1];
		if (t < 0)
			break;
	}
	out[n] = '\0';
	json_free(j);
}

static void
test_tokens(void)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
		{ "{\"a\":1,\"b\":[true,false,null,\"x\"]}", "{knk[tf0s]}" },
		{ "  [ ]  ", "[]" },
		{ "{}", "{}" },
		{ "\xef\xbb\xbf{}", "{}" },			/* byte order mark */
		{ "1 2 \"x\"", "nns" },			/* several top-level values */
		{ "[NaN,-Infinity,1.5e3,-0]", "[nnnn]" },
		{ "{\"a\" 1}", "{k!" },
		{ "{\"a\":1,}", "{kn!" },
		{ "[1,]", "[n!" },
		{ "[1 2]", "[n!" },
		{ "{1:2}", "{!" },
		{ "[}", "[!" },
		{ "]", "!" },
		{ "[tru]", "[!" },
		{ "[--]", "[!" },
		{ "[1.2.x]", "[!" },
		{ "\"abc", "!" },
		{ "\"bad \\u12G4\"", "!" },
		{ "\"bad \\x4\"", "!" },
		{ "[1", "[n!" },				/* cut short */
		{ "{\"a\":", "{k!" },
	};
	char got[64];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		tokens(cases[i].in, got, sizeof(got));
		if (strcmp(got, cases[i].want) != 0)
			fprintf(stderr, "tokens of %s: got %s\n", cases[i].in, got);
		CHECK(strcmp(got, cases[i].want) == 0);
	}
}

static void
test_errors(void)
{
	struct json_reader *j = json_new_mem("{\"a\" 1}", 7);

	CHECK(json_next(j) == JSON_BEGIN_OBJECT);
	CHECK(json_next(j) == JSON_KEY);
	CHECK(json_next(j) == JSON_ERROR);
	CHECK(strcmp(json_error(j), "expected ':'") == 0);
	CHECK(json_error_column(j) == 6);
	CHECK(json_next(j) == JSON_ERROR);	/* sticky until recovered */
	json_free(j);
}

static void
test_depth(void)
{
	size_t n = JSON_MAX_DEPTH + 10;
	char *deep = xmalloc(n * 2);
	struct json_reader *j;
	int t, errors = 0, max = 0;

	/* Nesting is bounded: a deep input is an error, never a crash. */
	memset(deep, '[', n);
	memset(deep + n, ']', n);
	j = json_new_mem(deep, n * 2);
	while ((t = json_next(j)) != JSON_END) {
		if (json_depth(j) > max)
			max = json_depth(j);
		if (t == JSON_ERROR) {
			errors++;
			CHECK(strcmp(json_error(j), "nesting too deep") == 0);
			break;
		}
	}
	CHECK(errors == 1);
	CHECK(max == JSON_MAX_DEPTH);
	json_free(j);

	/* Exactly the limit is fine. */
	j = json_new_mem(deep + 10, JSON_MAX_DEPTH * 2);
	memcpy(deep + 10 + JSON_MAX_DEPTH, deep + n, JSON_MAX_DEPTH);
	t = json_next(j);
	CHECK(json_skip(j, t) == JSON_BEGIN_ARRAY);
	CHECK(json_next(j) == JSON_END);
	json_free(j);
	free(deep);
}

static void
test_line_mode(void)
{
	static const char *const v[] = {
		"{\"a\":1}",
		"{\"a\":\"cut",		/* a string cut at the line end */
		"{\"a\":2,",		/* an object cut at the line end */
		"",
		"{\"a\":3} {\"a\":4}",
		"nonsense here",
		"{\"a\":5}",
	};
	struct lines l = { v, 0, sizeof(v) / sizeof(v[0]) };
	struct json_reader *j = json_new(next_line, &l);
	struct json_doc d = { 0 };
	char got[32];
	size_t n = 0, len;
	const char *s;
	int t;

	json_line_mode(j, 1);
	while ((t = json_next(j)) != JSON_END && n + 2 < sizeof(got)) {
		if (t == JSON_BEGIN_OBJECT && json_doc_read(j, &d, t) == 1) {
			s = json_str(&d, json_get(&d, 0, "a"), &len);
			got[n++] = len == 1 ? s[0] : '?';
			continue;
		}
		got[n++] = 'E';
		json_recover(j);
	}
	got[n] = '\0';
	CHECK(strcmp(got, "1EE34E5") == 0);
	json_doc_free(&d);
	json_free(j);

	/* Without line mode an object may span lines (pretty-printed). */
	static const char *const w[] = { "{", " \"a\":", "  [1,", "2]", "}" };
	struct lines m = { w, 0, 5 };
	j = json_new(next_line, &m);
	t = json_next(j);
	CHECK(json_doc_read(j, &d, t) == 1);
	CHECK(d.n == 4);
	CHECK(json_next(j) == JSON_END);
	json_doc_free(&d);
	json_free(j);

	/* A truncated stream: the error comes at the end. */
	static const char *const x[] = { "[", "{\"a\":1},", "{\"a\":" };
	struct lines o = { x, 0, 3 };
	j = json_new(next_line, &o);
	CHECK(json_next(j) == JSON_BEGIN_ARRAY);
	t = json_next(j);
	CHECK(json_doc_read(j, &d, t) == 1);
	t = json_next(j);
	CHECK(json_doc_read(j, &d, t) == JSON_ERROR);
	CHECK(strcmp(json_error(j), "unexpected end of input") == 0);
	json_doc_free(&d);
	json_free(j);
}

static char pathbuf[256];

static void
collect(void *ctx, const struct json_doc *d, size_t node)
{
	size_t len;
	const char *s = json_str(d, node, &len);

	(void)ctx;
	if (pathbuf[0])
		strcat(pathbuf, ",");
	strncat(pathbuf, s ? s : "-", s ? len : 1);
}

/* json_path_each of path from d's root: its count; pathbuf, what it found. */
static long
each(const struct json_doc *d, const char *path)
{
	pathbuf[0] = '\0';
	return json_path_each(d, 0, path, collect, NULL);
}

static void
test_doc(void)
{
	static const char in[] =
	    "{\"_\":\"Message\",\"message\":\"hi\",\"peer_id\":{\"channel_id\":177},"
	    "\"entities\":[{\"_\":\"MessageEntityUrl\"},{\"url\":\"u1\"},{\"url\":\"u2\"}],"
	    "\"reply_markup\":{\"rows\":[{\"buttons\":[{\"url\":\"b1\"},{\"url\":\"b2\"}]},"
	    "{\"buttons\":[{\"url\":\"b3\"}]}]},\"kb\":[[{\"d\":\"x\"}],[{\"d\":\"y\"}]],"
	    "\"e\":{},\"n\":null}";
	struct json_doc d = { 0 };
	const char *err, *s;
	size_t len, i;

	CHECK(json_doc_parse(&d, in, sizeof(in) - 1, &err) == 1);
	CHECK(d.node[0].type == JSON_BEGIN_OBJECT);
	CHECK(d.node[0].end == d.n);
	s = json_str(&d, json_get(&d, 0, "message"), &len);
	CHECK_MEM(s, len, "hi");
	CHECK(json_is(&d, json_get(&d, 0, "_"), "Message"));
	i = json_get_path(&d, 0, "peer_id.channel_id");
	CHECK(i != JSON_NONE && d.node[i].type == JSON_NUMBER);
	s = json_str(&d, i, &len);
	CHECK_MEM(s, len, "177");
	CHECK(json_get(&d, 0, "missing") == JSON_NONE);
	CHECK(json_get_path(&d, 0, "peer_id.x") == JSON_NONE);
	CHECK(json_get(&d, json_get(&d, 0, "n"), "x") == JSON_NONE);

	CHECK(each(&d, "entities[].url") == 2 && strcmp(pathbuf, "u1,u2") == 0);
	CHECK(each(&d, "reply_markup.rows[].buttons[].url") == 3 &&
	    strcmp(pathbuf, "b1,b2,b3") == 0);
	CHECK(each(&d, "kb[][].d") == 2 && strcmp(pathbuf, "x,y") == 0);
	CHECK(each(&d, "kb[1][0].d") == 1 && strcmp(pathbuf, "y") == 0);
	CHECK(each(&d, "entities[7].url") == 0 && pathbuf[0] == '\0');
	CHECK(each(&d, "message[]") == 0 && pathbuf[0] == '\0');
	CHECK(each(&d, "a..b") == -1);
	CHECK(each(&d, "a[x]") == -1);
	CHECK(each(&d, "") == -1);
	CHECK(json_path_check("text[].text") == 0);
	CHECK(json_path_check("[]") == 0);
	CHECK(json_path_check("a.") == -1);

	CHECK(json_doc_parse(&d, "{} {}", 5, &err) == -1);
	CHECK(strcmp(err, "more than one value") == 0);
	CHECK(json_doc_parse(&d, "  ", 2, &err) == -1);
	CHECK(json_doc_parse(&d, "[1,{\"a\":[]}]", 12, &err) == 1);
	CHECK(d.n == 4 && d.node[2].end == 4 && d.node[3].klen == 1);
	json_doc_free(&d);
}

/* Every prefix of a valid document is either fine or an error: no crash. */
static void
test_prefixes(void)
{
	static const char in[] =
	    "{\"a\":[1,2,{\"b\":\"c\\u00e9\\ud83d\\ude00\\x0b\"}],\"t\":true,\"n\":null}";
	struct json_doc d = { 0 };
	const char *err;
	int ok = 0;

	for (size_t n = 0; n < sizeof(in); n++)
		ok += json_doc_parse(&d, in, n, &err) == 1;
	CHECK(ok == 1);
	json_doc_free(&d);
}

int
main(void)
{
	test_strings();
	test_tokens();
	test_errors();
	test_depth();
	test_line_mode();
	test_doc();
	test_prefixes();
	return check_done();
}
