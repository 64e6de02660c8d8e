/*
 * formats_shared: what the readers of formats.c, formats_csv.c and
 * formats_json.c have in common: the lines of an input with the ones
 * detection read ahead given back first, a message's hidden links, its
 * time, the channel some exporters keep only in the path (the folder a
 * DiscordChatExporter CSV or a Slack day is in), and the one message about
 * skipped records. It calls none of them,
 * so the readers depend on it and never on each other.
 */
#include <stdlib.h>
#include <string.h>

#include "formats_int.h"
#include "input.h"
#include "msg.h"
#include "timefmt.h"
#include "util.h"
#include "warn.h"

int
fmt_src_line(void *p, const char **line, size_t *len)
{
	struct fmt_src *s = p;
	int rc;

	if (s->next < s->nheld) {
		*line = s->held[s->next];
		*len = s->held_len[s->next++];
		s->lineno++;
		return 1;
	}
	rc = input_line(s->in, line, len);
	if (rc > 0)
		s->lineno = input_lineno(s->in);	/* past lines too long, skipped */
	else if (rc < 0)
		s->error = 1;
	return rc;
}

int
fmt_src_piece(void *p, const char **piece, size_t *len, int *eol)
{
	struct fmt_src *s = p;
	int rc = 1;

	if (s->next < s->nheld) {
		*piece = s->held[s->next];
		*len = s->held_len[s->next];
		*eol = s->held_eol[s->next++];
	} else if ((rc = input_piece(s->in, FMT_PIECE, piece, len, eol)) < 0)
		s->error = 1;
	if (rc > 0) {
		s->lineno += !s->mid;
		s->mid = !*eol;
	}
	return rc;
}

/*
 * A held line is made whole in a buffer that grows by half (not by each
 * piece, which made a 300 MB first line take minutes), and no further
 * than the record bound: a longer one (a piece alone may be, when the
 * bound is below a piece) is read to its end unheld, reported and counted
 * as input_line's are, and held as an empty line.
 */
void
fmt_src_whole(struct fmt_src *s)
{
	size_t max = input_max_record(), len, cap;
	const char *p;
	char *next;
	int eol, rc, over;

	for (int i = 0; i < s->nheld; i++) {
		cap = s->held_len[i] + 1;
		over = 0;
		while (!s->held_eol[i]) {
			next = NULL;
			if (i + 1 < s->nheld) {
				/* the next piece held is this line's */
				p = next = s->held[i + 1];
				len = s->held_len[i + 1];
				eol = s->held_eol[i + 1];
				s->held[i + 1] = NULL;
				s->nheld--;
			} else if ((rc = input_piece(s->in, FMT_PIECE, &p, &len, &eol)) <= 0) {
				s->error |= rc < 0;
				break;
			}
			s->held_eol[i] = eol;
			if (over || s->held_len[i] + len > max) {
				over = 1;
				s->held_len[i] = 0;
			} else {
				if (s->held_len[i] + len + 1 > cap) {
					cap = s->held_len[i] + len + 1 + cap / 2;
					s->held[i] = xrealloc(s->held[i], cap);
				}
				memcpy(s->held[i] + s->held_len[i], p, len);
				s->held_len[i] += len;
			}
			s->held[i][s->held_len[i]] = '\0';
			free(next);
		}
		if (s->held_len[i] > max) {	/* one piece, but past the bound */
			over = 1;
			s->held_len[i] = 0;
			s->held[i][0] = '\0';
		}
		if (over)
			input_too_long(s->in, s->lineno + 1 + (unsigned long long)i);
	}
}

const char *
fmt_src_name(const struct fmt_src *s)
{
	return input_name(s->in);
}

void
fmt_links_clear(struct fmt_links *l)
{
	l->n = 0;
	l->urls.n = 0;
}

