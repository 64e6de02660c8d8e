/*
 * normalize: say what each link points at. Reads TSV with a url column and
 * writes every record back with platform filled in and kind, key and
 * channel_key added, so one channel written five ways counts once.
 *	zcat logs.gz | extract | normalize | dedupe | tally -g platform,kind
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filter.h"
#include "keys.h"
#include "msg.h"
#include "opts.h"
#include "progress.h"
#include "rules.h"
#include "table.h"
#include "tsv.h"
#include "util.h"
#include "where.h"

static const char	*url_field = "url";	/* -u, --url-field NAME */
static int		 show_stats;		/* --stats */
static int		 line_buffered;		/* --line-buffered */
static int		 show_progress;		/* --progress */
static int		 csv_safe;		/* --csv-safe: ' before = + - @ */
static struct where_list wheres = WHERE_LIST_INIT;	/* --where, on our output */

static struct keys	*keys;
static char		*url_buf;		/* the url field, unescaped */
static size_t		 url_cap;

static struct first_input first;	/* later inputs must have its header */

/* Where our columns go: an input column's index, or appended. */
static int		 url_col, platform_col, kind_col, key_col, chan_col;
static size_t		 ncols_in;
/* The same in the output, where the appended ones have places too. */
static int		 platform_out, kind_out, key_out, chan_out;

static unsigned long long n_records, n_kind[32];	/* by table_kinds */
static unsigned long long n_in, n_skipped;	/* rows read; of the wrong width or too long */
static unsigned long long n_filtered;		/* records --where passed over */
static unsigned long long n_errors;		/* links a table row could not try */

static const struct opt own_options[] = {
	{ "url-field", 'u', "field", 'u',
	    "read the links from this column (default url)", NULL },
	{ "rules", 0, "file", 'R', "more rows of the platform table", NULL },
	{ NULL, 0, NULL, 0, NULL, NULL }
};


/* The command line: our options and the shared ones we take (opts.h). */
static struct opts cl = {
	.usage = "usage: normalize [option ...] [file ... | --files0-from F]\n",
	.own = own_options, .wheres = &wheres, .stats = &show_stats,
	.progress = &show_progress, .line_buffered = &line_buffered,
	.csv_safe = &csv_safe
};

/* Our header: the input's columns, then the ones it lacks. */
static void
write_header(const struct tsv_reader *r)
{
	const char *const names[] = { "platform", "kind", "key", "channel_key" };
	const int have[] = { platform_col, kind_col, key_col, chan_col };

	put_header(r, names, have, 4, csv_safe);
}

static void
count_kind(const char *kind)
{
	size_t i;

	for (i = 0; table_kinds[i]; i++)
		if (strcmp(table_kinds[i], kind) == 0)
			break;
	if (i < sizeof(n_kind) / sizeof(n_kind[0]))
		n_kind[i]++;
	n_records++;
}

/* An escaped field; --csv-safe makes one a spreadsheet would run into text. */
static void
put_escaped(const char *p, size_t len)
{
	if (csv_safe && tsv_formula(p, len))
		putchar('\'');
	tsv_write_escaped(stdout, p, len);	/* a raw control byte: escaped */
}

static void
put_raw(const char *p, size_t len)
{
	if (csv_safe && tsv_formula(p, len))
		putchar('\'');
	tsv_put(stdout, p, len);
}

/* Does --where hold for the record as we would write it? */
static int
record_wanted(const struct tsv_reader *r, const struct key_result *kr)
{
	for (size_t i = 0; i < wheres.n; i++) {
		const struct where *w = &wheres.w[i];
		int ok;

		if (w->col == platform_out && (platform_col < 0 ||
		    tsv_row(r)[platform_col].len == 0))
			ok = where_value(w, kr->platform, strlen(kr->platform));
		else if (w->col == kind_out)
			ok = where_value(w, kr->kind, strlen(kr->kind));
		else if (w->col == key_out)
			ok = where_value(w, kr->key, kr->key_len);
		else if (w->col == chan_out)
			ok = where_value(w, kr->channel_key, kr->channel_key_len);
		else
			ok = where_field(&wheres, w, tsv_row(r)[w->col].p, tsv_row(r)[w->col].len);
		if (!ok)
			return 0;
	}
	return 1;
}

