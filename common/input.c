/*
 * input: plain text is read with read(2) in large blocks and cut with memchr
 * in one growing buffer. gzip (by its magic bytes) is inflated on a thread
 * of its own into a small ring of large blocks, so that the caller's work on
 * lines overlaps decompression:
 *
 *	producer thread: read -> inflate (zlib, or libdeflate) -> ring[RING]
 *	caller: input_line -> lines cut in the block it holds
 *
 * A line that runs over the end of a block is copied into the line buffer.
 * zlib streams anything; libdeflate inflates about three times faster
 * (0.12 s against 0.36 s for 100 MB of log on the machine of issue 7) but
 * only a whole member into memory given up front, so it is used only on
 * regular files whose members fit in one block (small files, bgzip): a
 * 100 MB member would need 100 MB. A member that does not fit, or that
 * libdeflate rejects, goes back to zlib from its start, so that zlib alone
 * words every error. zlib's gzread is not used: on a data error it drops
 * the bytes already inflated in that call, and every line before the
 * damage must still come out.
 */
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <libdeflate.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "input.h"
#include "util.h"

enum {
	READ_BLOCK = 1 << 17,	/* 128 KiB: large reads, few syscalls */
	BLOCK = 1 << 20,	/* inflated bytes per ring block */
	RING = 4,		/* one held by the caller, one filling, two ready */
	RAW_DEFLATE = 2 * BLOCK	/* compressed bytes held for libdeflate */
};

struct block {
	char			*data;		/* BLOCK bytes */
	size_t			 len;
	uint64_t		 offset;	/* compressed bytes read when made */
};

struct input {
	int			 fd;
	char			*name;		/* for messages */
	char			*label;		/* for records */
	unsigned long long	 lineno;
	uint64_t		 size;
	uint64_t		 offset;	/* compressed bytes behind the lines */
	uint64_t		 hooked;	/* offset last told to the hook */
	int			 eof;
	int			 error;

	/*
	 * Plain input, and the line buffer for gzip: lines run over block
	 * ends are joined here.
	 */
	char			*buf;
	size_t			 cap;
	size_t			 start;		/* first byte not yet returned */
	size_t			 scan;		/* no newline in [start, scan) */
	size_t			 end;		/* bytes held */

	/* gzip, the caller's side. */
	int			 gzip;
	int			 thread_up;
	pthread_t		 thread_id;
	struct block		*cur;		/* the block being cut, or NULL */
	size_t			 pos;		/* in cur: first byte not returned */
	uint64_t		 taken;		/* blocks taken from the ring */

	/* gzip, shared: under lock. */
	pthread_mutex_t		 lock;
	pthread_cond_t		 ready;		/* a block was made, or done */
	pthread_cond_t		 room;		/* a block was freed, or stop */
	struct block		 ring[RING];
	uint64_t		 made;		/* blocks published */
	uint64_t		 freed;		/* blocks handed back */
	int			 done;		/* no more blocks */
	int			 stop;		/* the caller closed early */
	char			 why[160];	/* set before done: what went wrong */

	/* gzip, the producer's own. */
	int			 wake[2];	/* pipes only: a poll()able stop */
	unsigned char		*raw;		/* compressed bytes */
	size_t			 rawcap;
	size_t			 rawpos, rawend;
	int			 raweof;
	uint64_t		 consumed;	/* bytes read from the file */
	z_stream		 z;
	int			 zlib_up;
	int			 member_done;	/* between members */
	struct libdeflate_decompressor *ld;	/* NULL: zlib only */
	size_t			 ld_most;	/* largest member inflated */
};

static input_hook_fn	*block_hook;

void
input_set_hook(input_hook_fn *fn)
{
	block_hook = fn;
}

/* Tell the hook what was read since last time (reader's thread only). */
static void
tell_hook(struct input *in)
{
	if (block_hook != NULL && in->offset > in->hooked) {
		uint64_t n = in->offset - in->hooked;

		in->hooked = in->offset;
		block_hook(in, n);
	}
}

static void
free_input(struct input *in)
{
	for (int i = 0; i < RING; i++)
		free(in->ring[i].data);
	if (in->zlib_up)
		inflateEnd(&in->z);
	if (in->ld != NULL)
		libdeflate_free_decompressor(in->ld);
	if (in->wake[0] >= 0) {
		close(in->wake[0]);
		close(in->wake[1]);
	}
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
	in->offset = in->consumed;
	return (ssize_t)got;
}

