/*
 * warn: each kind of warning once per run. Why: the same guess made on
 * every input (466 old DiscordChatExporter files, each with zone-less
 * times) buried the --stats line and any real error under identical
 * lines. The first is printed when it happens, so a run that never ends
 * (tail -f | extract --line-buffered) or is killed has still said it, next
 * to the messages about the same input; the count waits for the end.
 *	extract dce-export-*.csv	# one warning, then "466 inputs: ..." at the end
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "msg.h"
#include "util.h"
#include "warn.h"

static struct warn_kind *seen, **seen_tail = &seen;
static int quiet;

void
warn_set_quiet(int q)
{
	quiet = q;
}

/* A formatted copy of what fmt and ap give. */
static char *
format(const char *fmt, va_list ap)
{
	va_list again;
	char *s;
	int n;

	va_copy(again, ap);
	n = vsnprintf(NULL, 0, fmt, again);
	va_end(again);
	if (n < 0)
		n = 0;
	s = xmalloc((size_t)n + 1);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

static char *
formatf(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = format(fmt, ap);
	va_end(ap);
	return s;
}

void
warn_at(struct warn_kind *k, const char *file, unsigned long long line, const char *fmt,
    ...)
{
	va_list ap;

	if (k->n++ > 0)
		return;
	va_start(ap, fmt);
	k->first = format(fmt, ap);
	va_end(ap);
	k->place = line ? formatf("%s:%llu", file, line) : formatf("%s", file);
	*seen_tail = k;
	seen_tail = &k->next;
	if (!quiet)
		xwarnx("%s: %s", k->place, k->first);
}

void
warn_summary(void)
{
	struct warn_kind *k, *next;

	for (k = seen; k; k = next) {
		next = k->next;
		if (k->n > 1 && !quiet)
			xwarnx("%llu %s: %s (first: %s)", k->n, k->what, k->first, k->place);
		free(k->first);
		free(k->place);
		k->first = k->place = NULL;
		k->n = 0;
		k->next = NULL;
	}
	seen = NULL;
	seen_tail = &seen;
}
