/*
 * input: plain text is read with read(2) in large blocks and cut with memchr
 * in one growing buffer. Compressed input, known by its magic bytes and
 * never by its name (gzip 1f 8b, zstd 28 b5 2f fd, xz fd 37 7a 58 5a 00,
 * bzip2 42 5a 68), is decoded on a thread of its own into a small ring of
 * large blocks, so that the caller's work on lines overlaps decompression:
 *
 *	producer thread: read -> decoder step -> ring[RING]
 *	caller: input_line -> lines cut in the block it holds
 *
 * Why one decoder interface (struct decoder: open, step, end): the
 * producer loop (fill_block) and the caller's line path are one path for
 * every codec, so a rule about blocks, reads, stops or damage is written
 * once. step decodes from the compressed bytes held into the block and
 * says: go on, hand the block over now, the end (why says if not clean),
 * or stopped.
 * A line that runs over the end of a block is copied into the line buffer.
 * input_piece cuts a long line into pieces instead, so that a document on
 * one line (a 190 MB TGDataset file) costs a piece, not the line; why it
 * cuts only after punctuation or a blank: its reader (JSON) then never
 * sees a number or an escape in two parts.
 * Why ISA-L for gzip (where the build has it, libisal): its inflate is
 * three to four times as fast as zlib's (0.2 s against 0.7 s of CPU for
 * 200 MB of log) and streams, so one 200 MB member is
 * inflated in about the time a caller takes to scan it. But zlib words
 * the messages and the lines before damage must be the ones zlib makes;
 * ISA-L stops a few bytes short on a cut, a few bytes late on a distance
 * too far back, and lets reserved header flags by. So ISA-L is used on
 * regular files only, and a member in any trouble is read again from its
 * start (lseek) by zlib, which then goes on alone. Without ISA-L, and on
 * pipes: zlib, or libdeflate for files of small members (about three
 * times zlib's speed, but only a whole member into memory given up
 * front: used only when the last member fits a block; a member that does
 * not, or that libdeflate rejects, goes to zlib from its start).
 * zlib's gzread is not used: on a data error it drops the bytes already
 * inflated in that call, and every line before the damage must still
 * come out. zstd, xz and bzip2 are decoded with the streaming calls for
 * the same reason, and each reads concatenated frames or streams as one,
 * as its own tool does.
 *
 * Why a thread of its own: even in a pipeline where every filter has its
 * own process, decoding beside the scan pays (200 MB of gzipped log,
 * extract | normalize | dedupe | tally, 2 cores: 0.58 s against 0.68 s
 * with the decoding on the caller's thread).
 *
 * Why --max-record (max_record): a runaway line (a 1 GB line of zeros is
 * 1 MB of gzip) would otherwise take as much memory as it is long, more
 * as its buffer doubles. A line past the bound is read on and thrown
 * away as it comes, never held, reported and counted where the caller
 * reads it (on its thread, in order with the lines), and the lines after
 * it keep their numbers; the sifting thread hands over only its place,
 * an empty line marked NUM_SKIPPED. A long line kept is held once: the
 * sifting thread hands it over as it comes (past SIFT_STREAM), a TSV
 * batch takes the buffer it was gathered in (input_take). Buffers grow
 * by an eighth past 16 MiB and are given back after a long line.
 *
 * Why no exit on the producer thread: the caller may be mid-write, so an
 * error there (no memory included) is noted in why, like damage, and the
 * caller reports it.
 *
 * Why a binary check: an image or a zip read as lines gives no rows and no
 * word, and the analyst thinks the export held no links. A NUL byte in the
 * first block, in bytes that are not UTF-8, is binary; a text with a stray
 * NUL is still text (its links still count).
 */
#include <bzlib.h>
#include <errno.h>
#include <fcntl.h>
#include <libdeflate.h>
#include <lzma.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include "input.h"
#include "msg.h"
#include "util.h"

#if defined(HAVE_ISAL) && !defined(CROSSLINK_NO_ISAL)
#define INPUT_ISAL
#include <isa-l/igzip_lib.h>
#endif

#include "cpu.h"
#ifdef CROSSLINK_X86
#define INPUT_X86
#include <immintrin.h>
#endif

enum {
	READ_BLOCK = 1 << 17,	/* 128 KiB: large reads, few syscalls */
	BLOCK = 1 << 20,	/* inflated bytes per ring block */
	RING = 4,		/* one held by the caller, one filling, two ready */
	RAW_DEFLATE = 2 * BLOCK,	/* compressed bytes held for libdeflate */
	SIFT_READ = 1 << 18,	/* sifting reads: small enough to stay in cache */
	SIFT_STREAM = 1 << 20,	/* a longer line is handed over before it is whole */
	MAGIC_MOST = 6,		/* xz's magic, the longest */
	YOUNG = 1 << 16,	/* ISA-L: room a member starts with (see isal_step) */
	GROW_SLOW = 1 << 24,	/* past 16 MiB a buffer grows by an eighth */
	KEEP_MOST = 1 << 23,	/* a larger line buffer is let go after its line */
	WINDOW_LOG_MOST = 31	/* zstd window, xz dictionary: 2 GiB at most */
};

/* What the first bytes say the input is. */
enum codec { PLAIN, GZIP, ZSTD, XZ, BZIP2, BINARY };

static const struct {
	const char	*name;
	const char	*magic;
	size_t		 len;
} codecs[] = {
	[GZIP] = { "gzip", "\x1f\x8b", 2 },
	[ZSTD] = { "zstd", "\x28\xb5\x2f\xfd", 4 },
	[XZ] = { "xz", "\xfd\x37\x7a\x58\x5a\x00", 6 },
	[BZIP2] = { "bzip2", "\x42\x5a\x68", 3 },
};

struct block {
	char			*data;		/* BLOCK bytes */
	size_t			 len;
	uint64_t		 offset;	/* compressed bytes read when made */
	/* sifted: the number of each line that starts in the block */
	unsigned long long	*nums;
	size_t			 nnums, capnums;
};

struct input {
	int			 fd;
	char			*name;		/* for messages */
	char			*label;		/* for records */
	int			 is_stdin;
	unsigned long long	 lineno;
	uint64_t		 size;
	uint64_t		 offset;	/* compressed bytes behind the lines */
	uint64_t		 hooked;	/* offset last told to the hook */
	int			 eof;
	int			 error;
	int			 mid;		/* input_piece: inside a line */
	int			 dropping;	/* ring: inside a line too long, thrown away */
	int			 oom;		/* no memory for a line: the input has ended */
	unsigned long long	 skipped;	/* lines longer than max_record */

	/*
	 * Plain input, and the line buffer for gzip: lines run over block
	 * ends are joined here.
	 */
	char			*buf;
	size_t			 cap;
	size_t			 start;		/* first byte not yet returned */
	size_t			 scan;		/* no newline in [start, scan) */
	size_t			 word;		/* see piece_end */
	size_t			 end;		/* bytes held */

	/* compressed (gzip, zstd, xz, bzip2), the caller's side. */
	int			 gzip;		/* any of them: lines come from the ring */
	enum codec		 codec;
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
	const struct decoder	*dec;		/* which of the decoders below */
	z_stream		 z;
	int			 zlib_up;
	int			 member_done;	/* between members (or before the first) */
	size_t			 skip;		/* zlib: bytes made already, not given again */
	struct libdeflate_decompressor *ld;	/* NULL: zlib only */
	size_t			 ld_most;	/* largest member inflated */
	int			 ld_some;	/* a member was inflated */
#ifdef INPUT_ISAL
	struct inflate_state	*isal;
	uint64_t		 mstart;	/* file offset of the member being inflated */
	uint64_t		 mblock;	/* blocks made when it started */
	size_t			 mfrom;		/* where in that block its bytes start */
	size_t			 mout;		/* bytes it made */
#endif
	ZSTD_DStream		*zs;
	size_t			 zs_left;	/* not 0: a frame is not finished */
	lzma_stream		 lz;
	int			 lz_up;
	bz_stream		 bz;
	int			 bz_up;		/* 0: between streams */

