/*
 * test_table: every row of the platform table, walked with a link made
 * from its own shape. For each row that gives a key: extract finds the
 * link whole in a sentence, normalize gives the row's kind and the key its
 * template makes of the sample values, and the key, read again, is itself.
 * The rows are read from common/platforms.tsv by this file's own simple
 * reader, not by table.c, so a mistake there cannot hide here.
 */
#define PCRE2_CODE_UNIT_WIDTH 8

#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "keys.h"
#include "links.h"

#define MAXC 8

struct sample {
	char	 name[32];
	char	 value[64];
};

static struct sample caps[MAXC];
static int ncaps;

/* Values tried, in turn, for a capture: the first its class accepts. */
static const char *const tries[] = {
	"AbC123", "abc123", "v1ab2c", "@Chan", "Chan", "ABCD1234", "12345",
	"+12345678", "Ab1-x_2", "Ab.C12", "abc", NULL
};

static int
accepts(const char *pattern, const char *s)
{
	int code;
	PCRE2_SIZE off;
	pcre2_code *re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
	    PCRE2_ANCHORED | PCRE2_ENDANCHORED | PCRE2_CASELESS, &code, &off, NULL);
	pcre2_match_data *md;
	int rc;

	if (re == NULL)
		return 0;
	md = pcre2_match_data_create_from_pattern(re, NULL);
	rc = pcre2_match(re, (PCRE2_SPTR)s, strlen(s), 0, 0, md, NULL);
	pcre2_match_data_free(md);
	pcre2_code_free(re);
	return rc >= 0;
}

/* The class of "{name:class,len}" as a pattern this test writes itself. */
static void
class_pattern(const char *spec, char *out, size_t outsz)
{
	const char *cls = "token", *len = "";
	char c[200];
	static const struct { const char *n, *set; } sets[] = {
		{ "token", "[A-Za-z0-9_-]" }, { "alnum", "[A-Za-z0-9]" },
		{ "digits", "[0-9]" }, { "word", "[A-Za-z0-9_]" },
		{ "name", "[A-Za-z0-9_.-]" }, { "hex", "[0-9A-Fa-f]" },
		{ "handle", "[A-Za-z0-9_.-]" }, { "any", "[^/]" }, { "rest", "." },
	};
	char *comma;

	snprintf(c, sizeof(c), "%s", spec);
	if (strchr(c, '~')) {
		snprintf(out, outsz, "(?:%s)", strchr(c, '~') + 1);
		return;
	}
	if (strchr(c, ':'))
		cls = strchr(c, ':') + 1;
	if ((comma = strchr(cls, ',')) != NULL) {
		*comma = '\0';
		len = comma + 1;
	}
	if (strchr(cls, '|')) {
		snprintf(out, outsz, "(?:%s)", cls);
		return;
	}
	if (strcmp(cls, "phone") == 0) {
		snprintf(out, outsz, "\\+?[0-9]{5,}");
		return;
	}
	for (size_t i = 0; i < sizeof(sets) / sizeof(sets[0]); i++)
		if (strcmp(sets[i].n, cls) == 0) {
			if (*len)
				snprintf(out, outsz, "%s{%s}", sets[i].set, len);
			else
				snprintf(out, outsz, "%s+", sets[i].set);
			for (char *d = strchr(out, '{'); d && *len; d = NULL)
				if ((d = strchr(d, '-')) != NULL && d[-1] != '_')
					*d = ',';
			return;
		}
	snprintf(out, outsz, "(*FAIL)");
}

/* A value for "{...}"; words give their first, lengths are met. */
static const char *
sample_for(const char *spec)
{
	static char v[64];
	char pat[300];
	const char *cls = strchr(spec, ':');

	if (cls && !strchr(spec, '~') && strchr(cls, '|')) {
		snprintf(v, sizeof(v), "%.*s", (int)strcspn(cls + 1, "|"), cls + 1);
		return v;
	}
	class_pattern(spec, pat, sizeof(pat));
	for (size_t i = 0; tries[i]; i++)
		if (accepts(pat, tries[i]))
			return tries[i];
	/* a fixed length: that many of "A1b2..." cut to size */
	for (size_t n = 1; n < 40; n++) {
		snprintf(v, sizeof(v), "%.*s", (int)n, "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8S9t0");
		if (accepts(pat, v))
			return v;
	}
	return NULL;
}

/* Expand a shape into a link's path, query and fragment. */
static int
fill_shape(const char *shape, char *out, size_t outsz)
{
	size_t o = 0;

	ncaps = 0;
	for (const char *s = shape; *s; ) {
		if (*s == '{') {
			const char *e = s + 1, *v;
			char spec[200];

			/* a capture holds at most one level of braces: {x~[0-9]{8}} */
			for (e += strcspn(e, "{}"); *e == '{'; e += strcspn(e, "{}"))
				e += strcspn(e, "}") + 1;
			snprintf(spec, sizeof(spec), "%.*s", (int)(e - s - 1), s + 1);
			if ((v = sample_for(spec)) == NULL || ncaps == MAXC)
				return -1;
			snprintf(caps[ncaps].name, sizeof(caps[0].name), "%.*s",
			    (int)strcspn(spec, ":,~"), spec);
			snprintf(caps[ncaps].value, sizeof(caps[0].value), "%s", v);
			ncaps++;
			o += (size_t)snprintf(out + o, outsz - o, "%s", v);
			s = e + 1;
		} else {
			if (*s != '$' && *s != '*')
				out[o++] = *s;
			s++;
		}
		if (o + 70 > outsz)
			return -1;
	}
	out[o] = '\0';
	return 0;
}

