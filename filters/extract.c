/*
 * extract: find the links in messages and write one TSV record per link.
 * Input is plain text (one message a line) or TSV with a text column,
 * gzipped or not, from files or stdin.
 *	zcat logs.gz | extract | normalize | dedupe | tally -g platform,kind
 */
#include <getopt.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "blocks.h"
#include "buf.h"
#include "filter.h"
#include "formats.h"
#include "hash.h"
#include "links.h"
#include "msg.h"
#include "opts.h"
#include "progress.h"
#include "rules.h"
#include "tsv.h"
#include "util.h"
#include "where.h"

static int		 all_links;		/* --all: also links of no known platform */
static int		 with_text;		/* --text: the whole message as a column */
static int		 show_stats;		/* --stats */
static int		 line_buffered;		/* --line-buffered */
static int		 mentions;		/* --mentions: @name as t.me/name */
static int		 csv_safe;		/* --csv-safe: ' before = + - @ */
static int		 show_progress;		/* --progress */
static const char	*src_platform;		/* --src-platform NAME */
static const char	*default_channel;	/* --channel NAME: for messages with none */
static const char	*platforms;		/* -p NAME,...: only these */
static unsigned long long block_size;		/* --blocks SIZE: plan, do not read */
static struct format_opts opts;
static struct format_stats stats;
static int		 header_done;

static struct links	*finder;
static unsigned long long n_links;
static unsigned long long n_with_links;	/* messages that gave a record */
static struct where_list wheres = WHERE_LIST_INIT;	/* --where, on our output */
static unsigned long long n_found;	/* records made, written or not */
static unsigned long long n_unlinked;	/* forwards naming an origin, no link */

static const struct opt own_options[] = {
	{ "text-field", 'f', "field", 'f',
	    "the message text is in this column (TSV, CSV)", NULL },
	{ NULL, 'e', "pattern", 'e',
	    "also every match of this PCRE2 pattern (platform custom)", NULL },
	{ "platform", 'p', "name,...", 'p',
	    "only links of these platforms (web: unknown ones)", NULL },
	{ "all", 0, NULL, 'a',
	    "also links of no known platform (web)", &all_links },
	{ "text", 0, NULL, 'x',
	    "read every input as plain text, a message a line", &with_text },
	{ "format", 0, "name", 'F',
	    "text tsv csv jsonl tgexport discord discord-text irc (default: detect)", NULL },
	{ "time-field", 0, "name", 'T',
	    "the message time is in this column", NULL },
	{ "channel-field", 0, "name", 'C',
	    "the channel is in this column", NULL },
	{ "channel", 0, "name", 'c',
	    "the channel of messages whose input names none", NULL },
	{ "keep", 0, "col,...", 'K',
	    "copy these input columns to the output", NULL },
	{ "rules", 0, "file", 'R', "more rows of the platform table", NULL },
	{ "src-platform", 0, "name", 'S',
	    "add a column src_platform holding name", NULL },
	{ "json-text", 0, "path", 'X',
	    "where the text is in JSON input (dotted path)", NULL },
	{ "json-time", 0, "path", 'W',
	    "where the time is in JSON input", NULL },
	{ "json-channel", 0, "path", 'J',
	    "where the channel is in JSON input", NULL },
	{ "json-links", 0, "path", 'U',
	    "where hidden links are in JSON input", NULL },
	{ "lenient", 0, NULL, 'l',
	    "skipped records do not make the exit status 2", &opts.lenient },
	{ "mentions", 0, NULL, 'M',
	    "also @name mentions, as t.me/name", &mentions },
	{ "source-name", 0, "name", 'O',
	    "the name the source column gives stdin", NULL },
	{ "first-line", 0, "N", 'N',
	    "number lines from N (a block of a larger file)", NULL },
	{ "blocks", 0, "size", 'B',
	    "print cuts of about size bytes, at record ends", NULL },
	{ NULL, 0, NULL, 0, NULL, NULL }
};


/* The command line: our options and the shared ones we take (opts.h). */
static struct opts cl = {
	.usage = "usage: extract [option ...] [file ... | --files0-from F]\n"
	    "       extract --blocks size [-f field] [--format name] [file ...]\n",
	.own = own_options, .wheres = &wheres, .stats = &show_stats,
	.progress = &show_progress, .line_buffered = &line_buffered,
	.csv_safe = &csv_safe
};