	/*
	 * input_filter: only lines want finds something in are returned.
	 * Plain input is sifted on the producer thread (sift), which reads
	 * into sbuf and hands over the lines kept, whole, in blocks; gzip
	 * is sifted on the caller's side, block by block.
	 */
	input_want_fn		*want;
	void			*want_ctx;
	int			 sift;		/* plain input, sifted by the producer */
	size_t			 num;		/* in cur: the next of cur->nums */
	unsigned long long	 lines;		/* every line; the total once done */
	char			*sbuf;		/* the producer's lines being read */
	size_t			 scap, sstart, sscan, send;
	int			 seof;
	int			 sdrop;		/* sbuf: inside a line too long */
	int			 sstream;	/* inside a long line, handed over as it comes */
};

/* --max-record: a longer line is skipped (see too_long). */
static size_t max_record = INPUT_MAX_RECORD;

/*
 * In a sifted block, a line number with this bit set stands for a line
 * that was too long: the producer put an empty line in its place.
 */
#define NUM_SKIPPED	(1ULL << 63)

static input_hook_fn	*block_hook;
#ifdef INPUT_X86
#endif

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

/*
 * Grow *buf to hold need bytes: doubling up to GROW_SLOW, then by an
 * eighth, so a long line costs little more than itself. -1, the buffer
 * untouched, when there is no memory: on a producer or read-ahead thread
 * that must come back to the caller, not end the process.
 */
static int
grow(char **buf, size_t *cap, size_t need)
{
	size_t n = *cap ? *cap : 256;
	char *p;

	if (need <= *cap)
		return 0;
	while (n < need) {
		if (n > SIZE_MAX / 2)
			return -1;
		n = n < GROW_SLOW ? 2 * n : n + n / 8;
	}
	if ((p = realloc(*buf, n)) == NULL)
		return -1;
	*buf = p;
	*cap = n;
	return 0;
}

/* The caller's side: no memory for the line being read; the input ends. */
static int
no_memory(struct input *in, size_t need)
{
	xwarnx("%s:%llu: out of memory (a line of %zu bytes)", in->name,
	    in->lineno + 1, need);
	in->error = in->oom = in->eof = 1;
	in->end = 0;
	return -1;
}

/* The line after lineno was longer than max_record: it has been passed over. */
static void
too_long(struct input *in)
{
	input_too_long(in, ++in->lineno);
}

void
input_too_long(struct input *in, unsigned long long line)
{
	in->skipped++;
	xwarnx("%s:%llu: record longer than --max-record (%zu bytes), skipped",
	    in->name, line, max_record);
}

static void end_decoder(struct input *);

static void
free_input(struct input *in)
{
	for (int i = 0; i < RING; i++) {
		free(in->ring[i].data);
		free(in->ring[i].nums);
	}
	free(in->sbuf);
	end_decoder(in);
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

/* Could p[0..n) be the start of a magic, too short yet to tell? */
static int
magic_prefix(const char *p, size_t n)
{
	for (size_t c = GZIP; c <= BZIP2; c++)
		if (n < codecs[c].len && memcmp(p, codecs[c].magic, n) == 0)
			return 1;
	return 0;
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
			xwarn("%s", in->name);
			in->error = 1;
			return -1;
		}
		got += (size_t)r;
		/*
		 * A pipe gives what it has: do not wait for a full block, only,
		 * at the start, for enough bytes to tell a magic.
		 */
		if (in->size == 0 && (in->consumed > 0 ||
		    !magic_prefix((char *)p, got)))
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
 * Producer: read up to n bytes into dst; the count, 0 at the end, -1 on an
 * error (noted) or when the caller stopped. On a pipe the thread
 * waits in poll() beside the wake pipe, so that input_close never waits for
 * a writer that has gone quiet.
 */
static ssize_t
pull_to(struct input *in, char *dst, size_t n)
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
		r = read(in->fd, dst, n);
		if (r >= 0)
			break;
		if (errno != EINTR) {
			failed(in, strerror(errno), NULL);
			return -1;
		}
	}
	in->consumed += (size_t)r;
	return r;
}

