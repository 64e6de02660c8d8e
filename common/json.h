/*
 * json: a small streaming JSON reader, tolerant where the exporters are
 * sloppy. It pulls its input in chunks (lines) from a callback, so a
 * multi-GB export is read one message at a time, and it can gather one
 * value (a message) into a flat tree to look fields up by name or path.
 *
 *	struct json_reader *j = json_new(next_line, src);
 *	while ((t = json_next(j)) > 0) ...		// tokens, strings decoded
 *	if (t == JSON_BEGIN_OBJECT) json_doc_read(j, &doc, t);
 *
 * Tolerated beyond RFC 8259: "\xHH" escapes (Telegram Desktop writes
 * control characters so), raw control bytes inside strings, NaN/Infinity
 * (Python's json.dumps writes them), a UTF-8 byte order mark, several
 * top-level values in a row. A lone surrogate becomes U+FFFD. Anything
 * else malformed is an error with a message and a byte position; nesting
 * is bounded by JSON_MAX_DEPTH. Chunk ends are whitespace, and a string
 * may not run across one (JSON strings hold no raw newline). A reader of
 * pieces (json_new_pieces) takes a long line in parts instead: a string
 * runs on across a piece's end, which never cuts a number, a word or an
 * escape (input_piece's rule), and only a piece's line end is one.
 */
#ifndef CROSSLINK_JSON_H
#define CROSSLINK_JSON_H

#include <stddef.h>
#include <stdint.h>

enum {
	JSON_MAX_DEPTH = 512	/* deeper nesting is an error, not recursion */
};

enum json_token {
	JSON_ERROR = -1,	/* json_error() says what; call json_recover */
	JSON_END = 0,		/* no more input */
	JSON_BEGIN_OBJECT,
	JSON_END_OBJECT,
	JSON_BEGIN_ARRAY,
	JSON_END_ARRAY,
	JSON_KEY,		/* a member name; its value follows */
	JSON_STRING,
	JSON_NUMBER,		/* text as written, e.g. "1.5e3", "NaN" */
	JSON_TRUE,
	JSON_FALSE,
	JSON_NULL
};

/*
 * Next chunk of input: 1 with *p, *len set (the view must stay valid until
 * the next call), 0 at the end, -1 on a read error (reported by the callee).
 */
typedef int json_more_fn(void *ctx, const char **p, size_t *len);

/*
 * Next piece of a line: as json_more_fn, with *eol 1 when the piece ends
 * its line. A piece that does not must end after a byte that is neither
 * a letter, a digit, "+-.", nor a backslash.
 */
typedef int json_piece_fn(void *ctx, const char **p, size_t *len, int *eol);

struct json_reader;

/* A reader over chunks from more(ctx). Allocation cannot fail. */
struct json_reader	*json_new(json_more_fn *more, void *ctx);
/* A reader over pieces of lines from more(ctx). */
struct json_reader	*json_new_pieces(json_piece_fn *more, void *ctx);
/* A reader over one buffer (the caller keeps it alive). */
struct json_reader	*json_new_mem(const char *p, size_t len);
void			 json_free(struct json_reader *j);

/*
 * Line mode (for JSON Lines): a top-level value must end on the line where
 * it began; a line ending inside one is an error, so a line cut in half
 * costs that line only. JSON_LINES_FIRST: on if the first line holds one
 * whole value and nothing else, decided at its end (for a first line too
 * long to check beforehand); off until then. json_line_mode_on: is it on?
 */
enum { JSON_LINES_FIRST = 2 };
void			 json_line_mode(struct json_reader *j, int on);
int			 json_line_mode_on(const struct json_reader *j);

/*
 * Next token. For KEY, STRING and NUMBER the decoded bytes are
 * json_text(j, &len), valid until the next call (NUL-terminated; may hold
 * NUL bytes from "\u0000").
 */
int			 json_next(struct json_reader *j);
const char		*json_text(const struct json_reader *j, size_t *len);
/* Nesting depth after the last token (0 at top level). */
int			 json_depth(const struct json_reader *j);

/*
 * Skip the rest of the value whose first token t was just returned
 * (nothing for a scalar). Returns t's kind, JSON_END or JSON_ERROR.
 */
int			 json_skip(struct json_reader *j, int t);

/*
 * The word s[0..n) (letters, digits, "+-.") as a value: JSON_TRUE,
 * JSON_FALSE, JSON_NULL or JSON_NUMBER (NaN and Infinity too, as Python
 * writes them); -1 when it is no value, *bad the offset of the first byte
 * in the way (0: the word as a whole).
 */
int			 json_word(const char *s, size_t n, size_t *bad);