/* Producer: note what went wrong, for the caller to report in order. */
static void
failed(struct input *in, const char *what, const char *detail)
{
	if (detail != NULL)
		snprintf(in->why, sizeof(in->why), "%s (%s)", what, detail);
	else
		snprintf(in->why, sizeof(in->why), "%s", what);
}

/*
 * Producer: read up to n bytes into raw[rawend..]; the count, 0 at the end,
 * -1 on an error (noted) or when the caller stopped. On a pipe the thread
 * waits in poll() beside the wake pipe, so that input_close never waits for
 * a writer that has gone quiet.
 */
static ssize_t
pull(struct input *in, size_t n)
{
	struct pollfd pf[2];
	ssize_t r;

	for (;;) {
		if (in->wake[0] >= 0) {
			pf[0].fd = in->fd;
			pf[0].events = POLLIN;
			pf[1].fd = in->wake[0];
			pf[1].events = POLLIN;
			if (poll(pf, 2, -1) < 0) {
				if (errno == EINTR)
					continue;
				failed(in, strerror(errno), NULL);
				return -1;
			}
			if (pf[1].revents != 0)
				return -1;
		}
		r = read(in->fd, in->raw + in->rawend, n);
		if (r >= 0)
			break;
		if (errno != EINTR) {
			failed(in, strerror(errno), NULL);
			return -1;
		}
	}
	in->rawend += (size_t)r;
	in->consumed += (size_t)r;
	if (r == 0)
		in->raweof = 1;
	return r;
}

/* Producer: the next empty block, or NULL when the caller has stopped. */
static struct block *
claim(struct input *in)
{
	struct block *b;

	pthread_mutex_lock(&in->lock);
	while (!in->stop && in->made - in->freed == RING)
		pthread_cond_wait(&in->room, &in->lock);
	b = in->stop ? NULL : &in->ring[in->made % RING];
	pthread_mutex_unlock(&in->lock);
	if (b != NULL)
		b->len = 0;
	return b;
}

/* Producer: hand a filled block to the caller; last: nothing follows. */
static void
publish(struct input *in, struct block *b, int last)
{
	pthread_mutex_lock(&in->lock);
	if (b != NULL && b->len > 0) {
		b->offset = in->consumed;
		in->made++;
	}
	if (last)
		in->done = 1;
	pthread_cond_signal(&in->ready);
	pthread_mutex_unlock(&in->lock);
}

/*
 * Producer: inflate with zlib into b until it is full; 1 when full, 0 at
 * the end of the data (clean or not: why says), -1 when stopped.
 */
static int
inflate_block(struct input *in, struct block *b)
{
	size_t room;
	ssize_t n;
	int rc;

	while (b->len < BLOCK) {
		if (in->z.avail_in == 0) {
			in->rawpos = in->rawend = 0;
			n = pull(in, READ_BLOCK);
			if (n < 0)
				return in->why[0] ? 0 : -1;
			if (n == 0) {
				if (!in->member_done)
					failed(in, "truncated gzip input", NULL);
				return 0;
			}
			in->z.next_in = in->raw;
			in->z.avail_in = (unsigned)n;
		}
		if (in->member_done) {
			/* Another member follows, or the rest is not gzip. */
			if (in->z.next_in[0] != 0x1f) {
				failed(in, "trailing garbage after gzip data", NULL);
				return 0;
			}
			inflateReset(&in->z);
			in->member_done = 0;
		}
		room = BLOCK - b->len;
		in->z.next_out = (unsigned char *)b->data + b->len;
		in->z.avail_out = (unsigned)room;
		rc = inflate(&in->z, Z_NO_FLUSH);
		b->len += room - in->z.avail_out;	/* kept even on damage */
		if (rc == Z_STREAM_END)
			in->member_done = 1;
		else if (rc != Z_OK && rc != Z_BUF_ERROR) {
			failed(in, "corrupt gzip input",
			    in->z.msg ? in->z.msg : zError(rc));
			return 0;
		}
	}
	return 1;
}

/* Producer: start zlib on the compressed bytes held from rawpos. */
static void
start_zlib(struct input *in, int between_members)
{
	if (inflateInit2(&in->z, 15 + 16) != Z_OK)
		errx(EXIT_TROUBLE, "%s: out of memory", in->name);
	in->zlib_up = 1;
	in->z.next_in = in->raw + in->rawpos;
	in->z.avail_in = (unsigned)(in->rawend - in->rawpos);
	in->member_done = between_members;
}

/*
 * Producer: whole members with libdeflate, packed into blocks. Returns with
 * b partly filled and zlib started on the rest when a member cannot be
 * done here; NULL when stopped or at a clean end (published).
 */
