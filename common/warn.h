/*
 * warn: messages about input we read anyway (a guess made, an option that
 * does not apply), as opposed to errors. Each kind is said once: its
 * first occurrence at once, with its place, and at the end of the inputs
 * a line with how many there were and where the first was, so a run over
 * 466 files gives two lines, not 466. -q (warn_set_quiet) silences both;
 * errors never come here and are always printed.
 *
 *	static struct warn_kind no_zone = WARN_KIND("inputs");
 *	warn_at(&no_zone, name, line, "times like \"%s\" have no zone", s);
 *	...
 *	warn_summary();	// "extract: 466 inputs: times like ... (first: a.csv:2)"
 */
#ifndef CROSSLINK_WARN_H
#define CROSSLINK_WARN_H

/*
 * A kind of warning: a static object at its call site. what names the
 * things counted in the summary ("inputs", "lines"). The rest is warn.c's:
 * the count, the first message and its place (owned, freed by
 * warn_summary).
 */
struct warn_kind {
	const char		*what;
	unsigned long long	 n;
	char			*first;		/* the first message, without its place */
	char			*place;		/* "FILE:LINE" or "FILE" of the first */
	struct warn_kind	*next;		/* kinds seen, in the order first seen */
};

#define WARN_KIND(what)	{ (what), 0, NULL, NULL, NULL }

/*
 * A warning of kind k at file (and line, when not 0): printed as
 * "PROG: FILE:LINE: message" the first time, counted after that.
 */
void	warn_at(struct warn_kind *k, const char *file, unsigned long long line,
	    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/*
 * For every kind seen more than once since the last call, one line:
 * "PROG: N WHAT: message (first: FILE:LINE)". Then every kind is reset.
 */
void	warn_summary(void);

/* -q: warnings are counted but not printed. */
void	warn_set_quiet(int quiet);

#endif
