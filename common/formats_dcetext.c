/*
 * formats_dcetext: messages out of DiscordChatExporter's plain text
 * export. Why it is read as messages and not as lines: a message spans
 * lines (its "[TIME] AUTHOR" line, its text, then {Attachments} and
 * {Embed} blocks), and only that line gives its time; the channel is in
 * the file's header. What is taken, as the JSON export is read:
 * - the channel is "GUILD / CHANNEL" from the header's Guild: and Channel:;
 * - each "[TIME] AUTHOR" line after a blank line (or right after the
 *   header) starts a message; its text is the lines up to the next block
 *   or message; a line that looks like one elsewhere is text;
 * - {Attachments}: each line is a link, where=attachment; {Embed}: its
 *   url, the first or (after the embed's author) the second line when
 *   that line is a link whole, where=preview; the embed's title,
 *   description, thumbnail and footer are not read (neither are they in
 *   the JSON, which names the url apart); {Forwarded Message}: text;
 *   {Stickers}, {Reactions}: nothing;
 * - the header's Topic is not a message: it is the channel's description,
 *   written again on every page of an export, by no one at no time, so
 *   it gives no record (the JSON's channel.topic gives none either).
 * A "[TIME] AUTHOR" line without "] AUTHOR" or with a time we cannot read
 * is a bad record: its message is skipped, up to the next message line.
 *	extract --format discord-text 455.txt
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "formats.h"
#include "formats_int.h"
#include "input.h"
#include "msg.h"
#include "util.h"

enum block { B_TEXT, B_ATTACH, B_EMBED, B_FORWARD, B_IGNORE };

enum state {
	S_HEADER,	/* between the header's rules */
	S_NONE,		/* no message yet, or after the footer */
	S_MSG,		/* in a message */
	S_BAD		/* in a message we skip */
};

struct dce {
	struct fmt_src		*src;
	const struct format_opts *o;
	struct format_stats	*st;
	message_fn		*fn;
	void			*ctx;
	const char		*name;
	struct message		 m;
	struct buf		 text, guild, chan;
	struct buf		 channel;	/* "GUILD / CHANNEL" */
	struct fmt_links	 links;
	enum state		 state;
	enum block		 block;
	int			 embed_lines;	/* lines read of this {Embed} */
	size_t			 blanks;	/* blank lines not yet placed */
	int			 warned;	/* said that times have no zone */
	/* A rule after a blank line, maybe the footer: its lines so far. */
	int			 footer;	/* 0, or lines held: 1 or 2 */
	size_t			 rule_len;
	struct buf		 held;		/* the footer's second line */
	int			 stop;		/* fn asked to stop */
};

static int
is_rule(const char *p, size_t n)
{
	if (n < 10)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (p[i] != '=')
			return 0;
	return 1;
}

static int
prefix(const char *p, size_t n, const char *s)
{
	size_t k = strlen(s);

	return n >= k && memcmp(p, s, k) == 0;
}

int
fmt_dcetext_header(const char *l1, size_t n1, const char *l2, size_t n2)
{
	return is_rule(l1, n1) && prefix(l2, n2, "Guild: ");
}

/* A line that is one link, as the exporter writes an embed's url. */
static int
url_line(const char *p, size_t n)
{
	if (!(n > 8 && (ascii_casecmp_n(p, "https://", 8) == 0 ||
	    ascii_casecmp_n(p, "http://", 7) == 0)))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (p[i] == ' ' || p[i] == '\t')
			return 0;
	return 1;
}

/* "[" and a digit, and a ":" before any "]": the start of a message line. */
static int
message_line(const char *p, size_t n)
{
	if (n < 2 || p[0] != '[' || !(p[1] >= '0' && p[1] <= '9'))
		return 0;
	for (size_t i = 2; i < n && p[i] != ']'; i++)
		if (p[i] == ':')
			return 1;
	return 0;
}

