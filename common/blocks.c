/*
 * blocks: the plan of a file's pieces, read 1 MiB at a time with pread:
 * newlines found with memchr and counted a vector at a time, CSV records
 * told apart by csv_cut. See blocks.h.
 *	extract --blocks 64M big.tsv
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "blocks.h"
#include "csv.h"
#include "input.h"
#include "msg.h"
#include "util.h"

enum {
	CHUNK = 1 << 20,	/* bytes of the file read at a time */
	JSON_LOOK = 1 << 20	/* a longer JSON line is not checked: no cut before it */
};

struct plan {
	int		 fd;
	const char	*path;
	char		*buf;		/* CHUNK bytes of the file */
	char		*look;		/* JSON_LOOK bytes: the line after a cut */
	struct csv_cut	 csv;
	uint64_t	 size;		/* the piece size asked for */
};

/* Up to n bytes at off, fewer only at the end; -1 on an error (reported). */
static ssize_t
read_at(const struct plan *pl, char *buf, size_t n, uint64_t off)
{
	size_t got = 0;
	ssize_t r;

	while (got < n) {
		r = pread(pl->fd, buf + got, n - got, (off_t)(off + got));
		if (r == 0)
			break;
		if (r < 0) {
			if (errno == EINTR)
				continue;
			xwarn("%s", pl->path);
			return -1;
		}
		got += (size_t)r;
	}
	return (ssize_t)got;
}

/*
 * Compressed, by its magic bytes: gzip, which input inflates, and the
 * others, whose bytes are no lines either.
 */
static int
compressed(const char *p, size_t n)
{
	static const struct {
		const char	*magic;
		size_t		 len;
	} magics[] = {
		{ "\x1f\x8b", 2 },			/* gzip */
		{ "\xfd" "7zXZ\0", 6 },			/* xz */
		{ "\x28\xb5\x2f\xfd", 4 },		/* zstd */
		{ "BZh", 3 },				/* bzip2, then a level and a block */
	};

	for (size_t i = 0; i < sizeof(magics) / sizeof(magics[0]); i++)
		if (n >= magics[i].len && memcmp(p, magics[i].magic, magics[i].len) == 0)
			return i < 3 || (n >= 10 && p[3] >= '1' && p[3] <= '9' &&
			    memcmp(p + 4, "1AY&SY", 6) == 0);
	return 0;
}

/*
 * Where the first line ends (past its newline, or at the end of the
 * file), its bytes counted for CSV's separator on the way.
 */
static int
first_line(const struct plan *pl, uint64_t *end, struct csv_sep_count *sep)
{
	uint64_t off = 0;
	ssize_t n;
	char *nl;

	for (;;) {
		if ((n = read_at(pl, pl->buf, CHUNK, off)) < 0)
			return -1;
		nl = memchr(pl->buf, '\n', (size_t)n);
		csv_sep_feed(sep, pl->buf, nl ? (size_t)(nl - pl->buf) : (size_t)n);
		if (nl != NULL || n < CHUNK) {
			*end = off + (nl ? (uint64_t)(nl - pl->buf) + 1 : (uint64_t)n);
			return 0;
		}
		off += (uint64_t)n;
	}
}

/* Is the CSV record [from, to) a blank line, which the reader passes over? */
static int
blank(const struct plan *pl, uint64_t from, uint64_t to)
{
	char c;

	if (to - from == 1)
		return 1;
	/* input drops the CR of a CRLF: "\r\n" is blank too */
	return to - from == 2 && read_at(pl, &c, 1, from) == 1 && c == '\r';
}

/*
 * Would a piece of JSON Lines starting at off be read one object a line?
 * Its first line decides, as it does for the whole file. The line is
 * looked for in the n bytes at p (the rest of the chunk), else read.
 */
static int
json_line_at(const struct plan *pl, uint64_t off, const char *p, size_t n)
{
	const char *nl = memchr(p, '\n', n);
	ssize_t got;
	size_t len;

	if (nl == NULL) {
		if ((got = read_at(pl, pl->look, JSON_LOOK, off)) <= 0)
			return got == 0;	/* nothing follows: nothing to read wrongly */
		p = pl->look;
		n = (size_t)got;
		if ((nl = memchr(p, '\n', n)) == NULL && n == JSON_LOOK)
			return 0;
	}
	len = nl ? (size_t)(nl - p) : n;
	if (len > 0 && p[len - 1] == '\r')
		len--;
	return formats_json_line(p, len);
}

/*
 * Cut at record ends: after newlines (text, TSV, JSON Lines) or where
 * csv_cut says, the first at or after each target. Lines are counted
 * over every byte for each piece's first line number.
 */