/* Our output columns, in order, after the --keep ones: see write_header. */
enum { C_TIME, C_CHANNEL, C_SOURCE, C_LINE, C_PLATFORM, C_URL, C_WRITTEN, C_WHERE,
    C_FORWARD_FROM, C_MSG_ID, C_FIXED };

/* Our header, or the plan's, once. */
static void
write_header(void)
{
	if (header_done++)
		return;
	if (block_size) {
		fputs("source\toffset\tlength\tline\tformat\theader_bytes\theader_lines\n",
		    stdout);
		return;
	}
	fputs("time\tchannel\tsource\tline\tplatform\turl\twritten\twhere\tforward_from"
	    "\tmsg_id", stdout);
	if (src_platform)
		fputs("\tsrc_platform", stdout);
	for (size_t i = 0; i < opts.nkeep; i++) {
		putchar('\t');
		tsv_put_name(stdout, opts.keep[i], csv_safe);
	}
	if (with_text)
		fputs("\ttext", stdout);
	putchar('\n');
	/* Let the next stage check our header before any data comes. */
	fflush(stdout);
}

/*
 * The record being built, one fwrite per record rather than a stdio call
 * per field: the message's columns around one link.
 */
static struct buf	 rec;

static void
add_field(const char *s, size_t len)
{
	buf_reserve(&rec, 4 * len + 2);
	rec.p[rec.n++] = '\t';
	/* A spreadsheet would run "=..." as a formula: make it text. */
	if (csv_safe && tsv_formula(s, len))
		rec.p[rec.n++] = '\'';
	rec.n += tsv_escape(rec.p + rec.n, s, len);
	rec.p[rec.n] = '\0';
}

static void
add_str(const char *s)
{
	add_field(s, strlen(s));
}

/* A name of ours (platform, written, where): [a-z0-9_-], nothing to escape. */
static void
add_name(const char *s)
{
	buf_addc(&rec, '\t');
	buf_adds(&rec, s);
}

/*
 * --where names our output columns, known before any input: the fixed
 * ones, then src_platform, the --keep columns and text when asked for.
 */
static void
resolve_where(void)
{
	static const char *const fixed[C_FIXED] = { "time", "channel", "source", "line",
	    "platform", "url", "written", "where", "forward_from", "msg_id" };
	const char **names = xmalloc((C_FIXED + 2 + opts.nkeep) * sizeof(*names));
	size_t n = C_FIXED;
	int rc;

	memcpy(names, fixed, sizeof(fixed));
	if (src_platform)
		names[n++] = "src_platform";
	for (size_t i = 0; i < opts.nkeep; i++)
		names[n++] = opts.keep[i];
	if (with_text)
		names[n++] = "text";
	rc = where_resolve(&wheres, names, n, NULL);
	free(names);
	if (rc < 0)
		exit(EXIT_TROUBLE);
}

/* The message's id in its input; formats without ids leave it unset. */
static struct text
msg_id(const struct message *m)
{
	return m->msg_id.p ? m->msg_id : (struct text){ "", 0 };
}

/*
 * Does --where hold for the record write_link is about to build? Tested
 * on the values themselves, before they are escaped (or guarded by
 * --csv-safe), so a record that fails costs no copying.
 */
static int
record_wanted(const struct message *m, const char *platform, const char *url,
    size_t len, const char *written, const char *where)
{
	char num[24];
	struct text v;
	size_t c, k;

	for (size_t i = 0; i < wheres.n; i++) {
		const struct where *w = &wheres.w[i];

		switch (c = (size_t)w->col) {
		case C_TIME: v = (struct text){ m->time, strlen(m->time) }; break;
		case C_CHANNEL: v = m->channel; break;
		case C_SOURCE: v = (struct text){ m->source, strlen(m->source) }; break;
		case C_LINE:
			v.len = (size_t)snprintf(num, sizeof(num), "%llu", m->line);
			v.p = num;
			break;
		case C_PLATFORM: v = (struct text){ platform, strlen(platform) }; break;
		case C_URL: v = (struct text){ url, len }; break;
		case C_WRITTEN: v = (struct text){ written, strlen(written) }; break;
		case C_WHERE: v = (struct text){ where, strlen(where) }; break;
		case C_FORWARD_FROM: v = m->forward_from; break;
		case C_MSG_ID: v = msg_id(m); break;
		default:
			k = c - C_FIXED;
			if (src_platform && k-- == 0)
				v = (struct text){ src_platform, strlen(src_platform) };
			else if (k < m->nkeep)
				v = m->keep[k];
			else
				v = m->text;
		}
		if (!where_value(w, v.p, v.len))
			return 0;
	}
	return 1;
}

