/*
 * test_timefmt: parsing every accepted form, rejecting junk, formatting,
 * leap years, zone offsets, ISO weeks (53-week years, weeks across a new
 * year), bucket labels back to their first second, and the ends of the
 * supported range. Expected seconds were taken from GNU date (date -u -d
 * ... +%s), an independent calendar.
 */
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "timefmt.h"

struct parse_case {
	const char	*in;
	int		 ok;
	int64_t		 want;
};

static const struct parse_case parse_cases[] = {
	{ "1970-01-01T00:00:00Z", 1, 0 },
	{ "2019-11-29T10:00:00Z", 1, 1575021600 },
	{ "2019-11-29t10:00:00z", 1, 1575021600 },
	{ "2019-11-29 10:00:00", 1, 1575021600 },
	{ "2019-11-29T10:00", 1, 1575021600 },
	{ "2019-11-29T12:00:00+02:00", 1, 1575021600 },
	{ "2019-11-29T12:00:00+0200", 1, 1575021600 },
	{ "2019-11-29T12:00:00+02", 1, 1575021600 },
	{ "2019-11-29T05:30:00-04:30", 1, 1575021600 },
	{ "2019-11-29 12:00:00 +0200", 1, 1575021600 },
	{ "2019-11-29 10:00:00 UTC", 1, 1575021600 },
	{ "2019-11-29T10:00:00.999Z", 1, 1575021600 },
	{ "2019-11-29T10:00:00,5+00:00", 1, 1575021600 },
	{ "  2019-11-29T10:00:00Z\t", 1, 1575021600 },
	{ "2019-11-29", 1, 1574985600 },
	{ "2019-11-30T00:30:00+01:00", 1, 1575070200 },
	{ "1969-12-31T23:59:59Z", 1, -1 },
	{ "2000-02-29T00:00:00Z", 1, 951782400 },
	{ "2020-02-29T12:34:56Z", 1, 1582979696 },
	{ "2400-02-29", 1, 13574563200 },
	{ "1900-03-01", 1, -2203891200 },
	{ "1601-01-01", 1, -11644473600 },
	{ "2038-01-19T03:14:08Z", 1, 2147483648 },
	{ "0000-01-01T00:00:00Z", 1, -62167219200 },
	{ "9999-12-31T23:59:59Z", 1, 253402300799 },
	{ "2016-12-31T23:59:60Z", 1, 1483228800 },	/* leap second */
	/* unix times */
	{ "0", 1, 0 },
	{ "1575021600", 1, 1575021600 },
	{ "1575021600000", 1, 1575021600 },
	{ "1575021600999", 1, 1575021600 },
	{ "1575021600123456", 1, 1575021600 },
	{ "1575021600123456789", 1, 1575021600 },
	{ "1575021600.75", 1, 1575021600 },
	{ "-1", 1, -1 },
	{ "-1.5", 1, -2 },
	{ "-1.0", 1, -1 },
	{ "253402300799", 1, 253402300799 },
	/* junk */
	{ "", 0, 0 },
	{ "   ", 0, 0 },
	{ "abc", 0, 0 },
	{ "1900-02-29", 0, 0 },
	{ "2019-02-29", 0, 0 },
	{ "2100-02-29", 0, 0 },
	{ "2019-13-01", 0, 0 },
	{ "2019-00-10", 0, 0 },
	{ "2019-11-31", 0, 0 },
	{ "2019-11-00", 0, 0 },
	{ "2019-11-29T24:00:00Z", 0, 0 },
	{ "2019-11-29T10:60:00Z", 0, 0 },
	{ "2019-11-29T10:00:61Z", 0, 0 },
	{ "2019-11-29T10:00:00+24:00", 0, 0 },
	{ "2019-11-29T10:00:00+02:60", 0, 0 },
	{ "2019-11-29T10:00:00+2", 0, 0 },
	{ "2019-11-29T10:00:00 junk", 0, 0 },
	{ "2019-11-29T10:00:00.Z", 0, 0 },
	{ "2019-11-29X10:00:00", 0, 0 },
	{ "2019-11-29T10", 0, 0 },
	{ "2019-11-2", 0, 0 },
	{ "19-11-29", 0, 0 },
	{ "0000-01-01T00:00:00+01:00", 0, 0 },	/* before year 0 */
	{ "253402300800", 0, 0 },			/* year 10000 */
	{ "12345678901234", 0, 0 },		/* 14 digits: no unit */
	{ "1575021600000.5", 0, 0 },
	{ "1575021600.", 0, 0 },
	{ "1.2.3", 0, 0 },
	{ "-", 0, 0 },
	{ "99999999999999999999", 0, 0 },
};

struct format_case {
	int64_t		 t;
	const char	*want;
};

static const struct format_case format_cases[] = {
	{ 0, "1970-01-01T00:00:00Z" },
	{ -1, "1969-12-31T23:59:59Z" },
	{ 1575021600, "2019-11-29T10:00:00Z" },
	{ 951782400 + 86399, "2000-02-29T23:59:59Z" },
	{ -62167219200, "0000-01-01T00:00:00Z" },
	{ 253402300799, "9999-12-31T23:59:59Z" },
	{ 13574563200, "2400-02-29T00:00:00Z" },
};

