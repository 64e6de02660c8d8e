/*
 * timefmt: times as the logs write them, to and from ISO 8601 UTC, and the
 * calendar buckets tally groups by. The calendar is proleptic Gregorian,
 * computed here: no timegm, no TZ, no locale.
 *
 *	int64_t t;
 *	if (time_parse("2019-11-29 12:00:00+02:00", 25, &t) == 0)
 *		time_format(t, iso);		// "2019-11-29T10:00:00Z"
 *	n = time_bucket(t, TIME_WEEK, b);	// "2019-W48"
 *
 * Times are seconds since 1970-01-01T00:00:00Z; years 0000 to 9999 only,
 * so every time formats in 20 bytes. Nothing here allocates or fails
 * other than by returning -1.
 */
#ifndef CROSSLINK_TIMEFMT_H
#define CROSSLINK_TIMEFMT_H

#include <stddef.h>
#include <stdint.h>

#define TIME_ISO_LEN	20	/* "YYYY-MM-DDTHH:MM:SSZ" */
#define TIME_BUCKET_MAX	16	/* longest bucket, with its NUL */

/*
 * Parse len bytes of s: 0 with *unix_seconds set, -1 when unparseable.
 * Accepts ISO 8601 ("2019-11-29T10:00:00Z"): "T" or a space between date
 * and time, seconds optional, a fraction (truncated), a zone of "Z",
 * "+HH:MM", "+HHMM", "+HH" (or "-") or none (UTC), or a date alone
 * (midnight UTC). Also unix times: seconds (up to 12 digits, "-" allowed),
 * milliseconds (13 digits), microseconds (16), nanoseconds (19), and
 * seconds with a fraction ("1574985600.5", truncated toward the past).
 * Blanks around the time are ignored.
 */
int	time_parse(const char *s, size_t len, int64_t *unix_seconds);

/* "YYYY-MM-DDTHH:MM:SSZ" and a NUL; t must be in years 0000-9999. */
void	time_format(int64_t t, char out[21]);

/* time_parse then time_format: 0, or -1 (out untouched) when unparseable. */
int	time_to_iso(const char *s, size_t len, char out[21]);

enum time_unit {
	TIME_HOUR,	/* "2019-11-29T10" */
	TIME_DAY,	/* "2019-11-29" */
	TIME_WEEK,	/* "2019-W48" (ISO 8601 week; its year may differ) */
	TIME_MONTH	/* "2019-11" */
};

/* "hour", "day", "week", "month" to a unit; -1 for any other name. */
int	time_unit_by_name(const char *name);

/* The bucket holding t, NUL-terminated in out; returns its length. */
size_t	time_bucket(int64_t t, enum time_unit unit, char out[TIME_BUCKET_MAX]);

/*
 * The bucket a label names, the label as time_bucket writes it
 * ("2019-W48" for TIME_WEEK): 0 with the bucket's first second in *start,
 * or -1 when s is no label of that unit (another unit's, a week 53 its
 * year lacks, an empty field).
 */
int	time_bucket_parse(const char *s, size_t len, enum time_unit unit,
	    int64_t *start);

/* The first second of the bucket after the one holding t. */
int64_t	time_bucket_next(int64_t t, enum time_unit unit);

/*
 * The bucket of a time as written (any form time_parse accepts); -1 when
 * it cannot be parsed. ISO UTC times take a fast path with no arithmetic.
 */
int	time_bucket_str(const char *s, size_t len, enum time_unit unit,
	    char out[TIME_BUCKET_MAX], size_t *outlen);

/* Days since 1970-01-01 of a civil date (month 1-12), and back. */
int64_t	time_days_from_civil(int64_t year, unsigned month, unsigned day);
void	time_civil_from_days(int64_t days, int64_t *year, unsigned *month,
	    unsigned *day);

/* The day number holding t (floor division: before 1970 is negative). */
int64_t	time_day(int64_t t);

/* "YYYY-MM-DD" (exactly) to a day number: 0, or -1 when not a date. */
int	time_parse_day(const char *s, size_t len, int64_t *day);

/* A day number as "YYYY-MM-DD" and a NUL. */
void	time_format_day(int64_t day, char out[11]);

#endif
