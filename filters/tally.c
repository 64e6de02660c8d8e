/*
 * tally: count records per group, with aggregates beside the count, time
 * buckets (with no gaps under --fill), exact merging of shard tallies,
 * cohorts of first-seen keys, and a wide (pivoted) view. Output is always
 * sorted, never in hash order.
 *	extract logs.gz | normalize | tally -g platform --by day -a distinct:key
 */
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agg.h"
#include "filter.h"
#include "msg.h"
#include "opts.h"
#include "progress.h"
#include "tally.h"
#include "timefmt.h"
#include "tsv.h"
#include "util.h"

static struct tally t;		/* what we count, and how */

static const struct opt own_options[] = {
	{ "group", 'g', "col,...", 'g',
	    "count per value of these columns", NULL },
	{ "by", 0, "unit", 'b',
	    "also per hour, day, week or month of the time", NULL },
	{ "aggregate", 'a', "agg:col,...", 'a',
	    "aggregates beside the count (listed below)", NULL },
	{ "top", 'n', "N", 'n', "only the first N groups", NULL },
	{ "sort", 0, "name", 'o',
	    "sort by count (default), an aggregate or a column", NULL },
	{ "reverse", 'r', NULL, 'r', "smallest first", &t.reverse },
	{ "min-count", 0, "N", 'm',
	    "only groups counted N times or more", NULL },
	{ "merge", 0, NULL, 'M', "add up tallies of shards, exactly", &t.merge },
	{ "partial", 0, NULL, 'p',
	    "a tally for a later merge (distinct values kept)", &t.partial },
	{ "wide", 0, NULL, 'w',
	    "one row per first group, a column per last", &t.wide },
	{ "cohort", 0, "unit", 'c',
	    "new keys per day, week, month or all, and survival", NULL },
	{ "from", 0, "day", 'f',
	    "the first day of the cohorts or of the buckets", NULL },
	{ "to", 0, "day", 'T',
	    "the last day of the cohorts or of the buckets", NULL },
	{ "alive-on", 0, "day", 'A',
	    "survival: seen on or after this day", NULL },
	{ "after", 0, "N,...", 'N',
	    "survival: seen N days or more after the first", NULL },
	{ "alive-from", 0, "file", 'P',
	    "survival: alive, gone, unknown when probe last checked", NULL },
	{ "fill", 0, NULL, 'F', "write empty time buckets too", &t.fill },
	{ "time-field", 't', "name", 't',
	    "the time is in this column (default time)", NULL },
	{ NULL, 0, NULL, 0, NULL, NULL }
};

static const char usage_text[] =
    "usage: tally [option ...] [file ... | --files0-from F]\n"
    "       tally --cohort day|week|month|all [option ...] [file ...]\n";

/* The aggregates --help lists, after the options. */
static const char *
aggregates_line(void)
{
	static char *line;
	const char *list = agg_list(" ", " ");

	free(line);
	line = xmalloc(strlen(list) + 14);
	sprintf(line, "aggregates: %s\n", list);
	return line;
}

/* Each name of a comma-separated list to fn. */
static void
each_name(const char *list, void (*fn)(struct tally *, const char *))
{
	size_t n;
	char **v = split_list(list, &n);

	for (size_t i = 0; i < n; i++)
		fn(&t, v[i]);
	free_strings(v, n);
}

static void
add_after(struct tally *tl, const char *s)
{
	struct cohort *c = &tl->cohort;
	unsigned long long v;

	if (parse_count(s, 100000, &v) < 0)
		xerrx(EXIT_TROUBLE, "bad --after \"%s\": want days, 0 to 100000", s);
	c->after = xrealloc(c->after, (c->nafter + 1) * sizeof(*c->after));
	c->after[c->nafter++] = (long)v;
}

static int64_t
day_arg(const char *opt, const char *s)
{
	int64_t d;

	if (time_parse_day(s, strlen(s), &d) < 0)
		xerrx(EXIT_TROUBLE, "bad %s \"%s\": want a day as YYYY-MM-DD", opt, s);
	return d;
}

static unsigned long long
count_arg(const char *opt, const char *s)
{
	unsigned long long v;

	if (parse_count(s, UINT64_MAX, &v) < 0)
		xerrx(EXIT_TROUBLE, "bad %s \"%s\": want a count", opt, s);
	return v;
}