struct bucket_case {
	const char	*in;
	const char	*unit;
	const char	*want;
};

static const struct bucket_case bucket_cases[] = {
	{ "2019-11-29T10:59:59Z", "hour", "2019-11-29T10" },
	{ "2019-11-29T10:59:59Z", "day", "2019-11-29" },
	{ "2019-11-29T10:59:59Z", "month", "2019-11" },
	{ "2019-11-29T10:59:59Z", "week", "2019-W48" },
	{ "2019-11-30T01:00:00+02:00", "hour", "2019-11-29T23" },
	{ "2019-11-30T01:00:00+02:00", "day", "2019-11-29" },
	{ "2019-12-01T01:00:00+02:00", "month", "2019-11" },
	{ "1575021600", "day", "2019-11-29" },
	{ "2020-12-31", "week", "2020-W53" },
	{ "2021-01-01", "week", "2020-W53" },
	{ "2021-01-03", "week", "2020-W53" },
	{ "2021-01-04", "week", "2021-W01" },
	{ "2019-12-30", "week", "2020-W01" },
	{ "2015-12-31", "week", "2015-W53" },
	{ "2016-01-03", "week", "2015-W53" },
	{ "2018-12-31", "week", "2019-W01" },
	{ "2004-12-31", "week", "2004-W53" },
	{ "2009-12-31", "week", "2009-W53" },
	{ "2010-01-03", "week", "2009-W53" },
	{ "1969-12-31", "week", "1970-W01" },
	{ "1970-01-01", "week", "1970-W01" },
	{ "0001-01-01", "week", "0001-W01" },
	{ "1969-12-31T23:59:59Z", "hour", "1969-12-31T23" },
	{ "1969-12-31T23:59:59Z", "day", "1969-12-31" },
};

/* Labels back to their buckets: the first second, and the next bucket's. */
struct label_case {
	const char	*label;
	const char	*unit;
	const char	*start;		/* NULL: not a label of the unit */
	const char	*next;
};

static const struct label_case label_cases[] = {
	{ "2019-11-29T10", "hour", "2019-11-29T10:00:00Z", "2019-11-29T11:00:00Z" },
	{ "2019-12-31T23", "hour", "2019-12-31T23:00:00Z", "2020-01-01T00:00:00Z" },
	{ "1969-12-31T23", "hour", "1969-12-31T23:00:00Z", "1970-01-01T00:00:00Z" },
	{ "2019-11-29", "day", "2019-11-29T00:00:00Z", "2019-11-30T00:00:00Z" },
	{ "2020-02-28", "day", "2020-02-28T00:00:00Z", "2020-02-29T00:00:00Z" },
	{ "2019-W48", "week", "2019-11-25T00:00:00Z", "2019-12-02T00:00:00Z" },
	{ "2020-W01", "week", "2019-12-30T00:00:00Z", "2020-01-06T00:00:00Z" },
	{ "2020-W53", "week", "2020-12-28T00:00:00Z", "2021-01-04T00:00:00Z" },
	{ "2015-W53", "week", "2015-12-28T00:00:00Z", "2016-01-04T00:00:00Z" },
	{ "1970-W01", "week", "1969-12-29T00:00:00Z", "1970-01-05T00:00:00Z" },
	{ "2019-11", "month", "2019-11-01T00:00:00Z", "2019-12-01T00:00:00Z" },
	{ "2019-12", "month", "2019-12-01T00:00:00Z", "2020-01-01T00:00:00Z" },
	{ "2020-02", "month", "2020-02-01T00:00:00Z", "2020-03-01T00:00:00Z" },
	{ "", "day", NULL, NULL },
	{ "2019-11-29", "hour", NULL, NULL },
	{ "2019-11-29T24", "hour", NULL, NULL },
	{ "2019-11-29X10", "hour", NULL, NULL },
	{ "2019-11-31", "day", NULL, NULL },
	{ "2019-11-29T10", "day", NULL, NULL },
	{ "2019-W53", "week", NULL, NULL },
	{ "2019-W00", "week", NULL, NULL },
	{ "2019-W54", "week", NULL, NULL },
	{ "2019-w48", "week", NULL, NULL },
	{ "2019-11", "week", NULL, NULL },
	{ "2019-13", "month", NULL, NULL },
	{ "2019-00", "month", NULL, NULL },
	{ "2019-1", "month", NULL, NULL },
	{ "2019-11-29", "month", NULL, NULL },
};

