/*
 * formats: read an input as messages. This file holds the detection, the
 * line formats (text, TSV) and what the readers share; JSON, CSV,
 * DiscordChatExporter's text and IRC logs have files of their own
 * (formats_json.c, formats_csv.c, formats_dcetext.c, formats_irc.c).
 *	extract --format tgexport result.json
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "formats.h"
#include "formats_int.h"
#include "input.h"
#include "json.h"
#include "msg.h"
#include "timefmt.h"
#include "tsv.h"
#include "util.h"
#include "warn.h"

static const char *const format_names[] = {
	[FORMAT_AUTO] = "auto",
	[FORMAT_TEXT] = "text",
	[FORMAT_TSV] = "tsv",
	[FORMAT_CSV] = "csv",
	[FORMAT_JSONL] = "jsonl",
	[FORMAT_TGEXPORT] = "tgexport",
	[FORMAT_DISCORD] = "discord",
	[FORMAT_DCETEXT] = "discord-text",
	[FORMAT_IRC] = "irc",
};

int
formats_by_name(const char *name)
{
	return name_index(format_names, sizeof(format_names) / sizeof(format_names[0]), name);
}

const char *
formats_name(enum format format)
{
	return format_names[format];
}

/* One message a line; every line is a message. */
static int
read_text(struct fmt_src *src, const struct format_opts *o, message_fn *fn, void *ctx,
    struct format_stats *st)
{
	struct message m = { .source = input_label(src->in) };
	unsigned long long before = o->first_line > 1 ? o->first_line - 1 : 0;
	const char *line;
	size_t len;
	int rc, held;

	/* Lines o->want passes over are counted, not read. */
	if (o->want != NULL)
		input_filter(src->in, o->want, o->want_ctx);
	for (;;) {
		held = src->next < src->nheld;
		if ((rc = fmt_src_line(src, &line, &len)) <= 0)
			break;
		m.line = held ? src->lineno : input_lineno(src->in);
		m.text.p = line;
		m.text.len = len;
		if (fn(ctx, &m) != 0)
			break;
	}
	/* every line of the input is a message, read or not, but those too long */
	st->messages += (rc > 0 && held ? src->lineno : input_lineno(src->in)) - before -
	    input_skipped(src->in);
	return rc < 0 ? -1 : 0;
}

/* Decode an escaped TSV field into a growing buffer. */
static struct text
unescape(const struct tsv_field *f, char **buf, size_t *cap)
{
	struct text t;

	xgrow(buf, cap, f->len + 1);
	t.len = tsv_unescape(*buf, f->p, f->len);
	(*buf)[t.len] = '\0';
	t.p = *buf;
	return t;
}

/*
 * Rows of a TSV input; q, when not NULL, the sign pass to set on in once
 * the columns are known.
 */
static int
read_tsv(struct tsv_reader *r, const struct format_opts *o, message_fn *fn, void *ctx,
    struct format_stats *st, struct input *in, struct fmt_tsv_quiet *q)
{
	static const char *const text_defaults[] = { "text", NULL };
	static const char *const time_defaults[] = { "time", "date", NULL };
	static const char *const channel_defaults[] = { "channel", "chat", NULL };
	static const char *const id_defaults[] = { "msg_id", NULL };
	struct message m = { .source = tsv_label(r) };
	char *tbuf = NULL, *cbuf = NULL, *ibuf = NULL, **kbuf;
	size_t tcap = 0, ccap = 0, icap = 0, *kcap;
	int tc, timec, chanc, idc, *keepc = NULL, rc, status = -1;
	const struct tsv_field *f;
	const char *const *names = tsv_names(r);
	size_t n = tsv_ncols(r);