static enum block
block_line(const char *p, size_t n, int *is)
{
	static const struct {
		const char	*line;
		enum block	 block;
	} blocks[] = {
		{ "{Attachments}", B_ATTACH }, { "{Embed}", B_EMBED },
		{ "{Forwarded Message}", B_FORWARD }, { "{Stickers}", B_IGNORE },
		{ "{Reactions}", B_IGNORE },
	};

	while (n > 0 && p[n - 1] == ' ')
		n--;
	for (size_t i = 0; i < sizeof(blocks) / sizeof(blocks[0]); i++)
		if (strlen(blocks[i].line) == n && memcmp(blocks[i].line, p, n) == 0) {
			*is = 1;
			return blocks[i].block;
		}
	*is = 0;
	return B_TEXT;
}

/* Report a bad message line, quoting at most 40 bytes of it, controls as "?". */
static void
bad_line(struct dce *d, const char *what, const char *p, size_t n)
{
	char q[41];
	size_t k = n < 40 ? n : 40;

	for (size_t i = 0; i < k; i++)
		q[i] = (unsigned char)p[i] < 0x20 || p[i] == 0x7f ? '?' : p[i];
	q[k] = '\0';
	xwarnx("%s:%llu: bad message line: %s: \"%s%s\"", d->name, d->src->lineno, what, q,
	    n > k ? "..." : "");
	d->st->skipped++;
}

/* Hand the message read so far to fn. */
static void
flush(struct dce *d)
{
	if (d->state != S_MSG)
		return;
	d->m.text.p = d->text.p ? d->text.p : "";
	d->m.text.len = d->text.n;
	d->m.channel.p = d->channel.p ? d->channel.p : "";
	d->m.channel.len = d->channel.n;
	fmt_links_done(&d->links, &d->m);
	d->st->messages++;
	if (d->fn(d->ctx, &d->m) != 0)
		d->stop = 1;
	d->state = S_NONE;
}

/* A "[TIME] AUTHOR" line: start a message, or skip a bad one. */
static void
start(struct dce *d, const char *p, size_t n)
{
	const char *close = memchr(p, ']', n);

	flush(d);
	d->text.n = 0;
	fmt_links_clear(&d->links);
	d->block = B_TEXT;
	d->blanks = 0;
	d->state = S_BAD;
	if (close == NULL) {
		bad_line(d, "no \"]\" after the time", p, n);
		return;
	}
	if ((size_t)(close - p) + 2 >= n || close[1] != ' ') {
		bad_line(d, "no author after the time", p, n);
		return;
	}
	if (fmt_time_culture(&d->m, p + 1, (size_t)(close - p - 1), d->name, d->src->lineno,
	    &d->warned) < 0) {
		bad_line(d, "cannot read the time", p + 1, (size_t)(close - p - 1));
		return;
	}
	d->m.line = d->src->lineno;
	d->state = S_MSG;
}

/* A line of the current message that starts nothing. */
static void
content(struct dce *d, const char *p, size_t n)
{
	if (d->state == S_NONE) {
		/* text that belongs to no message: said once, then skipped */
		bad_line(d, "text before any message", p, n);
		d->state = S_BAD;
		return;
	}
	if (d->state != S_MSG)
		return;
	switch (d->block) {
	case B_TEXT:
	case B_FORWARD:
		/* blank lines inside the text are kept, those around it not */
		if (d->text.n > 0) {
			for (size_t i = 0; i < d->blanks; i++)
				buf_addc(&d->text, '\n');
			buf_addc(&d->text, '\n');
		}
		buf_add(&d->text, p, n);
		break;
	case B_ATTACH:
		while (n > 0 && p[n - 1] == ' ')
			n--;
		fmt_links_add(&d->links, p, n, "attachment");
		break;
	case B_EMBED:
		if (++d->embed_lines <= 2 && url_line(p, n)) {
			fmt_links_add(&d->links, p, n, "preview");
			d->embed_lines = 3;
		}
		break;
	case B_IGNORE:
		break;
	}
	d->blanks = 0;
}

