/*
 * input: block reads with read(2), inflated with zlib when the first bytes
 * are gzip's magic, lines cut with memchr. One growing buffer per input; a
 * line is a view into it. zlib's own gzread is not used: on a data error it
 * drops the bytes it had already inflated in that call, and every line
 * before the damage must still come out.
 */
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "input.h"
#include "util.h"

enum {
	READ_BLOCK = 1 << 17	/* 128 KiB: large reads, few syscalls */
};

struct input {
	int			 fd;
	char			*name;		/* for messages */
	char			*label;		/* for records */
	char			*buf;		/* lines, inflated */
	size_t			 cap;
	size_t			 start;		/* first byte not yet returned */
	size_t			 scan;		/* no newline in [start, scan) */
	size_t			 end;		/* bytes held */
	unsigned char		*raw;		/* gzip only: compressed bytes */
	z_stream		 z;
	int			 gzip;
	int			 member_done;	/* gzip: between members */
	unsigned long long	 lineno;
	uint64_t		 size;
	uint64_t		 consumed;	/* bytes read from the file */
	int			 eof;
	int			 error;
};

static void
free_input(struct input *in)
{
	if (in->gzip)
		inflateEnd(&in->z);
	if (in->fd >= 0)
		close(in->fd);
	free(in->raw);
	free(in->buf);
	free(in->name);
	free(in->label);
	free(in);
}

/* read(2) until n bytes or the end; -1 on error (reported). */
static ssize_t
read_full(struct input *in, void *p, size_t n)
{
	size_t got = 0;
	ssize_t r;

	while (got < n) {
		r = read(in->fd, (char *)p + got, n - got);
		if (r == 0)
			break;
		if (r < 0) {
			if (errno == EINTR)
				continue;
			warn("%s", in->name);
			in->error = 1;
			return -1;
		}
		got += (size_t)r;
		/* A pipe gives what it has: do not wait for a full block. */
		if (got >= 2 && in->size == 0)
			break;
	}
	in->consumed += got;
	return (ssize_t)got;
}

struct input *
input_open(const char *path)
{
	struct input *in;
	struct stat st;
	ssize_t n;
	int fd;

	if (path == NULL || strcmp(path, "-") == 0) {
		/* dup, so that closing this input leaves fd 0 to a later "-" */
		fd = dup(STDIN_FILENO);
		path = NULL;
	} else
		fd = open(path, O_RDONLY);
	if (fd < 0) {
		warn("%s", path ? path : "stdin");
		return NULL;
	}
	in = xcalloc(1, sizeof(*in));
	in->fd = fd;
	in->name = xstrdup(path ? path : "stdin");
	in->label = xstrdup(path ? path : "-");
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		warnx("%s: is a directory", in->name);
		free_input(in);
		return NULL;
	}
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
		in->size = (uint64_t)st.st_size;
	in->cap = READ_BLOCK * 2;
	in->buf = xmalloc(in->cap);
	/* The first bytes decide: gzip's magic, or plain text. */
	n = read_full(in, in->buf, READ_BLOCK);
	if (n < 0) {
		free_input(in);
		return NULL;
	}
	if (n >= 2 && (unsigned char)in->buf[0] == 0x1f && (unsigned char)in->buf[1] == 0x8b) {
		in->gzip = 1;
		in->raw = xmalloc(READ_BLOCK);
		memcpy(in->raw, in->buf, (size_t)n);
		if (inflateInit2(&in->z, 15 + 16) != Z_OK)
			errx(EXIT_TROUBLE, "%s: out of memory", in->name);
		in->z.next_in = in->raw;
		in->z.avail_in = (unsigned)n;
	} else
		in->end = (size_t)n;
	if (n == 0)
		in->eof = 1;
	return in;
}

