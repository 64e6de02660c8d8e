/*
 * opts: a filter's options, written down once. getopt_long's tables, the
 * option letters and the lines of --help are all made from one list, so
 * the three cannot drift apart; a bad option gets the one answer of
 * usage_error (util.h).
 *
 *	static const struct opt list[] = {
 *		{ "url-field", 'u', "field", 'u', "read the links from this column" },
 *		{ "stats", 0, NULL, 'S', "counts on stderr at the end" },
 *		{ NULL, 0, NULL, 0, NULL }
 *	};
 *	while ((ch = opts_next(list, argc, argv)) != -1)
 *		switch (ch) { ... }
 */
#ifndef CROSSLINK_OPTS_H
#define CROSSLINK_OPTS_H

#include <stdio.h>

struct opt {
	const char	*name;		/* long name, without "--" */
	int		 letter;	/* short name, or 0 */
	const char	*arg;		/* the argument's name, or NULL */
	int		 val;		/* what opts_next returns (0 ends the list) */
	const char	*help;		/* one line for --help */
};

/*
 * The next option of argv, as getopt_long: its val (optarg set when it
 * takes an argument), or -1 after the last; operands start at optind. A
 * bad option ends the program through usage_error.
 */
int	 opts_next(const struct opt *list, int argc, char *argv[]);

/* The usage lines, then every option on a line of its own. */
void	 opts_help(FILE *out, const char *usage, const struct opt *list);

#endif