/* One record: classify its url and write it back with our columns. */
static void
normalize_record(const struct tsv_reader *r)
{
	const struct tsv_field *url = &tsv_row(r)[url_col];
	struct key_result kr;
	size_t i, n;

	if (url->len + 1 > url_cap)
		xgrow(&url_buf, &url_cap, url->len + 1);
	n = tsv_unescape(url_buf, url->p, url->len);
	keys_classify(keys, url_buf, n, &kr);
	if (kr.error) {
		xwarnx("%s:%llu: %s (the other rows tried)", tsv_name(r), tsv_lineno(r),
		    kr.error);
		n_errors++;
	}
	if (wheres.n && !record_wanted(r, &kr)) {
		n_filtered++;
		return;
	}
	count_kind(kr.kind);
	for (i = 0; i < ncols_in; i++) {
		if (i)
			putchar('\t');
		if ((int)i == platform_col && tsv_row(r)[i].len == 0)
			tsv_puts(stdout, kr.platform);
		else if ((int)i == kind_col)
			tsv_puts(stdout, kr.kind);
		else if ((int)i == key_col)
			put_raw(kr.key, kr.key_len);
		else if ((int)i == chan_col)
			put_raw(kr.channel_key, kr.channel_key_len);
		else
			put_escaped(tsv_row(r)[i].p, tsv_row(r)[i].len);
	}
	if (platform_col < 0) {
		putchar('\t');
		tsv_puts(stdout, kr.platform);
	}
	if (kind_col < 0) {
		putchar('\t');
		tsv_puts(stdout, kr.kind);
	}
	if (key_col < 0) {
		putchar('\t');
		put_raw(kr.key, kr.key_len);
	}
	if (chan_col < 0) {
		putchar('\t');
		put_raw(kr.channel_key, kr.channel_key_len);
	}
	putchar('\n');
}

/* Where column name lands in our output: its input column, or appended. */
static int
out_col(int col, const char *name, const char **names, size_t *n)
{
	if (col >= 0)
		return col;
	names[*n] = name;
	return (int)(*n)++;
}

/*
 * --where names columns of our output: the input's, then those we append
 * (platform, kind, key, channel_key, as write_header writes them).
 */
static int
resolve_where(const struct tsv_reader *r)
{
	const char **names = xmalloc((tsv_ncols(r) + 4) * sizeof(*names));
	size_t n = tsv_ncols(r);
	int rc;

	memcpy(names, tsv_names(r), tsv_ncols(r) * sizeof(*names));
	platform_out = out_col(platform_col, "platform", names, &n);
	kind_out = out_col(kind_col, "kind", names, &n);
	key_out = out_col(key_col, "key", names, &n);
	chan_out = out_col(chan_col, "channel_key", names, &n);
	rc = where_resolve(&wheres, names, n, tsv_name(r));
	free(names);
	return rc;
}

/* Read one input; returns 0, or -1 on trouble (already reported). */
static int
normalize_file(void *ctx, const char *path)
{
	struct tsv_reader *r;
	unsigned long long rows, skipped;
	int rc;

	(void)ctx;
	if ((r = tsv_open(path)) == NULL)
		return -1;
	if (tsv_ncols(r) == 0)		/* empty input: no table, nothing to say */
		return tsv_close(r);
	switch (first_input(&first, r)) {
	case -1:
		tsv_close(r);
		return -1;
	case 1:
		if ((url_col = tsv_col(r, url_field)) < 0) {
			xwarnx("%s: no column \"%s\"", tsv_name(r), url_field);
			first_input_free(&first);	/* the next input is first */
			tsv_close(r);
			return -1;
		}
		platform_col = tsv_col(r, "platform");
		kind_col = tsv_col(r, "kind");
		key_col = tsv_col(r, "key");
		chan_col = tsv_col(r, "channel_key");
		ncols_in = tsv_ncols(r);
		if (resolve_where(r) < 0) {
			first_input_free(&first);
			tsv_close(r);
			return -1;
		}
		write_header(r);
	}
	while ((rc = tsv_next(r)) > 0)
		normalize_record(r);
	skipped = tsv_counts(r, &rows);
	n_in += rows + skipped;
	n_skipped += skipped;
	return tsv_close(r);
}

static void
print_stats(void)
{
	const char *sep = ";";

	/* in = out + skipped (+ filtered); then what the records out are. */
	fprintf(stderr, "normalize: %llu in, %llu out, %llu skipped (wrong width or too long)",
	    n_in, n_records, n_skipped);
	if (wheres.n)
		fprintf(stderr, ", %llu filtered", n_filtered);
	for (size_t i = 0; table_kinds[i]; i++)
		if (n_kind[i]) {
			fprintf(stderr, "%s %llu %s", sep, n_kind[i], table_kinds[i]);
			sep = ",";
		}
	if (tsv_repeated_headers())
		fprintf(stderr, "; %llu repeated header%s", tsv_repeated_headers(),
			    tsv_repeated_headers() == 1 ? "" : "s");
	fputc('\n', stderr);
}

int
main(int argc, char *argv[])
{
	int ch, status = EXIT_OK;

	while ((ch = opts_next(&cl, argc, argv)) != -1) {
		switch (ch) {
		case 'R':
			if (rules_load(optarg) < 0)
				exit(EXIT_TROUBLE);
			break;
		case 'u':
			if (*optarg == '\0')
				xerrx(EXIT_TROUBLE, "empty field name for -u");
			url_field = optarg;
			break;
		}
	}
	keys = keys_new();
	if (opts_inputs(&cl, argc, argv, normalize_file, NULL) < 0 || n_errors)
		status = EXIT_TROUBLE;
	if (show_stats)
		print_stats();
	keys_free(keys);
	where_free(&wheres);
	free(url_buf);
	first_input_free(&first);
	opts_free(&cl);
	return close_stdout(status);
}