void
fmt_links_add(struct fmt_links *l, const char *url, size_t len, const char *where)
{
	if (len == 0)
		return;
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 8;
		l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
		l->off = xrealloc(l->off, l->cap * sizeof(*l->off));
	}
	l->off[l->n] = l->urls.n;
	buf_add(&l->urls, url, len);
	buf_addc(&l->urls, '\0');	/* each url NUL-ended, for the caller */
	l->v[l->n].len = len;
	l->v[l->n].where = where;
	l->n++;
}

void
fmt_links_done(struct fmt_links *l, struct message *m)
{
	for (size_t i = 0; i < l->n; i++)
		l->v[i].url = l->urls.p + l->off[i];
	m->links = l->v;
	m->nlinks = l->n;
}

void
fmt_links_free(struct fmt_links *l)
{
	free(l->v);
	free(l->off);
	buf_free(&l->urls);
}

void
fmt_time(struct message *m, const char *s, size_t len, struct format_stats *st)
{
	m->time[0] = '\0';
	if (len > 0 && time_to_iso(s, len, m->time) < 0) {
		m->time[0] = '\0';
		st->bad_times++;
	}
}

int
fmt_skipped_status(const char *name, unsigned long long skipped, const struct format_opts *o)
{
	if (skipped == 0)
		return 0;
	xwarnx("%s: %llu record%s skipped", name, skipped, skipped == 1 ? "" : "s");
	return o->lenient ? 0 : -1;
}

int
fmt_find_col(const char *const *names, size_t n, const char *given,
    const char *const *defaults, int nocase)
{
	if (given)
		return name_index(names, n, given);
	for (; *defaults; defaults++)
		for (size_t i = 0; i < n; i++)
			if (nocase ? strlen(names[i]) == strlen(*defaults) &&
			    ascii_casecmp_n(names[i], *defaults, strlen(*defaults)) == 0 :
			    strcmp(names[i], *defaults) == 0)
				return (int)i;
	return -1;
}

/* Days in a month of the proleptic Gregorian calendar. */
static unsigned
month_days(unsigned year, unsigned month)
{
	static const unsigned char days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (month == 2 && year % 4 == 0 && (year % 100 != 0 || year % 400 == 0))
		return 29;
	return days[month - 1];
}

/* Up to max digits at *s: their value, or -1 when there is none. */
static long
digits(const char **s, const char *end, int max, int *n)
{
	long v = 0;

	for (*n = 0; *s < end && *n < max && **s >= '0' && **s <= '9'; (*s)++, (*n)++)
		v = v * 10 + (**s - '0');
	return *n ? v : -1;
}

/*
 * "d-MMM-yy" (the old exporter's dates) or three numbers apart by "/", "."
 * or "-" (the "g" format of a .NET culture: "3/2/2024", "02.03.2024",
 * "2024/3/2"), then " h:mm" or " hh:mm", ":ss" maybe, and " AM" or " PM"
 * maybe. Which number is the day: the year first when it has 4 digits,
 * else the month first with AM/PM (en-US), the day first without
 * (the 24-hour cultures: en-GB, de, fr, ...).
 */
