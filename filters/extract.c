/*
 * extract: find the links in messages and write one TSV record per link.
 * Input is plain text (one message a line) or TSV with a text column,
 * gzipped or not, from files or stdin.
 *	zcat logs.gz | extract | normalize | dedupe | tally -g platform,kind
 */
#include <err.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "links.h"
#include "rules.h"
#include "timefmt.h"
#include "tsv.h"
#include "util.h"

enum format { FORMAT_AUTO, FORMAT_TEXT, FORMAT_TSV };

static int		 all_links;		/* --all: also links of no known platform */
static int		 with_text;		/* --text: the whole message as a column */
static int		 show_stats;		/* --stats */
static int		 line_buffered;		/* --line-buffered */
static enum format	 format = FORMAT_AUTO;
static const char	*text_field;		/* -f; default "text" */
static const char	*time_field;		/* default "time", else "date" */
static const char	*channel_field;		/* default "channel", else "chat" */
static const char	*platforms;		/* -p a,b */
static const char	*keep_list;		/* --keep a,b */
static const char	*src_platform;		/* --src-platform NAME */

static struct links	*finder;

/* What the record being written needs from the message it came from. */
struct message {
	const char		*source;
	unsigned long long	 line;
	char			 time[21];
	const char		*channel;	/* escaped TSV bytes */
	size_t			 channel_len;
	const char		*text;		/* raw text */
	size_t			 text_len;
	struct tsv_field	*keep;		/* escaped values of --keep columns */
	size_t			 nkeep;
};

static char		**keep_names;
static size_t		 nkeep;

static unsigned long long n_messages, n_links, n_bad_time, n_skipped;

static void
usage(FILE *out, int status)
{
	fprintf(out,
	    "usage: extract [-f field] [-e pattern] [-p platform,...] [--all] [--text]\n"
	    "               [--format text|tsv] [--time-field name] [--channel-field name]\n"
	    "               [--keep col,...] [--rules file] [--src-platform name]\n"
	    "               [--stats] [--line-buffered] [file ...]\n");
	exit(status);
}

/* Split "a,b,c" into a new NULL-terminated array of names. */
static char **
split_list(const char *list, size_t *n)
{
	char **v, *copy = xstrdup(list), *p, *save = NULL;
	size_t cap = 4;

	v = xmalloc(cap * sizeof(*v));
	*n = 0;
	for (p = strtok_r(copy, ",", &save); p; p = strtok_r(NULL, ",", &save)) {
		if (*n + 2 > cap)
			v = xrealloc(v, (cap *= 2) * sizeof(*v));
		v[(*n)++] = xstrdup(p);
	}
	v[*n] = NULL;
	free(copy);
	return v;
}

static void
write_header(void)
{
	static const char *const cols[] = {
		"time", "channel", "source", "line", "platform", "url", "written", "where"
	};

	for (size_t i = 0; i < sizeof(cols) / sizeof(cols[0]); i++)
		printf("%s%s", i ? "\t" : "", cols[i]);
	if (src_platform)
		fputs("\tsrc_platform", stdout);
	for (size_t i = 0; i < nkeep; i++)
		printf("\t%s", keep_names[i]);
	if (with_text)
		fputs("\ttext", stdout);
	putchar('\n');
	/* Let the next stage check our header before any data comes. */
	fflush(stdout);
}

static void
emit(void *ctx, const struct link_hit *hit)
{
	const struct message *m = ctx;

	fputs(m->time, stdout);
	putchar('\t');
	fwrite(m->channel, 1, m->channel_len, stdout);
	putchar('\t');
	tsv_puts(stdout, m->source);
	printf("\t%llu\t", m->line);
	tsv_puts(stdout, hit->platform);
	putchar('\t');
	tsv_put(stdout, hit->url, hit->len);
	putchar('\t');
	fputs(hit->written, stdout);
	fputs("\ttext", stdout);
	if (src_platform) {
		putchar('\t');
		tsv_puts(stdout, src_platform);
	}
	for (size_t i = 0; i < m->nkeep; i++) {
		putchar('\t');
		fwrite(m->keep[i].p, 1, m->keep[i].len, stdout);
	}
	if (with_text) {
		putchar('\t');
		tsv_put(stdout, m->text, m->text_len);
	}
	putchar('\n');
	n_links++;
}