	tc = fmt_find_col(names, n, o->text_field, text_defaults, 0);
	timec = fmt_find_col(names, n, o->time_field, time_defaults, 0);
	chanc = fmt_find_col(names, n, o->channel_field, channel_defaults, 0);
	idc = fmt_find_col(names, n, NULL, id_defaults, 0);
	/* No row read yet: tsv_lineno is the header's line. */
	if (tc < 0) {
		xwarnx("%s:%llu: no column \"%s\" (name the text column with -f)", tsv_name(r),
		    tsv_lineno(r), o->text_field ? o->text_field : "text");
		return -1;
	}
	if ((o->time_field && timec < 0) || (o->channel_field && chanc < 0)) {
		xwarnx("%s:%llu: no column \"%s\"", tsv_name(r), tsv_lineno(r),
		    o->time_field && timec < 0 ? o->time_field : o->channel_field);
		return -1;
	}
	keepc = xcalloc(o->nkeep, sizeof(*keepc));
	kbuf = xcalloc(o->nkeep, sizeof(*kbuf));
	kcap = xcalloc(o->nkeep, sizeof(*kcap));
	m.keep = xcalloc(o->nkeep, sizeof(*m.keep));
	m.nkeep = o->nkeep;
	for (size_t i = 0; i < o->nkeep; i++)
		if ((keepc[i] = tsv_col(r, o->keep[i])) < 0) {
			xwarnx("%s:%llu: no column \"%s\"", tsv_name(r), tsv_lineno(r),
			    o->keep[i]);
			goto done;
		}
	/* Rows with no sign of a link are counted, not read (formats_read). */
	if (q != NULL) {
		q->ncols = n;
		q->timec = timec;
		input_filter(in, fmt_tsv_quiet, q);
	}
	while ((rc = tsv_next(r)) > 0) {
		f = tsv_row(r);
		m.line = tsv_lineno(r);
		/* The text is escaped TSV; links end where its newlines are. */
		m.text = unescape(&f[tc], &tbuf, &tcap);
		m.time[0] = '\0';
		if (timec >= 0 && f[timec].len > 0 &&
		    time_to_iso(f[timec].p, f[timec].len, m.time) < 0) {
			m.time[0] = '\0';
			st->bad_times++;
		}
		m.channel.len = 0;
		if (chanc >= 0)
			m.channel = unescape(&f[chanc], &cbuf, &ccap);
		m.msg_id.len = 0;
		if (idc >= 0)
			m.msg_id = unescape(&f[idc], &ibuf, &icap);
		for (size_t i = 0; i < o->nkeep; i++)
			m.keep[i] = unescape(&f[keepc[i]], &kbuf[i], &kcap[i]);
		st->messages++;
		if (fn(ctx, &m) != 0)
			break;
	}
	st->skipped += tsv_counts(r, NULL);
	status = rc < 0 || (tsv_counts(r, NULL) && !o->lenient) ? -1 : 0;
	if (o->lenient)
		tsv_skips_ok(r);		/* counted, and not trouble */
done:
	for (size_t i = 0; i < o->nkeep; i++)
		free(kbuf[i]);
	free(kbuf);
	free(kcap);
	free(keepc);
	free(m.keep);
	free(tbuf);
	free(cbuf);
	free(ibuf);
	return status;
}

/* Is want one of the tab-separated fields of line? */
static int
has_tab_field(const char *line, size_t len, const char *want)
{
	size_t wlen = strlen(want);
	const char *p = line, *end = line + len, *tab;

	if (memchr(line, '\t', len) == NULL)
		return 0;
	for (;;) {
		tab = memchr(p, '\t', (size_t)(end - p));
		if ((size_t)((tab ? tab : end) - p) == wlen && memcmp(p, want, wlen) == 0)
			return 1;
		if (tab == NULL)
			return 0;
		p = tab + 1;
	}
}

/*
 * Does this first line look like a TSV header naming the text column?
 * Why both names: -f must not hide the header it was meant for. A header
 * naming text but not the column -f gives is still TSV, so a mistyped -f
 * is the reader's error (no column), not a file searched as plain text.
 */
static int
is_tsv_header(const char *line, size_t len, const struct format_opts *o)
{
	return has_tab_field(line, len, "text") ||
	    (o->text_field && has_tab_field(line, len, o->text_field));
}