/* One record: the message's columns around one link. */
static void
write_link(const struct message *m, const char *platform, const char *url, size_t len,
    const char *written, const char *where)
{
	struct text v;

	n_found++;
	if (wheres.n && !record_wanted(m, platform, url, len, written, where))
		return;
	rec.n = 0;
	buf_adds(&rec, m->time);		/* digits, never a formula */
	add_field(m->channel.p, m->channel.len);
	add_str(m->source);
	buf_addc(&rec, '\t');
	buf_addnum(&rec, m->line);
	add_name(platform);
	add_field(url, len);
	add_name(written);
	add_name(where);
	add_field(m->forward_from.p, m->forward_from.len);
	v = msg_id(m);
	add_field(v.p, v.len);
	if (src_platform)
		add_str(src_platform);
	for (size_t i = 0; i < m->nkeep; i++)
		add_field(m->keep[i].p, m->keep[i].len);
	if (with_text)
		add_field(m->text.p, m->text.len);
	buf_addc(&rec, '\n');
	fwrite(rec.p, 1, rec.n, stdout);
	n_links++;
}

/*
 * The links of one message seen so far, so that a link both visible and
 * hidden (a preview of a link in the text) is one record, where = text.
 * A hash set, keyed past the scheme, as a scan of a list was quadratic in
 * the links of one message (40,000 hidden links took 8 s); emptied
 * between messages only when something was put in it.
 */
static struct hash_table seen;

/* Past "http://" or "https://": t.me/x in the text is https://t.me/x hidden. */
static size_t
scheme_len(const char *url, size_t len)
{
	if (len >= 7 && ascii_casecmp_n(url, "http://", 7) == 0)
		return 7;
	if (len >= 8 && ascii_casecmp_n(url, "https://", 8) == 0)
		return 8;
	return 0;
}

static int
was_seen(const char *url, size_t len)
{
	size_t s = scheme_len(url, len);

	return seen.n > 0 && hash_get(&seen, url + s, len - s) != HASH_NONE;
}

static void
remember(const char *url, size_t len)
{
	size_t s = scheme_len(url, len);

	hash_put(&seen, url + s, len - s, NULL);
}

struct scan_ctx {
	const struct message	*m;
	const char		*where;
};

static void
found(void *ctx, const struct link_hit *hit)
{
	const struct scan_ctx *c = ctx;

	if (strcmp(c->where, "text") != 0 && was_seen(hit->url, hit->len))
		return;
	if (c->m->nlinks > 0 || mentions)
		remember(hit->url, hit->len);
	write_link(c->m, hit->platform, hit->url, hit->len, hit->written, c->where);
}

/* Lines where a -e pattern stopped at a PCRE2 limit: its matches there may be lost. */
static unsigned long long n_limited;

/* The links in text[0..len); returns how many were found. */
static long
scan(struct scan_ctx *c, const char *text, size_t len)
{
	long n = links_scan(finder, text, len, found, c);

	if (n < 0) {
		xwarnx("%s:%llu: %s", c->m->source, c->m->line, links_error(finder));
		n_limited++;
	}
	return n;
}

/* An @name mention, searched as the link t.me/name. */
static void
mention(void *ctx, const char *name, size_t len)
{
	static char *buf;
	static size_t cap;

	if (name == NULL) {
		free(buf);
		return;
	}
	xgrow(&buf, &cap, len + 6);
	memcpy(buf, "t.me/", 5);
	memcpy(buf + 5, name, len);
	scan(ctx, buf, len + 5);
}

/* -p and --all, for a link the finder did not see (marked_link). */
static int
platform_wanted(const char *platform)
{
	const char *p, *e;
	size_t n = strlen(platform);

	if (platforms == NULL)
		return strcmp(platform, "web") != 0 || all_links;
	for (p = platforms; *p; p = *e ? e + 1 : e) {
		if ((e = strchr(p, ',')) == NULL)
			e = p + strlen(p);
		if ((size_t)(e - p) == n && memcmp(p, platform, n) == 0)
			return 1;
	}
	return 0;
}

/*
 * A piece the input marks as a link in which the finder sees none (a
 * host of no known TLD, a bare IP address): the exporter's word is
 * taken, the piece whole being the link, if it holds no white space or
 * control byte.
 */