static int
culture_time(const char *s, size_t len, int64_t *t)
{
	static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	const char *end = s + len;
	long a, b, c, hour, min, sec = 0;
	long year, month, day;
	int na, nb, nc, n, pm = -1;
	char sep;

	if ((a = digits(&s, end, 4, &na)) < 0 || s == end)
		return -1;
	sep = *s++;
	if (sep != '/' && sep != '.' && sep != '-')
		return -1;
	b = -1;
	nb = 0;
	if (sep == '-' && end - s >= 3) {
		for (int i = 0; i < 12; i++)
			if (memcmp(months + 3 * i, s, 3) == 0)
				b = i + 1;
		if (b > 0)
			s += 3;
	}
	if (b < 0 && (b = digits(&s, end, 2, &nb)) < 0)
		return -1;
	if (s == end || *s++ != sep || (c = digits(&s, end, 4, &nc)) < 0)
		return -1;
	if (s == end || *s++ != ' ' || (hour = digits(&s, end, 2, &n)) < 0 ||
	    s == end || *s++ != ':' || (min = digits(&s, end, 2, &n)) < 0 || n != 2)
		return -1;
	if (s < end && *s == ':' && (s++, (sec = digits(&s, end, 2, &n)) < 0 || n != 2))
		return -1;
	if (end - s == 3 && s[0] == ' ' && (s[1] == 'A' || s[1] == 'P') && s[2] == 'M') {
		pm = s[1] == 'P';
		s += 3;
	}
	if (s != end || (na == 4 && nc == 4) || (na != 4 && nc != 2 && nc != 4))
		return -1;
	if (na == 4) {
		year = a;
		month = b;
		day = c;
	} else {
		year = nc == 2 ? 2000 + c : c;
		month = pm >= 0 && nb > 0 ? a : b;
		day = pm >= 0 && nb > 0 ? b : a;
	}
	if (pm >= 0 && (hour < 1 || hour > 12))
		return -1;
	if (pm >= 0)
		hour = hour % 12 + (pm ? 12 : 0);
	if (month < 1 || month > 12 || day < 1 ||
	    (unsigned)day > month_days((unsigned)year, (unsigned)month) || hour > 23 ||
	    min > 59 || sec > 59)
		return -1;
	*t = time_days_from_civil(year, (unsigned)month, (unsigned)day) * 86400 +
	    hour * 3600 + min * 60 + sec;
	return 0;
}

/* Said once per run, counted per input (warn.h). */
static struct warn_kind no_zone = WARN_KIND("inputs");

int
fmt_time_culture(struct message *m, const char *s, size_t len, const char *name,
    unsigned long long line, int *warned)
{
	int64_t t;

	m->time[0] = '\0';
	if (time_to_iso(s, len, m->time) == 0)
		return 0;
	m->time[0] = '\0';
	if (culture_time(s, len, &t) < 0)
		return -1;
	time_format(t, m->time);
	if (!*warned)
		warn_at(&no_zone, name, line, "times like \"%.*s\" have no zone: written as "
		    "if UTC", (int)len, s);
	*warned = 1;
	return 0;
}

char *
fmt_path_folder(const struct fmt_src *s)
{
	const char *name = input_label(s->in), *slash, *p;
	char *dir, *real = NULL, *out = NULL;
	size_t n;

	if (strcmp(name, "-") == 0)
		return NULL;
	slash = strrchr(name, '/');
	dir = slash ? xmemdup(name, (size_t)(slash - name)) : xstrdup(".");
	n = strlen(dir);
	while (n > 0 && dir[n - 1] == '/')
		dir[--n] = '\0';
	p = strrchr(dir, '/');
	p = p ? p + 1 : dir;
	/* "12.csv", "./12.csv", "../12.csv": the name that folder has */
	if (n > 0 && (strcmp(p, ".") == 0 || strcmp(p, "..") == 0)) {
		if ((real = realpath(dir, NULL)) == NULL)
			p = "";
		else {
			p = strrchr(real, '/');
			p = p ? p + 1 : real;
		}
	}
	/* "/12.csv" is in no folder with a name */
	if (n > 0 && *p != '\0')
		out = xstrdup(p);
	free(real);
	free(dir);
	return out;
}

char *
fmt_day_folder(const struct fmt_src *s)
{
	static const char shape[] = "dddd-dd-dd.json";
	const char *name = input_label(s->in), *base = strrchr(name, '/');
	size_t n;

	base = base ? base + 1 : name;
	n = strlen(base);
	if (n == sizeof(shape) - 1 + 3 && strcmp(base + n - 3, ".gz") == 0)
		n -= 3;
	if (n != sizeof(shape) - 1)
		return NULL;
	for (size_t i = 0; i < n; i++)
		if (shape[i] == 'd' ? !(base[i] >= '0' && base[i] <= '9') : base[i] != shape[i])
			return NULL;
	return fmt_path_folder(s);
}