static struct block *
deflate_members(struct input *in, struct block *b)
{
	enum libdeflate_result rc;
	size_t used, made;
	int first = 1;

	for (;;) {
		/* Keep at least a block's worth of compressed bytes ahead. */
		if (!in->raweof && in->rawend - in->rawpos < BLOCK) {
			memmove(in->raw, in->raw + in->rawpos, in->rawend - in->rawpos);
			in->rawend -= in->rawpos;
			in->rawpos = 0;
			while (!in->raweof && in->rawend < in->rawcap)
				if (pull(in, in->rawcap - in->rawend) < 0) {
					if (in->why[0])	/* a read error */
						publish(in, b, 1);
					return NULL;
				}
		}
		if (in->rawpos == in->rawend) {
			publish(in, b, 1);
			return NULL;
		}
		/*
		 * A header CRC zlib would check, or no magic: zlib decides
		 * (libdeflate skips the former).
		 */
		if (in->rawend - in->rawpos < 4 || in->raw[in->rawpos] != 0x1f ||
		    in->raw[in->rawpos + 1] != 0x8b || (in->raw[in->rawpos + 3] & 2))
			break;
		/* Start a new block rather than fail on a member that will not fit. */
		if (b->len > 0 && BLOCK - b->len < in->ld_most) {
			publish(in, b, 0);
			if ((b = claim(in)) == NULL)
				return NULL;
		}
		rc = libdeflate_gzip_decompress_ex(in->ld, in->raw + in->rawpos,
		    in->rawend - in->rawpos, b->data + b->len, BLOCK - b->len,
		    &used, &made);
		if (rc == LIBDEFLATE_INSUFFICIENT_SPACE && b->len > 0) {
			publish(in, b, 0);
			if ((b = claim(in)) == NULL)
				return NULL;
			continue;
		}
		if (rc != LIBDEFLATE_SUCCESS)
			break;
		b->len += made;
		in->rawpos += used;
		if (made > in->ld_most)
			in->ld_most = made;
		first = 0;
		if (b->len == BLOCK) {
			publish(in, b, 0);
			if ((b = claim(in)) == NULL)
				return NULL;
		}
	}
	/* Too large, damaged or cut short: zlib from this member on. */
	libdeflate_free_decompressor(in->ld);
	in->ld = NULL;
	start_zlib(in, !first);
	return b;
}

/* The producer thread: blocks until the data ends or the caller stops. */
static void *
produce(void *arg)
{
	struct input *in = arg;
	struct block *b;
	int rc;

	if ((b = claim(in)) == NULL)
		return NULL;
	if (in->ld != NULL && (b = deflate_members(in, b)) == NULL)
		return NULL;
	if (!in->zlib_up)
		start_zlib(in, 0);
	while ((rc = inflate_block(in, b)) > 0) {
		publish(in, b, 0);
		if ((b = claim(in)) == NULL)
			return NULL;
	}
	publish(in, b, 1);
	return NULL;
}

/*
 * libdeflate only where it can win within bounded memory: a regular file
 * whose last member (its trailer gives the size, mod 2^32) fits a block.
 * A single large member, the common gzip file, goes straight to zlib.
 */
static int
small_members(struct input *in)
{
	unsigned char t[4];
	uint32_t isize;

	if (in->size < 18 || pread(in->fd, t, 4, (off_t)(in->size - 4)) != 4)
		return 0;
	isize = (uint32_t)t[0] | (uint32_t)t[1] << 8 | (uint32_t)t[2] << 16 |
	    (uint32_t)t[3] << 24;
	return isize <= BLOCK;
}

/* Set up the ring and start the producer on the n bytes read so far. */
static void
start_gzip(struct input *in, size_t n)
{
	int regular = in->size > 0;

	in->gzip = 1;
	in->wake[0] = in->wake[1] = -1;
	if (regular && small_members(in))
		in->ld = libdeflate_alloc_decompressor();
	in->rawcap = in->ld != NULL ? RAW_DEFLATE : READ_BLOCK;
	in->raw = xmalloc(in->rawcap);
	memcpy(in->raw, in->buf, n);
	in->rawend = n;
	for (int i = 0; i < RING; i++)
		in->ring[i].data = xmalloc(BLOCK);
	if (!regular && pipe(in->wake) < 0)
		err(EXIT_TROUBLE, "pipe");
	pthread_mutex_init(&in->lock, NULL);
	pthread_cond_init(&in->ready, NULL);
	pthread_cond_init(&in->room, NULL);
	if ((errno = pthread_create(&in->thread_id, NULL, produce, in)) != 0)
		err(EXIT_TROUBLE, "%s: thread", in->name);
	in->thread_up = 1;
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
	in->wake[0] = in->wake[1] = -1;
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
	if (n >= 2 && (unsigned char)in->buf[0] == 0x1f &&
	    (unsigned char)in->buf[1] == 0x8b)
		start_gzip(in, (size_t)n);
	else {
		in->end = (size_t)n;
		tell_hook(in);
	}
	if (n == 0)
		in->eof = 1;
	return in;
}

