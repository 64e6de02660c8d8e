/*
 * formats: messages out of the logs analysts have. Each input format
 * (plain text, TSV, and the exporters' formats) is read into the same
 * struct message: its text, time, channel, and the links it hides outside
 * the text (entities, buttons, previews, forwards).
 *
 *	struct format_opts o = { .format = FORMAT_AUTO };
 *	status = formats_read("logs.gz", &o, one_message, ctx, &stats);
 */
#ifndef CROSSLINK_FORMATS_H
#define CROSSLINK_FORMATS_H

#include <stddef.h>

#include "input.h"

enum format {
	FORMAT_AUTO,		/* decided from the first bytes of each input */
	FORMAT_TEXT,		/* one message a line */
	FORMAT_TSV,		/* header naming a text column */
	FORMAT_CSV,
	FORMAT_JSONL,
	FORMAT_TGEXPORT,
	FORMAT_DISCORD,
	FORMAT_DCETEXT,		/* DiscordChatExporter's plain text */
	FORMAT_IRC		/* ZNC log: "[HH:MM:SS] line", channel and
				   date in the file name */
};

/* A link a message carries outside its visible text. */
struct hidden_link {
	const char	*url;
	size_t		 len;
	const char	*where;		/* "entity", "button", "preview", "forward",
					   "attachment" */
};

/* Text of one field, decoded (raw bytes, not TSV-escaped). */
struct text {
	const char	*p;
	size_t		 len;
};

/*
 * A piece of a message's text that the input marks as one thing (an
 * exporter's entity: a link, a mention, a hashtag, a hidden link's label):
 * bytes [off, off + len) of the text. A found link never crosses its
 * edges. link: the input says the piece is a visible link.
 */
struct text_piece {
	size_t		 off, len;
	int		 link;
};

/*
 * One message. Every pointer is owned by the reader and valid only during
 * the callback. A forwarded message has a link with where = "forward"
 * (t.me/c/ID/POST when the input gives ids), or else only forward_from.
 */
struct message {
	const char		*source;	/* file name, "-" for stdin */
	unsigned long long	 line;		/* 1-based line where it starts */
	char			 time[21];	/* ISO 8601 UTC, "" when unknown */
	struct text		 channel;
	struct text		 text;
	struct text_piece	*pieces;	/* marked pieces of text, in order,
						   apart; none for most formats */
	size_t			 npieces;
	struct hidden_link	*links;
	size_t			 nlinks;
	struct text		 forward_from;	/* origin's name, if the input gives it */
	struct text		 msg_id;	/* its id in the input, "" when none */
	const char		*platform;	/* where the input comes from
						   ("telegram", "discord"), or NULL */
	struct text		*keep;		/* values of the --keep columns */
	size_t			 nkeep;
};

struct format_opts {
	enum format		 format;
	const char		*text_field;	/* NULL: the format's defaults */
	const char		*time_field;
	const char		*channel_field;
	char			**keep;		/* --keep columns */
	size_t			 nkeep;
	const char		*json_text;	/* --json-text PATH etc. */
	const char		*json_time;
	const char		*json_channel;
	const char		*json_links;
	int			 lenient;	/* --lenient: skipped records are not trouble */
	/*
	 * A piece of a larger file: the number of each input's first line
	 * (0 or 1: from 1), and stdin's name in records and messages
	 * (NULL: "-" and "stdin").
	 */
	unsigned long long	 first_line;
	const char		*stdin_name;
	/*
	 * The sign pass (links_first_sign): lines of text in which want
	 * sees nothing are counted as messages but not read
	 * (input_filter); JSON Lines, TSV and CSV records the same once
	 * their escapes are decoded (formats_quiet.c); NULL reads every
	 * record.
	 */
	input_want_fn		*want;
	void			*want_ctx;
};

struct format_stats {
	unsigned long long	 messages;
	unsigned long long	 skipped;	/* malformed records */
	unsigned long long	 bad_times;	/* unparseable times, left empty */
};

/* Return 0 to go on; anything else stops reading this input. */
typedef int message_fn(void *ctx, const struct message *m);

/*
 * Read one input (NULL or "-": stdin) in o->format, calling fn for each
 * message. Problems are reported as "PROG: FILE:LINE: what". Returns 0, or
 * -1 when anything was lost (an input error, a missing column, malformed
 * records unless o->lenient).
 */
int	formats_read(const char *path, const struct format_opts *o, message_fn *fn,
	    void *ctx, struct format_stats *st);

/* "text", "tsv", ... to enum format; -1 for an unknown name. */
int	formats_by_name(const char *name);
/* And back: the name formats_by_name takes. */
const char *formats_name(enum format format);

/*
 * How formats_read would read path: the format it picks from the first
 * lines (o->format when given), and whether records are whole lines to
 * be cut between (text, TSV, JSON Lines of one object a line) or CSV
 * records. Compressed input is FORMAT_AUTO, not cut: its lines are
 * known only once inflated. Returns 0, or -1 after reporting why the
 * file could not be read.
 */
struct format_probe {
	enum format	 format;
	int		 cuttable;
};
int	formats_probe(const char *path, const struct format_opts *o, struct format_probe *p);

/*
 * Does JSON Lines input starting with this line (no newline) read one
 * object a line? Yes when the line holds a whole JSON object; otherwise
 * the input is read as a stream of values, which may span lines.
 */
int	formats_json_line(const char *line, size_t len);

/*
 * Call fn for each @username mention in text, with the name (no "@"), by
 * Telegram's rules: "@" and 2-32 of [A-Za-z0-9_], not glued to a word
 * character on either side (a letter or digit in any script, or "_"),
 * kept when 4 or more long or one of the legacy 3-letter bots (gif, nft,
 * pic, ufc, vid). An e-mail address is not a mention.
 */
typedef void mention_fn(void *ctx, const char *name, size_t len);
void	formats_mentions(const char *text, size_t len, mention_fn *fn, void *ctx);

#endif
