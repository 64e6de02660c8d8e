/*
 * opts: getopt_long's tables made from a filter's list of options, on the
 * first call, and --help's lines from the same list.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "opts.h"
#include "util.h"

static const struct opt	*built;		/* the list the tables below are of */
static struct option	*longopts;
static char		*shortopts;

static void
build(const struct opt *list)
{
	size_t n = 0, s = 0;

	while (list[n].val)
		n++;
	free(longopts);
	free(shortopts);
	longopts = xcalloc(n + 1, sizeof(*longopts));
	shortopts = xmalloc(2 * n + 2);
	shortopts[s++] = ':';		/* a missing argument returns ':' */
	for (size_t i = 0, l = 0; i < n; i++) {
		if (list[i].name) {
			longopts[l].name = list[i].name;
			longopts[l].has_arg = list[i].arg ? required_argument : no_argument;
			longopts[l].val = list[i].val;
			l++;
		}
		if (list[i].letter) {
			shortopts[s++] = (char)list[i].letter;
			if (list[i].arg)
				shortopts[s++] = ':';
		}
	}
	shortopts[s] = '\0';
	built = list;
	opterr = 0;	/* our own message: usage_error */
}

int
opts_next(const struct opt *list, int argc, char *argv[])
{
	int ch;

	if (built != list)
		build(list);
	if ((ch = getopt_long(argc, argv, shortopts, longopts, NULL)) == -1)
		return -1;
	for (size_t i = 0; list[i].val; i++)
		if ((ch == list[i].val && list[i].name) || (list[i].letter &&
		    ch == list[i].letter))
			return list[i].val;
	getopt_failed(ch, argv);
}

void
opts_help(FILE *out, const char *usage, const struct opt *list)
{
	fputs(usage, out);
	fputs("options:\n", out);
	for (size_t i = 0; list[i].val; i++) {
		char left[64];
		int n;

		if (list[i].letter && list[i].name)
			n = snprintf(left, sizeof(left), "-%c, --%s", list[i].letter,
			    list[i].name);
		else if (list[i].letter)
			n = snprintf(left, sizeof(left), "-%c", list[i].letter);
		else
			n = snprintf(left, sizeof(left), "    --%s", list[i].name);
		if (list[i].arg && n > 0 && (size_t)n < sizeof(left))
			snprintf(left + n, sizeof(left) - (size_t)n, " %s", list[i].arg);
		fprintf(out, "  %-28s %s\n", left, list[i].help);
	}
}
