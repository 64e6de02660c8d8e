/*
 * util: allocation that cannot fail, number parsing, the list of inputs,
 * the checked close of stdout. See util.h.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "util.h"

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		xerrx(EXIT_TROUBLE, "out of memory (%zu bytes)", n);
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		xerrx(EXIT_TROUBLE, "out of memory (%zu x %zu bytes)", n, size);
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		xerrx(EXIT_TROUBLE, "out of memory (%zu bytes)", n);
	return p;
}

char *
xstrdup(const char *s)
{
	return xmemdup(s, strlen(s));
}

char *
xmemdup(const void *p, size_t n)
{
	char *s = xmalloc(n + 1);

	memcpy(s, p, n);
	s[n] = '\0';
	return s;
}

void
xgrow(char **buf, size_t *cap, size_t need)
{
	size_t n = *cap ? *cap : 256;

	if (need <= *cap)
		return;
	while (n < need) {
		if (n > SIZE_MAX / 2)
			xerrx(EXIT_TROUBLE, "out of memory (%zu bytes)", need);
		n *= 2;
	}
	*buf = xrealloc(*buf, n);
	*cap = n;
}

int
parse_count(const char *s, unsigned long long max, unsigned long long *value)
{
	unsigned long long v = 0;

	if (*s == '\0')
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		if (v > (max - (unsigned)(*s - '0')) / 10)
			return -1;
		v = v * 10 + (unsigned)(*s - '0');
	}
	*value = v;
	return 0;
}

int
parse_size(const char *s, unsigned long long *value)
{
	static const char units[] = "kMG";
	unsigned long long v, mul = 1;
	const char *u;
	size_t n = strlen(s);
	char *digits;
	int rc;

	if (n > 0 && (u = strchr(units, s[n - 1])) != NULL) {
		mul = 1ULL << (10 * (u - units + 1));
		n--;
	}
	digits = xmemdup(s, n);
	rc = parse_count(digits, ULLONG_MAX / mul, &v);
	free(digits);
	if (rc < 0 || v == 0)
		return -1;
	*value = v * mul;
	return 0;
}

int
each_input(int argc, char *argv[], const char *files0, each_input_fn *fn, void *ctx)
{
	FILE *list;
	char *name = NULL;
	size_t cap = 0;
	ssize_t len;
	unsigned long long n = 0;
	int status = 0, on_stdin;

	if (files0 == NULL) {
		if (argc == 0)
			return fn(ctx, "-") < 0 ? -1 : 0;
		for (int i = 0; i < argc; i++)
			if (fn(ctx, argv[i]) < 0)
				status = -1;
		return status;
	}
	if (argc > 0)
		xerrx(EXIT_TROUBLE, "file operands cannot be combined with --files0-from");
	on_stdin = strcmp(files0, "-") == 0;
	if ((list = on_stdin ? stdin : fopen(files0, "r")) == NULL) {
		xwarn("%s", files0);
		return -1;
	}
	while ((len = getdelim(&name, &cap, '\0', list)) > 0) {
		n++;
		if (name[len - 1] == '\0')
			len--;
		if (len == 0) {
			xwarnx("%s:%llu: invalid zero-length file name", files0, n);
			status = -1;
		} else if (on_stdin && strcmp(name, "-") == 0) {
			/* The data cannot come from where the names do. */
			xwarnx("%s:%llu: file name \"-\" not allowed when the list is stdin",
			    files0, n);
			status = -1;
		} else if (fn(ctx, name) < 0)
			status = -1;
	}
	if (ferror(list)) {
		xwarn("%s", files0);
		status = -1;
	}
	free(name);
	if (!on_stdin)
		fclose(list);
	return status;
}

int
ascii_casecmp_n(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		int d = ascii_lower((unsigned char)a[i]) - ascii_lower((unsigned char)b[i]);
		if (d)
			return d;
	}
	return 0;
}

int
name_index(const char *const *names, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return (int)i;
	return -1;
}

void
free_strings(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

int
close_stdout(int status)
{
	/*
	 * A full disk shows only when the buffer is flushed: check both the
	 * error flag and the close itself, as a write error loses data.
	 */
	int bad = fflush(stdout) == EOF || ferror(stdout);
	int saved = errno;

	if (fclose(stdout) == EOF && !bad) {
		bad = 1;
		saved = errno;
	}
	if (bad) {
		xwarnx("stdout: %s", saved ? strerror(saved) : "write error");
		return EXIT_TROUBLE;
	}
	return status;
}

size_t
utf8_put(char out[4], unsigned long c)
{
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xc0 | c >> 6);
		out[1] = (char)(0x80 | (c & 0x3f));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char)(0xe0 | c >> 12);
		out[1] = (char)(0x80 | (c >> 6 & 0x3f));
		out[2] = (char)(0x80 | (c & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | c >> 18);
	out[1] = (char)(0x80 | (c >> 12 & 0x3f));
	out[2] = (char)(0x80 | (c >> 6 & 0x3f));
	out[3] = (char)(0x80 | (c & 0x3f));
	return 4;
}