/*
 * Read one more line ahead for detection (piece: only its first piece,
 * for JSON; the rest of a piece held first); 0 at the end.
 */
static int
hold_line(struct fmt_src *s, int piece)
{
	const char *line;
	size_t len;
	int rc = 0, eol = 1;

	if (s->nheld == 2 || (rc = piece || !s->held_eol[0] ?
	    input_piece(s->in, FMT_PIECE, &line, &len, &eol) :
	    input_line(s->in, &line, &len)) <= 0) {
		if (s->nheld < 2 && rc < 0)
			s->error = 1;
		return 0;
	}
	s->held[s->nheld] = xmemdup(line, len);
	s->held_eol[s->nheld] = eol;
	s->held_len[s->nheld++] = len;
	return 1;
}

/* Mentions */

static int
ascii_word(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    c == '_';
}

/*
 * Is the UTF-8 character ending just before p (or starting at p) a letter
 * or digit? Scripts' letters are told from punctuation and emoji by
 * range: everything below U+2000 but the Latin-1 signs, and the CJK and
 * Hangul blocks, count as word characters.
 */
static int
word_cp(uint32_t c)
{
	if (c < 0x80)
		return ascii_word((int)c);
	if (c < 0xc0)
		return c == 0xaa || c == 0xb5 || c == 0xba;
	if (c == 0xd7 || c == 0xf7)
		return 0;
	if (c < 0x2000)
		return 1;
	return (c >= 0x3040 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) ||
	    (c >= 0xf900 && c <= 0xfaff);
}

static uint32_t
cp_at(const unsigned char *p, const unsigned char *end)
{
	uint32_t c = *p;
	int n = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc0 ? 1 : 0;

	if (c < 0x80 || end - p <= n)
		return c < 0x80 ? c : 0xfffd;
	c &= 0x3f >> n;
	for (int i = 1; i <= n; i++)
		c = c << 6 | (p[i] & 0x3f);
	return c;
}

static uint32_t
cp_before(const unsigned char *start, const unsigned char *p)
{
	const unsigned char *q = p - 1;

	while (q > start && p - q < 4 && (*q & 0xc0) == 0x80)
		q--;
	return cp_at(q, p);
}

void
formats_mentions(const char *text, size_t len, mention_fn *fn, void *ctx)
{
	const unsigned char *s = (const unsigned char *)text, *end = s + len, *p = s, *n;
	size_t nlen;

	while ((p = memchr(p, '@', (size_t)(end - p))) != NULL) {
		n = p + 1;
		while (n < end && ascii_word(*n))
			n++;
		nlen = (size_t)(n - p - 1);
		if (nlen >= 2 && nlen <= 32 && (p == s || !word_cp(cp_before(s, p))) &&
		    (n == end || !word_cp(cp_at(n, end))) && (n == end || *n != '@') &&
		    (nlen >= 4 || (nlen == 3 && (ascii_casecmp_n((const char *)p + 1, "gif", 3) == 0 ||
		    ascii_casecmp_n((const char *)p + 1, "nft", 3) == 0 ||
		    ascii_casecmp_n((const char *)p + 1, "pic", 3) == 0 ||
		    ascii_casecmp_n((const char *)p + 1, "ufc", 3) == 0 ||
		    ascii_casecmp_n((const char *)p + 1, "vid", 3) == 0))))
			fn(ctx, (const char *)p + 1, nlen);
		p = n > p + 1 ? n : p + 1;
	}
}

/* Detection */

static const char *
skip_blanks(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\r'))
		p++;
	return p;
}

/* Keys that open a Telegram Desktop export (single chat or whole account). */
static int
tgexport_key(const char *k, size_t n)
{
	static const char *const keys[] = {
		"about", "personal_information", "profile_pictures", "stories", "contacts",
		"frequent_contacts", "sessions", "web_sessions", "other_data", "chats",
		"left_chats", "name", "type", "id", "messages", NULL
	};

	for (const char *const *k2 = keys; *k2; k2++)
		if (strlen(*k2) == n && memcmp(*k2, k, n) == 0)
			return 1;
	return 0;
}

