/*
 * input: lines from a file or stdin, plain or compressed (gzip, zstd, xz,
 * bzip2), whatever the name says: the format is known by its magic bytes;
 * concatenated members, frames or streams are read as one stream. Other
 * binary input is refused at input_open.
 *
 *	struct input *in = input_open("logs.gz");	// NULL or "-": stdin
 *	while ((n = input_line(in, &line, &len)) > 0) ...
 *	status = input_close(in);
 *
 * A line longer than input_max_record() bytes (its newline not counted)
 * is never returned: its bytes are read and thrown away, not held, it is
 * reported as "PROG: FILE:LINE: record longer than --max-record (N
 * bytes), skipped" and counted (input_skipped), and the lines after it
 * keep their numbers. The view returned by input_line stays valid
 * until the next call; the input owns it. A trailing "\r" before "\n" is
 * dropped; a last line without "\n" is still a line.
 *
 * Compressed input is decoded on a thread the input starts and owns;
 * input_close, at the end or before it, stops and joins it. One input is
 * used from one thread. Memory is bounded: a few MiB of blocks plus the
 * longest line kept and an eighth of it (the largest piece, for
 * input_piece), plus for zstd and xz the window the file asks for (2 GiB
 * at most). No memory for a line ends the input as an error ("PROG:
 * FILE:LINE: out of memory (a line of N bytes)"), and an error on the
 * decoding thread, out of memory too, comes back to the caller as a read
 * error does: neither ends the process.
 */
#ifndef CROSSLINK_INPUT_H
#define CROSSLINK_INPUT_H

#include <stddef.h>
#include <stdint.h>

struct input;

/*
 * Open a file ("-" or NULL is stdin). On failure prints
 * "PROG: FILE: reason" and returns NULL; so for a folder ("is a
 * directory") and for binary input that is not compressed.
 */
struct input	*input_open(const char *path);

/*
 * Next line: 1 with line and len set (no newline; *line is NUL-terminated
 * for convenience but may hold NULs), 0 at the end, -1 after a read or
 * decompression error, which has been reported as "PROG: FILE: what".
 * Lines too long are passed over (see above).
 * Every line before the damage has been returned first.
 */
int		 input_line(struct input *in, const char **line, size_t *len);

/*
 * The next run of whole lines, for a reader that splits lines itself:
 * 1 with p[0..n) one or more lines, each ending in "\n" (a last line
 * without one is given one; a "\r" before it is kept), 0 at the end, -1
 * as input_line. Lines too long are passed over and reported as by
 * input_line, never returned. The run's first line is numbered
 * input_lineno(in) + 1; the caller takes every line of it and calls
 * input_advance(in, k) with their number k before the next call. The
 * view stays valid until then. Compressed input gives one line a run.
 * Not mixed with input_line or input_piece on one input.
 */
int		 input_lines(struct input *in, const char **p, size_t *n);
void		 input_advance(struct input *in, unsigned long long lines);

/*
 * The next piece of a line, for a reader that need not hold a whole line
 * (a JSON document on one line): 1 with *p, *len set and *eol 1 when the
 * piece ends its line (the newline and a "\r" before it not included),
 * 0 at the end, -1 as input_line. A piece is at most max bytes; one that
 * does not end its line ends after a byte that is none of a letter, a
 * digit, "+-.", a backslash or "\r", so a number, a word or an escape is
 * never cut in two (a run of such bytes longer than max makes a longer
 * piece). The view is not NUL-terminated and stays valid until the next
 * call. input_lineno counts the line once, at its first piece. Pieces
 * and input_line may be mixed at line ends. After input_filter a piece
 * is a whole line kept, as input_line gives it (held whole, so bounded by
 * --max-record only).
 */
int		 input_piece(struct input *in, size_t max, const char **p, size_t *len,
		    int *eol);

/*
 * The memory of the line input_line returned last (at line), handed over
 * so that a caller keeping a long line need not copy it: when it is over
 * 8 MiB and gathered in the input's own buffer, that buffer (malloc'd,
 * *cap bytes, line inside it; the caller frees it), the input going on
 * with another; else NULL, and the caller copies the line as before.
 * Call before the next input_line.
 */
char		*input_take(struct input *in, const char *line, size_t *cap);

/*
 * From now on return only the lines the caller has a use for: want(ctx,
 * p, n) gets a run of whole lines (newlines included) and returns the
 * offset of the first byte worth a look, or n for none. Lines passed over
 * are never returned but counted: input_lineno is the number of the line
 * returned, and at the end that of the last line. A cheap filter, not a
 * promise: a line want would pass over may still be returned. Plain input
 * is sifted on a thread of the input's own, so want must not touch the
 * caller's state; gzip is sifted on the caller's thread (its own thread
 * inflates). Call it before the first line, or at a line end of plain
 * input (not of compressed input read in pieces).
 */
typedef size_t	 input_want_fn(void *ctx, const char *p, size_t n);
void		 input_filter(struct input *in, input_want_fn *want, void *ctx);

/*
 * For a piece cut out of a larger input: number its first line first
 * (not 1), and, when it is stdin, name it name (when not NULL) in
 * messages and records alike. Call before the first input_line.
 */
void		 input_set_origin(struct input *in, const char *name,
		    unsigned long long first);

/*
 * The longest record a filter reads (--max-record): a line, or a message
 * of an export, longer than this is skipped, reported and counted, so
 * one runaway record cannot take the machine's memory. Shared by every
 * input; INPUT_MAX_RECORD unless set.
 */
#define INPUT_MAX_RECORD	((size_t)256 << 20)
void		 input_set_max_record(size_t max);
size_t		 input_max_record(void);
/* Lines skipped so far for being longer than that (see input_line). */
unsigned long long input_skipped(const struct input *in);
/*
 * A line read by input_piece that its caller gathered past the bound:
 * reported and counted as input_line's are. line: its number.
 */
void		 input_too_long(struct input *in, unsigned long long line);

/* The name for messages: the path, or "stdin". */

const char	*input_name(const struct input *in);
/* The name for records: the path, or "-" for stdin. */
const char	*input_label(const struct input *in);
/* 1-based number of the line last returned. */
unsigned long long input_lineno(const struct input *in);
/* Compressed bytes consumed so far and the file size (0 if unknown). */
uint64_t	 input_offset(const struct input *in);
uint64_t	 input_size(const struct input *in);

/*
 * A function called after each block of input is read, with the bytes
 * (compressed, for gzip) consumed since the last call: for a progress
 * line. It runs on the thread reading lines (input_line's caller, never
 * the gzip thread), once per block, not per line. One hook for the whole
 * program: set it before the first input_open; NULL (the default) for none.
 */
typedef void	 input_hook_fn(const struct input *in, uint64_t new_bytes);
void		 input_set_hook(input_hook_fn *fn);

/* Is the input compressed, gzip or another (its lines are decoded bytes)? */
int		 input_gzip(const struct input *in);

/* The number of newlines in p[0..n), counted a vector at a time. */
unsigned long long input_newlines(const char *p, size_t n);

/* Close; returns 0, or -1 if any error was seen on this input. */
int		 input_close(struct input *in);

#endif
