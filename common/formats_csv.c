/*
 * formats_csv: messages out of CSV exports (4CAT, telegram-tracker,
 * DiscordChatExporter, scrapers): text, time and channel columns found by
 * common names, and the columns that hold hidden links. DiscordChatExporter
 * names the channel only in the path: its folder is the channel.
 *	extract 4cat-export.csv | normalize
 */
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "formats.h"
#include "formats_int.h"
#include "input.h"
#include "msg.h"
#include "util.h"

/* Columns that carry links outside the text, and what they are. */
static const struct {
	const char	*name;
	const char	*where;
} hidden_cols[] = {
	{ "body_markdown", "entity" },		/* 4CAT: [label](url) */
	{ "link_attached", "preview" },		/* 4CAT */
	{ "url", "preview" },			/* telegram-tracker */
	{ "attachments", "attachment" },	/* DiscordChatExporter */
	{ "forward_msg_link", "forward" },	/* telegram-tracker */
};

/* The message's own id: telegram-tracker, 4CAT, DiscordChatExporter's newer CSV. */
static const char *const id_cols[] = { "msg_id", "message_id", "id", "messageid", NULL };

static const char *const forward_name_cols[] = {
	"author_forwarded_from_name", "forward_msg_from_peer_name", NULL
};

/* The line fmt_src_line gave last, for csv_limit. */
static unsigned long long
src_lineno(void *src)
{
	return ((struct fmt_src *)src)->lineno;
}

/* A column of the CSV header: given, or a default in any case. */
static int
find(const struct csv_reader *r, const char *given, const char *const *defaults)
{
	return fmt_find_col((const char *const *)r->names, r->ncols, given, defaults, 1);
}

/*
 * Can the record with fields f yield nothing: no sign in its text, no
 * column of hidden links or forward's name filled in?
 */
static int
quiet(const struct format_opts *o, const struct csv_field *f, int tc, const int *hidc,
    int fwdc)
{
	for (size_t i = 0; i < sizeof(hidden_cols) / sizeof(hidden_cols[0]); i++)
		if (hidc[i] >= 0 && f[hidc[i]].len > 0)
			return 0;
	if (fwdc >= 0 && f[fwdc].len > 0)
		return 0;
	return o->want(o->want_ctx, f[tc].p, f[tc].len) == f[tc].len;
}

int
fmt_read_csv(struct fmt_src *src, const struct format_opts *o, message_fn *fn, void *ctx,
    struct format_stats *st)
{
	static const char *const text_defaults[] = { "text", "message", "body", "content",
		NULL };
	static const char *const time_defaults[] = { "unix_timestamp", "timestamp", "date",
		"time", "datetime", NULL };
	static const char *const channel_defaults[] = { "channel", "chat", "channel_name",
		"channel_id", "username", NULL };
	const char *name = fmt_src_name(src);
	struct csv_reader *r = csv_new(fmt_src_line, src, src->lineno + 1);
	struct message m = { .source = input_label(src->in) };
	struct fmt_links links = { 0 };
	char *folder = NULL;
	int tc, timec, chanc, *keepc = NULL, hidc[sizeof(hidden_cols) / sizeof(hidden_cols[0])];
	int fwdc = -1, idc = -1, rc, status = -1, warned_local = 0;
	struct csv_field *f;

	csv_limit(r, input_max_record(), src_lineno);
	if ((rc = csv_header(r)) <= 0) {
		if (rc < 0 && r->err)
			xwarnx("%s:%llu: bad header: %s", name, r->line, r->err);
		csv_free(r);
		return rc < 0 ? -1 : 0;
	}
	tc = find(r, o->text_field, text_defaults);
	timec = find(r, o->time_field, time_defaults);
	chanc = find(r, o->channel_field, channel_defaults);
	if (tc < 0) {
		xwarnx("%s:%llu: no column \"%s\" (name the text column with -f)", name,
		    r->line, o->text_field ? o->text_field : "text");
		goto done;
	}
	if ((o->time_field && timec < 0) || (o->channel_field && chanc < 0)) {
		xwarnx("%s:%llu: no column \"%s\"", name, r->line,
		    o->time_field && timec < 0 ? o->time_field : o->channel_field);
		goto done;
	}
	keepc = xcalloc(o->nkeep ? o->nkeep : 1, sizeof(*keepc));
	m.keep = xcalloc(o->nkeep ? o->nkeep : 1, sizeof(*m.keep));
	m.nkeep = o->nkeep;
	for (size_t i = 0; i < o->nkeep; i++)
		if ((keepc[i] = csv_col(r, o->keep[i])) < 0) {
			xwarnx("%s:%llu: no column \"%s\"", name, r->line, o->keep[i]);
			goto done;
		}
	for (size_t i = 0; i < sizeof(hidden_cols) / sizeof(hidden_cols[0]); i++) {
		hidc[i] = csv_col_nocase(r, hidden_cols[i].name);
		if (hidc[i] == tc)
			hidc[i] = -1;
	}
	for (const char *const *k = forward_name_cols; *k && fwdc < 0; k++)
		fwdc = csv_col_nocase(r, *k);
	for (const char *const *k = id_cols; *k && idc < 0; k++)
		idc = csv_col_nocase(r, *k);
	/* DiscordChatExporter writes no channel column: it is the folder's name. */
	if (chanc < 0 && csv_col_nocase(r, "authorid") >= 0 && csv_col_nocase(r, "author") >= 0)
		folder = fmt_path_folder(src);

	while ((rc = csv_next(r)) > 0) {
		if (rc == CSV_BAD) {
			xwarnx("%s:%llu: %s", name, r->line, r->err);
			st->skipped++;
			continue;
		}
		f = r->field;
		m.line = r->line;
		m.text = (struct text){ f[tc].p, f[tc].len };
		m.time[0] = '\0';
		if (timec >= 0 && f[timec].len > 0 && fmt_time_culture(&m, f[timec].p,
		    f[timec].len, name, r->line, &warned_local) < 0)
			st->bad_times++;
		/* The sign pass: a record with nothing but a quiet text is counted. */
		if (o->want != NULL && quiet(o, f, tc, hidc, fwdc)) {
			st->messages++;
			continue;
		}
		m.channel = chanc >= 0 ? (struct text){ f[chanc].p, f[chanc].len } :
		    folder ? (struct text){ folder, strlen(folder) } : (struct text){ "", 0 };
		m.forward_from = fwdc >= 0 ? (struct text){ f[fwdc].p, f[fwdc].len } :
		    (struct text){ "", 0 };
		m.msg_id = idc >= 0 ? (struct text){ f[idc].p, f[idc].len } : (struct text){ "", 0 };
		fmt_links_clear(&links);
		for (size_t i = 0; i < sizeof(hidden_cols) / sizeof(hidden_cols[0]); i++)
			if (hidc[i] >= 0)
				fmt_links_add(&links, f[hidc[i]].p, f[hidc[i]].len,
				    hidden_cols[i].where);
		fmt_links_done(&links, &m);
		for (size_t i = 0; i < o->nkeep; i++)
			m.keep[i] = (struct text){ f[keepc[i]].p, f[keepc[i]].len };
		st->messages++;
		if (fn(ctx, &m) != 0)
			break;
	}
	status = rc < 0 ? -1 : 0;
done:
	free(folder);
	free(keepc);
	free(m.keep);
	fmt_links_free(&links);
	csv_free(r);
	return status;
}
