/*
 * dedupe: one record per key. Keeps the first record of each key (or the
 * last), or with --count writes one summary row per key: the record plus
 * count, first_time and last_time; --merge adds such summaries up across
 * shards, so the summary of a month is the merge of its days'.
 *	zcat logs.gz | extract | normalize | dedupe -k channel,key --count
 */
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "filter.h"
#include "hash.h"
#include "msg.h"
#include "opts.h"
#include "progress.h"
#include "timefmt.h"
#include "tsv.h"
#include "util.h"
#include "where.h"


static const char	*key_spec = "key";	/* -k, --key COL[,COL...] */
static const char	*time_field = "time";	/* -t, --time-field NAME */
static int		 keep_last;		/* --last */
static int		 summary;		/* -c, --count, --summary */
static int		 merge;			/* --merge */
static int		 show_stats;		/* --stats */
static int		 show_progress;		/* --progress */
static int		 line_buffered;		/* --line-buffered */
static struct where_list wheres = WHERE_LIST_INIT;	/* --where */

/* The first input's header; later inputs must have the same. */
static struct first_input first;	/* later inputs must have its header */

static int		*key_col;		/* column of each key name */
static size_t		*key_at;		/* its place in a batch row */
static size_t		 nkey;
static int		 time_col = -1;		/* -1: no time column */
static int		 count_col, first_col, last_col;	/* -1: appended */
static size_t		 ncols_in;

static struct hash_table seen;
static struct tsv_batch	 batch = TSV_BATCH_INIT;
static char		*keybuf;		/* a key of several columns */
static size_t		 keycap;

/* Per key, indexed by its entry number in seen. */
struct record {
	char		*p;	/* the line, escaped; arena or malloc (--last) */
	size_t		 len;
};
static struct record	*rec;
/* --count: one structure per key, so a row touches one cache line, not three. */
struct summary {
	uint64_t	 count;
	int64_t		 first, last;	/* times, or NO_TIME */
};
static struct summary	*sum;
static uint64_t		*last_row;		/* --last: row of the record kept */
static size_t		 cap;
static uint64_t		 nrows;
static struct arena	 rec_arena;		/* first records, never replaced */
/*
 * --stats: rows of the wrong width or too long (never in a batch), bad --merge counts,
 * rows --where passed over.
 */
static uint64_t		 n_wrong_width, n_bad_count, n_filtered;

static const struct opt own_options[] = {
	{ "key", 'k', "col,...", 'k',
	    "the columns that make a record's key (default key)", NULL },
	{ "last", 0, NULL, 'L',
	    "keep the last record of a key, not the first", &keep_last },
	{ "count", 'c', NULL, 'c',
	    "add count, first_time and last_time", NULL },
	{ "summary", 0, NULL, 'c', "the same as --count", NULL },
	{ "merge", 0, NULL, 'M', "merge the --count outputs of shards", NULL },
	{ "time-field", 't', "name", 't',
	    "the time is in this column (default time)", NULL },
	{ NULL, 0, NULL, 0, NULL, NULL }
};


/* The command line: our options and the shared ones we take (opts.h). */
static struct opts cl = {
	.usage = "usage: dedupe [option ...] [file ... | --files0-from F]\n",
	.own = own_options, .wheres = &wheres, .stats = &show_stats,
	.progress = &show_progress, .line_buffered = &line_buffered
};

static void
grow_arrays(size_t need)
{
	if (need <= cap)
		return;
	cap = cap ? cap * 2 : 1024;
	if (summary || keep_last) {
		rec = xrealloc(rec, cap * sizeof(*rec));
		memset(rec + need - 1, 0, (cap - need + 1) * sizeof(*rec));
	}
	if (summary)
		sum = xrealloc(sum, cap * sizeof(*sum));
	if (keep_last && !summary)
		last_row = xrealloc(last_row, cap * sizeof(*last_row));
}

/* Split "a,b" into column indexes of r; exits 2 naming a missing one. */
static void
resolve_keys(const struct tsv_reader *r)
{
	char *spec = xstrdup(key_spec), *name, *save = NULL;

	nkey = 0;
	for (name = strtok_r(spec, ",", &save); name; name = strtok_r(NULL, ",", &save)) {
		key_col = xrealloc(key_col, (nkey + 1) * sizeof(*key_col));
		if ((key_col[nkey] = tsv_col(r, name)) < 0)
			xerrx(EXIT_TROUBLE, "%s: no column \"%s\"", tsv_name(r), name);
		nkey++;
	}
	free(spec);
	if (nkey == 0)
		xerrx(EXIT_TROUBLE, "no key column named by -k \"%s\"", key_spec);
}