static int
scan(struct message *m, const char *where)
{
	n_messages++;
	if (links_scan(finder, m->text, m->text_len, emit, m) < 0) {
		warnx("%s:%llu: %s", where, m->line, links_error(finder));
		return -1;
	}
	return 0;
}

/* One message a line; every line is a message. */
static int
read_text(struct input *in, const char *line, size_t len)
{
	struct message m = { .source = input_label(in), .channel = "" };
	int rc = 1, bad = 0;

	while (rc > 0) {
		m.line = input_lineno(in);
		m.text = line;
		m.text_len = len;
		if (scan(&m, input_name(in)) < 0)
			bad = 1;
		rc = input_line(in, &line, &len);
	}
	return rc < 0 || bad ? -1 : 0;
}

/* First of the named column, or the fallbacks when no name was given. */
static int
find_col(struct tsv_reader *r, const char *given, const char *def1, const char *def2)
{
	int c;

	if (given)
		return tsv_col(r, given);
	if ((c = tsv_col(r, def1)) >= 0 || def2 == NULL)
		return c;
	return tsv_col(r, def2);
}

static int
read_tsv(struct tsv_reader *r)
{
	struct message m = { .source = input_label(r->in) };
	static char *text;
	static size_t cap;
	int tc, timec, chanc, *keepc, rc, bad = 0;
	struct tsv_field *f;

	tc = find_col(r, text_field, "text", NULL);
	timec = find_col(r, time_field, "time", "date");
	chanc = find_col(r, channel_field, "channel", "chat");
	if (tc < 0) {
		warnx("%s:1: no column \"%s\" (name it with -f)", tsv_name(r),
		    text_field ? text_field : "text");
		return -1;
	}
	if ((time_field && timec < 0) || (channel_field && chanc < 0)) {
		warnx("%s:1: no column \"%s\"", tsv_name(r),
		    time_field && timec < 0 ? time_field : channel_field);
		return -1;
	}
	keepc = xcalloc(nkeep, sizeof(*keepc));
	m.keep = xcalloc(nkeep, sizeof(*m.keep));
	m.nkeep = nkeep;
	for (size_t i = 0; i < nkeep; i++)
		if ((keepc[i] = tsv_col(r, keep_names[i])) < 0) {
			warnx("%s:1: no column \"%s\"", tsv_name(r), keep_names[i]);
			free(keepc);
			free(m.keep);
			return -1;
		}
	while ((rc = tsv_next(r)) > 0) {
		f = r->field;
		m.line = tsv_lineno(r);
		/* The text is escaped TSV; links end where its newlines are. */
		xgrow(&text, &cap, f[tc].len + 1);
		m.text_len = tsv_unescape(text, f[tc].p, f[tc].len);
		text[m.text_len] = '\0';
		m.text = text;
		m.time[0] = '\0';
		if (timec >= 0 && f[timec].len > 0 &&
		    time_to_iso(f[timec].p, f[timec].len, m.time) < 0) {
			m.time[0] = '\0';
			n_bad_time++;
		}
		m.channel = chanc >= 0 ? f[chanc].p : "";
		m.channel_len = chanc >= 0 ? f[chanc].len : 0;
		for (size_t i = 0; i < nkeep; i++)
			m.keep[i] = f[keepc[i]];
		if (scan(&m, tsv_name(r)) < 0)
			bad = 1;
	}
	n_skipped += r->skipped;
	free(keepc);
	free(m.keep);
	return rc < 0 || bad || r->skipped ? -1 : 0;
}

/* Does this first line look like a TSV header naming the text column? */
static int
is_tsv_header(const char *line, size_t len)
{
	const char *want = text_field ? text_field : "text";
	size_t wlen = strlen(want);
	const char *p = line, *end = line + len, *tab;

	if (memchr(line, '\t', len) == NULL)
		return 0;
	for (;;) {
		tab = memchr(p, '\t', (size_t)(end - p));
		if ((size_t)((tab ? tab : end) - p) == wlen && memcmp(p, want, wlen) == 0)
			return 1;
		if (tab == NULL)
			return 0;
		p = tab + 1;
	}
}

