/*
 * test_irc: what makes a ZNC IRC log: a line that starts "[HH:MM:SS] ",
 * and a file name "CHAN_YYYYMMDD.log" (.log.txt, .gz) giving the channel
 * and the day; anything short of that is no such line or name.
 */
#include <string.h>

#include "check.h"
#include "formats_int.h"

static void
test_lines(void)
{
	static const struct { const char *line; int irc; } cases[] = {
		{ "[00:07:04] *** Quits: a", 1 },
		{ "[23:59:60] <b> leap", 1 },
		{ "[09:12:56] ", 1 },
		{ "[09:12:56]", 0 },		/* no space after */
		{ "[09:12:56]x", 0 },
		{ "[24:00:00] <b> x", 0 },
		{ "[12:60:00] <b> x", 0 },
		{ "[12:00] <nick> hi", 0 },	/* irssi-like, no seconds */
		{ " [12:00:00] x", 0 },
		{ "[1:00:00] x", 0 },
		{ "[{\"a\": 1}]", 0 },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		CHECK(fmt_irc_line(cases[i].line, strlen(cases[i].line)) == cases[i].irc);
}

static void
test_names(void)
{
	static const struct {
		const char *name, *chan;
		long long day;		/* days since 1970-01-01; -1: not a ZNC name */
	} cases[] = {
		{ "#qtox_20160901.log.txt", "#qtox", 17045 },
		{ "logs/2016/09/#qtox_20160901.log", "#qtox", 17045 },
		{ "#a_b_19700101.log.gz", "#a_b", 0 },
		{ "nick_20240302.log.txt.gz", "nick", 19784 },
		{ "_20160901.log", NULL, -1 },		/* no channel */
		{ "#qtox_2016091.log", NULL, -1 },
		{ "#qtox_20161301.log", NULL, -1 },	/* month 13 */
		{ "#qtox_20160900.log", NULL, -1 },
		{ "#qtox-20160901.log", NULL, -1 },
		{ "#qtox_20160901.txt", NULL, -1 },
		{ "#qtox_20160901.log/x", NULL, -1 },
		{ "-", NULL, -1 },
	};
	struct text chan;
	long long day;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int ok = fmt_irc_name(cases[i].name, &chan, &day);

		CHECK(ok == (cases[i].day >= 0));
		if (ok && cases[i].day >= 0) {
			CHECK_MEM(chan.p, chan.len, cases[i].chan);
			CHECK(day == cases[i].day);
		}
	}
}

int
main(void)
{
	test_lines();
	test_names();
	return check_done();
}