static int
required_col(const struct tsv_reader *r, const char *name)
{
	int c = tsv_col(r, name);

	if (c < 0)
		xerrx(EXIT_TROUBLE, "%s: no column \"%s\" (--merge reads dedupe --count output)",
		    tsv_name(r), name);
	return c;
}

static void
write_header(const struct tsv_reader *r)
{
	const char *const names[] = { "count", "first_time", "last_time" };
	const int have[] = { count_col, first_col, last_col };

	put_header(r, names, have, summary && !merge ? 3 : 0, 0);
}

/*
 * The key of a row: the field itself (*direct set), or fields joined by
 * tabs, appended to keybuf at *used (a batch's keys share it; *direct is
 * NULL and the key's offset is returned, a pointer being unsafe until the
 * batch is done growing keybuf).
 */
static size_t
row_key(const struct tsv_field *row, size_t *used, const char **direct, size_t *len)
{
	size_t i, n = *used, at = *used;
	const struct tsv_field *f;

	if (nkey == 1) {
		*direct = row[key_at[0]].p;
		*len = row[key_at[0]].len;
		return 0;
	}
	*direct = NULL;
	for (i = 0; i < nkey; i++) {
		f = &row[key_at[i]];
		if (n + f->len + 1 > keycap)
			xgrow(&keybuf, &keycap, n + f->len + 1);
		if (i)
			keybuf[n++] = '\t';
		memcpy(keybuf + n, f->p, f->len);
		n += f->len;
	}
	*len = n - at;
	*used = n;
	return at;
}


static void
keep_record(uint32_t id, const struct tsv_field *row, int added)
{
	const char *line = row->p;
	size_t len = row->len;

	if (!keep_last) {
		if (added) {
			rec[id].p = arena_copy(&rec_arena, line, len);
			rec[id].len = len;
		}
		return;
	}
	/* --last: one malloc per key, reused while the record fits. */
	if (len > rec[id].len || rec[id].p == NULL)
		rec[id].p = xrealloc(rec[id].p, len ? len : 1);
	memcpy(rec[id].p, line, len);
	rec[id].len = len;
}

/* --merge: the count column of a row; -1 if it is not a number. */
static int
row_count(const struct tsv_field *row, uint64_t *n)
{
	const struct tsv_field *f = &row[count_col];
	unsigned long long v;
	char num[32];

	if (f->len > 0 && f->len < sizeof(num)) {
		memcpy(num, f->p, f->len);
		num[f->len] = '\0';
		if (parse_count(num, UINT64_MAX, &v) == 0) {
			*n = v;
			return 0;
		}
	}
	return -1;
}

/* One row of dedupe --count (n is 1) or --merge (n from the row). */
static void
summarise(const struct tsv_reader *r, const struct tsv_field *row,
    unsigned long long lineno, uint32_t id, int added, uint64_t n)
{
	struct summary *k = &sum[id];
	int64_t a, b;

	if (merge) {
		a = field_time(&row[first_col]);
		b = field_time(&row[last_col]);
	} else
		a = b = time_col >= 0 ? field_time(&row[time_col]) : NO_TIME;
	if (added) {
		k->count = 0;
		k->first = k->last = NO_TIME;
	}
	if (k->count > UINT64_MAX - n)
		xerrx(EXIT_TROUBLE, "%s:%llu: count overflows", tsv_name(r), lineno);
	k->count += n;
	if (a != NO_TIME && (k->first == NO_TIME || a < k->first))
		k->first = a;
	if (b != NO_TIME && (k->last == NO_TIME || b > k->last))
		k->last = b;
}

/*
 * The rows of one batch, in order. Keys are hashed and looked up together
 * first (hash_put_many), then each row is handled as it would be alone;
 * messages about a row still come in row order.
 */