/* The first member name after "{" at p, from this line or the next held one. */
static int
first_key(struct fmt_src *src, const char *p, const char *end, const char **k, size_t *n)
{
	const char *q;

	p = skip_blanks(p, end);
	if (p == end) {
		if (!hold_line(src, 1))
			return 0;
		p = skip_blanks(src->held[1], src->held[1] + src->held_len[1]);
		end = src->held[1] + src->held_len[1];
	}
	if (p == end || *p != '"' || (q = memchr(p + 1, '"', (size_t)(end - p - 1))) == NULL)
		return 0;
	*k = p + 1;
	*n = (size_t)(q - p - 1);
	return 1;
}

static enum format
detect_json(struct fmt_src *src, const char *p, const char *end)
{
	const char *k;
	size_t n;
	int whole;

	if (*p == '[') {
		/* A JSON array of messages, not "[12:00] <nick> hi" (IRC). */
		p = skip_blanks(p + 1, end);
		if (p == end) {
			if (!hold_line(src, 1))
				return FORMAT_TEXT;
			p = skip_blanks(src->held[1], src->held[1] + src->held_len[1]);
			end = src->held[1] + src->held_len[1];
		}
		return p < end && (*p == '{' || *p == ']') ? FORMAT_JSONL : FORMAT_TEXT;
	}
	/*
	 * A first line longer than a piece is taken for a whole object (a
	 * TGDataset file, JSON Lines) if it has a first member: it cannot be
	 * held to check. Without one only "{}" is whole, and that is short.
	 */
	if (!first_key(src, p + 1, end, &k, &n))
		return src->held_eol[0] && json_whole_object(p, (size_t)(end - p)) ?
		    FORMAT_JSONL : FORMAT_TEXT;
	whole = !src->held_eol[0] || json_whole_object(p, (size_t)(end - p));
	if (n == 5 && memcmp(k, "guild", 5) == 0)
		return FORMAT_DISCORD;
	/* Exports are pretty-printed: a whole object on line 1 is JSON Lines. */
	if (!whole && tgexport_key(k, n))
		return FORMAT_TGEXPORT;
	return FORMAT_JSONL;
}

/* A CSV header: -f's column or a known text column among fields split by , ; or tab. */
static int
is_csv_header(const char *line, size_t len, const struct format_opts *o)
{
	static const char *const names[] = { "text", "message", "body", "content", NULL };
	const char *p = line, *end = line + len, *f, *fe;
	char sep = memchr(line, ',', len) ? ',' : memchr(line, ';', len) ? ';' :
	    memchr(line, '\t', len) ? '\t' : 0;
	size_t n;

	if (sep == 0)
		return 0;
	while (p <= end) {
		f = p;
		fe = memchr(p, sep, (size_t)(end - p));
		if (fe == NULL)
			fe = end;
		p = fe + 1;
		if (fe - f >= 2 && *f == '"' && fe[-1] == '"') {
			f++;
			fe--;
		}
		n = (size_t)(fe - f);
		/* -f's column, or one of ours (a mistyped -f is then an error) */
		if (o->text_field && strlen(o->text_field) == n &&
		    memcmp(o->text_field, f, n) == 0)
			return 1;
		for (const char *const *k = names; *k; k++)
			if (strlen(*k) == n && ascii_casecmp_n(*k, f, n) == 0)
				return 1;
	}
	return 0;
}