static const char *
value_of(const char *name, size_t n)
{
	for (int i = 0; i < ncaps; i++)
		if (strlen(caps[i].name) == n && memcmp(caps[i].name, name, n) == 0)
			return caps[i].value;
	return NULL;
}

/* The key a template makes of the samples (host: the link's). */
static int
fill_key(const char *tmpl, const char *host, char *out, size_t outsz)
{
	size_t o = 0;

	for (const char *t = tmpl; *t && o + 80 < outsz; ) {
		const char *e, *v, *f;
		size_t nl;

		if (*t != '{') {
			out[o++] = *t++;
			continue;
		}
		e = strchr(t, '}');
		nl = strcspn(t + 1, ":}");
		v = nl == 4 && memcmp(t + 1, "host", 4) == 0 ? host : value_of(t + 1, nl);
		if (v == NULL)
			return -1;
		for (; *v; v++) {
			int c = (unsigned char)*v;

			f = t + 1 + nl;
			if (strstr(f, ":digits") && f < e && !(c >= '0' && c <= '9'))
				continue;
			if (strstr(f, ":nodots") && c == '.')
				continue;
			if (strstr(f, ":lower") && strstr(f, ":lower") < e && c >= 'A' && c <= 'Z')
				c += 32;
			if (strstr(f, ":upper") && strstr(f, ":upper") < e && c >= 'a' && c <= 'z')
				c -= 32;
			out[o++] = (char)c;
		}
		t = e + 1;
	}
	out[o] = '\0';
	return 0;
}

struct found {
	char	 url[600];
	int	 n;
};

static void
on_link(void *ctx, const struct link_hit *h)
{
	struct found *f = ctx;

	if (f->n++ == 0)
		snprintf(f->url, sizeof(f->url), "%.*s", (int)h->len, h->url);
}

int
main(void)
{
	FILE *tsv = fopen("common/platforms.tsv", "r");
	struct keys *k = keys_new();
	struct links *lk = links_new(LINKS_ALL);
	struct key_result r;
	char *line = NULL, hosts[1000] = "", path[600], url[1000], key[1000];
	char text[1100];
	size_t cap = 0;
	int rows = 0, walked = 0, lineno = 0;

	if (tsv == NULL) {
		perror("common/platforms.tsv");
		return 1;
	}
	while (getline(&line, &cap, tsv) > 0) {
		char *f[6] = { 0 }, *p = line, host[300];
		int nf = 0;
		struct found fd = { "", 0 };

		lineno++;
		line[strcspn(line, "\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		while (nf < 6 && p) {
			f[nf++] = p;
			if ((p = strchr(p, '\t')) != NULL)
				*p++ = '\0';
		}
		if (strcmp(f[0], "probe") == 0)
			continue;	/* test_probe_rules reads those */
		if (strcmp(f[0], "^") != 0)
			snprintf(hosts, sizeof(hosts), "%s", f[0]);
		rows++;
		/* rows with a key template; the other kinds' key is the link */
		if (nf < 5 || f[2][0] == '@' || f[2][0] == '=' || strcmp(f[4], "-") == 0)
			continue;
		snprintf(host, sizeof(host), "%.*s", (int)strcspn(hosts, " "), hosts);
		if (host[0] == '*')
			memmove(host, "sub", 3);	/* "*.t.me": sub.t.me */
		if (fill_shape(f[3], path, sizeof(path)) < 0) {
			fprintf(stderr, "line %d: no sample for %s\n", lineno, f[3]);
			CHECK(0);
			continue;
		}
		if (host[strlen(host) - 1] == ':')
			snprintf(url, sizeof(url), "%s/%s", host, path);
		else
			snprintf(url, sizeof(url), "https://%s%s", host, path);
		if (fill_key(f[4], host, key, sizeof(key)) < 0) {
			fprintf(stderr, "line %d: key %s names no capture\n", lineno, f[4]);
			CHECK(0);
			continue;
		}
		walked++;
		/* extract: found whole, in running text (web schemes only) */
		if (host[strlen(host) - 1] != ':') {
			snprintf(text, sizeof(text), "see %s now", url);
			links_scan(lk, text, strlen(text), on_link, &fd);
			if (fd.n != 1 || strcmp(fd.url, url) != 0)
				fprintf(stderr, "line %d: extract found %d, \"%s\", in \"%s\"\n",
				    lineno, fd.n, fd.url, text);
			CHECK(fd.n == 1 && strcmp(fd.url, url) == 0);
		}
		/* normalize: the row's kind and its template's key */
		keys_classify(k, url, strlen(url), &r);
		if (strcmp(r.kind, f[2]) != 0 || r.key_len != strlen(key) ||
		    memcmp(r.key, key, r.key_len) != 0)
			fprintf(stderr, "line %d: %s: got %s \"%.*s\", want %s \"%s\"\n",
			    lineno, url, r.kind, (int)r.key_len, r.key, f[2], key);
		CHECK(strcmp(r.kind, f[2]) == 0);
		CHECK_MEM(r.key, r.key_len, key);
		/* the key, read again, is itself */
		keys_classify(k, key, strlen(key), &r);
		if (r.key_len != strlen(key) || memcmp(r.key, key, r.key_len) != 0)
			fprintf(stderr, "line %d: key %s read again is \"%.*s\"\n",
			    lineno, key, (int)r.key_len, r.key);
		CHECK_MEM(r.key, r.key_len, key);
	}
	fprintf(stderr, "%d rows, %d walked with a sample link\n", rows, walked);
	CHECK(walked >= 120);
	free(line);
	fclose(tsv);
	links_free(lk);
	keys_free(k);
	return check_done();
}
