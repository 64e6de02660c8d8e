/*
 * formats_int.h: what the formats*.c files share; not for filters. A line
 * source that gives back the lines detection looked at, the builder of a
 * message's hidden links, and of its marked pieces.
 */
#ifndef CROSSLINK_FORMATS_INT_H
#define CROSSLINK_FORMATS_INT_H

#include "buf.h"
#include "formats.h"

struct input;

/*
 * The longest piece of a line JSON is read in (input_piece): a document
 * on one line costs this much, not the line. A build with a tiny value
 * (make CFLAGS='-O2 -g -DFMT_PIECE=16') tests the cutting against every golden.
 */
#ifndef FMT_PIECE
#define FMT_PIECE (1 << 20)
#endif

/*
 * Lines of an input, the first few of which detection already read. Only
 * a first line that opens JSON ("{" or "[") is held as a piece when it is
 * longer than FMT_PIECE; for any other reader fmt_src_whole makes the
 * held lines whole again.
 */
struct fmt_src {
	struct input		*in;
	char			*held[2];	/* copies of lines read ahead */
	size_t			 held_len[2];
	int			 held_eol[2];	/* 0: a piece of a longer line */
	int			 nheld, next;
	unsigned long long	 lineno;	/* of the line last returned */
	int			 mid;		/* the last piece did not end its line */
	int			 error;		/* input_line failed */
	int			 tsv;		/* the first line is a TSV header */
	/* JSON Lines sifted: the want's state, freed once the input is closed */
	struct fmt_jsonl_quiet	*sifting;
};

/* A json_more_fn: 1 with a line, 0 at the end, -1 on an input error. */
int	fmt_src_line(void *src, const char **p, size_t *len);
/* A json_piece_fn: the same in pieces of at most FMT_PIECE bytes. */
int	fmt_src_piece(void *src, const char **p, size_t *len, int *eol);
/* Read the rest of a held piece's line into it: every held line whole. */
void	fmt_src_whole(struct fmt_src *s);
const char *fmt_src_name(const struct fmt_src *s);

/* Hidden links of one message, copied (their sources may move). */
struct fmt_links {
	struct hidden_link	*v;
	size_t			 n, cap;
	struct buf		 urls;		/* the urls, each NUL-ended */
	size_t			*off;		/* offset of each url in urls */
};

void	fmt_links_clear(struct fmt_links *l);
void	fmt_links_add(struct fmt_links *l, const char *url, size_t len, const char *where);
/* Point every link at its bytes; call once the message is complete. */
void	fmt_links_done(struct fmt_links *l, struct message *m);
void	fmt_links_free(struct fmt_links *l);

/*
 * Marked pieces of one message's text (formats_pieces.c), handed to the
 * message as they are: in order and apart once complete.
 */
struct fmt_pieces {
	struct text_piece	*v;
	size_t			 n, cap;
};

enum { PIECE_NONE, PIECE_MARK, PIECE_LINK };

/*
 * What an entity type, in any exporter's spelling ("link", "url",
 * "MessageEntityUrl", "MessageEntityType.URL", "textEntityTypeUrl"), says
 * of its piece: PIECE_LINK, PIECE_MARK, or PIECE_NONE (a style; unknown).
 */
int	fmt_piece_kind(const char *type, size_t n);
/* Add a piece; an empty one is not added. */
void	fmt_pieces_add(struct fmt_pieces *p, size_t off, size_t len, int link);
/*
 * Every piece added holds UTF-16 code units (offset, length) of text:
 * make them bytes. A piece that ends past the text or cuts a surrogate
 * pair in two is dropped; then as fmt_pieces_apart.
 */
void	fmt_pieces_utf16(struct fmt_pieces *p, const char *text, size_t len);
/* Put the pieces in order and drop each that starts inside one before it. */
void	fmt_pieces_apart(struct fmt_pieces *p);
void	fmt_pieces_free(struct fmt_pieces *p);

/*
 * The column named given (exactly), or else the first of defaults the
 * header has (ASCII case ignored when nocase: exporters vary it); -1.
 */
int	fmt_find_col(const char *const *names, size_t n, const char *given,
	    const char *const *defaults, int nocase);

/* Convert a time to m->time, counting it in st when it cannot be read. */
void	fmt_time(struct message *m, const char *s, size_t len, struct format_stats *st);