int
main(void)
{
	size_t i;
	int64_t t, day;
	char out[21], b[TIME_BUCKET_MAX];
	size_t n;
	int rc;

	for (i = 0; i < sizeof(parse_cases) / sizeof(parse_cases[0]); i++) {
		const struct parse_case *c = &parse_cases[i];

		t = 12345;
		rc = time_parse(c->in, strlen(c->in), &t);
		if (c->ok) {
			CHECK(rc == 0);
			CHECK(t == c->want);
			if (rc != 0 || t != c->want)
				fprintf(stderr, "  parse \"%s\": rc %d, got %lld\n", c->in, rc,
				    (long long)t);
		} else {
			CHECK(rc == -1);
			if (rc != -1)
				fprintf(stderr, "  parse \"%s\" should fail\n", c->in);
		}
	}
	/* The length bounds the parse: a valid prefix of junk is not read past. */
	CHECK(time_parse("2019-11-29T10:00:00Zjunk", 20, &t) == 0 && t == 1575021600);
	CHECK(time_parse("2019-11-29", 9, &t) == -1);

	for (i = 0; i < sizeof(format_cases) / sizeof(format_cases[0]); i++) {
		time_format(format_cases[i].t, out);
		CHECK_MEM(out, strlen(out), format_cases[i].want);
		/* Round trip. */
		CHECK(time_parse(out, strlen(out), &t) == 0 && t == format_cases[i].t);
	}
	CHECK(time_to_iso("2019-11-29 12:00:00.5+02:00", 27, out) == 0);
	CHECK_MEM(out, strlen(out), "2019-11-29T10:00:00Z");
	strcpy(out, "untouched");
	CHECK(time_to_iso("nope", 4, out) == -1);
	CHECK_MEM(out, strlen(out), "untouched");

	for (i = 0; i < sizeof(bucket_cases) / sizeof(bucket_cases[0]); i++) {
		const struct bucket_case *c = &bucket_cases[i];
		int unit = time_unit_by_name(c->unit);

		CHECK(unit >= 0);
		n = 0;
		rc = time_bucket_str(c->in, strlen(c->in), (enum time_unit)unit, b, &n);
		CHECK(rc == 0);
		if (rc == 0)
			CHECK_MEM(b, n, c->want);
		CHECK(strlen(b) == n);
	}
	for (i = 0; i < sizeof(label_cases) / sizeof(label_cases[0]); i++) {
		const struct label_case *c = &label_cases[i];
		int unit = time_unit_by_name(c->unit);

		CHECK(unit >= 0);
		t = 12345;
		rc = time_bucket_parse(c->label, strlen(c->label), (enum time_unit)unit, &t);
		if (c->start == NULL) {
			CHECK(rc == -1 && t == 12345);
			if (rc != -1)
				fprintf(stderr, "  label \"%s\" (%s) should fail\n", c->label, c->unit);
			continue;
		}
		CHECK(rc == 0);
		time_format(t, out);
		CHECK_MEM(out, strlen(out), c->start);
		n = time_bucket(t, (enum time_unit)unit, b);
		CHECK_MEM(b, n, c->label);
		/* The next bucket from the last second as from the first. */
		time_format(time_bucket_next(t, (enum time_unit)unit), out);
		CHECK_MEM(out, strlen(out), c->next);
		time_format(time_bucket_next(time_bucket_next(t, (enum time_unit)unit) - 1,
		    (enum time_unit)unit), out);
		CHECK_MEM(out, strlen(out), c->next);
	}
	/* Every week label from 1990 to 2030 round-trips, 52 or 53 to a year. */
	for (t = time_days_from_civil(1990, 1, 1) * 86400, n = 0;
	    t < time_days_from_civil(2030, 1, 1) * 86400;
	    t = time_bucket_next(t, TIME_WEEK), n++) {
		int64_t back;
		size_t len = time_bucket(t, TIME_WEEK, b);

		if (time_bucket_parse(b, len, TIME_WEEK, &back) != 0 ||
		    time_bucket_next(back, TIME_WEEK) != time_bucket_next(t, TIME_WEEK)) {
			CHECK(0);
			fprintf(stderr, "  week %s does not round-trip\n", b);
			break;
		}
	}
	CHECK(n == 2088);		/* 14610 days from a Monday */
	CHECK(time_unit_by_name("year") == -1);
	CHECK(time_bucket_str("", 0, TIME_DAY, b, &n) == -1);
	CHECK(time_bucket_str("2019-11-31T10:00:00Z", 20, TIME_DAY, b, &n) == -1);

	/* Every day from 1600 to 2500 round-trips, and weekdays advance by one. */
	for (day = time_days_from_civil(1600, 1, 1); day < time_days_from_civil(2500, 1, 1);
	    day++) {
		int64_t y, back;
		unsigned m, d;
		char s[11];

		time_civil_from_days(day, &y, &m, &d);
		time_format_day(day, s);
		if (time_parse_day(s, 10, &back) != 0 || back != day ||
		    time_days_from_civil(y, m, d) != day) {
			CHECK(0);
			fprintf(stderr, "  day %lld (%s) does not round-trip\n", (long long)day, s);
			break;
		}
	}
	CHECK(1);
	CHECK(time_parse_day("2019-11-29", 10, &day) == 0 && day == 18229);
	CHECK(time_parse_day("2019-11-29T", 11, &day) == -1);
	CHECK(time_day(-1) == -1 && time_day(-86400) == -1 && time_day(-86401) == -2);
	CHECK(time_day(86399) == 0);
	return check_done();
}
