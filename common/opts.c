/*
 * opts: getopt_long's tables made from a filter's own options and the
 * shared ones it names, on the first call, and --help's lines from the
 * same list.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "opts.h"
#include "progress.h"
#include "util.h"
#include "warn.h"

enum { V_WHERE = 0x100, V_STATS, V_PROGRESS, V_LINE_BUFFERED, V_CSV_SAFE, V_FILES0,
    V_QUIET, V_HELP, V_VERSION };

/* The shared options, in the order --help lists them after a filter's own. */
static const struct opt shared[] = {
	{ "where", 0, "col=value", V_WHERE,
	    "only rows whose column holds value (or col!=value)", NULL },
	{ "stats", 0, NULL, V_STATS, "counts on stderr at the end", NULL },
	{ "progress", 0, NULL, V_PROGRESS,
	    "rate and ETA on stderr while reading", NULL },
	{ "line-buffered", 0, NULL, V_LINE_BUFFERED,
	    "write each row at once (tail -f)", NULL },
	{ "csv-safe", 0, NULL, V_CSV_SAFE,
	    "a ' before fields a spreadsheet would run", NULL },
	{ "files0-from", 0, "F", V_FILES0,
	    "read the names of the inputs from F, NUL-ended", NULL },
	{ "quiet", 'q', NULL, V_QUIET,
	    "no warnings (errors are still printed)", NULL },
	{ "help", 'h', NULL, V_HELP, "this help", NULL },
	{ "version", 0, NULL, V_VERSION, "the version", NULL },
};

/* Does the filter take shared option val (has it given it a place)? */
static int
takes(const struct opts *o, int val)
{
	switch (val) {
	case V_WHERE:		return o->wheres != NULL;
	case V_STATS:		return o->stats != NULL;
	case V_PROGRESS:	return o->progress != NULL;
	case V_LINE_BUFFERED:	return o->line_buffered != NULL;
	case V_CSV_SAFE:	return o->csv_safe != NULL;
	}
	return 1;		/* --files0-from, --quiet, --help, --version */
}

static void
build(struct opts *o)
{
	size_t n = 0, a = 0, s = 0, l = 0;
	struct option *lo;

	while (o->own[n].val)
		n++;
	o->all = xcalloc(n + sizeof(shared) / sizeof(shared[0]) + 1, sizeof(*o->all));
	memcpy(o->all, o->own, n * sizeof(*o->all));
	a = n;
	for (size_t i = 0; i < sizeof(shared) / sizeof(shared[0]); i++)
		if (takes(o, shared[i].val))
			o->all[a++] = shared[i];
	lo = xcalloc(a + 1, sizeof(*lo));
	o->shortopts = xmalloc(2 * a + 2);
	o->shortopts[s++] = ':';	/* a missing argument returns ':' */
	for (size_t i = 0; i < a; i++) {
		if (o->all[i].name) {
			lo[l].name = o->all[i].name;
			lo[l].has_arg = o->all[i].arg ? required_argument : no_argument;
			lo[l].val = o->all[i].val;
			l++;
		}
		if (o->all[i].letter) {
			o->shortopts[s++] = (char)o->all[i].letter;
			if (o->all[i].arg)
				o->shortopts[s++] = ':';
		}
	}
	o->shortopts[s] = '\0';
	o->longopts = lo;
	opterr = 0;	/* our own message: usage_error */
}

/* The option getopt returned ch for, or NULL. */
static const struct opt *
option_of(const struct opts *o, int ch)
{
	for (size_t i = 0; o->all[i].val; i++)
		if ((ch == o->all[i].val && o->all[i].name) ||
		    (o->all[i].letter && ch == o->all[i].letter))
			return &o->all[i];
	return NULL;
}

int
opts_next(struct opts *o, int argc, char *argv[])
{
	int ch;

	if (o->all == NULL)
		build(o);
	for (;;) {
		if ((ch = getopt_long(argc, argv, o->shortopts, o->longopts, NULL)) == -1)
			return -1;
		const struct opt *opt = option_of(o, ch);

		if (opt == NULL)
			getopt_failed(ch, argv);
		if (opt->set) {
			*opt->set = 1;
			continue;
		}
		switch (ch = opt->val) {
		case V_WHERE:
			if (where_add(o->wheres, optarg) < 0)
				exit(EXIT_TROUBLE);
			break;
		case V_STATS:
			*o->stats = 1;
			break;
		case V_PROGRESS:
			*o->progress = 1;
			break;
		case V_LINE_BUFFERED:	/* tail -f log | extract --line-buffered */
			*o->line_buffered = 1;
			setvbuf(stdout, NULL, _IOLBF, 0);
			break;
		case V_CSV_SAFE:
			*o->csv_safe = 1;
			break;
		case V_FILES0:
			o->files0 = optarg;
			break;
		case V_QUIET:
			warn_set_quiet(1);
			break;
		case V_HELP:
			opts_help(o, stdout);
			exit(close_stdout(EXIT_OK));
		case V_VERSION:
			print_version();
			exit(close_stdout(EXIT_OK));
		default:
			return ch;
		}
	}
}

int
opts_inputs(const struct opts *o, int argc, char *argv[], each_input_fn *fn, void *ctx)
{
	int rc;

	if (o->progress && *o->progress)
		progress_start(program_name());
	rc = each_input(argc - optind, argv + optind, o->files0,
	    fn, ctx);
	progress_end();
	warn_summary();		/* before the filter's --stats line */
	return rc;
}

void
opts_help(const struct opts *o, FILE *out)
{
	fputs(o->usage, out);
	fputs("options:\n", out);
	for (size_t i = 0; o->all && o->all[i].val; i++) {
		const struct opt *p = &o->all[i];
		char left[64];
		int n;

		if (p->letter && p->name)
			n = snprintf(left, sizeof(left), "-%c, --%s", p->letter, p->name);
		else if (p->letter)
			n = snprintf(left, sizeof(left), "-%c", p->letter);
		else
			n = snprintf(left, sizeof(left), "    --%s", p->name);
		if (p->arg && n > 0 && (size_t)n < sizeof(left))
			snprintf(left + n, sizeof(left) - (size_t)n, " %s", p->arg);
		fprintf(out, "  %-28s %s\n", left, p->help);
	}
	if (o->extra)
		fputs(o->extra, out);
}

void
opts_free(struct opts *o)
{
	free(o->all);
	free(o->longopts);
	free(o->shortopts);
}