static int
extract_file(const char *path)
{
	struct input *in;
	struct tsv_reader *r;
	const char *line;
	size_t len;
	int rc, tsv;

	if ((in = input_open(path)) == NULL)
		return -1;
	rc = input_line(in, &line, &len);
	if (rc <= 0)
		return input_close(in) < 0 || rc < 0 ? -1 : 0;
	tsv = format == FORMAT_TSV || (format == FORMAT_AUTO && is_tsv_header(line, len));
	if (!tsv) {
		if (nkeep > 0) {
			warnx("%s: --keep needs TSV input with a header", input_name(in));
			input_close(in);
			return -1;
		}
		rc = read_text(in, line, len);
		return input_close(in) < 0 || rc < 0 ? -1 : 0;
	}
	if ((r = tsv_attach(in, line, len, 0)) == NULL)
		return -1;
	rc = read_tsv(r);
	return tsv_close(r) < 0 || rc < 0 ? -1 : 0;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "all",		no_argument,		NULL, 'a' },
		{ "channel-field",	required_argument,	NULL, 'C' },
		{ "format",		required_argument,	NULL, 'F' },
		{ "help",		no_argument,		NULL, 'h' },
		{ "keep",		required_argument,	NULL, 'K' },
		{ "line-buffered",	no_argument,		NULL, 'L' },
		{ "platform",		required_argument,	NULL, 'p' },
		{ "rules",		required_argument,	NULL, 'R' },
		{ "src-platform",	required_argument,	NULL, 'S' },
		{ "stats",		no_argument,		NULL, 's' },
		{ "text",		no_argument,		NULL, 'x' },
		{ "text-field",		required_argument,	NULL, 'f' },
		{ "time-field",		required_argument,	NULL, 'T' },
		{ "version",		no_argument,		NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	const char **patterns = NULL;
	size_t npatterns = 0;
	int ch, status = EXIT_OK, trouble = 0;

	while ((ch = getopt_long(argc, argv, "e:f:p:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'a':
			all_links = 1;
			break;
		case 'C':
			channel_field = optarg;
			break;
		case 'e':
			patterns = xrealloc(patterns, (npatterns + 1) * sizeof(*patterns));
			patterns[npatterns++] = optarg;
			break;
		case 'F':
			if (strcmp(optarg, "text") == 0)
				format = FORMAT_TEXT;
			else if (strcmp(optarg, "tsv") == 0)
				format = FORMAT_TSV;
			else
				errx(EXIT_TROUBLE, "unknown format \"%s\" (text or tsv)", optarg);
			break;
		case 'f':
			text_field = optarg;
			break;
		case 'h':
			usage(stdout, EXIT_OK);
			break;
		case 'K':
			keep_list = optarg;
			break;
		case 'L':
			line_buffered = 1;
			break;
		case 'p':
			platforms = optarg;
			break;
		case 'R':
			if (rules_load(optarg) < 0)
				exit(EXIT_TROUBLE);
			break;
		case 'S':
			src_platform = optarg;
			break;
		case 's':
			show_stats = 1;
			break;
		case 'T':
			time_field = optarg;
			break;
		case 'V':
			print_version();
			exit(EXIT_OK);
		case 'x':
			with_text = 1;
			break;
		default:
			usage(stderr, EXIT_TROUBLE);
		}
	}
	argc -= optind;
	argv += optind;

	finder = links_new(all_links ? LINKS_ALL : 0);
	for (size_t i = 0; i < npatterns; i++)
		if (links_add_pattern(finder, patterns[i]) < 0)
			exit(EXIT_TROUBLE);
	if (platforms && links_platform_filter(finder, platforms) < 0)
		exit(EXIT_TROUBLE);
	if (keep_list)
		keep_names = split_list(keep_list, &nkeep);

	if (line_buffered)
		setvbuf(stdout, NULL, _IOLBF, 0);
	else
		setvbuf(stdout, NULL, _IOFBF, 1 << 16);
	write_header();
	if (argc == 0)
		trouble |= extract_file(NULL) < 0;
	for (int i = 0; i < argc; i++)
		trouble |= extract_file(argv[i]) < 0;

	if (show_stats)
		fprintf(stderr, "extract: %llu messages, %llu links, %llu rows skipped, "
		    "%llu unparseable times\n", n_messages, n_links, n_skipped, n_bad_time);
	links_free(finder);
	for (size_t i = 0; i < nkeep; i++)
		free(keep_names[i]);
	free(keep_names);
	free(patterns);
	if (trouble)
		status = EXIT_TROUBLE;
	else if (n_links == 0)
		status = EXIT_NONE;
	return close_stdout(status);
}