static int
dedupe_batch(const struct tsv_reader *r, const struct tsv_batch *b)
{
	struct hash_query q[TSV_BATCH];
	uint64_t n[TSV_BATCH];
	size_t off[TSV_BATCH], i, m = 0, used = 0, len;
	const struct tsv_field *row, *f;
	const char *direct;
	unsigned char ok[TSV_BATCH], skip[TSV_BATCH];
	uint32_t id;
	int bad = 0;

	for (i = 0; i < b->n; i++) {
		row = b->field + i * b->ncols;
		n[i] = 1;
		/* A row --where passes over is not a key, nor checked further. */
		skip[i] = wheres.n && !where_row(&wheres, row);
		ok[i] = skip[i] || !merge || row_count(row, &n[i]) == 0;
		if (skip[i] || !ok[i])
			continue;
		off[m] = row_key(row, &used, &direct, &len);
		q[m].key = direct;
		q[m].len = len;
		m++;
	}
	for (i = 0; i < m; i++)
		if (q[i].key == NULL)
			q[i].key = keybuf + off[i];	/* keybuf has stopped moving */
	hash_queries(&seen, q, m);
	hash_put_many(&seen, q, m);
	if (summary)
		for (i = 0; i < m; i++)
			if (!q[i].added)
				__builtin_prefetch(&sum[q[i].id], 1);
	for (i = 0, m = 0; i < b->n; i++) {
		row = b->field + i * b->ncols;
		nrows++;
		if (skip[i]) {
			n_filtered++;
			continue;
		}
		if (!ok[i]) {
			f = &row[count_col];
			xwarnx("%s:%llu: count \"%.*s\" is not a number", tsv_name(r),
			    b->lineno[i], (int)(f->len > 40 ? 40 : f->len), f->p);
			n_bad_count++;
			bad = 1;
			continue;
		}
		id = q[m].id;
		if (!summary && !keep_last) {
			/* Raw control bytes from a foreign writer come out escaped. */
			if (q[m++].added) {
				tsv_write_escaped(stdout, b->row[i].p, b->row[i].len);
				putchar('\n');
			}
			continue;
		}
		if (q[m].added)
			grow_arrays((size_t)id + 1);
		if (summary)
			summarise(r, row, b->lineno[i], id, q[m].added, n[i]);
		keep_record(id, &b->row[i], q[m].added);
		if (keep_last && !summary)
			last_row[id] = nrows;
		m++;
	}
	return bad ? -1 : 0;
}

/*
 * --line-buffered: the next row alone, as a batch of one, so that its
 * record is written as soon as its line arrives (a batch would wait for
 * TSV_BATCH lines). The row is copied with a newline after it, as a
 * batch holds it.
 */
static int
next_row(struct tsv_reader *r, struct tsv_batch *b)
{
	const char *line;
	size_t len, i;
	int rc;

	b->n = 0;
	if ((rc = tsv_next(r)) <= 0)
		return rc;
	if (b->ncols != tsv_ncols(r)) {
		free(b->field);
		b->field = xcalloc(tsv_ncols(r), sizeof(*b->field));
		b->ncols = tsv_ncols(r);
	}
	/* The fields lie in one line, in order, a tab apart. */
	line = tsv_row(r)[0].p;
	len = (size_t)(tsv_row(r)[tsv_ncols(r) - 1].p - line) + tsv_row(r)[tsv_ncols(r) - 1].len;
	xgrow(&b->buf, &b->cap, len + 1);
	memcpy(b->buf, line, len);
	b->buf[len] = '\n';
	for (i = 0; i < tsv_ncols(r); i++) {
		b->field[i].p = b->buf + (tsv_row(r)[i].p - line);
		b->field[i].len = tsv_row(r)[i].len;
	}
	b->row[0].p = b->buf;
	b->row[0].len = len;
	b->lineno[0] = tsv_lineno(r);
	b->n = 1;
	return 1;
}

/* Read one input; returns 0, or -1 on trouble (already reported). */
static int
dedupe_file(void *ctx, const char *path)
{
	struct tsv_reader *r;
	int bad = 0;

	(void)ctx;
	if ((r = tsv_open(path)) == NULL)
		return -1;
	if (tsv_ncols(r) == 0)
		return tsv_close(r);
	switch (first_input(&first, r)) {
	case -1:
		tsv_close(r);
		return -1;
	case 1:
		resolve_keys(r);
		time_col = tsv_col(r, time_field);
		count_col = tsv_col(r, "count");
		first_col = tsv_col(r, "first_time");
		last_col = tsv_col(r, "last_time");
		if (merge) {
			count_col = required_col(r, "count");
			first_col = required_col(r, "first_time");
			last_col = required_col(r, "last_time");
		} else if (strcmp(time_field, "time") != 0 && time_col < 0)
			xerrx(EXIT_TROUBLE, "%s: no column \"%s\"", tsv_name(r), time_field);
		if (where_resolve(&wheres, tsv_names(r), tsv_ncols(r),
		    tsv_name(r)) < 0)
			exit(EXIT_TROUBLE);
		ncols_in = tsv_ncols(r);
		write_header(r);
	}
	key_at = xrealloc(key_at, nkey * sizeof(*key_at));
	for (size_t i = 0; i < nkey; i++)
		key_at[i] = (size_t)key_col[i];
	/*
	 * Plain dedupe reads only the key columns: the reader finds the tabs
	 * that bound them (and still checks every row's width), not all.
	 */
	if (!merge && !summary && !keep_last && !line_buffered && wheres.n == 0)
		tsv_pick_row(r, key_at, nkey);
	while ((line_buffered ? next_row(r, &batch) : tsv_next_batch(r, &batch)) > 0)
		if (dedupe_batch(r, &batch) < 0)
			bad = 1;
	n_wrong_width += tsv_counts(r, NULL);
	return tsv_close(r) < 0 || bad ? -1 : 0;
}


