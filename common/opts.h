/*
 * opts: a filter's options, written down once. getopt_long's tables, the
 * option letters and the lines of --help are all made from one list, so
 * the three cannot drift apart; the options several filters share
 * (--where, --stats, --progress, --line-buffered, --csv-safe,
 * --files0-from, --recursive, -q, --help, --version) are written here
 * once, and a filter takes those it gives a place to (and all take
 * --files0-from, --recursive, -q, --help and --version; -q is
 * warn_set_quiet; a shared option's letter that a filter's own option has,
 * tally -r, is left to that one). A bad option gets the one answer of
 * usage_error.
 *
 *	static const struct opt own[] = {
 *		{ "url-field", 'u', "field", 'u', "read the links from this column" },
 *		{ "all", 0, NULL, 'a', "also links of no platform", &all },
 *		{ NULL, 0, NULL, 0, NULL }
 *	};
 *	struct opts o = { .usage = USAGE, .own = own, .stats = &show_stats,
 *	    .wheres = &wheres };
 *	while ((ch = opts_next(&o, argc, argv)) != -1)
 *		switch (ch) { case 'u': ... }	// --stats has set show_stats
 */
#ifndef CROSSLINK_OPTS_H
#define CROSSLINK_OPTS_H

#include <stdio.h>

#include "util.h"
#include "where.h"

struct opt {
	const char	*name;		/* long name, without "--" */
	int		 letter;	/* short name, or 0 */
	const char	*arg;		/* the argument's name, or NULL */
	int		 val;		/* what opts_next returns (0 ends the list) */
	const char	*help;		/* one line for --help */
	int		*set;		/* a flag: opts_next sets *set to 1 */
};

struct opts {
	const char	*usage;		/* the usage lines, each ending "\n" */
	const struct opt *own;		/* the filter's own options */
	const char	*extra;		/* a last line for --help, or NULL */
	/* the shared options the filter takes, and where they go */
	struct where_list *wheres;	/* --where */
	int		*stats;		/* --stats */
	int		*progress;	/* --progress */
	int		*line_buffered;	/* --line-buffered */
	int		*csv_safe;	/* --csv-safe */
	const char	*files0;	/* --files0-from F: every filter takes it */
	int		 recursive;	/* -r, --recursive: every filter takes it */
	/* getopt_long's tables, made on the first call */
	struct opt	*all;
	void		*longopts;
	char		*shortopts;
};

/*
 * The next of the filter's own options in argv, as getopt_long: its val
 * (optarg set when it takes an argument), or -1 after the last; operands
 * start at optind. Flags (.set) and shared options are taken care of (--help and --version
 * print and exit 0); a bad option ends the program through usage_error.
 */
int	 opts_next(struct opts *o, int argc, char *argv[]);

/*
 * Read each input with fn: the operands after the options (argv from
 * optind), or the names --files0-from gives; under -r, a folder among
 * them as the regular files below it, in the byte order of their paths;
 * under --progress, a line on stderr while they are read; then the count
 * of each kind of warning (warn_summary). 0, or -1 when one failed
 * (each_input).
 */
int	 opts_inputs(const struct opts *o, int argc, char *argv[], each_input_fn *fn,
	    void *ctx);

/* --help: the usage lines, then every option on a line of its own. */
void	 opts_help(const struct opts *o, FILE *out);

void	 opts_free(struct opts *o);

#endif
