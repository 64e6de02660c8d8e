/*
 * tally: count records per group, with aggregates beside the count, time
 * buckets (with no gaps under --fill), exact merging of shard tallies,
 * cohorts of first-seen keys, and a wide (pivoted) view. Output is always
 * sorted, never in hash order.
 *	extract logs.gz | normalize | tally -g platform --by day -a distinct:key
 */
#include <err.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agg.h"
#include "progress.h"
#include "tally.h"
#include "timefmt.h"
#include "util.h"

static void
usage(FILE *out, int status)
{
	fprintf(out,
	    "usage: tally [-g col[,col...]] [--by hour|day|week|month] [-a agg:col[,...]]\n"
	    "             [-n N] [--sort name] [-r] [--min-count N] [--where col=value]\n"
	    "             [--merge] [--partial] [--wide] [-t time-field] [--stats]\n"
	    "             [--fill [--from day] [--to day]] [--progress]\n"
	    "             [file ... | --files0-from F]\n"
	    "       tally --cohort day|week|month|all [-g col,...] [--from day] [--to day]\n"
	    "             [--alive-on day] [--after N[,N...]] [--fill] [--stats] [--progress]\n"
	    "             [file ... | --files0-from F]\n"
	    "aggregates: %s\n", agg_list(" ", " "));
	exit(status);
}

/* Each name of a comma-separated list to fn. */
static void
split_list(struct tally *t, const char *list, void (*fn)(struct tally *, const char *))
{
	char *s = xstrdup(list), *name, *save = NULL;

	for (name = strtok_r(s, ",", &save); name; name = strtok_r(NULL, ",", &save))
		fn(t, name);
	free(s);
}

static void
add_after(struct tally *t, const char *s)
{
	struct cohort *c = &t->cohort;
	unsigned long long v;

	if (parse_count(s, 100000, &v) < 0)
		errx(EXIT_TROUBLE, "bad --after \"%s\": want days, 0 to 100000", s);
	c->after = xrealloc(c->after, (c->nafter + 1) * sizeof(*c->after));
	c->after[c->nafter++] = (long)v;
}

static int64_t
day_arg(const char *opt, const char *s)
{
	int64_t d;

	if (time_parse_day(s, strlen(s), &d) < 0)
		errx(EXIT_TROUBLE, "bad %s \"%s\": want a day as YYYY-MM-DD", opt, s);
	return d;
}

static unsigned long long
count_arg(const char *opt, const char *s)
{
	unsigned long long v;

	if (parse_count(s, UINT64_MAX, &v) < 0)
		errx(EXIT_TROUBLE, "bad %s \"%s\": want a count", opt, s);
	return v;
}