int
main(int argc, char *argv[])
{
	const char *from_arg = NULL, *to_arg = NULL;
	const char *sort_name = NULL;
	char **probe_files = NULL;
	size_t nprobe = 0;
	int ch, by_unit = -1, show_stats = 0, show_progress = 0, status = EXIT_OK;

	tally_init(&t);

	struct opts cl = { .usage = usage_text, .own = own_options, .wheres = &t.wheres,
	    .stats = &show_stats, .progress = &show_progress };

	cl.extra = aggregates_line();
	while ((ch = opts_next(&cl, argc, argv)) != -1) {
		switch (ch) {
		case 'a':
			each_name(optarg, tally_add_agg);
			break;
		case 'g':
			each_name(optarg, tally_add_group);
			break;
		case 'n':
			t.top_n = count_arg("-n", optarg);
			break;
		case 't':
			if (*optarg == '\0')
				xerrx(EXIT_TROUBLE, "empty field name for -t");
			t.time_field = optarg;
			break;
		case 'N':
			each_name(optarg, add_after);
			break;
		case 'A':
			t.cohort.alive_day = day_arg("--alive-on", optarg);
			break;
		case 'b':
			if ((by_unit = time_unit_by_name(optarg)) < 0)
				xerrx(EXIT_TROUBLE, "bad --by \"%s\": want hour, day, week or month",
				    optarg);
			break;
		case 'c':
			if (strcmp(optarg, "all") == 0)
				t.cohort.unit = COHORT_ALL;
			else if ((t.cohort.unit = time_unit_by_name(optarg)) < 0 ||
			    t.cohort.unit == TIME_HOUR)
				xerrx(EXIT_TROUBLE, "bad --cohort \"%s\": want day, week, month or "
				    "all", optarg);
			break;
		case 'f':
			t.from_day = day_arg("--from", optarg);
			from_arg = optarg;
			break;
		case 'm':
			t.min_count = count_arg("--min-count", optarg);
			break;
		case 'o':
			sort_name = optarg;
			break;
		case 'P':
			if (*optarg == '\0' || strcmp(optarg, "-") == 0)
				xerrx(EXIT_TROUBLE, "bad --alive-from \"%s\": want a file of probe "
				    "output (not the standard input)", optarg);
			probe_files = xrealloc(probe_files, (nprobe + 1) * sizeof(*probe_files));
			probe_files[nprobe++] = optarg;
			break;
		case 'T':
			t.to_day = day_arg("--to", optarg);
			to_arg = optarg;
			break;
		}
	}
	if (by_unit >= 0) {
		static const char *const names[] = { "hour", "day", "week", "month" };

		tally_add_group(&t, names[by_unit]);
	}
	if (t.merge && t.naggs)
		xerrx(EXIT_TROUBLE, "--merge takes its aggregates from the input; drop -a");
	if (t.partial && (t.top_n || t.min_count || t.wide))
		xerrx(EXIT_TROUBLE, "--partial keeps every group: drop -n, --min-count, --wide");
	if (t.wide && (t.naggs || t.ngroups < 2))
		xerrx(EXIT_TROUBLE, "--wide needs two or more group columns and no -a");
	if (t.cohort.unit != COHORT_OFF && (t.merge || t.partial || t.wide || t.naggs))
		xerrx(EXIT_TROUBLE, "--cohort goes with -g, --from, --to, --alive-on, --after, "
		    "--alive-from, --fill");
	if (t.cohort.unit == COHORT_OFF && (t.cohort.nafter || t.cohort.alive_day != INT64_MIN ||
	    nprobe))
		xerrx(EXIT_TROUBLE, "--alive-on, --after and --alive-from need --cohort");
	if (t.cohort.unit == COHORT_OFF && !t.fill &&
	    (t.from_day != INT64_MIN || t.to_day != INT64_MAX))
		xerrx(EXIT_TROUBLE, "--from and --to need --cohort or --fill");
	if (t.from_day > t.to_day)
		xerrx(EXIT_TROUBLE, "--from %s is after --to %s", from_arg, to_arg);
	if (t.fill && t.partial)
		xerrx(EXIT_TROUBLE, "--fill goes on the --merge of the partials, not on --partial");
	if (t.fill && t.min_count)
		xerrx(EXIT_TROUBLE, "--fill writes every bucket: drop --min-count");
	if (t.fill && t.cohort.unit == COHORT_ALL)
		xerrx(EXIT_TROUBLE, "--fill needs --cohort day, week or month, not all");
	t.cohort.from_day = t.from_day;
	t.cohort.to_day = t.to_day;
	if (t.fill && (t.cohort.unit != COHORT_OFF || !t.merge || t.ngroups))
		fill_resolve(&t, NULL);
	/* The probe results first: a missing column fails before any data is read. */
	t.cohort.checked = nprobe > 0;
	for (size_t i = 0; i < nprobe; i++)
		if (probed_read(&t.probed, probe_files[i]) < 0)
			t.trouble = 1;
	free(probe_files);

	if (opts_inputs(&cl, argc, argv, tally_file, &t) < 0)
		status = EXIT_TROUBLE;
	if (!t.wide || t.gt.n)
		sort_resolve(&t, sort_name);
	tally_write(&t);
	/*
	 * Every row read is accounted for: in = counted + filtered + skipped;
	 * out is the groups written.
	 */
	if (show_stats) {
		fprintf(stderr, "tally: %" PRIu64 " in, %" PRIu64 " out (groups), %" PRIu64
		    " skipped (%" PRIu64 " wrong width or too long, %" PRIu64 " bad count); %" PRIu64
		    " counted, %" PRIu64 " filtered", t.n_rows + t.n_wrong_width, t.n_out,
		    t.n_wrong_width + t.n_bad, t.n_wrong_width, t.n_bad,
		    t.n_rows - t.n_bad - t.n_filtered, t.n_filtered);
		if (tsv_repeated_headers())
			fprintf(stderr, "; %llu repeated header%s", tsv_repeated_headers(),
			    tsv_repeated_headers() == 1 ? "" : "s");
		fputc('\n', stderr);
	}
	if (t.trouble)
		status = EXIT_TROUBLE;
	tally_free(&t);
	opts_free(&cl);
	return close_stdout(status);
}