/*
 * Bytes of input read before the next token, all lines counted. A limit
 * (json_limit, an offset; 0 for none) makes the next token that starts, or
 * a string that runs, past it an error "too long", json_skippable as one
 * nested past JSON_MAX_DEPTH is: json_skip_broken then skips the rest of
 * the value until the reader is back at depth (json_depth before the
 * value began), holding nothing of it, and returns 1, or JSON_ERROR when
 * the input breaks or ends first. json_skip skips values nested too deep
 * itself (when no limit is set).
 */
unsigned long long	 json_offset(const struct json_reader *j);
void			 json_limit(struct json_reader *j, unsigned long long end);
int			 json_skippable(const struct json_reader *j);
int			 json_skip_broken(struct json_reader *j, int depth);

/* After JSON_ERROR: what went wrong, and the 1-based byte in its line. */
const char		*json_error(const struct json_reader *j);
size_t			 json_error_column(const struct json_reader *j);
/* 1 when the error was a read error of the source (already reported). */
int			 json_source_failed(const struct json_reader *j);

/*
 * Forget the rest of the current line and any open containers, and go on
 * at top level with the next line: resynchronisation for JSON Lines.
 */
void			 json_recover(struct json_reader *j);

/*
 * One value as a flat tree. Node 0 is the value; a container's children
 * follow it in order, and node i's subtree ends before node[i].end. A
 * member of an object carries its key. Strings are decoded copies owned by
 * the doc. Reuse a doc across values to keep its memory.
 */
struct json_node {
	unsigned char	 type;		/* JSON_STRING ... JSON_BEGIN_OBJECT */
	size_t		 end;		/* index after this subtree */
	size_t		 key, klen;	/* offset into str; klen 0 and key
					   SIZE_MAX when not an object member */
	size_t		 val, vlen;	/* STRING/NUMBER text: offset into str */
};

struct json_doc {
	struct json_node	*node;
	size_t			 n, cap;
	char			*str;
	size_t			 slen, scap;
};

#define JSON_NONE ((size_t)-1)

/*
 * Read the rest of the value whose first token t was just returned into
 * doc (cleared first). Returns 1, or JSON_END / JSON_ERROR if the input
 * ended or broke inside it (the part read is then in doc, unusable).
 */
int		 json_doc_read(struct json_reader *j, struct json_doc *doc, int t);
/*
 * A doc built a token at a time, for a caller that reads some parts of a
 * value itself (the messages inside a big object) and keeps the rest:
 * json_build_start clears doc; json_build_key gives the member name of the
 * next value; json_build_add adds a token just returned by json_next (not
 * a KEY) and returns the depth still open (0: the value is whole). A mark
 * taken between members lets the caller drop what was added since.
 */
struct json_build {
	struct json_doc	*d;
	size_t		 open[JSON_MAX_DEPTH + 1];
	int		 depth;
	size_t		 key, klen;
};
struct json_mark {
	size_t		 n, slen;
	int		 depth;
};
void		 json_build_start(struct json_build *b, struct json_doc *doc);
void		 json_build_key(struct json_build *b, const char *s, size_t len);
int		 json_build_add(struct json_build *b, struct json_reader *j, int t);
void		 json_build_mark(const struct json_build *b, struct json_mark *m);
void		 json_build_rewind(struct json_build *b, const struct json_mark *m);
/* Parse a whole buffer holding one value; 1, or -1 with *err set. */
int		 json_doc_parse(struct json_doc *doc, const char *p, size_t len,
		    const char **err);
void		 json_doc_free(struct json_doc *doc);
/* 1 when a buffer holds one whole object and nothing else; checked without a doc. */
int		 json_whole_object(const char *p, size_t len);

/* The member called key of object node obj, or JSON_NONE. */
size_t		 json_get(const struct json_doc *d, size_t obj, const char *key);
/* Follow a dotted path of object members ("a.b.c"); JSON_NONE if absent. */
size_t		 json_get_path(const struct json_doc *d, size_t node, const char *path);
/* STRING or NUMBER text of node i (others: NULL, *len 0). */
const char	*json_str(const struct json_doc *d, size_t i, size_t *len);
/* 1 when node i is a string equal to s. */
int		 json_is(const struct json_doc *d, size_t i, const char *s);

/*
 * Call fn for every node a path reaches. Path: member names joined by ".",
 * "[]" after a name (or alone) to go into each element of an array, "[N]"
 * for element N: "entities[].url", "reply_markup.rows[].buttons[].url".
 * Returns the number of nodes reached, or -1 for a malformed path.
 */
typedef void	 json_path_fn(void *ctx, const struct json_doc *d, size_t node);
long		 json_path_each(const struct json_doc *d, size_t node, const char *path,
		    json_path_fn *fn, void *ctx);
/* 0 if path is well formed, else -1. */
int		 json_path_check(const char *path);

#endif
