/*
 * timefmt: parsing and formatting of times, and calendar buckets. The day
 * arithmetic counts 400-year eras of 146097 days, each split into
 * centuries and 4-year cycles from March 1 (so the leap day is the last day
 * of a year), the usual way to make Gregorian dates linear with no tables.
 */
#include <string.h>

#include "timefmt.h"
#include "util.h"

#define DAY_SECONDS	86400
/* Days from 1970-01-01 to 0000-01-01 and to 10000-01-01. */
#define DAYS_MIN	(-719528)
#define DAYS_END	2932897

static const char *const unit_names[] = { "hour", "day", "week", "month" };

int64_t
time_days_from_civil(int64_t year, unsigned month, unsigned day)
{
	int64_t y = year - (month <= 2), era, yoe, doy, doe;

	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (int64_t)(month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
time_civil_from_days(int64_t days, int64_t *year, unsigned *month, unsigned *day)
{
	int64_t z = days + 719468, era, doe, yoe, doy, mp;

	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*day = (unsigned)(doy - (153 * mp + 2) / 5 + 1);
	*month = (unsigned)(mp < 10 ? mp + 3 : mp - 9);
	*year = yoe + era * 400 + (*month <= 2);
}

static int
is_leap(int64_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static unsigned
month_days(int64_t y, unsigned m)
{
	static const unsigned char n[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && is_leap(y) ? 29 : n[m - 1];
}

int64_t
time_day(int64_t t)
{
	return t >= 0 ? t / DAY_SECONDS : -((-t + DAY_SECONDS - 1) / DAY_SECONDS);
}

static int
in_range(int64_t t)
{
	return t >= (int64_t)DAYS_MIN * DAY_SECONDS && t < (int64_t)DAYS_END * DAY_SECONDS;
}

/* n decimal digits at s; -1 if any is not a digit. */
static int64_t
digits(const char *s, size_t n)
{
	int64_t v = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

static int
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* A date "YYYY-MM-DD" at s (10 bytes): 0 and its day number, or -1. */
static int
parse_date(const char *s, int64_t *day)
{
	int64_t y, m, d;

	if (s[4] != '-' || s[7] != '-')
		return -1;
	if ((y = digits(s, 4)) < 0 || (m = digits(s + 5, 2)) < 1 || m > 12 ||
	    (d = digits(s + 8, 2)) < 1 || d > month_days(y, (unsigned)m))
		return -1;
	*day = time_days_from_civil(y, (unsigned)m, (unsigned)d);
	return 0;
}

/* The zone at s[0..n): its offset east of UTC in seconds, or -1 on junk. */
static int
parse_zone(const char *s, size_t n, int64_t *offset)
{
	int64_t h, m = 0;
	int sign;

	if (n > 0 && s[0] == ' ') {		/* "10:00:00 +0200", "10:00 UTC" */
		s++;
		n--;
	}
	*offset = 0;
	if (n == 0)
		return 0;
	if ((n == 1 && (s[0] == 'Z' || s[0] == 'z')) ||
	    (n == 3 && (memcmp(s, "UTC", 3) == 0 || memcmp(s, "GMT", 3) == 0)))
		return 0;
	if (s[0] != '+' && s[0] != '-')
		return -1;
	sign = s[0] == '-' ? -1 : 1;
	s++;
	n--;
	if (n == 2)
		h = digits(s, 2);
	else if (n == 4)
		h = digits(s, 2), m = digits(s + 2, 2);
	else if (n == 5 && s[2] == ':')
		h = digits(s, 2), m = digits(s + 3, 2);
	else
		return -1;
	if (h < 0 || h > 23 || m < 0 || m > 59)
		return -1;
	*offset = sign * (h * 3600 + m * 60);
	return 0;
}

static int
parse_iso(const char *s, size_t n, int64_t *out)
{
	int64_t day, hh, mm, ss = 0, offset, t;
	size_t i;

	if (n < 10 || parse_date(s, &day) < 0)
		return -1;
	if (n == 10) {
		*out = day * DAY_SECONDS;
		return 0;
	}
	if ((s[10] != 'T' && s[10] != 't' && s[10] != ' ') || n < 16 || s[13] != ':')
		return -1;
	if ((hh = digits(s + 11, 2)) < 0 || hh > 23 || (mm = digits(s + 14, 2)) < 0 ||
	    mm > 59)
		return -1;
	i = 16;
	if (i < n && s[i] == ':') {
		if (i + 3 > n || (ss = digits(s + i + 1, 2)) < 0 || ss > 60)
			return -1;	/* 60: a leap second, counted into the next minute */
		i += 3;
		if (i < n && (s[i] == '.' || s[i] == ',')) {
			if (++i >= n || s[i] < '0' || s[i] > '9')
				return -1;
			while (i < n && s[i] >= '0' && s[i] <= '9')
				i++;		/* truncated: whole seconds only */
		}
	}
	if (parse_zone(s + i, n - i, &offset) < 0)
		return -1;
	t = day * DAY_SECONDS + hh * 3600 + mm * 60 + ss - offset;
	if (!in_range(t))
		return -1;
	*out = t;
	return 0;
}

/* Unix time: seconds, milliseconds, micro-, nanoseconds, or a float. */
static int
parse_epoch(const char *s, size_t n, int64_t *out)
{
	uint64_t v = 0;
	size_t i = 0, nd, div;
	int neg = 0, frac = 0;
	int64_t t;

	if (n > 0 && s[0] == '-')
		neg = 1, i = 1;
	for (nd = 0; i < n && s[i] >= '0' && s[i] <= '9'; i++, nd++) {
		if (nd >= 19)
			return -1;
		v = v * 10 + (uint64_t)(s[i] - '0');
	}
	if (nd == 0)
		return -1;
	if (i < n && s[i] == '.') {
		if (++i >= n)
			return -1;
		for (; i < n; i++) {
			if (s[i] < '0' || s[i] > '9')
				return -1;
			frac |= s[i] != '0';
		}
	}
	if (i != n)
		return -1;
	if (nd <= 12 || (nd != 13 && nd != 16 && nd != 19) || n != i)
		div = 1;
	else
		div = nd == 13 ? 1000 : nd == 16 ? 1000000 : 1000000000;
	if (nd > 12 && div == 1)
		return -1;
	if (nd > 12 && frac)
		return -1;		/* milliseconds with a fraction: not a time */
	if (v > (uint64_t)INT64_MAX)
		return -1;
	/* Floor: a fraction or a remainder moves a negative time earlier. */
	t = (int64_t)(v / div);
	if (neg) {
		t = -t;
		if (v % div != 0 || frac)
			t--;
	}
	if (!in_range(t))
		return -1;
	*out = t;
	return 0;
}

int
time_parse(const char *s, size_t len, int64_t *unix_seconds)
{
	while (len > 0 && is_blank(s[0]))
		s++, len--;
	while (len > 0 && is_blank(s[len - 1]))
		len--;
	if (len == 0)
		return -1;
	if (len >= 10 && s[4] == '-')
		return parse_iso(s, len, unix_seconds);
	return parse_epoch(s, len, unix_seconds);
}

static void
put2(char *p, unsigned v)
{
	p[0] = (char)('0' + v / 10);
	p[1] = (char)('0' + v % 10);
}

static void
put4(char *p, unsigned v)
{
	put2(p, v / 100);
	put2(p + 2, v % 100);
}

void
time_format_day(int64_t day, char out[11])
{
	int64_t y;
	unsigned m, d;

	time_civil_from_days(day, &y, &m, &d);
	put4(out, (unsigned)y);
	out[4] = '-';
	put2(out + 5, m);
	out[7] = '-';
	put2(out + 8, d);
	out[10] = '\0';
}

void
time_format(int64_t t, char out[21])
{
	int64_t day = time_day(t), sec = t - day * DAY_SECONDS;

	time_format_day(day, out);
	out[10] = 'T';
	put2(out + 11, (unsigned)(sec / 3600));
	out[13] = ':';
	put2(out + 14, (unsigned)(sec / 60 % 60));
	out[16] = ':';
	put2(out + 17, (unsigned)(sec % 60));
	out[19] = 'Z';
	out[20] = '\0';
}

int
time_to_iso(const char *s, size_t len, char out[21])
{
	int64_t t;

	if (time_parse(s, len, &t) < 0)
		return -1;
	time_format(t, out);
	return 0;
}

int
time_parse_day(const char *s, size_t len, int64_t *day)
{
	if (len != 10)
		return -1;
	return parse_date(s, day);
}

int
time_unit_by_name(const char *name)
{
	return name_index(unit_names, sizeof(unit_names) / sizeof(unit_names[0]), name);
}

size_t
time_bucket(int64_t t, enum time_unit unit, char out[TIME_BUCKET_MAX])
{
	int64_t day = time_day(t), wd, thursday, y;
	unsigned m, d;

	switch (unit) {
	case TIME_HOUR: {
		char iso[TIME_ISO_LEN + 1];

		time_format(t, iso);
		memcpy(out, iso, 13);
		out[13] = '\0';
		return 13;
	}
	case TIME_DAY:
		time_format_day(day, out);
		return 10;
	case TIME_WEEK:
		/* The ISO week is named by the year holding its Thursday. */
		wd = ((day + 3) % 7 + 7) % 7;		/* Monday 0 */
		thursday = day - wd + 3;
		time_civil_from_days(thursday, &y, &m, &d);
		wd = (thursday - time_days_from_civil(y, 1, 1)) / 7 + 1;
		put4(out, (unsigned)y);
		out[4] = '-';
		out[5] = 'W';
		put2(out + 6, (unsigned)wd);
		out[8] = '\0';
		return 8;
	case TIME_MONTH:
		time_format_day(day, out);
		out[7] = '\0';
		return 7;
	}
	out[0] = '\0';
	return 0;
}

/* Canonical "YYYY-MM-DDTHH:MM:SSZ" with every field in range. */
static int
is_canonical(const char *s, size_t len)
{
	int64_t day;

	return len == TIME_ISO_LEN && s[10] == 'T' && s[13] == ':' && s[16] == ':' &&
	    s[19] == 'Z' && parse_date(s, &day) == 0 && digits(s + 11, 2) >= 0 &&
	    digits(s + 11, 2) <= 23 && digits(s + 14, 2) >= 0 &&
	    digits(s + 14, 2) <= 59 && digits(s + 17, 2) >= 0 && digits(s + 17, 2) <= 59;
}

int
time_bucket_str(const char *s, size_t len, enum time_unit unit,
    char out[TIME_BUCKET_MAX], size_t *outlen)
{
	static const size_t prefix[] = { 13, 10, 0, 7 };
	int64_t t;

	if (unit != TIME_WEEK && is_canonical(s, len)) {
		memcpy(out, s, prefix[unit]);
		out[prefix[unit]] = '\0';
		*outlen = prefix[unit];
		return 0;
	}
	if (time_parse(s, len, &t) < 0)
		return -1;
	*outlen = time_bucket(t, unit, out);
	return 0;
}

int
time_bucket_parse(const char *s, size_t len, enum time_unit unit, int64_t *start)
{
	char b[TIME_BUCKET_MAX];
	int64_t day, y, n;

	switch (unit) {
	case TIME_HOUR:
		if (len != 13 || s[10] != 'T' || parse_date(s, &day) < 0 ||
		    (n = digits(s + 11, 2)) < 0 || n > 23)
			return -1;
		*start = day * DAY_SECONDS + n * 3600;
		return 0;
	case TIME_DAY:
		if (len != 10 || parse_date(s, &day) < 0)
			return -1;
		break;
	case TIME_WEEK:
		if (len != 8 || s[4] != '-' || s[5] != 'W' || (y = digits(s, 4)) < 0 ||
		    (n = digits(s + 6, 2)) < 1 || n > 53)
			return -1;
		/* Week 1 holds January 4; its Monday starts the year's weeks. */
		day = time_days_from_civil(y, 1, 4);
		day -= ((day + 3) % 7 + 7) % 7;
		day += (n - 1) * 7;
		/* Week 53 exists in some years only: the round trip tells. */
		time_bucket(day * DAY_SECONDS, TIME_WEEK, b);
		if (memcmp(b, s, 8) != 0)
			return -1;
		break;
	case TIME_MONTH:
		if (len != 7 || s[4] != '-' || (y = digits(s, 4)) < 0 ||
		    (n = digits(s + 5, 2)) < 1 || n > 12)
			return -1;
		day = time_days_from_civil(y, (unsigned)n, 1);
		break;
	default:
		return -1;
	}
	*start = day * DAY_SECONDS;
	return 0;
}

int64_t
time_bucket_next(int64_t t, enum time_unit unit)
{
	int64_t day = time_day(t), y;
	unsigned m, d;

	switch (unit) {
	case TIME_HOUR:
		return t - ((t % 3600) + 3600) % 3600 + 3600;
	case TIME_DAY:
		return (day + 1) * DAY_SECONDS;
	case TIME_WEEK:
		return (day - ((day + 3) % 7 + 7) % 7 + 7) * DAY_SECONDS;
	case TIME_MONTH:
		time_civil_from_days(day, &y, &m, &d);
		return time_days_from_civil(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) *
		    DAY_SECONDS;
	}
	return t;
}