static enum format
detect(struct fmt_src *src, const struct format_opts *o)
{
	const char *line = src->held[0], *end = line + src->held_len[0], *p;

	p = line;
	if (end - p >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	if (p < end && *p == '=' && hold_line(src, 0) &&
	    fmt_dcetext_header(p, (size_t)(end - p), src->held[1], src->held_len[1]))
		return FORMAT_DCETEXT;
	p = skip_blanks(p, end);
	/* "[21:15:07] <nick> hi", as is: IRC, not a JSON array. */
	if (fmt_irc_line(line, src->held_len[0]))
		return FORMAT_IRC;
	if (p < end && (*p == '{' || *p == '['))
		return detect_json(src, p, end);
	if (is_tsv_header(line, src->held_len[0], o))
		return FORMAT_TSV;
	if (is_csv_header(p, (size_t)(end - p), o))
		return FORMAT_CSV;
	/* A ZNC log by its name ("#chan_20240302.log"), whatever its first line. */
	return fmt_irc_name(input_label(src->in), NULL, NULL) ? FORMAT_IRC : FORMAT_TEXT;
}

/* Can o's format be JSON, and does this first piece open JSON? */
static int
json_first(const char *p, size_t len, const struct format_opts *o)
{
	const char *end = p + len;

	if (o->format != FORMAT_AUTO && o->format != FORMAT_JSONL &&
	    o->format != FORMAT_TGEXPORT && o->format != FORMAT_DISCORD)
		return 0;
	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	p = skip_blanks(p, end);
	return p < end && (*p == '{' || *p == '[');
}

/*
 * Open path as a piece of what o says and hold its first line (held[0]):
 * 1 with line set to it, 0 for an empty input (closed), -1 on failure
 * (reported). A first line longer than FMT_PIECE that opens JSON is held
 * as its first piece only; see fmt_src.
 */
static int
open_first(struct fmt_src *src, const char *path, const struct format_opts *o,
    const char **line, size_t *len)
{
	int rc, eol;

	if ((src->in = input_open(path)) == NULL)
		return -1;
	input_set_origin(src->in, o->stdin_name, o->first_line);
	/* The source numbers lines from there too (JSON, CSV, held lines). */
	src->lineno = input_lineno(src->in);
	if ((rc = input_piece(src->in, FMT_PIECE, line, len, &eol)) <= 0)
		return input_close(src->in) < 0 || rc < 0 ? -1 : 0;
	src->held[0] = xmemdup(*line, *len);
	src->held_len[0] = *len;
	src->held_eol[0] = eol;
	src->nheld = 1;
	/*
	 * TSV is decided on the first line as read (a JSON line's first
	 * piece), or on its first piece when the line was past --max-record:
	 * tsv_attach then says the header is lost.
	 */
	src->tsv = o->format == FORMAT_TSV ||
	    (o->format == FORMAT_AUTO && is_tsv_header(*line, *len, o));
	if (!json_first(*line, *len, o)) {
		fmt_src_whole(src);
		if (input_skipped(src->in) == 0)
			src->tsv = o->format == FORMAT_TSV || (o->format == FORMAT_AUTO &&
			    is_tsv_header(src->held[0], src->held_len[0], o));
	}
	*line = src->held[0];
	*len = src->held_len[0];
	return 1;
}

/*
 * TSV, decided by open_first before any other format: its line is made
 * whole.
 */
static int
tsv_first(struct fmt_src *src, const char **line, size_t *len)
{
	if (!src->tsv)
		return 0;
	fmt_src_whole(src);
	*line = src->held[0];
	*len = src->held_len[0];
	return 1;
}

/*
 * Any other format: held lines are given again to the reader, whole
 * unless it reads JSON.
 */
static enum format
hold_first(struct fmt_src *src, const struct format_opts *o)
{
	enum format f = o->format == FORMAT_AUTO ? detect(src, o) : o->format;

	if (f != FORMAT_JSONL && f != FORMAT_TGEXPORT && f != FORMAT_DISCORD)
		fmt_src_whole(src);
	return f;
}

int
formats_probe(const char *path, const struct format_opts *o, struct format_probe *p)
{
	struct fmt_src src = { 0 };
	const char *line;
	size_t len;
	int rc;

	p->format = o->format;
	p->cuttable = 0;
	if ((rc = open_first(&src, path, o, &line, &len)) <= 0)
		return rc;
	if (input_gzip(src.in))
		p->format = FORMAT_AUTO;
	else if (tsv_first(&src, &line, &len))
		p->format = FORMAT_TSV;
	else
		p->format = hold_first(&src, o);
	p->cuttable = p->format == FORMAT_TEXT || p->format == FORMAT_IRC ||
	    p->format == FORMAT_TSV ||
	    p->format == FORMAT_CSV ||
	    (p->format == FORMAT_JSONL && src.held_eol[0] &&
	    formats_json_line(src.held[0], src.held_len[0]));
	rc = input_close(src.in) < 0 || src.error ? -1 : 0;
	free(src.held[0]);
	free(src.held[1]);
	return rc;
}

/* -f given, an input without columns: said once, counted per input. */
static struct warn_kind f_unused = WARN_KIND("inputs");

int
formats_read(const char *path, const struct format_opts *o, message_fn *fn, void *ctx,
    struct format_stats *st)
{
	struct fmt_src src = { 0 };
	struct fmt_tsv_quiet q;
	struct tsv_reader *r;
	unsigned long long header, last, rows, repeated;
	enum format format;
	unsigned long long skipped = st->skipped;
	const char *line;
	size_t len;
	int rc, status;

	if ((rc = open_first(&src, path, o, &line, &len)) <= 0)
		return rc;
	if (tsv_first(&src, &line, &len)) {
		r = tsv_attach(src.in, line, len, 0);
		if (r == NULL) {
			free(src.held[0]);
			return -1;
		}
		q = (struct fmt_tsv_quiet){ .want = o->want, .want_ctx = o->want_ctx,
		    .header = src.held[0], .header_len = len };
		header = tsv_lineno(r);
		repeated = tsv_repeated_headers();
		rc = read_tsv(r, o, fn, ctx, st, src.in, o->want ? &q : NULL);
		last = tsv_lineno(r);
		tsv_counts(r, &rows);
		status = rc < 0 ? -1 : 0;
		if (fmt_skipped_status(tsv_name(r), st->skipped - skipped, o) < 0)
			status = -1;
		if (tsv_close(r) < 0)
			status = -1;
		/*
		 * Every line after the header is a row read, a row skipped, the
		 * header again, or a row the sign pass passed over.
		 */
		if (o->want)
			st->messages += last - header - rows - (st->skipped - skipped) -
			    (tsv_repeated_headers() - repeated);
		buf_free(&q.scratch);
		free(src.held[0]);
		return status;
	}
	format = hold_first(&src, o);
	/* -f names a column; text and JSON have none (JSON: --json-text). */
	if (o->text_field && format != FORMAT_CSV)
		warn_at(&f_unused, input_name(src.in), o->first_line > 1 ? o->first_line : 1,
		    "-f \"%s\" not used: not TSV or CSV (for JSON, --json-text)",
		    o->text_field);
	if (o->nkeep > 0 && (format == FORMAT_TEXT || format == FORMAT_DCETEXT ||
	    format == FORMAT_IRC)) {
		xwarnx("%s: --keep needs input with named columns", input_name(src.in));
		rc = -1;
	} else if (format == FORMAT_TEXT)
		rc = read_text(&src, o, fn, ctx, st);
	else if (format == FORMAT_IRC)
		rc = fmt_read_irc(&src, o, fn, ctx, st);
	else if (format == FORMAT_CSV)
		rc = fmt_read_csv(&src, o, fn, ctx, st);
	else if (format == FORMAT_DCETEXT)
		rc = fmt_read_dcetext(&src, o, fn, ctx, st);
	else
		rc = fmt_read_json(&src, format, o, fn, ctx, st);
	st->skipped += input_skipped(src.in);	/* lines too long */
	if (fmt_skipped_status(input_name(src.in), st->skipped - skipped, o) < 0)
		rc = -1;
	status = input_close(src.in) < 0 || src.error || rc < 0 ? -1 : 0;
	free(src.held[0]);
	free(src.held[1]);
	if (src.sifting != NULL) {
		buf_free(&src.sifting->scratch);
		free(src.sifting);
	}
	return status;
}