int
main(int argc, char *argv[])
{
	enum { O_BY = 256, O_MINCOUNT, O_SORT, O_MERGE, O_PARTIAL, O_WIDE, O_COHORT,
	    O_FROM, O_TO, O_ALIVE, O_AFTER, O_WHERE, O_STATS, O_PROGRESS, O_FILES0,
	    O_FILL };
	static const struct option longopts[] = {
		{ "after",	required_argument,	NULL, O_AFTER },
		{ "aggregate",	required_argument,	NULL, 'a' },
		{ "alive-on",	required_argument,	NULL, O_ALIVE },
		{ "by",		required_argument,	NULL, O_BY },
		{ "cohort",	required_argument,	NULL, O_COHORT },
		{ "files0-from", required_argument,	NULL, O_FILES0 },
		{ "fill",	no_argument,		NULL, O_FILL },
		{ "from",	required_argument,	NULL, O_FROM },
		{ "group",	required_argument,	NULL, 'g' },
		{ "help",	no_argument,		NULL, 'h' },
		{ "merge",	no_argument,		NULL, O_MERGE },
		{ "min-count",	required_argument,	NULL, O_MINCOUNT },
		{ "partial",	no_argument,		NULL, O_PARTIAL },
		{ "progress",	no_argument,		NULL, O_PROGRESS },
		{ "reverse",	no_argument,		NULL, 'r' },
		{ "sort",	required_argument,	NULL, O_SORT },
		{ "stats",	no_argument,		NULL, O_STATS },
		{ "time-field",	required_argument,	NULL, 't' },
		{ "to",		required_argument,	NULL, O_TO },
		{ "top",	required_argument,	NULL, 'n' },
		{ "version",	no_argument,		NULL, 'V' },
		{ "where",	required_argument,	NULL, O_WHERE },
		{ "wide",	no_argument,		NULL, O_WIDE },
		{ NULL,		0,			NULL, 0 }
	};
	struct tally t;
	const char *files0 = NULL, *from_arg = NULL, *to_arg = NULL;
	const char *sort_name = NULL;
	int ch, by_unit = -1, show_stats = 0, show_progress = 0, status = EXIT_OK;

	tally_init(&t);

	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":a:g:hn:rt:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'a':
			split_list(&t, optarg, tally_add_agg);
			break;
		case 'g':
			split_list(&t, optarg, tally_add_group);
			break;
		case 'h':
			usage(stdout, EXIT_OK);
			break;
		case 'n':
			t.top_n = count_arg("-n", optarg);
			break;
		case 'r':
			t.reverse = 1;
			break;
		case 't':
			if (*optarg == '\0')
				errx(EXIT_TROUBLE, "empty field name for -t");
			t.time_field = optarg;
			break;
		case 'V':
			print_version();
			return EXIT_OK;
		case O_AFTER:
			split_list(&t, optarg, add_after);
			break;
		case O_ALIVE:
			t.cohort.alive_day = day_arg("--alive-on", optarg);
			break;
		case O_BY:
			if ((by_unit = time_unit_by_name(optarg)) < 0)
				errx(EXIT_TROUBLE, "bad --by \"%s\": want hour, day, week or month",
				    optarg);
			break;
		case O_FILES0:
			files0 = optarg;
			break;
		case O_FILL:
			t.fill = 1;
			break;
		case O_COHORT:
			if (strcmp(optarg, "all") == 0)
				t.cohort.unit = COHORT_ALL;
			else if ((t.cohort.unit = time_unit_by_name(optarg)) < 0 ||
			    t.cohort.unit == TIME_HOUR)
				errx(EXIT_TROUBLE, "bad --cohort \"%s\": want day, week, month or "
				    "all", optarg);
			break;
		case O_FROM:
			t.from_day = day_arg("--from", optarg);
			from_arg = optarg;
			break;
		case O_MERGE:
			t.merge = 1;
			break;
		case O_MINCOUNT:
			t.min_count = count_arg("--min-count", optarg);
			break;
		case O_PARTIAL:
			t.partial = 1;
			break;
		case O_PROGRESS:
			show_progress = 1;
			break;
		case O_SORT:
			sort_name = optarg;
			break;
		case O_STATS:
			show_stats = 1;
			break;
		case O_TO:
			t.to_day = day_arg("--to", optarg);
			to_arg = optarg;
			break;
		case O_WHERE:
			if (where_add(&t.wheres, optarg) < 0)
				exit(EXIT_TROUBLE);
			break;
		case O_WIDE:
			t.wide = 1;
			break;
		case ':':
			errx(EXIT_TROUBLE, "option %s needs an argument", argv[optind - 1]);
			break;
		default:
			if (optopt)
				errx(EXIT_TROUBLE, "unknown option -%c (see --help)", optopt);
			errx(EXIT_TROUBLE, "unknown option %s (see --help)", argv[optind - 1]);
		}
	}
	argc -= optind;
	argv += optind;
	if (by_unit >= 0) {
		static const char *const names[] = { "hour", "day", "week", "month" };

		tally_add_group(&t, names[by_unit]);
	}
	if (t.merge && t.naggs)
		errx(EXIT_TROUBLE, "--merge takes its aggregates from the input; drop -a");
	if (t.partial && (t.top_n || t.min_count || t.wide))
		errx(EXIT_TROUBLE, "--partial keeps every group: drop -n, --min-count, --wide");
	if (t.wide && (t.naggs || t.ngroups < 2))
		errx(EXIT_TROUBLE, "--wide needs two or more group columns and no -a");
	if (t.cohort.unit != COHORT_OFF && (t.merge || t.partial || t.wide || t.naggs))
		errx(EXIT_TROUBLE, "--cohort goes with -g, --from, --to, --alive-on, --after, "
		    "--fill");
	if (t.cohort.unit == COHORT_OFF && (t.cohort.nafter || t.cohort.alive_day != INT64_MIN))
		errx(EXIT_TROUBLE, "--alive-on and --after need --cohort");
	if (t.cohort.unit == COHORT_OFF && !t.fill &&
	    (t.from_day != INT64_MIN || t.to_day != INT64_MAX))
		errx(EXIT_TROUBLE, "--from and --to need --cohort or --fill");
	if (t.from_day > t.to_day)
		errx(EXIT_TROUBLE, "--from %s is after --to %s", from_arg, to_arg);
	if (t.fill && t.partial)
		errx(EXIT_TROUBLE, "--fill goes on the --merge of the partials, not on --partial");
	if (t.fill && t.min_count)
		errx(EXIT_TROUBLE, "--fill writes every bucket: drop --min-count");
	if (t.fill && t.cohort.unit == COHORT_ALL)
		errx(EXIT_TROUBLE, "--fill needs --cohort day, week or month, not all");
	t.cohort.from_day = t.from_day;
	t.cohort.to_day = t.to_day;
	if (t.fill && (t.cohort.unit != COHORT_OFF || !t.merge || t.ngroups))
		fill_resolve(&t, NULL);

	if (show_progress)
		progress_start("tally");
	if (each_input(argc, argv, files0, tally_file, &t) < 0)
		status = EXIT_TROUBLE;
	progress_end();
	if (!t.wide || t.gt.n)
		sort_resolve(&t, sort_name);
	tally_write(&t);
	/*
	 * Every row read is accounted for: in = counted + filtered + skipped;
	 * out is the groups written.
	 */
	if (show_stats)
		fprintf(stderr, "tally: %" PRIu64 " in, %" PRIu64 " out (groups), %" PRIu64
		    " skipped (%" PRIu64 " wrong width, %" PRIu64 " bad count); %" PRIu64
		    " counted, %" PRIu64 " filtered\n", t.n_rows + t.n_wrong_width, t.n_out,
		    t.n_wrong_width + t.n_bad, t.n_wrong_width, t.n_bad,
		    t.n_rows - t.n_bad - t.n_filtered, t.n_filtered);
	if (t.trouble)
		status = EXIT_TROUBLE;
	tally_free(&t);
	return close_stdout(status);
}