/* One line after the header. */
static void
body_line(struct dce *d, const char *p, size_t n)
{
	enum block b;
	int is;

	if (n == 0) {
		d->blanks++;
		return;
	}
	if (d->blanks > 0 || d->state == S_NONE) {
		if (message_line(p, n)) {
			start(d, p, n);
			return;
		}
		b = block_line(p, n, &is);
		if (is && d->state != S_NONE) {
			d->block = b;
			d->embed_lines = 0;
			d->blanks = 0;
			return;
		}
	}
	content(d, p, n);
}

/* Give back the lines held as maybe the footer: they were text. */
static void
unhold(struct dce *d)
{
	if (d->footer == 0)
		return;
	d->footer = 0;
	buf_reserve(&d->held, d->rule_len);
	memset(d->held.p + d->held.n, '=', d->rule_len);
	content(d, d->held.p + d->held.n, d->rule_len);
	if (d->held.n > 0)
		content(d, d->held.p, d->held.n);
	d->held.n = 0;
}

static void
header_line(struct dce *d, const char *p, size_t n)
{
	const char *v;
	size_t k;

	if (is_rule(p, n)) {
		d->state = S_NONE;
		d->blanks = 1;		/* a message may follow at once */
		d->channel.n = 0;
		buf_add(&d->channel, d->guild.p, d->guild.n);
		if (d->guild.n > 0 && d->chan.n > 0)
			buf_adds(&d->channel, " / ");
		buf_add(&d->channel, d->chan.p, d->chan.n);
		return;
	}
	if (prefix(p, n, "Guild: ")) {
		buf_add(&d->guild, p + 7, n - 7);
		return;
	}
	if (prefix(p, n, "Channel: ")) {
		/* "CATEGORY / NAME" in newer exports: the JSON's channel.name is NAME */
		for (v = p + n, k = 9; v - p >= 12; v--)
			if (memcmp(v - 3, " / ", 3) == 0) {
				k = (size_t)(v - p);
				break;
			}
		d->chan.n = 0;
		buf_add(&d->chan, p + k, n - k);
	}
	/* Topic, Messages, Range, After, Before: not messages */
}

int
fmt_read_dcetext(struct fmt_src *src, const struct format_opts *o, message_fn *fn,
    void *ctx, struct format_stats *st)
{
	struct dce d = { .src = src, .o = o, .st = st, .fn = fn, .ctx = ctx };
	const char *p;
	size_t n;
	int rc = 0;

	d.name = fmt_src_name(src);
	d.m.source = input_label(src->in);
	d.m.platform = "discord";
	d.state = S_NONE;
	d.blanks = 1;		/* the header's first rule is read as a footer's */
	while (!d.stop && (rc = fmt_src_line(src, &p, &n)) > 0) {
		if (d.footer == 2) {
			if (is_rule(p, n)) {	/* the footer: the export ends */
				d.footer = 0;
				d.held.n = 0;
				flush(&d);
				d.state = S_NONE;
				d.blanks = 1;	/* another export may follow */
				continue;
			}
			unhold(&d);
		} else if (d.footer == 1) {
			if (prefix(p, n, "Guild: ")) {	/* another export's header */
				d.footer = 0;
				flush(&d);
				d.guild.n = 0;
				d.chan.n = 0;
				d.state = S_HEADER;
			} else if (prefix(p, n, "Exported ")) {
				buf_add(&d.held, p, n);
				d.footer = 2;
				continue;
			} else
				unhold(&d);
		}
		if (d.state == S_HEADER) {
			header_line(&d, p, n);
			continue;
		}
		if (d.blanks > 0 && is_rule(p, n)) {
			d.footer = 1;
			d.rule_len = n;
			continue;
		}
		body_line(&d, p, n);
	}
	if (!d.stop) {
		unhold(&d);
		flush(&d);
	}
	/* a header that never ends has swallowed whatever came after it */
	if (rc == 0 && d.state == S_HEADER) {
		xwarnx("%s:%llu: truncated input: the header has no closing rule", d.name,
		    src->lineno);
		rc = -1;
	}
	fmt_links_free(&d.links);
	buf_free(&d.text);
	buf_free(&d.guild);
	buf_free(&d.chan);
	buf_free(&d.channel);
	buf_free(&d.held);
	return rc < 0 ? -1 : 0;
}