/*
 * A time as DiscordChatExporter writes it (CSV, plain text): what
 * time_to_iso reads, else a date of the exporter's culture, which has no
 * zone ("10-Jun-18 11:47 AM", "3/2/2024 9:15 PM", "02.03.2024 21:15"):
 * read as UTC, and said once per input at name:line (*warned, 0 at the
 * start). 0 with m->time set; -1 when unreadable (m->time empty, not
 * counted).
 */
int	fmt_time_culture(struct message *m, const char *s, size_t len, const char *name,
	    unsigned long long line, int *warned);

/* Say once per input that records were skipped, and whether that is trouble. */
int	fmt_skipped_status(const char *name, unsigned long long skipped,
	    const struct format_opts *o);

/*
 * Channels some exporters keep only in the path, from the input's name as
 * given (--source-name's for stdin; plain stdin has none). Each returns a
 * string to free, or NULL. fmt_path_folder: the name of the folder holding
 * the input (DiscordChatExporter CSV: ".../feed-telegram/12.csv" gives
 * "feed-telegram"; "12.csv" the current directory's). fmt_day_folder: the
 * same, only for a file named YYYY-MM-DD.json (a Slack export's
 * CHANNEL/DAY.json).
 */
char	*fmt_path_folder(const struct fmt_src *s);
char	*fmt_day_folder(const struct fmt_src *s);

/*
 * ZNC logs (formats_irc.c). fmt_irc_line: does the line start
 * "[HH:MM:SS] "? fmt_irc_name: is the last part of name "CHAN_YYYYMMDD.log"
 * (or .log.txt, either with .gz)? If so 1, with the channel (pointing into
 * name) and the day (days since 1970-01-01) where asked.
 */
int	fmt_irc_line(const char *p, size_t len);
int	fmt_irc_name(const char *name, struct text *chan, long long *day);
int	fmt_read_irc(struct fmt_src *src, const struct format_opts *o, message_fn *fn,
	    void *ctx, struct format_stats *st);

int	fmt_read_json(struct fmt_src *src, enum format format, const struct format_opts *o,
	    message_fn *fn, void *ctx, struct format_stats *st);
/* Do these first two lines open a DiscordChatExporter text export? */
int	fmt_dcetext_header(const char *l1, size_t n1, const char *l2, size_t n2);
int	fmt_read_dcetext(struct fmt_src *src, const struct format_opts *o, message_fn *fn,
	    void *ctx, struct format_stats *st);
int	fmt_read_csv(struct fmt_src *src, const struct format_opts *o, message_fn *fn,
	    void *ctx, struct format_stats *st);

/*
 * The sign pass for JSON Lines and TSV (formats_quiet.c), for readers
 * given o->want. fmt_json_quiet: is line (whole, no newline) one flat
 * object the JSON reader takes whole, with a text member, and no sign in
 * its strings as decoded? Then it is one message, *time the time it
 * would be read with (empty: none; the caller still counts a bad one).
 * scratch holds decoded bytes between calls.
 */
int	fmt_json_quiet(const struct format_opts *o, const char *line, size_t len,
	    struct buf *scratch, struct text *time);

/*
 * An input_want_fn for JSON Lines in line mode, on plain input: lines
 * fmt_json_quiet finds quiet whose time is empty or readable are passed
 * over (the reader counts each as a message). The struct is the input's
 * thread's alone until the input is closed.
 */
struct fmt_jsonl_quiet {
	const struct format_opts *o;
	char			 time[40];	/* the last time read, good */
	size_t			 time_len;
	struct buf		 scratch;
};

size_t	fmt_jsonl_quiet(void *ctx, const char *p, size_t n);

/*
 * An input_want_fn for a TSV input past its header line (header, ncols
 * its fields): lines that are rows of that width, whose time (field
 * timec, -1: none) is empty or readable, and that show no sign once their
 * escapes are decoded are passed over. Used on the input's thread: the
 * struct is that thread's alone until the input is closed.
 */
struct fmt_tsv_quiet {
	input_want_fn		*want;
	void			*want_ctx;
	const char		*header;
	size_t			 header_len, ncols;
	int			 timec;
	char			 time[40];	/* the last time read, good */
	size_t			 time_len;
	struct buf		 scratch;
};

size_t	fmt_tsv_quiet(void *ctx, const char *p, size_t n);

#endif