static void
marked_link(struct scan_ctx *c, const char *p, size_t len)
{
	const char *platform;

	for (size_t i = 0; i < len; i++)
		if ((unsigned char)p[i] <= ' ' || p[i] == 0x7f)
			return;
	if ((platform = rules_platform(p, len)) == NULL)
		platform = "web";
	if (!platform_wanted(platform))
		return;
	if (c->m->nlinks > 0 || mentions)
		remember(p, len);
	write_link(c->m, platform, p, len, "plain", "text");
}

/*
 * The visible text, piece by piece: each piece the input marks (an
 * exporter's link, mention, hashtag ...) alone and the stretches between
 * them alone, so that no link runs across a piece's edge. Links come in
 * the order of the text; with --mentions, mentions too, after them.
 */
static void
scan_text(struct scan_ctx *c, const struct message *m, int mention_pass)
{
	const char *t = m->text.p;
	size_t at = 0;

	for (size_t i = 0; i <= m->npieces; i++) {
		const struct text_piece *pc = i < m->npieces ? &m->pieces[i] : NULL;
		size_t from = pc ? pc->off : m->text.len;

		if (from > at) {
			if (mention_pass)
				formats_mentions(t + at, from - at, mention, c);
			else
				scan(c, t + at, from - at);
		}
		if (pc == NULL)
			break;
		if (mention_pass)
			formats_mentions(t + pc->off, pc->len, mention, c);
		else if (scan(c, t + pc->off, pc->len) == 0 && pc->link)
			marked_link(c, t + pc->off, pc->len);
		at = pc->off + pc->len;
	}
}

static int
one_message(void *ctx, const struct message *in)
{
	struct message with_channel;
	const struct message *m = in;
	struct scan_ctx c;
	unsigned long long before = n_found;
	int forward = 0;

	(void)ctx;
	/* The input's own channel (a column, a field, the path) wins. */
	if (in->channel.len == 0 && default_channel) {
		with_channel = *in;
		with_channel.channel = (struct text){ default_channel, strlen(default_channel) };
		m = &with_channel;
	}
	c = (struct scan_ctx){ m, "text" };
	if (seen.n > 0)
		hash_free(&seen);
	scan_text(&c, m, 0);
	for (size_t i = 0; i < m->nlinks; i++) {
		c.where = m->links[i].where;
		forward |= strcmp(c.where, "forward") == 0;
		scan(&c, m->links[i].url, m->links[i].len);
	}
	if (mentions) {
		c.where = "mention";
		scan_text(&c, m, 1);
	}
	/* A forward whose origin has a name but no link is no link: counted only. */
	if (m->forward_from.len > 0 && !forward)
		n_unlinked++;
	n_with_links += n_found > before;
	return 0;
}

/* One input; the header goes before the first, once the operands are known good. */
static int
read_input(void *ctx, const char *name)
{
	(void)ctx;
	write_header();
	return formats_read(name, &opts, one_message, NULL, &stats);
}

/* --blocks: a row of the plan. */
static void
plan_row(void *ctx, const struct blocks_piece *b)
{
	const char *name = ctx;

	write_header();
	tsv_put(stdout, name, strlen(name));
	printf("\t%" PRIu64 "\t%" PRIu64 "\t%" PRIu64 "\t%s\t%" PRIu64 "\t%" PRIu64 "\n",
	    b->offset, b->length, b->line, formats_name(b->format), b->header_bytes,
	    b->header_lines);
}

/* --blocks: one input's plan. */
static int
plan_input(void *ctx, const char *name)
{
	(void)ctx;
	return blocks_plan(name, &opts, block_size, plan_row, (void *)name);
}

/* For input_filter: where the next line worth scanning starts. */
static size_t
quiet_until(void *ctx, const char *p, size_t n)
{
	return links_first_sign(ctx, p, n);
}

static void
free_options(const char **patterns)
{
	for (size_t i = 0; i < opts.nkeep; i++)
		free(opts.keep[i]);
	free(opts.keep);
	free(patterns);
}