/* Inflate into buf[end..end+room); returns bytes made, 0 at the end or error. */
static size_t
inflate_some(struct input *in, size_t room)
{
	ssize_t n;
	int rc;

	for (;;) {
		if (in->z.avail_in == 0) {
			n = read_full(in, in->raw, READ_BLOCK);
			if (n < 0)
				return 0;
			if (n == 0) {
				if (!in->member_done) {
					warnx("%s: truncated gzip input", in->name);
					in->error = 1;
				}
				return 0;
			}
			in->z.next_in = in->raw;
			in->z.avail_in = (unsigned)n;
		}
		if (in->member_done) {
			/* Another member follows, or the rest is not gzip. */
			if (in->z.next_in[0] != 0x1f) {
				warnx("%s: trailing garbage after gzip data", in->name);
				in->error = 1;
				return 0;
			}
			inflateReset(&in->z);
			in->member_done = 0;
		}
		in->z.next_out = (unsigned char *)in->buf + in->end;
		in->z.avail_out = (unsigned)room;
		rc = inflate(&in->z, Z_NO_FLUSH);
		n = (ssize_t)(room - in->z.avail_out);
		if (rc == Z_STREAM_END)
			in->member_done = 1;
		else if (rc != Z_OK && rc != Z_BUF_ERROR) {
			warnx("%s: corrupt gzip input (%s)", in->name,
			    in->z.msg ? in->z.msg : zError(rc));
			in->error = 1;
			in->end += (size_t)n;	/* keep what came before the damage */
			return (size_t)n;
		}
		if (n > 0) {
			in->end += (size_t)n;
			return (size_t)n;
		}
	}
}

/* Read one more block after the data held; 0 at the end or on error. */
static size_t
fill(struct input *in)
{
	size_t room, got;
	ssize_t n;

	if (in->eof)
		return 0;
	if (in->start > 0 && in->start == in->end) {
		in->start = in->scan = in->end = 0;
	} else if (in->start > 0 && in->end + READ_BLOCK > in->cap) {
		/* Slide the partial line to the front before growing. */
		memmove(in->buf, in->buf + in->start, in->end - in->start);
		in->end -= in->start;
		in->scan -= in->start;
		in->start = 0;
	}
	if (in->cap - in->end < READ_BLOCK + 1)
		xgrow(&in->buf, &in->cap, in->end + READ_BLOCK + 1);
	room = in->cap - in->end - 1;		/* keep a byte for the NUL */
	if (room > UINT_MAX)
		room = UINT_MAX;
	if (in->gzip) {
		got = inflate_some(in, room);
		if (got == 0 || in->error)
			in->eof = 1;
		return got;
	}
	n = read_full(in, in->buf + in->end, room);
	if (n <= 0) {
		in->eof = 1;
		return 0;
	}
	in->end += (size_t)n;
	return (size_t)n;
}

int
input_line(struct input *in, const char **line, size_t *len)
{
	char *nl;
	size_t n;

	for (;;) {
		nl = memchr(in->buf + in->scan, '\n', in->end - in->scan);
		if (nl != NULL)
			break;
		in->scan = in->end;
		if (fill(in) == 0) {
			if (in->start == in->end)
				return in->error ? -1 : 0;
			/*
			 * A last line without a newline is still a line; so is
			 * the part of a line before damage, reported already.
			 */
			nl = in->buf + in->end;
			break;
		}
	}
	n = (size_t)(nl - (in->buf + in->start));
	*line = in->buf + in->start;
	in->start += n + (nl < in->buf + in->end);
	if (in->start > in->end)
		in->start = in->end;
	in->scan = in->start;
	if (n > 0 && (*line)[n - 1] == '\r')
		n--;
	((char *)*line)[n] = '\0';
	*len = n;
	in->lineno++;
	return 1;
}

const char *
input_name(const struct input *in)
{
	return in->name;
}

const char *
input_label(const struct input *in)
{
	return in->label;
}

unsigned long long
input_lineno(const struct input *in)
{
	return in->lineno;
}

uint64_t
input_offset(const struct input *in)
{
	return in->consumed;
}

uint64_t
input_size(const struct input *in)
{
	return in->size;
}

int
input_close(struct input *in)
{
	int error;

	if (in == NULL)
		return 0;
	error = in->error;
	free_input(in);
	return error ? -1 : 0;
}