/* A summary row: the record with count, first_time and last_time set. */
static void
write_summary(uint32_t id)
{
	const char *p = rec[id].p, *end = p + rec[id].len, *tab;
	size_t col;

	for (col = 0; col < ncols_in; col++) {
		tab = memchr(p, '\t', (size_t)(end - p));
		if (tab == NULL)
			tab = end;
		if (col)
			putchar('\t');
		if ((int)col == count_col)
			printf("%" PRIu64, sum[id].count);
		else if ((int)col == first_col)
			put_time(stdout, sum[id].first);
		else if ((int)col == last_col)
			put_time(stdout, sum[id].last);
		else
			tsv_write_escaped(stdout, p, (size_t)(tab - p));
		p = tab < end ? tab + 1 : end;
	}
	if (count_col < 0)
		printf("\t%" PRIu64, sum[id].count);
	if (first_col < 0) {
		putchar('\t');
		put_time(stdout, sum[id].first);
	}
	if (last_col < 0) {
		putchar('\t');
		put_time(stdout, sum[id].last);
	}
	putchar('\n');
}

static int
by_last_row(const void *a, const void *b)
{
	uint64_t x = last_row[*(const uint32_t *)a], y = last_row[*(const uint32_t *)b];

	return x < y ? -1 : x > y;
}

static void
write_kept(void)
{
	uint32_t i, *order;

	if (summary) {
		for (i = 0; i < seen.n; i++)
			write_summary(i);
		return;
	}
	if (!keep_last)
		return;
	/* The last record of each key, in input order. */
	order = xmalloc((seen.n ? seen.n : 1) * sizeof(*order));
	for (i = 0; i < seen.n; i++)
		order[i] = i;
	qsort(order, seen.n, sizeof(*order), by_last_row);
	for (i = 0; i < seen.n; i++) {
		tsv_write_escaped(stdout, rec[order[i]].p, rec[order[i]].len);
		putchar('\n');
	}
	free(order);
}

static void
free_all(void)
{
	if (keep_last && rec)
		for (uint32_t i = 0; i < seen.n; i++)
			free(rec[i].p);
	free(rec);
	free(sum);
	tsv_batch_free(&batch);
	free(last_row);
	free(key_col);
	free(key_at);
	free(keybuf);
	arena_free(&rec_arena);
	hash_free(&seen);
	where_free(&wheres);
	first_input_free(&first);
}

int
main(int argc, char *argv[])
{
	int ch, status = EXIT_OK;

	while ((ch = opts_next(&cl, argc, argv)) != -1) {
		switch (ch) {
		case 'c':
			summary = 1;
			break;
		case 'k':
			key_spec = optarg;
			break;
		case 'M':
			merge = summary = 1;
			break;
		case 't':
			if (*optarg == '\0')
				xerrx(EXIT_TROUBLE, "empty field name for -t");
			time_field = optarg;
			break;
		}
	}
	hash_init(&seen);
	if (opts_inputs(&cl, argc, argv, dedupe_file, NULL) < 0)
		status = EXIT_TROUBLE;
	/*
	 * Every row read is accounted for: in = out + duplicates + skipped
	 * (+ filtered, with --where), where out is one record (or summary
	 * row) per key.
	 */
	if (show_stats) {
		fprintf(stderr, "dedupe: %" PRIu64 " in, %" PRIu32 " out, %" PRIu64
		    " skipped (%" PRIu64 " wrong width or too long, %" PRIu64 " bad count); %" PRIu64
		    " duplicates", nrows + n_wrong_width, seen.n,
		    n_wrong_width + n_bad_count, n_wrong_width, n_bad_count,
		    nrows - n_bad_count - n_filtered - seen.n);
		if (wheres.n)
			fprintf(stderr, ", %" PRIu64 " filtered", n_filtered);
		if (tsv_repeated_headers())
			fprintf(stderr, "; %llu repeated header%s", tsv_repeated_headers(),
			    tsv_repeated_headers() == 1 ? "" : "s");
		fputc('\n', stderr);
	}
	write_kept();
	free_all();
	opts_free(&cl);
	return close_stdout(status);
}
