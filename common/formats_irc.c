/*
 * formats_irc: ZNC's IRC logs, a file per channel and day
 * ("#qtox_20160901.log", lines "[21:15:07] <nick> hi", "[21:16:00] ***
 * Joins: nick"). A line holds only its time of day: the channel and the
 * date are in the file's name, so the name is part of the input. No zone
 * is written anywhere, so times are written as if UTC, said once a run.
 *	extract '#qtox_20160901.log.txt' | normalize
 */
#include <stdint.h>
#include <string.h>

#include "formats.h"
#include "formats_int.h"
#include "input.h"
#include "msg.h"
#include "timefmt.h"
#include "warn.h"

static int
digits(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!(p[i] >= '0' && p[i] <= '9'))
			return 0;
	return 1;
}

static unsigned
num(const char *p, size_t n)
{
	unsigned v = 0;

	for (size_t i = 0; i < n; i++)
		v = v * 10 + (unsigned)(p[i] - '0');
	return v;
}

int
fmt_irc_line(const char *p, size_t len)
{
	return len >= 11 && p[0] == '[' && digits(p + 1, 2) && p[3] == ':' &&
	    digits(p + 4, 2) && p[6] == ':' && digits(p + 7, 2) && p[9] == ']' &&
	    p[10] == ' ' && num(p + 1, 2) < 24 && num(p + 4, 2) < 60 && num(p + 7, 2) < 61;
}

/* Does name end with suffix? Then cut it off (*n). */
static int
cut_suffix(const char *name, size_t *n, const char *suffix)
{
	size_t k = strlen(suffix);

	if (*n < k || memcmp(name + *n - k, suffix, k) != 0)
		return 0;
	*n -= k;
	return 1;
}

int
fmt_irc_name(const char *name, struct text *chan, long long *day)
{
	const char *base = strrchr(name, '/');
	unsigned y, mo, d;
	size_t n;

	base = base ? base + 1 : name;
	n = strlen(base);
	cut_suffix(base, &n, ".gz");
	cut_suffix(base, &n, ".txt");
	/* "_YYYYMMDD.log" after a channel of at least one byte */
	if (!cut_suffix(base, &n, ".log") || n < 10 || base[n - 9] != '_' ||
	    !digits(base + n - 8, 8))
		return 0;
	y = num(base + n - 8, 4);
	mo = num(base + n - 4, 2);
	d = num(base + n - 2, 2);
	if (mo < 1 || mo > 12 || d < 1 || d > 31)
		return 0;
	if (chan)
		*chan = (struct text){ base, n - 9 };
	if (day)
		*day = time_days_from_civil(y, mo, d);
	return 1;
}

/* Said once per run, counted per input (warn.h). */
static struct warn_kind no_zone = WARN_KIND("inputs");
static struct warn_kind undated = WARN_KIND("inputs");

int
fmt_read_irc(struct fmt_src *src, const struct format_opts *o, message_fn *fn, void *ctx,
    struct format_stats *st)
{
	int zone_said = 0;
	struct message m = { .source = input_label(src->in) };
	unsigned long long before = o->first_line > 1 ? o->first_line - 1 : 0;
	struct text chan = { "", 0 };
	long long day = 0;
	int dated, rc, held;
	const char *line;
	size_t len;

	dated = strcmp(m.source, "-") != 0 && fmt_irc_name(m.source, &chan, &day);
	if (!dated)
		warn_at(&undated, input_name(src->in), 0, "no channel and date in the name (a "
		    "ZNC log is #CHANNEL_YYYYMMDD.log): times left empty, no channel from it");
	m.channel = chan;
	/* Lines o->want passes over are counted, not read (as text). */
	if (o->want != NULL)
		input_filter(src->in, o->want, o->want_ctx);
	for (;;) {
		held = src->next < src->nheld;
		if ((rc = fmt_src_line(src, &line, &len)) <= 0)
			break;
		m.line = held ? src->lineno : input_lineno(src->in);
		m.time[0] = '\0';
		m.text = (struct text){ line, len };
		if (fmt_irc_line(line, len)) {
			m.text = (struct text){ line + 11, len - 11 };
			if (dated) {
				time_format((int64_t)day * 86400 + num(line + 1, 2) * 3600 +
				    num(line + 4, 2) * 60 + num(line + 7, 2), m.time);
				if (!zone_said)
					warn_at(&no_zone, input_name(src->in), m.line, "IRC log "
					    "times like \"%.10s\" have no zone: written as if UTC",
					    line);
				zone_said = 1;
			}
		}
		if (fn(ctx, &m) != 0)
			break;
	}
	st->messages += (rc > 0 && held ? src->lineno : input_lineno(src->in)) - before -
	    input_skipped(src->in);
	return rc < 0 ? -1 : 0;
}
