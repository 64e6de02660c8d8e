/*
 * opts: getopt_long's tables made from a filter's own options and the
 * shared ones it names, on the first call, and --help's lines from the
 * same list. -r walks folders here, once for every filter: why in the
 * order of `find DIR -type f | LC_ALL=C sort`? So that a run over a tree
 * of exports is the same run as over the list of its files, whatever
 * order the file system keeps its entries in, and without holding the
 * whole tree's names: each folder's entries are sorted by name, a
 * folder's name as if a "/" followed it, which is the byte order of the
 * whole paths. Symbolic links below the top are not followed (as grep -r):
 * a link to a folder could loop or read a tree twice.
 */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>

#include "input.h"
#include "msg.h"
#include "opts.h"
#include "progress.h"
#include "util.h"
#include "warn.h"

enum { V_WHERE = 0x100, V_STATS, V_PROGRESS, V_LINE_BUFFERED, V_CSV_SAFE, V_FILES0,
    V_RECURSIVE, V_MAX_RECORD, V_QUIET, V_HELP, V_VERSION };

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
	    "a ' before cells a spreadsheet would run", NULL },
	{ "files0-from", 0, "F", V_FILES0,
	    "read the names of the inputs from F, NUL-ended", NULL },
	{ "recursive", 'r', NULL, V_RECURSIVE,
	    "read every file below a folder, in name order", NULL },
	{ "max-record", 0, "SIZE", V_MAX_RECORD,
	    "skip a record longer than SIZE (default 256M)", NULL },
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
	return 1;	/* --files0-from, --recursive, --max-record, -q, --help, --version */
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
		if (takes(o, shared[i].val)) {
			o->all[a] = shared[i];
			/* a filter's own letter wins (tally -r): the long name only */
			for (size_t j = 0; j < n; j++)
				if (o->all[a].letter && o->own[j].letter == o->all[a].letter)
					o->all[a].letter = 0;
			a++;
		}
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
		case V_RECURSIVE:
			o->recursive = 1;
			break;
		case V_MAX_RECORD: {
			unsigned long long size;

			if (parse_size(optarg, &size) < 0 || size > SIZE_MAX / 2)
				usage_error("--max-record: \"%s\" is not a size (512k, 16M, 1G)",
				    optarg);
			input_set_max_record((size_t)size);
			break;
		}
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

/* -r: the filter's function for each file, and the path being built. */
struct walk {
	each_input_fn	*fn;
	void		*ctx;
	char		*path;
	size_t		 cap;
};

struct entry {
	char		*name;
	int		 dir;		/* sorted as if "name/" */
};

/* Byte order of the paths: a folder's name is compared as "name/". */
static int
entry_cmp(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	size_t i = 0;

	for (;; i++) {
		int cx = x->name[i] ? (unsigned char)x->name[i] : x->dir ? '/' : 0;
		int cy = y->name[i] ? (unsigned char)y->name[i] : y->dir ? '/' : 0;

		if (cx != cy || cx == 0 || cx == '/')
			return cx - cy;
	}
}

/*
 * Read the regular files below the folder w->path[0..len), in order, and
 * the folders in it, not through a link. 0, or -1 when one failed.
 */
static int
walk_dir(struct walk *w, size_t len)
{
	struct entry *e = NULL;
	struct dirent *d;
	struct stat st;
	size_t n = 0, cap = 0, k;
	int status = 0;
	DIR *dir;

	if ((dir = opendir(w->path)) == NULL) {
		xwarn("%s", w->path);
		return -1;
	}
	if (len > 0 && w->path[len - 1] != '/')
		w->path[len++] = '/';
	while ((errno = 0, d = readdir(dir)) != NULL) {
		if (strcmp(d->d_name, ".") == 0 || strcmp(d->d_name, "..") == 0)
			continue;
		k = strlen(d->d_name);
		xgrow(&w->path, &w->cap, len + k + 2);
		memcpy(w->path + len, d->d_name, k + 1);
		if (lstat(w->path, &st) < 0) {
			xwarn("%s", w->path);
			status = -1;
			continue;
		}
		if (!S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))
			continue;	/* links, fifos, devices, sockets */
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			e = xrealloc(e, cap * sizeof(*e));
		}
		e[n].name = xstrdup(d->d_name);
		e[n++].dir = S_ISDIR(st.st_mode);
	}
	if (errno != 0) {
		w->path[len] = '\0';
		xwarn("%s", w->path);
		status = -1;
	}
	closedir(dir);
	if (n > 0)		/* an empty folder has no array */
		qsort(e, n, sizeof(*e), entry_cmp);
	for (size_t i = 0; i < n; i++) {
		k = strlen(e[i].name);
		xgrow(&w->path, &w->cap, len + k + 2);
		memcpy(w->path + len, e[i].name, k + 1);
		if ((e[i].dir ? walk_dir(w, len + k) : w->fn(w->ctx, w->path)) < 0)
			status = -1;
		free(e[i].name);
	}
	free(e);
	return status;
}

/* -r: a folder named is walked; anything else goes to the filter as it is. */
static int
walk_input(void *ctx, const char *name)
{
	struct walk *w = ctx;
	struct stat st;
	size_t len;

	if (strcmp(name, "-") == 0 || stat(name, &st) < 0 || !S_ISDIR(st.st_mode))
		return w->fn(w->ctx, name);
	len = strlen(name);
	xgrow(&w->path, &w->cap, len + 2);
	memcpy(w->path, name, len + 1);
	return walk_dir(w, len);
}

int
opts_inputs(const struct opts *o, int argc, char *argv[], each_input_fn *fn, void *ctx)
{
	struct walk w = { fn, ctx, NULL, 0 };
	int rc;

	if (o->progress && *o->progress)
		progress_start(program_name());
	if (o->recursive)
		rc = each_input(argc - optind, argv + optind, o->files0,
		    walk_input, &w);
	else
		rc = each_input(argc - optind, argv + optind, o->files0,
		    fn, ctx);
	free(w.path);
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