int
main(int argc, char *argv[])
{

	const char **patterns = NULL;
	size_t npatterns = 0;
	int ch, fmt, status = EXIT_OK, trouble = 0;

	while ((ch = opts_next(&cl, argc, argv)) != -1) {
		switch (ch) {
		case 'B':
			if (parse_size(optarg, &block_size) < 0)
				xerrx(EXIT_TROUBLE, "bad --blocks \"%s\": want a number of bytes, "
				    "or of KiB, MiB, GiB with k, M, G", optarg);
			break;
		case 'C':
			opts.channel_field = optarg;
			break;
		case 'c':
			default_channel = optarg;
			break;
		case 'e':
			patterns = xrealloc(patterns, (npatterns + 1) * sizeof(*patterns));
			patterns[npatterns++] = optarg;
			break;
		case 'F':
			if ((fmt = formats_by_name(optarg)) < 0)
				xerrx(EXIT_TROUBLE, "unknown format \"%s\"", optarg);
			opts.format = (enum format)fmt;
			break;
		case 'f':
			opts.text_field = optarg;
			break;
		case 'J':
			opts.json_channel = optarg;
			break;
		case 'K':
			opts.keep = split_list(optarg, &opts.nkeep);
			break;
		case 'N':
			if (parse_count(optarg, ULLONG_MAX, &opts.first_line) < 0 ||
			    opts.first_line == 0)
				xerrx(EXIT_TROUBLE, "bad --first-line \"%s\": want a line number",
				    optarg);
			break;
		case 'O':
			if (*optarg == '\0')
				xerrx(EXIT_TROUBLE, "empty name for --source-name");
			opts.stdin_name = optarg;
			break;
		case 'p':
			platforms = optarg;
			break;
		case 'R':
			if (rules_load(optarg) < 0)
				exit(EXIT_TROUBLE);
			break;
		case 'S':
			src_platform = optarg;
			break;
		case 'T':
			opts.time_field = optarg;
			break;
		case 'U':
			opts.json_links = optarg;
			break;
		case 'V':
			print_version();
			exit(EXIT_OK);
		case 'W':
			opts.json_time = optarg;
			break;
		case 'X':
			opts.json_text = optarg;
			break;
		}
	}
	if (block_size) {
		status = opts_inputs(&cl, argc, argv, plan_input, NULL) < 0 ?
		    EXIT_TROUBLE : EXIT_OK;
		/* A plan of empty files is a header; nothing when all failed. */
		if (status == EXIT_OK)
			write_header();
		where_free(&wheres);
		free_options(patterns);
		opts_free(&cl);
		return close_stdout(status);
	}
	resolve_where();
	finder = links_new(all_links ? LINKS_ALL : 0);
	for (size_t i = 0; i < npatterns; i++)
		if (links_add_pattern(finder, patterns[i]) < 0)
			exit(EXIT_TROUBLE);
	if (platforms && links_platform_filter(finder, platforms) < 0)
		exit(EXIT_TROUBLE);
	/* Records with no sign of a link are counted, not read (formats.h). */
	if (npatterns == 0 && !mentions) {
		opts.want = quiet_until;
		opts.want_ctx = finder;
	}
	/* Records are small and many: write them in large blocks. */
	if (!line_buffered)
		setvbuf(stdout, NULL, _IOFBF, 1 << 16);
	trouble = opts_inputs(&cl, argc, argv, read_input, NULL) < 0;
	write_header();		/* when no input was read */
	/*
	 * Every message read is accounted for: in = with + without + skipped;
	 * with --where, every record made: out + filtered.
	 */
	if (show_stats) {
		fprintf(stderr, "extract: %llu in, %llu out, %llu skipped (malformed); "
		    "%llu messages (%llu with links, %llu without), %llu unparseable times",
		    stats.messages + stats.skipped, n_links, stats.skipped, stats.messages,
		    n_with_links, stats.messages - n_with_links, stats.bad_times);
		if (wheres.n)
			fprintf(stderr, "; %llu filtered", n_found - n_links);
		if (tsv_repeated_headers())
			fprintf(stderr, "; %llu repeated header%s", tsv_repeated_headers(),
			    tsv_repeated_headers() == 1 ? "" : "s");
		if (n_unlinked)
			fprintf(stderr, "; %llu forwards without a link", n_unlinked);
		fputc('\n', stderr);
	}
	links_free(finder);
	mention(NULL, NULL, 0);
	hash_free(&seen);
	buf_free(&rec);
	where_free(&wheres);
	free_options(patterns);
	if (trouble || (n_limited > 0 && !opts.lenient))
		status = EXIT_TROUBLE;
	else if (n_links == 0)
		status = EXIT_NONE;
	opts_free(&cl);
	return close_stdout(status);
}