size_t
utf8_len(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned char lo = 0x80, hi = 0xbf;
	size_t need, i;

	if (n == 0)
		return 0;
	if (u[0] < 0x80)
		return 1;
	if (u[0] >= 0xc2 && u[0] <= 0xdf)
		need = 2;
	else if (u[0] >= 0xe0 && u[0] <= 0xef) {
		need = 3;
		if (u[0] == 0xe0)
			lo = 0xa0;		/* overlong */
		else if (u[0] == 0xed)
			hi = 0x9f;		/* surrogates */
	} else if (u[0] >= 0xf0 && u[0] <= 0xf4) {
		need = 4;
		if (u[0] == 0xf0)
			lo = 0x90;		/* overlong */
		else if (u[0] == 0xf4)
			hi = 0x8f;		/* past U+10FFFF */
	} else
		return 0;
	if (n < need || u[1] < lo || u[1] > hi)
		return 0;
	for (i = 2; i < need; i++)
		if ((u[i] & 0xc0) != 0x80)
			return 0;
	return need;
}

int
utf8_control(const unsigned char *s, size_t len, unsigned *cp)
{
	if (len == 2 && s[0] == 0xc2 && s[1] <= 0x9f) {
		*cp = s[1];
		return 1;
	}
	if (len != 3 || s[0] != 0xe2)
		return 0;
	*cp = 0x2000 | (s[1] & 0x3fu) << 6 | (s[2] & 0x3fu);
	return (*cp >= 0x2028 && *cp <= 0x202e) || (*cp >= 0x2066 && *cp <= 0x2069);
}

void
usage_error(const char *fmt, ...)
{
	va_list ap, again;
	char *what;
	int n;

	fflush(stdout);
	va_start(ap, fmt);
	va_copy(again, ap);
	n = vsnprintf(NULL, 0, fmt, again);
	va_end(again);
	what = xmalloc(n > 0 ? (size_t)n + 1 : 1);
	what[0] = '\0';
	vsnprintf(what, n > 0 ? (size_t)n + 1 : 1, fmt, ap);
	va_end(ap);
	xwarnx("%s", what);	/* the option, as typed, is shown safely */
	free(what);
	fprintf(stderr, "Try '%s --help' for the options.\n", program_name());
	exit(EXIT_TROUBLE);
}

void
getopt_failed(int ch, char *argv[])
{
	if (ch == ':')
		usage_error("option %s needs an argument", argv[optind - 1]);
	if (optopt)
		usage_error("unknown option -%c", optopt);
	usage_error("unknown option %s", argv[optind - 1]);
}

/*
 * The program's name as err(3) prints it: glibc and musl keep it in
 * program_invocation_short_name, the BSDs and macOS behind getprogname().
 */
const char *
program_name(void)
{
#if defined(__GLIBC__) || defined(__linux__)
	extern char *program_invocation_short_name;

	return program_invocation_short_name;
#elif defined(__APPLE__) || defined(__FreeBSD__) || defined(__OpenBSD__) || \
    defined(__NetBSD__) || defined(__DragonFly__)
	return getprogname();
#else
	return "crosslink";
#endif
}

void
print_version(void)
{
	printf("%s (crosslink) %s\n", program_name(), CROSSLINK_VERSION);
}

static void
merge_pass(const char *src, char *dst, size_t n, size_t size, size_t width,
    int (*cmp)(const void *, const void *, void *), void *ctx)
{
	for (size_t lo = 0; lo < n; lo += 2 * width) {
		size_t mid = lo + width < n ? lo + width : n;
		size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
		size_t i = lo, j = mid, k = lo;

		while (i < mid && j < hi)
			if (cmp(src + j * size, src + i * size, ctx) < 0)
				memcpy(dst + k++ * size, src + j++ * size, size);
			else
				memcpy(dst + k++ * size, src + i++ * size, size);
		memcpy(dst + k * size, src + i * size, (mid - i) * size);
		k += mid - i;
		memcpy(dst + k * size, src + j * size, (hi - j) * size);
	}
}

void
sort_r(void *base, size_t n, size_t size,
    int (*cmp)(const void *, const void *, void *), void *ctx)
{
	char *a = base, *b, *from, *to;
	size_t width;

	if (n < 2)
		return;
	b = xmalloc(n * size);
	from = a, to = b;
	for (width = 1; width < n; width *= 2) {
		char *t;

		merge_pass(from, to, n, size, width, cmp, ctx);
		t = from, from = to, to = t;
	}
	if (from != a)
		memcpy(a, from, n * size);
	free(b);
}