static int
cut(struct plan *pl, struct blocks_piece *b, blocks_fn *fn, void *ctx)
{
	uint64_t pos = 0, start = 0, line = 1, lines = 0, target, end, prev = 0, want;
	size_t n = 0, i = 0, from, e;
	int csv = b->format == FORMAT_CSV, have_header = !csv;
	const char *nl;
	ssize_t r;

	target = pl->size > b->header_bytes ? pl->size : b->header_bytes;
	for (;;) {
		if (i == n) {
			pos += n;
			if ((r = read_at(pl, pl->buf, CHUNK, pos)) < 0)
				return -1;
			if (r == 0)
				break;
			n = (size_t)r;
			i = 0;
		}
		if (csv) {
			e = csv_cut_next(&pl->csv, pl->buf + i, n - i);
			e = e ? i + e : 0;
		} else {
			/* A newline before target - 1 ends no piece: look from there. */
			want = target - 1;
			from = want <= pos + i ? i : want - pos < n ? (size_t)(want - pos) : n;
			nl = memchr(pl->buf + from, '\n', n - from);
			e = nl ? (size_t)(nl - pl->buf) + 1 : 0;
		}
		lines += input_newlines(pl->buf + i, (e ? e : n) - i);
		if (e == 0) {
			i = n;
			continue;
		}
		i = e;
		end = pos + e;
		if (!have_header && !blank(pl, prev, end)) {
			/* CSV's header: its first record, blank lines before it included */
			have_header = 1;
			b->header_bytes = end;
			b->header_lines = lines;
			if (target < end)
				target = end;
		}
		prev = end;
		if (!have_header || end < target)
			continue;
		if (b->format == FORMAT_JSONL &&
		    !json_line_at(pl, end, pl->buf + e, n - e)) {
			target = end + 1;
			continue;
		}
		b->offset = start;
		b->length = end - start;
		b->line = line;
		fn(ctx, b);
		line += lines;
		lines = 0;
		start = end;
		/* a size near 2^64 must not wrap to a small target */
		target = pl->size > UINT64_MAX - start ? UINT64_MAX : start + pl->size;
	}
	if (!have_header) {
		/* no record ends: the whole file is the header */
		b->header_bytes = pos;
		b->header_lines = lines + (pos > prev);
	}
	if (pos > start) {
		b->offset = start;
		b->length = pos - start;
		b->line = line;
		fn(ctx, b);
	}
	return 0;
}

int
blocks_plan(const char *path, const struct format_opts *o, uint64_t size, blocks_fn *fn,
    void *ctx)
{
	struct plan pl = { .fd = -1, .path = path, .size = size };
	struct blocks_piece b = { .line = 1 };
	struct format_probe probe;
	struct csv_sep_count sep = { 0 };
	struct stat st;
	char magic[10];
	ssize_t n;
	int rc = -1;

	/* A pipe cannot be read again from an offset: a plan needs a file. */
	if (strcmp(path, "-") == 0 || (stat(path, &st) == 0 && !S_ISREG(st.st_mode))) {
		xwarnx("%s: --blocks needs a regular file", path);
		return -1;
	}
	if ((pl.fd = open(path, O_RDONLY)) < 0 || fstat(pl.fd, &st) < 0) {
		xwarn("%s", path);
		goto done;
	}
	if ((b.length = (uint64_t)st.st_size) == 0) {
		rc = 0;
		goto done;
	}
	if ((n = read_at(&pl, magic, sizeof(magic), 0)) < 0)
		goto done;
	if (compressed(magic, (size_t)n)) {
		b.format = FORMAT_AUTO;
		fn(ctx, &b);
		rc = 0;
		goto done;
	}
	if (formats_probe(path, o, &probe) < 0)
		goto done;
	b.format = probe.format;
	if (!probe.cuttable) {
		fn(ctx, &b);
		rc = 0;
		goto done;
	}
	pl.buf = xmalloc(CHUNK);
	if (b.format == FORMAT_TSV || b.format == FORMAT_CSV) {
		if (first_line(&pl, &b.header_bytes, &sep) < 0)
			goto done;
		b.header_lines = 1;
		if (b.format == FORMAT_CSV) {
			/* found with the header record, as the reader finds it */
			b.header_bytes = b.header_lines = 0;
			pl.csv.sep = csv_sep_pick(&sep);
		}
	}
	if (b.format == FORMAT_JSONL)
		pl.look = xmalloc(JSON_LOOK);
	rc = cut(&pl, &b, fn, ctx);
done:
	free(pl.buf);
	free(pl.look);
	if (pl.fd >= 0)
		close(pl.fd);
	return rc;
}