/* Plain: read one more block after the data held; 0 at the end or on error. */
static size_t
fill(struct input *in)
{
	size_t room;
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
	n = read_full(in, in->buf + in->end, room);
	if (n <= 0) {
		in->eof = 1;
		return 0;
	}
	in->end += (size_t)n;
	tell_hook(in);
	return (size_t)n;
}

/* A line at p of n bytes, its end (newline or not) writable: finish it. */
static int
give(struct input *in, char *p, size_t n, const char **line, size_t *len)
{
	if (n > 0 && p[n - 1] == '\r')
		n--;
	p[n] = '\0';
	*line = p;
	*len = n;
	in->lineno++;
	return 1;
}

static int
plain_line(struct input *in, const char **line, size_t *len)
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
			/* A last line without a newline is still a line. */
			nl = in->buf + in->end;
			break;
		}
	}
	n = (size_t)(nl - (in->buf + in->start));
	*line = in->buf + in->start;
	in->start += n + (nl < in->buf + in->end);
	in->scan = in->start;
	return give(in, (char *)*line, n, line, len);
}

/* gzip: hand the block held back and wait for the next; 0 at the end. */
static int
next_block(struct input *in)
{
	pthread_mutex_lock(&in->lock);
	if (in->cur != NULL) {
		in->cur = NULL;
		in->freed++;
		pthread_cond_signal(&in->room);
	}
	while (in->taken == in->made && !in->done)
		pthread_cond_wait(&in->ready, &in->lock);
	if (in->taken < in->made) {
		in->cur = &in->ring[in->taken++ % RING];
		in->pos = 0;
		in->offset = in->cur->offset;
	}
	pthread_mutex_unlock(&in->lock);
	tell_hook(in);
	return in->cur != NULL;
}

/*
 * gzip: lines inside the block held are views into it (the newline is
 * overwritten by the NUL); a line that runs over the end of a block is
 * gathered in buf[0..end).
 */
static int
gzip_line(struct input *in, const char **line, size_t *len)
{
	char *p, *nl;
	size_t n;

	for (;;) {
		if (in->cur != NULL) {
			p = in->cur->data + in->pos;
			n = in->cur->len - in->pos;
			nl = memchr(p, '\n', n);
			if (nl != NULL && in->end == 0) {
				n = (size_t)(nl - p);
				in->pos += n + 1;
				return give(in, p, n, line, len);
			}
			if (nl != NULL)
				n = (size_t)(nl - p);
			xgrow(&in->buf, &in->cap, in->end + n + 1);
			memcpy(in->buf + in->end, p, n);
			in->end += n;
			in->pos += n + (nl != NULL);
			if (nl != NULL) {
				n = in->end;
				in->end = 0;
				return give(in, in->buf, n, line, len);
			}
		}
		if (in->eof || !next_block(in)) {
			in->eof = 1;
			break;
		}
	}
	/* A last line without a newline; or the part before damage. */
	if (in->end > 0) {
		n = in->end;
		in->end = 0;
		return give(in, in->buf, n, line, len);
	}
	if (in->why[0] != '\0' && !in->error) {
		warnx("%s: %s", in->name, in->why);
		in->error = 1;
	}
	return in->error ? -1 : 0;
}

int
input_line(struct input *in, const char **line, size_t *len)
{
	return in->gzip ? gzip_line(in, line, len) : plain_line(in, line, len);
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
	return in->offset;
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
	if (in->thread_up) {
		/* Stop the producer wherever it waits: on the ring or a pipe. */
		pthread_mutex_lock(&in->lock);
		in->stop = 1;
		pthread_cond_signal(&in->room);
		pthread_mutex_unlock(&in->lock);
		if (in->wake[1] >= 0)
			while (write(in->wake[1], "", 1) < 0 && errno == EINTR)
				;
		pthread_join(in->thread_id, NULL);
		pthread_mutex_destroy(&in->lock);
		pthread_cond_destroy(&in->ready);
		pthread_cond_destroy(&in->room);
	}
	error = in->error;
	free_input(in);
	return error ? -1 : 0;
}