static ssize_t
pull(struct input *in, size_t n)
{
	ssize_t r = pull_to(in, (char *)in->raw + in->rawend, n);

	if (r < 0)
		return r;
	in->rawend += (size_t)r;
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
		b->len = b->nnums = 0;
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
 * The decoders. Each is open (set up, on the caller's thread, before the
 * producer starts), step (decode from raw[rawpos..rawend) into the block),
 * end (let go of its state); fill_block is the one loop over any of them.
 * step is told eof when no byte is left to read, and says
 *	DEC_MORE	go on (it may have made nothing: more input is read)
 *	DEC_FLUSH	hand the block over as it is, and go on
 *	DEC_END		no more: a clean end, or why says what went wrong
 *	DEC_STOP	the caller stopped (a read of its own saw it)
 * A decoder may hand over to another (in->dec), from where it stands.
 */
enum { DEC_STOP = -1, DEC_END = 0, DEC_MORE = 1, DEC_FLUSH = 2 };

struct decoder {
	void	(*open)(struct input *);
	int	(*step)(struct input *, struct block *, int);
	void	(*end)(struct input *);
};
static const struct decoder zlib_dec;

/*
 * gzip with zlib: member after member, from the member start the
 * compressed bytes held begin with. skip: bytes of output already given
 * (by ISA-L, see isal_fall_back) that are not given again.
 */
/*
 * zlib from here on: at the start, or on the producer thread when another
 * decoder hands a member over, where there is no exit (why says it).
 */
static int
zlib_from_here(struct input *in)
{
	in->dec = &zlib_dec;
	if (in->zlib_up)
		inflateReset(&in->z);
	else if (inflateInit2(&in->z, 15 + 16) != Z_OK) {
		failed(in, "out of memory", NULL);
		return -1;
	}
	in->zlib_up = 1;
	return 0;
}

static void
zlib_open(struct input *in)
{
	if (zlib_from_here(in) < 0)
		xerrx(EXIT_TROUBLE, "%s: out of memory", in->name);
}

static int
zlib_step(struct input *in, struct block *b, int eof)
{
	size_t room = BLOCK - b->len, avail = in->rawend - in->rawpos, made, drop;
	int rc;

	if (in->member_done) {
		/* Another member follows, or the rest is not gzip. */
		if (avail == 0)
			return eof ? DEC_END : DEC_MORE;
		if (in->raw[in->rawpos] != 0x1f) {
			failed(in, "trailing garbage after gzip data", NULL);
			return DEC_END;
		}
		inflateReset(&in->z);
		in->member_done = 0;
	}
	in->z.next_in = in->raw + in->rawpos;
	in->z.avail_in = (unsigned)avail;
	in->z.next_out = (unsigned char *)b->data + b->len;
	in->z.avail_out = (unsigned)room;
	rc = inflate(&in->z, Z_NO_FLUSH);
	in->rawpos = in->rawend - in->z.avail_in;
	made = room - in->z.avail_out;
	if (in->skip > 0) {
		drop = made < in->skip ? made : in->skip;
		memmove(b->data + b->len, b->data + b->len + drop, made - drop);
		in->skip -= drop;
		b->len -= drop;
	}
	b->len += made;			/* kept even on damage */
	if (rc == Z_STREAM_END) {
		in->member_done = 1;
		return DEC_MORE;
	}
	if (rc != Z_OK && rc != Z_BUF_ERROR) {
		failed(in, "corrupt gzip input", in->z.msg ? in->z.msg : zError(rc));
		return DEC_END;
	}
	if (eof && avail == 0 && made == 0) {
		failed(in, "truncated gzip input", NULL);
		return DEC_END;
	}
	return DEC_MORE;
}

static void
zlib_end(struct input *in)
{
	if (in->zlib_up)
		inflateEnd(&in->z);
	in->zlib_up = 0;
}

static const struct decoder zlib_dec = { zlib_open, zlib_step, zlib_end };

/*
 * gzip with libdeflate: a whole member a step, packed into blocks, with at
 * least a block's worth of compressed bytes held ahead. A member it cannot
 * do (no room, damage, a header CRC it would not check) goes to zlib from
 * its start.
 */
static void
ld_open(struct input *in)
{
	if ((in->ld = libdeflate_alloc_decompressor()) == NULL)
		xerrx(EXIT_TROUBLE, "%s: out of memory", in->name);
}

static void
ld_end(struct input *in)
{
	if (in->ld != NULL)
		libdeflate_free_decompressor(in->ld);
	in->ld = NULL;
}

static int
ld_step(struct input *in, struct block *b, int eof)
{
	enum libdeflate_result rc;
	size_t used, made;

	(void)eof;
	if (!in->raweof && in->rawend - in->rawpos < BLOCK) {
		memmove(in->raw, in->raw + in->rawpos, in->rawend - in->rawpos);
		in->rawend -= in->rawpos;
		in->rawpos = 0;
		while (!in->raweof && in->rawend < in->rawcap)
			if (pull(in, in->rawcap - in->rawend) < 0)
				return in->why[0] ? DEC_END : DEC_STOP;
	}
	if (in->rawpos == in->rawend)
		return DEC_END;
	if (in->rawend - in->rawpos < 4 || in->raw[in->rawpos] != 0x1f ||
	    in->raw[in->rawpos + 1] != 0x8b || (in->raw[in->rawpos + 3] & 2))
		goto zlib;
	/* Start a new block rather than fail on a member that will not fit. */
	if (b->len > 0 && BLOCK - b->len < in->ld_most)
		return DEC_FLUSH;
	rc = libdeflate_gzip_decompress_ex(in->ld, in->raw + in->rawpos,
	    in->rawend - in->rawpos, b->data + b->len, BLOCK - b->len, &used, &made);
	if (rc == LIBDEFLATE_INSUFFICIENT_SPACE && b->len > 0)
		return DEC_FLUSH;
	if (rc != LIBDEFLATE_SUCCESS)
		goto zlib;
	b->len += made;
	in->rawpos += used;
	if (made > in->ld_most)
		in->ld_most = made;
	in->ld_some = 1;
	return DEC_MORE;
zlib:
	/* Too large, damaged or cut short: zlib from this member on. */
	ld_end(in);
	if (zlib_from_here(in) < 0)
		return DEC_END;
	in->member_done = in->ld_some;
	return DEC_MORE;
}

static const struct decoder ld_dec = { ld_open, ld_step, ld_end };

#ifdef INPUT_ISAL
/*
 * gzip with ISA-L, regular files only: when a member is in any trouble
 * (damage, cut short, a check that fails, a header ISA-L would not judge
 * as zlib does), it is read again from its start by zlib, which words
 * the message and makes exactly the bytes it would have made alone. The
 * bytes ISA-L made are taken back when they are all in the block being
 * filled (the block a member starts in has YOUNG bytes of room: a
 * distance too far back, the one damage where ISA-L makes a few bytes
 * more than zlib, comes in a member's first 32 KiB), else zlib passes
 * over as many.
 */
static void
isal_open(struct input *in)
{
	if ((in->isal = malloc(sizeof(*in->isal))) == NULL)
		xerrx(EXIT_TROUBLE, "%s: out of memory", in->name);
	isal_inflate_init(in->isal);
	in->member_done = 1;
}

static void
isal_end(struct input *in)
{
	free(in->isal);
	in->isal = NULL;
}

/* The member in trouble goes to zlib from its start; the rest with it. */
static int
isal_fall_back(struct input *in, struct block *b)
{
	if (in->made == in->mblock) {
		b->len = in->mfrom;
		in->skip = 0;
	} else
		in->skip = in->mout;
	isal_end(in);
	if (lseek(in->fd, (off_t)in->mstart, SEEK_SET) < 0) {
		failed(in, strerror(errno), NULL);
		return DEC_END;
	}
	in->consumed = in->mstart;
	in->rawpos = in->rawend = 0;
	in->raweof = 0;
	if (zlib_from_here(in) < 0)
		return DEC_END;
	in->member_done = 0;
	return DEC_MORE;
}

static int
isal_step(struct input *in, struct block *b, int eof)
{
	struct inflate_state *s = in->isal;
	size_t room, avail = in->rawend - in->rawpos, made;
	const unsigned char *h;
	int rc;

	if (in->member_done) {
		if (avail == 0)
			return eof ? DEC_END : DEC_MORE;
		/* The fixed start of a header, whole, to be judged here. */
		if (avail < 4 && !in->raweof) {
			memmove(in->raw, in->raw + in->rawpos, avail);
			in->rawpos = 0;
			in->rawend = avail;
			if (pull(in, in->rawcap - avail) < 0)
				return in->why[0] ? DEC_END : DEC_STOP;
			return DEC_MORE;
		}
		if (in->raw[in->rawpos] != 0x1f) {
			failed(in, "trailing garbage after gzip data", NULL);
			return DEC_END;
		}
		if (b->len > 0 && BLOCK - b->len < YOUNG)
			return DEC_FLUSH;
		in->mstart = in->consumed - avail;
		in->mblock = in->made;
		in->mfrom = b->len;
		in->mout = 0;
		in->member_done = 0;
		h = in->raw + in->rawpos;
		/* zlib's "unknown header flags set", which ISA-L lets by */
		if (avail < 4 || h[1] != 0x8b || h[2] != 8 || (h[3] & 0xe0))
			return isal_fall_back(in, b);
		isal_inflate_reset(s);
		s->crc_flag = ISAL_GZIP;
	}
	room = BLOCK - b->len;
	s->next_in = in->raw + in->rawpos;
	s->avail_in = (uint32_t)avail;
	s->next_out = (uint8_t *)b->data + b->len;
	s->avail_out = (uint32_t)room;
	rc = isal_inflate(s);
	in->rawpos = in->rawend - s->avail_in;
	made = room - s->avail_out;
	b->len += made;
	in->mout += made;
	if (rc < 0)
		return isal_fall_back(in, b);
	if (s->block_state == ISAL_BLOCK_FINISH) {
		in->member_done = 1;
		return DEC_MORE;
	}
	if (eof && avail == 0 && made == 0)
		return isal_fall_back(in, b);	/* cut short */
	return DEC_MORE;
}

static const struct decoder isal_dec = { isal_open, isal_step, isal_end };
#endif

/*
 * Producer, zstd: one step from raw into b; 1 to go on, 0 at the end
 * (clean or not: why says). A frame ended and none begun is a clean end;
 * ZSTD_decompressStream goes from one frame to the next by itself.
 */
static int
zstd_step(struct input *in, struct block *b, int eof)
{
	ZSTD_inBuffer src = { in->raw + in->rawpos, in->rawend - in->rawpos, 0 };
	/*
	 * At most a zstd block's worth of room a call: with room for a whole
	 * frame held whole, zstd decodes it in one go and, on damage, gives
	 * back none of it.
	 */
	ZSTD_outBuffer dst = { b->data + b->len, BLOCK - b->len < ZSTD_BLOCKSIZE_MAX ?
	    BLOCK - b->len : ZSTD_BLOCKSIZE_MAX, 0 };
	size_t r;

	/*
	 * At the end, a frame finished (0 left) is a clean end: the stream,
	 * called again, would ask for the next frame's header.
	 */
	if (eof && src.size == 0 && in->zs_left == 0)
		return 0;
	r = ZSTD_decompressStream(in->zs, &dst, &src);
	in->rawpos += src.pos;
	b->len += dst.pos;		/* kept even on damage */
	if (ZSTD_isError(r)) {
		failed(in, "corrupt zstd input", ZSTD_getErrorName(r));
		return 0;
	}
	if (eof && src.size == 0 && dst.pos == 0) {
		failed(in, "truncated zstd input", NULL);
		return 0;
	}
	in->zs_left = r;
	return 1;
}

/* Producer, xz: as zstd_step; LZMA_CONCATENATED reads stream after stream. */
static int
xz_step(struct input *in, struct block *b, int eof)
{
	lzma_ret r;
	size_t room = BLOCK - b->len;

	in->lz.next_in = in->raw + in->rawpos;
	in->lz.avail_in = in->rawend - in->rawpos;
	in->lz.next_out = (uint8_t *)b->data + b->len;
	in->lz.avail_out = room;
	r = lzma_code(&in->lz, eof ? LZMA_FINISH : LZMA_RUN);
	in->rawpos = in->rawend - in->lz.avail_in;
	b->len += room - in->lz.avail_out;
	switch (r) {
	case LZMA_OK:
		return 1;
	case LZMA_STREAM_END:
		return 0;
	case LZMA_BUF_ERROR:		/* no progress twice: only at the end */
		if (!eof)
			return 1;
		failed(in, "truncated xz input", NULL);
		return 0;
	case LZMA_MEMLIMIT_ERROR:
		failed(in, "corrupt xz input", "needs more than 2 GiB of memory");
		return 0;
	case LZMA_FORMAT_ERROR:
		failed(in, "corrupt xz input", "not the xz format");
		return 0;
	case LZMA_OPTIONS_ERROR:
		failed(in, "corrupt xz input", "unsupported options");
		return 0;
	case LZMA_MEM_ERROR:
		failed(in, "corrupt xz input", "out of memory");
		return 0;
	default:
		failed(in, "corrupt xz input", "compressed data is corrupt");
		return 0;
	}
}

/*
 * Producer, bzip2: as zstd_step. libbz2 stops at the end of a stream; the
 * next one (bzip2 a b, cat a.bz2 b.bz2) is started here, and bytes after
 * the last stream that are not another are trailing garbage.
 */
static int
bzip2_step(struct input *in, struct block *b, int eof)
{
	size_t room = BLOCK - b->len, avail = in->rawend - in->rawpos;
	int r;

	if (!in->bz_up) {
		if (avail == 0)
			return !eof;	/* between streams: a clean end */
		if (in->raw[in->rawpos] != 'B') {
			failed(in, "trailing garbage after bzip2 data", NULL);
			return 0;
		}
		memset(&in->bz, 0, sizeof(in->bz));
		if (BZ2_bzDecompressInit(&in->bz, 0, 0) != BZ_OK) {
			failed(in, "out of memory", NULL);
			return 0;
		}
		in->bz_up = 1;
	}
	in->bz.next_in = (char *)in->raw + in->rawpos;
	in->bz.avail_in = (unsigned)avail;
	in->bz.next_out = b->data + b->len;
	in->bz.avail_out = (unsigned)room;
	r = BZ2_bzDecompress(&in->bz);
	in->rawpos = in->rawend - in->bz.avail_in;
	b->len += room - in->bz.avail_out;
	if (r == BZ_STREAM_END) {
		BZ2_bzDecompressEnd(&in->bz);
		in->bz_up = 0;
		return 1;
	}
	if (r != BZ_OK) {
		failed(in, "corrupt bzip2 input", r == BZ_DATA_ERROR_MAGIC ?
		    "bad magic" : r == BZ_MEM_ERROR ? "out of memory" :
		    "data integrity error");
		return 0;
	}
	if (eof && avail == 0 && room == in->bz.avail_out) {
		failed(in, "truncated bzip2 input", NULL);
		return 0;
	}
	return 1;
}


/* zstd, xz and bzip2 */
static void
zstd_open(struct input *in)
{
	if ((in->zs = ZSTD_createDStream()) == NULL ||
	    ZSTD_isError(ZSTD_DCtx_setParameter(in->zs,
	    ZSTD_d_windowLogMax, WINDOW_LOG_MOST)))
		xerrx(EXIT_TROUBLE, "%s: out of memory", in->name);
}

static void
zstd_end(struct input *in)
{
	if (in->zs != NULL)
		ZSTD_freeDStream(in->zs);
	in->zs = NULL;
}

static void
xz_open(struct input *in)
{
	lzma_stream init = LZMA_STREAM_INIT;

	in->lz = init;
	if (lzma_stream_decoder(&in->lz, (uint64_t)1 << WINDOW_LOG_MOST,
	    LZMA_CONCATENATED) != LZMA_OK)
		xerrx(EXIT_TROUBLE, "%s: out of memory", in->name);
	in->lz_up = 1;
}

static void
xz_end(struct input *in)
{
	if (in->lz_up)
		lzma_end(&in->lz);
	in->lz_up = 0;
}

static void
bzip2_open(struct input *in)
{
	(void)in;		/* each stream starts its own */
}

static void
bzip2_end(struct input *in)
{
	if (in->bz_up)
		BZ2_bzDecompressEnd(&in->bz);
	in->bz_up = 0;
}

static const struct decoder zstd_dec = { zstd_open, zstd_step, zstd_end };
static const struct decoder xz_dec = { xz_open, xz_step, xz_end };
static const struct decoder bzip2_dec = { bzip2_open, bzip2_step, bzip2_end };

/*
 * Producer: decode into b until it is full; 1 when full or to be handed
 * over as it is, 0 at the end (why says if it was not clean), -1 when
 * stopped.
 */
static int
fill_block(struct input *in, struct block *b)
{
	int rc;

	while (b->len < BLOCK) {
		if (in->rawpos == in->rawend && !in->raweof) {
			in->rawpos = in->rawend = 0;
			if (pull(in, READ_BLOCK) < 0)
				return in->why[0] ? 0 : -1;
		}
		rc = in->dec->step(in, b, in->raweof && in->rawpos == in->rawend);
		if (rc == DEC_FLUSH)
			return 1;
		if (rc != DEC_MORE)
			return rc == DEC_STOP ? -1 : 0;
	}
	return 1;
}

/* The producer thread for compressed input: blocks until the data ends or the caller stops. */
static void *
produce(void *arg)
{
	struct input *in = arg;
	struct block *b;

	if ((b = claim(in)) == NULL)
		return NULL;
	while (fill_block(in, b) > 0) {
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

/*
 * The ring of blocks and the producer thread that fills it (produce for
 * compressed input, sift for plain input); on a pipe, the wake pipe input_close uses
 * to stop it.
 */
static void
start_ring(struct input *in, void *(*producer)(void *))
{
	in->wake[0] = in->wake[1] = -1;
	for (int i = 0; i < RING; i++)
		in->ring[i].data = xmalloc(BLOCK);
	if (in->size == 0 && pipe(in->wake) < 0)
		xerr(EXIT_TROUBLE, "pipe");
	pthread_mutex_init(&in->lock, NULL);
	pthread_cond_init(&in->ready, NULL);
	pthread_cond_init(&in->room, NULL);
	if ((errno = pthread_create(&in->thread_id, NULL, producer, in)) != 0)
		xerr(EXIT_TROUBLE, "%s: thread", in->name);
	in->thread_up = 1;
}

/* The decoder's state goes; zlib's too, if one handed over to it. */
static void
end_decoder(struct input *in)
{
	if (in->dec != NULL)
		in->dec->end(in);
	zlib_end(in);
}

/*
 * Pick the decoder for the codec and start the producer on the n bytes
 * read so far. gzip: ISA-L on a regular file (it can be read again from
 * a member's start), else libdeflate for small members, else zlib.
 */
static void
start_decoder(struct input *in, size_t n)
{
	int regular = in->size > 0;

	in->gzip = 1;
	switch (in->codec) {
	case GZIP:
#ifdef INPUT_ISAL
		if (regular)
			in->dec = &isal_dec;
		else
#endif
		if (regular && small_members(in))
			in->dec = &ld_dec;
		else
			in->dec = &zlib_dec;
		break;
	case ZSTD:
		in->dec = &zstd_dec;
		break;
	case XZ:
		in->dec = &xz_dec;
		break;
	default:
		in->dec = &bzip2_dec;
		break;
	}
	in->dec->open(in);
	in->rawcap = in->dec == &ld_dec ? RAW_DEFLATE : READ_BLOCK;
	in->raw = xmalloc(in->rawcap);
	memcpy(in->raw, in->buf, n);
	in->rawend = n;
	start_ring(in, produce);
}

/* Is p[0..n) valid UTF-8? A sequence cut by the end (cut) may be whole later. */
static int
utf8_valid(const unsigned char *p, size_t n, int cut)
{
	size_t i = 0, k;

	while (i < n) {
		unsigned c = p[i];

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf)
			k = 1;
		else if (c >= 0xe0 && c <= 0xef)
			k = 2;
		else if (c >= 0xf0 && c <= 0xf4)
			k = 3;
		else
			return 0;
		for (size_t j = 1; j <= k; j++) {
			if (i + j == n)
				return cut;
			if ((p[i + j] & 0xc0) != 0x80)
				return 0;
		}
		/* overlong, surrogates, above U+10FFFF */
		if ((c == 0xe0 && p[i + 1] < 0xa0) || (c == 0xed && p[i + 1] >= 0xa0) ||
		    (c == 0xf0 && p[i + 1] < 0x90) || (c == 0xf4 && p[i + 1] >= 0x90))
			return 0;
		i += k + 1;
	}
	return 1;
}

/*
 * What the first bytes read say: a compressed format by its magic, binary
 * (a NUL byte in a block that is not UTF-8: an image, an archive), or
 * plain text. A text with a stray NUL stays text.
 */
static enum codec
sniff(const char *p, size_t n)
{
	for (enum codec c = GZIP; c <= BZIP2; c++)
		if (n >= codecs[c].len && memcmp(p, codecs[c].magic, codecs[c].len) == 0)
			return c;
	if (memchr(p, '\0', n) != NULL && !utf8_valid((const unsigned char *)p, n, 1))
		return BINARY;
	return PLAIN;
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
		xwarn("%s", path ? path : "stdin");
		return NULL;
	}
	in = xcalloc(1, sizeof(*in));
	in->fd = fd;
	in->wake[0] = in->wake[1] = -1;
	in->is_stdin = path == NULL;
	in->name = xstrdup(path ? path : "stdin");
	in->label = xstrdup(path ? path : "-");
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		xwarnx("%s: is a directory", in->name);
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
	switch ((in->codec = sniff(in->buf, (size_t)n))) {
	case BINARY:
		xwarnx("%s: binary input (not gzip, zstd, xz or bzip2): skipped",
		    in->name);
		free_input(in);
		return NULL;
	case GZIP:
	case ZSTD:
	case XZ:
	case BZIP2:
		start_decoder(in, (size_t)n);
		break;
	default:
		in->end = (size_t)n;
		tell_hook(in);
		break;
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
	if (in->cap - in->end < READ_BLOCK + 1 &&
	    grow(&in->buf, &in->cap, in->end + READ_BLOCK + 1) < 0) {
		no_memory(in, in->end - in->start + READ_BLOCK);
		in->start = in->scan = in->end;	/* no part of the line */
		return 0;
	}
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

/*
 * Plain: the line at start is too long. Drop the bytes held and read on,
 * keeping nothing, to the end of the line.
 */
static void
drop_plain(struct input *in)
{
	char *nl;

	in->start = in->scan = in->end;
	while (fill(in) > 0) {
		nl = memchr(in->buf + in->scan, '\n', in->end - in->scan);
		if (nl != NULL) {
			in->start = in->scan = (size_t)(nl + 1 - in->buf);
			break;
		}
		in->start = in->scan = in->end;
	}
	too_long(in);
}

/* Plain: after a long line, give its buffer back; the bytes held move to the front. */
static void
shrink_plain(struct input *in)
{
	size_t held = in->end - in->start;
	char *p;

	if (in->cap <= KEEP_MOST || held > READ_BLOCK)
		return;
	memmove(in->buf, in->buf + in->start, held);
	in->scan -= in->start;
	in->end = held;
	in->start = 0;
	if ((p = realloc(in->buf, 2 * READ_BLOCK)) != NULL) {
		in->buf = p;
		in->cap = 2 * READ_BLOCK;
	}
}

static int
plain_line(struct input *in, const char **line, size_t *len)
{
	char *nl;
	size_t n;

	if (in->oom)
		return -1;
	shrink_plain(in);
	for (;;) {
		nl = memchr(in->buf + in->scan, '\n', in->end - in->scan);
		if (nl != NULL) {
			if ((size_t)(nl - (in->buf + in->start)) <= max_record)
				break;
			in->start = in->scan = (size_t)(nl + 1 - in->buf);
			too_long(in);
			continue;
		}
		in->scan = in->end;
		if (in->end - in->start > max_record) {
			drop_plain(in);
			continue;
		}
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

/* The last newline of p[0..n), or NULL (memrchr is not POSIX). */
static const char *
last_newline(const char *p, size_t n)
{
	while (n > 0)
		if (p[--n] == '\n')
			return p + n;
	return NULL;
}

#ifdef INPUT_X86
/* count_lines' first part with AVX2, 64 bytes a step: what it did, in *k. */
__attribute__((target("avx2"))) static size_t
count_lines_avx2(const char *p, size_t n, unsigned long long *k)
{
	const __m256i nl = _mm256_set1_epi8('\n'), zero = _mm256_setzero_si256();
	size_t i = 0;

	while (i + 64 <= n) {
		__m256i lanes = zero, sum;

		/* two matches a step: a lane holds 254 at most */
		for (int r = 0; r < 127 && i + 64 <= n; r++, i += 64) {
			lanes = _mm256_sub_epi8(lanes, _mm256_cmpeq_epi8(
			    _mm256_loadu_si256((const __m256i *)(p + i)), nl));
			lanes = _mm256_sub_epi8(lanes, _mm256_cmpeq_epi8(
			    _mm256_loadu_si256((const __m256i *)(p + i + 32)), nl));
		}
		sum = _mm256_sad_epu8(lanes, zero);
		*k += (unsigned long long)_mm256_extract_epi64(sum, 0) +
		    (unsigned long long)_mm256_extract_epi64(sum, 1) +
		    (unsigned long long)_mm256_extract_epi64(sum, 2) +
		    (unsigned long long)_mm256_extract_epi64(sum, 3);
	}
	return i;
}
#endif

/*
 * Newlines in p[0..n): with AVX2 where the CPU has it, then 16 bytes at a
 * time with SSE2 (all x86-64), each byte lane counting up to 255 before
 * the lanes are summed.
 */
static unsigned long long
count_lines(const char *p, size_t n)
{
	unsigned long long k = 0;
	size_t i = 0;
#ifdef INPUT_X86
	const __m128i nl = _mm_set1_epi8('\n'), zero = _mm_setzero_si128();

	if (cpu_has(CPU_AVX2))
		i = count_lines_avx2(p, n, &k);

	while (i + 16 <= n) {
		__m128i lanes = zero, sum;

		/* a match is -1: subtracting it counts one */
		for (int r = 0; r < 255 && i + 16 <= n; r++, i += 16)
			lanes = _mm_sub_epi8(lanes, _mm_cmpeq_epi8(
			    _mm_loadu_si128((const __m128i *)(p + i)), nl));
		sum = _mm_sad_epu8(lanes, zero);
		k += (unsigned long long)_mm_cvtsi128_si64(sum) +
		    (unsigned long long)_mm_cvtsi128_si64(_mm_unpackhi_epi64(sum, sum));
	}
#endif
	for (; i < n; i++)
		k += p[i] == '\n';
	return k;
}

/*
 * Where in the whole lines p[0..n) the first line longer than max_record
 * starts, or n: such a line is never passed over unseen, it is reported.
 */
static size_t
before_long(const char *p, size_t n)
{
	const char *s = p, *end = p + n, *nl;

	while (s < end) {
		nl = memchr(s, '\n', (size_t)(end - s));
		if (nl == NULL || (size_t)(nl - s) > max_record)
			return (size_t)(s - p);
		s = nl + 1;
	}
	return n;
}

/*
 * How many bytes of the lines at p[0..n) want passes over: whole lines
 * only, and *lines goes up by their number. The last line may be cut:
 * want sees it, but it is passed over only once it is whole. A line
 * longer than max_record is not passed over.
 */
static size_t
skip_lines(const struct input *in, const char *p, size_t n, unsigned long long *lines)
{
	const char *nl;
	size_t k = in->want(in->want_ctx, p, n), whole;

	/* back to the start of p[k]'s line, or to the last line */
	if ((nl = last_newline(p, k < n ? k : n)) == NULL)
		return 0;
	whole = (size_t)(nl - p) + 1;
	if (whole > max_record)
		whole = before_long(p, whole);
	*lines += count_lines(p, whole);
	return whole;
}

/*
 * Producer: append p[0..n) to b and the blocks after it. The block to go
 * on with, NULL when the caller stopped.
 */
static struct block *
put_bytes(struct input *in, struct block *b, const char *p, size_t n)
{
	size_t m;

	for (;;) {
		m = n < BLOCK - b->len ? n : BLOCK - b->len;
		memcpy(b->data + b->len, p, m);
		b->len += m;
		p += m;
		if ((n -= m) == 0)
			return b;
		publish(in, b, 0);
		if ((b = claim(in)) == NULL)
			return NULL;
	}
}

/*
 * Producer: append the line p[0..n) (its newline too, if it has one), the
 * num-th of the input, to b; a line longer than a block goes on in the
 * next ones. The block to go on with, NULL when the caller stopped.
 */
static struct block *
put_line(struct input *in, struct block *b, const char *p, size_t n, unsigned long long num)
{
	if (b->len > 0 && n > BLOCK - b->len) {
		publish(in, b, 0);
		if ((b = claim(in)) == NULL)
			return NULL;
	}
	if (b->nnums == b->capnums) {
		size_t cap = b->capnums ? 2 * b->capnums : 1024;
		unsigned long long *nums = realloc(b->nums, cap * sizeof(*nums));

		if (nums == NULL) {
			failed(in, "out of memory", NULL);
			publish(in, b, 1);
			return NULL;
		}
		b->nums = nums;
		b->capnums = cap;
	}
	b->nums[b->nnums++] = num;
	return put_bytes(in, b, p, n);
}

/*
 * Producer: in place of the num-th line, too long, an empty line marked
 * NUM_SKIPPED, for the caller to report in its turn.
 */
static struct block *
put_skipped(struct input *in, struct block *b, unsigned long long num)
{
	return put_line(in, b, "\n", 1, num | NUM_SKIPPED);
}

/*
 * Producer: read more after the bytes held in sbuf; the count, 0 at the
 * end, -1 on an error (noted in why) or when the caller stopped.
 */
static ssize_t
sift_read(struct input *in)
{
	size_t held = in->send - in->sstart;
	ssize_t r;

	if (in->sstart > 0) {
		memmove(in->sbuf, in->sbuf + in->sstart, held);
		in->sscan -= in->sstart;
		in->send = held;
		in->sstart = 0;
	}
	if (in->scap - in->send < SIFT_READ + 1 &&
	    grow(&in->sbuf, &in->scap, in->send + SIFT_READ + 1) < 0) {
		failed(in, "out of memory", NULL);
		in->sstart = in->sscan = in->send = 0;	/* no part of the line */
		return -1;
	}
	if ((r = pull_to(in, in->sbuf + in->send, SIFT_READ)) > 0)
		in->send += (size_t)r;
	return r;
}

/*
 * The sifting thread: reads plain input and hands over, in blocks, whole
 * lines want finds something in, with their numbers; the rest are only
 * counted. On a pipe what is kept is handed over before each wait, so a
 * slow writer's lines are not held back.
 */
static void *
sift(void *arg)
{
	struct input *in = arg;
	struct block *b;
	unsigned long long lines = in->lines;
	const char *p, *nl;
	size_t n, k, m;
	ssize_t r = in->seof ? 0 : 1;

	if ((b = claim(in)) == NULL)
		return NULL;
	for (;;) {
		/* Inside a line too long: its bytes are thrown away to its newline. */
		if (in->sdrop) {
			p = in->sbuf + in->sstart;
			if ((nl = memchr(p, '\n', in->send - in->sstart)) != NULL) {
				in->sdrop = 0;
				in->sstart = in->sscan = (size_t)(nl + 1 - in->sbuf);
			} else
				in->sstart = in->sscan = in->send;
		}
		/* Inside a long line handed over as it comes: on to its newline. */
		if (in->sstream) {
			p = in->sbuf + in->sstart;
			n = in->send - in->sstart;
			nl = memchr(p, '\n', n);
			k = nl != NULL ? (size_t)(nl - p) + 1 : n;
			if (k > 0 && (b = put_bytes(in, b, p, k)) == NULL)
				return NULL;
			in->sstart = in->sscan = in->sstart + k;
			in->sstream = nl == NULL;
		}
		/* Whole lines first: is there a newline in what is new? */
		p = in->sbuf + in->sscan;
		n = in->send - in->sscan;
		if (!in->sdrop && !in->sstream && memchr(p, '\n', n) != NULL) {
			p = in->sbuf + in->sstart;
			n = in->send - in->sstart;
			while ((k = skip_lines(in, p, n, &lines)) < n &&
			    (nl = memchr(p + k, '\n', n - k)) != NULL) {
				/* the line at p + k is kept, or is too long */
				m = (size_t)(nl - p - k);
				if ((b = m > max_record ? put_skipped(in, b, ++lines) :
				    put_line(in, b, p + k, m + 1, ++lines)) == NULL)
					return NULL;
				k = (size_t)(nl - p) + 1;
				p += k;
				n -= k;
			}
			p += k;
			in->sstart = (size_t)(p - in->sbuf);
		}
		in->sscan = in->send;
		/*
		 * A line not yet whole that is too long already: its place only.
		 * One that is long, all of it, as it comes, so that it is not
		 * held here as well as by the caller (want may pass it over; it
		 * need not).
		 */
		if (in->sdrop || in->sstream)
			;
		else if (in->send - in->sstart > max_record) {
			if ((b = put_skipped(in, b, ++lines)) == NULL)
				return NULL;
			in->sdrop = 1;
			in->sstart = in->sscan = in->send;
		} else if (in->send - in->sstart > SIFT_STREAM) {
			if ((b = put_line(in, b, in->sbuf + in->sstart,
			    in->send - in->sstart, ++lines)) == NULL)
				return NULL;
			in->sstream = 1;
			in->sstart = in->sscan = in->send;
		}
		if (r <= 0)
			break;
		if (in->size == 0 && b->len > 0) {
			publish(in, b, 0);
			if ((b = claim(in)) == NULL)
				return NULL;
		}
		if ((r = sift_read(in)) < 0 && in->why[0] == '\0')
			return NULL;	/* stopped */
	}
	/* A last line without a newline is still a line; so is one cut by an error. */
	if (!in->sdrop && !in->sstream && (n = in->send - in->sstart) > 0) {
		p = in->sbuf + in->sstart;
		lines++;
		if (in->want(in->want_ctx, p, n) < n && (b = put_line(in, b, p, n, lines)) == NULL)
			return NULL;
	}
	in->lines = lines;	/* published under the lock */
	publish(in, b, 1);
	return NULL;
}

/* Start sifting plain input on a thread, from the bytes read so far. */
static void
start_sift(struct input *in)
{
	/* The bytes held become the producer's; the caller's buffer gathers lines. */
	in->sbuf = in->buf;
	in->scap = in->cap;
	in->sstart = in->sscan = in->start;
	in->send = in->end;
	in->cap = READ_BLOCK;
	in->buf = xmalloc(in->cap);
	in->start = in->scan = in->end = 0;
	in->lines = in->lineno;
	in->seof = in->eof;
	in->eof = 0;
	in->sift = 1;
	start_ring(in, sift);
}

void
input_filter(struct input *in, input_want_fn *want, void *ctx)
{
	in->want = want;
	in->want_ctx = ctx;
	if (!in->gzip && !in->sift)
		start_sift(in);
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
		in->pos = in->num = 0;
		in->offset = in->cur->offset;
	}
	pthread_mutex_unlock(&in->lock);
	tell_hook(in);
	return in->cur != NULL;
}

/*
 * gzip: lines inside the block held are views into it (the newline is
 * overwritten by the NUL); a line that runs over the end of a block is
 * gathered in buf[0..end), up to max_record bytes: past that it is
 * dropped (dropping) to its newline, and reported there.
 */
static int
gzip_line(struct input *in, const char **line, size_t *len)
{
	char *p, *nl;
	size_t n;

	if (in->oom)
		return -1;
	/* A long line's buffer is let go once the caller is done with it. */
	if (in->end == 0 && in->cap > KEEP_MOST) {
		free(in->buf);
		in->buf = NULL;
		in->cap = 0;
	}
	for (;;) {
		if (in->cur != NULL) {
			/* gzip sifted here: pass over lines at a line's start */
			if (in->want != NULL && !in->sift && in->end == 0 && !in->dropping)
				in->pos += skip_lines(in, in->cur->data + in->pos,
				    in->cur->len - in->pos, &in->lineno);
			p = in->cur->data + in->pos;
			n = in->cur->len - in->pos;
			nl = memchr(p, '\n', n);
			/* sifted: a line starting here has its number */
			if (in->sift && in->end == 0 && !in->dropping && (nl != NULL || n > 0)) {
				unsigned long long num = in->cur->nums[in->num++];

				in->lineno = (num & ~NUM_SKIPPED) - 1;
				if (num & NUM_SKIPPED) {
					in->pos += (size_t)(nl - p) + 1;	/* its place */
					too_long(in);
					continue;
				}
			}
			if (in->dropping) {
				if (nl == NULL)
					in->pos += n;
				else {
					in->pos += (size_t)(nl - p) + 1;
					in->dropping = 0;
					too_long(in);
					continue;
				}
			} else if (nl != NULL && in->end == 0) {
				n = (size_t)(nl - p);
				in->pos += n + 1;
				if (n > max_record) {
					too_long(in);
					continue;
				}
				return give(in, p, n, line, len);
			} else {
				if (nl != NULL)
					n = (size_t)(nl - p);
				if (in->end + n > max_record) {
					/* too long: what was gathered goes, and the rest */
					in->end = 0;
					in->pos += n + (nl != NULL);
					if (nl != NULL)
						too_long(in);
					else
						in->dropping = 1;
					continue;
				}
				if (grow(&in->buf, &in->cap, in->end + n + 1) < 0)
					return no_memory(in, in->end + n);
				memcpy(in->buf + in->end, p, n);
				in->end += n;
				in->pos += n + (nl != NULL);
				if (nl != NULL) {
					n = in->end;
					in->end = 0;
					return give(in, in->buf, n, line, len);
				}
			}
		}
		if (in->eof || !next_block(in)) {
			in->eof = 1;
			break;
		}
	}
	/* A line too long that the end cut. */
	if (in->dropping) {
		in->dropping = 0;
		too_long(in);
	}
	/* A last line without a newline; or the part before damage. */
	if (in->end > 0) {
		n = in->end;
		in->end = 0;
		return give(in, in->buf, n, line, len);
	}
	if (in->sift)
		in->lineno = in->lines;	/* every line, the last ones passed over too */
	if (in->why[0] != '\0' && !in->error) {
		xwarnx("%s: %s", in->name, in->why);
		in->error = 1;
	}
	return in->error ? -1 : 0;
}

/* May a piece that does not end its line end after c? See input_piece. */
static int
cut_after(unsigned char c)
{
	return !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    c == '+' || c == '-' || c == '.' || c == '\\' || c == '\r');
}

/*
 * Where the piece starting at p[0..n) ends: 1 with *len and *eol set, or 0
 * when more bytes are needed to tell (more: bytes may follow n). A word
 * longer than max goes on to its end, but no further than the record
 * bound (a line that long is skipped whole anyway); *word is where the
 * search for its end resumes when more bytes come, so that a word of
 * 300 MB is scanned once, not once a read.
 */
static int
piece_end(const char *p, size_t n, size_t max, int more, size_t *len, int *eol,
    size_t *word)
{
	const char *nl = memchr(p, '\n', n < max ? n : max);
	size_t k, most = max_record > max ? max_record : max;

	*eol = 1;
	if (nl != NULL) {
		*len = (size_t)(nl - p);
		return 1;
	}
	if (n >= max) {
		*eol = 0;
		for (k = max; k > 0; k--)
			if (cut_after((unsigned char)p[k - 1])) {
				*len = k;
				return 1;
			}
		/* max bytes of a word: the piece goes on to its end */
		for (k = *word > max ? *word : max; k < n; k++) {
			if (p[k] == '\n' || cut_after((unsigned char)p[k]) || k >= most) {
				*eol = p[k] == '\n';
				*len = k + (!*eol && k < most);
				*word = 0;
				return 1;
			}
		}
		*word = n;
		*eol = 1;
	}
	*len = n;
	if (!more)
		*word = 0;
	return !more;
}

/* A piece decided at p: count its line, drop a "\r" that ends it. */
static int
give_piece(struct input *in, const char *p, size_t len, int eol, const char **pp,
    size_t *plen, int *peol)
{
	if (!in->mid)
		in->lineno++;
	in->mid = !eol;
	in->word = 0;
	if (eol && len > 0 && p[len - 1] == '\r')
		len--;
	*pp = p;
	*plen = len;
	*peol = eol;
	return 1;
}

static int
plain_piece(struct input *in, size_t max, const char **p, size_t *len, int *eol)
{
	size_t n, used;

	for (;;) {
		n = in->end - in->start;
		if (n == 0 && in->eof)
			break;
		if (piece_end(in->buf + in->start, n, max, !in->eof, len, eol, &in->word)) {
			*p = in->buf + in->start;
			used = *len + (*eol && *len < n);	/* and its newline */
			in->start += used;
			in->scan = in->start;
			return give_piece(in, *p, *len, *eol, p, len, eol);
		}
		/* one read fills a piece (read_full reads what there is room for) */
		if (in->cap < max + READ_BLOCK + 1)
			xgrow(&in->buf, &in->cap, max + READ_BLOCK + 1);
		fill(in);
	}
	/* The end: a line begun in pieces still ends. */
	if (in->mid)
		return give_piece(in, in->buf + in->start, 0, 1, p, len, eol);
	return in->error ? -1 : 0;
}

/*
 * Compressed: a piece inside the block held is a view into it; one that
 * runs over a block's end is gathered in buf[start..end), up to and
 * including a newline, so that buf is empty again at each line end.
 */
static int
ring_piece(struct input *in, size_t max, const char **p, size_t *len, int *eol)
{
	const char *q, *nl;
	size_t n, m;

	if (in->start > 0) {
		memmove(in->buf, in->buf + in->start, in->end - in->start);
		in->end -= in->start;
		in->start = 0;
		/* what is left may end a piece already (it holds the newline) */
		if (piece_end(in->buf, in->end, max, 1, len, eol, &in->word))
			goto give;
	}
	for (;;) {
		if (in->cur != NULL && in->pos < in->cur->len) {
			q = in->cur->data + in->pos;
			n = in->cur->len - in->pos;
			/* a piece of the block itself: a search of its own */
			if (in->end == 0 && piece_end(q, n, max, 1, len, eol, &(size_t){ 0 })) {
				in->pos += *len + (*eol && *len < n);
				return give_piece(in, q, *len, *eol, p, len, eol);
			}
			if (in->end == 0)
				m = n;	/* no newline: all of it */
			else {
				nl = memchr(q, '\n', n);
				m = nl != NULL ? (size_t)(nl - q) + 1 : n;
				if (m > max)
					m = max;
			}
			xgrow(&in->buf, &in->cap, in->end + m + 1);
			memcpy(in->buf + in->end, q, m);
			in->end += m;
			in->pos += m;
			if (piece_end(in->buf, in->end, max, 1, len, eol, &in->word))
				break;
			continue;
		}
		if (in->eof || !next_block(in)) {
			in->eof = 1;
			if (in->end == 0) {
				if (in->mid)
					return give_piece(in, in->buf, 0, 1, p, len, eol);
				if (in->why[0] != '\0' && !in->error) {
					xwarnx("%s: %s", in->name, in->why);
					in->error = 1;
				}
				return in->error ? -1 : 0;
			}
			piece_end(in->buf, in->end, max, 0, len, eol, &in->word);
			break;
		}
	}
give:
	in->start = *len + (*eol && *len < in->end);
	if (in->start == in->end)
		in->start = in->end = 0;
	return give_piece(in, in->buf, *len, *eol, p, len, eol);
}

int
input_piece(struct input *in, size_t max, const char **p, size_t *len, int *eol)
{
	/* Filtered: the lines kept, whole, as input_line gives them. */
	if (in->want != NULL) {
		*eol = 1;
		return input_line(in, p, len);
	}
	if (max == 0)
		max = 1;
	return in->gzip || in->sift ? ring_piece(in, max, p, len, eol) :
	    plain_piece(in, max, p, len, eol);
}

char *
input_take(struct input *in, const char *line, size_t *cap)
{
	uintptr_t at = (uintptr_t)line, lo = (uintptr_t)in->buf;
	size_t held, fresh_cap;
	char *p, *fresh;

	if (in->buf == NULL || in->cap <= KEEP_MOST || at < lo || at >= lo + in->cap)
		return NULL;
	if (in->gzip || in->sift) {
		/* the line was gathered in buf, which holds nothing else */
		if (in->end != 0)
			return NULL;
		fresh = NULL;
		fresh_cap = 0;
	} else {
		/* plain: the bytes read after the line go on in a buffer of their own */
		held = in->end - in->start;
		fresh_cap = held + 2 * READ_BLOCK;
		if ((fresh = malloc(fresh_cap)) == NULL)
			return NULL;
		memcpy(fresh, in->buf + in->start, held);
		in->scan -= in->start;
		in->end = held;
		in->start = 0;
	}
	p = in->buf;
	*cap = in->cap;
	in->buf = fresh;
	in->cap = fresh_cap;
	return p;
}

/*
 * Plain: the run of whole lines held (see input_lines), found from its
 * last newline; a run longer than max_record ends before its first line
 * too long, which the next call passes over and reports.
 */
static int
plain_lines(struct input *in, const char **p, size_t *n)
{
	const char *nl;
	size_t k;

	if (in->oom)
		return -1;
	shrink_plain(in);
	for (;;) {
		nl = last_newline(in->buf + in->scan, in->end - in->scan);
		if (nl != NULL) {
			k = (size_t)(nl - (in->buf + in->start)) + 1;
			if (k > max_record)
				k = before_long(in->buf + in->start, k);
			if (k > 0)
				break;
			/* the first line is too long */
			nl = memchr(in->buf + in->start, '\n', in->end - in->start);
			in->start = in->scan = (size_t)(nl + 1 - in->buf);
			too_long(in);
			continue;
		}
		in->scan = in->end;
		if (in->end - in->start > max_record) {
			drop_plain(in);
			continue;
		}
		if (fill(in) == 0) {
			if (in->start == in->end)
				return in->error ? -1 : 0;
			/* A last line without a newline is given one (fill left room). */
			in->buf[in->end++] = '\n';
			in->scan = in->end;
			k = in->end - in->start;
			break;
		}
	}
	*p = in->buf + in->start;
	*n = k;
	in->start += k;
	in->scan = in->start;
	return 1;
}

int
input_lines(struct input *in, const char **p, size_t *n)
{
	const char *line;
	size_t len;
	int rc;

	if (!in->gzip && !in->sift)
		return plain_lines(in, p, n);
	/* the ring: a line at a time, its end made a newline again */
	if ((rc = gzip_line(in, &line, &len)) <= 0)
		return rc;
	((char *)line)[len] = '\n';
	in->lineno--;
	*p = line;
	*n = len + 1;
	return 1;
}

void
input_advance(struct input *in, unsigned long long lines)
{
	in->lineno += lines;
}

int
input_line(struct input *in, const char **line, size_t *len)
{
	return in->gzip || in->sift ? gzip_line(in, line, len) : plain_line(in, line, len);
}

void
input_set_origin(struct input *in, const char *name, unsigned long long first)
{
	in->lineno = first > 0 ? first - 1 : 0;
	if (name != NULL && in->is_stdin) {
		free(in->name);
		free(in->label);
		in->name = xstrdup(name);
		in->label = xstrdup(name);
	}
}

int
input_gzip(const struct input *in)
{
	return in->gzip;
}

unsigned long long
input_newlines(const char *p, size_t n)
{
	return count_lines(p, n);
}

void
input_set_max_record(size_t max)
{
	max_record = max;
}

size_t
input_max_record(void)
{
	return max_record;
}

unsigned long long
input_skipped(const struct input *in)
{
	return in->skipped;
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
