/*
 * test_input: lines from plain and gzip files, across block boundaries,
 * gzip members, CRLF, no final newline, truncated and corrupt gzip. gzip
 * is read three ways, each checked: a regular file with one large member
 * (zlib on the producer thread), a regular file of small members
 * (libdeflate), and a pipe (zlib, waiting in poll). Then lines read in
 * pieces (input_piece), mixed with whole lines, plain and gzip.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include "check.h"
#include "input.h"
#include "lines_ref.h"
#include "util.h"

static char dir[] = "/tmp/crosslink-unit.XXXXXX";
static const char *made[] = {
	"a.txt", "empty.txt", "long.txt", "long.gz", "members.gz", "cut.gz", "crc.gz",
	"big.gz", "small.gz", "mixed.gz", "bad.gz", "stderr", "empties.gz",
	"pieces.txt", "pieces.gz"
};

static char *
path(const char *name)
{
	static char buf[256];

	snprintf(buf, sizeof(buf), "%s/%s", dir, name);
	return buf;
}

static void
write_file(const char *name, const char *data, size_t len)
{
	FILE *f = fopen(path(name), "wb");

	fwrite(data, 1, len, f);
	fclose(f);
}

/* gzip data into memory as one member. */
static char *
gzip_mem(const char *data, size_t len, size_t *outlen)
{
	z_stream z;
	size_t cap = len + len / 100 + 1024;
	char *out = xmalloc(cap);

	memset(&z, 0, sizeof(z));
	deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
	z.next_in = (unsigned char *)data;
	z.avail_in = (unsigned)len;
	z.next_out = (unsigned char *)out;
	z.avail_out = (unsigned)cap;
	deflate(&z, Z_FINISH);
	*outlen = z.total_out;
	deflateEnd(&z);
	return out;
}

/* Read every line of a file into one string, lines joined by '|'. */
static char *
slurp(const char *name, int *rc_out, unsigned long long *lines)
{
	struct input *in = input_open(path(name));
	const char *line;
	size_t len, n = 0, cap = 0;
	char *all = NULL;
	int rc;

	if (in == NULL) {
		*rc_out = -2;
		return NULL;
	}
	while ((rc = input_line(in, &line, &len)) > 0) {
		xgrow(&all, &cap, n + len + 2);
		memcpy(all + n, line, len);
		n += len;
		all[n++] = '|';
		CHECK(line[len] == '\0');
	}
	xgrow(&all, &cap, n + 1);
	all[n] = '\0';
	*lines = input_lineno(in);
	*rc_out = input_close(in) < 0 ? -1 : rc;
	return all;
}

static void
test_plain(void)
{
	int rc;
	unsigned long long n;
	char *s;

	write_file("a.txt", "one\ntwo\r\n\nlast", 14);
	s = slurp("a.txt", &rc, &n);
	CHECK(rc == 0);
	CHECK(strcmp(s, "one|two||last|") == 0);
	CHECK(n == 4);
	free(s);

	write_file("empty.txt", "", 0);
	s = slurp("empty.txt", &rc, &n);
	CHECK(rc == 0 && n == 0 && strcmp(s, "") == 0);
	free(s);

	s = slurp("missing.txt", &rc, &n);
	CHECK(rc == -2 && s == NULL);
}

/* Lines of every length around the 128 KiB block size, and a huge one. */
static void
test_boundaries(void)
{
	size_t sizes[] = { 1, 131071, 131072, 131073, 262143, 5 << 20 }, total = 0;
	size_t ns = sizeof(sizes) / sizeof(sizes[0]), off = 0;
	char *data, *gz;
	size_t gzlen;
	struct input *in;
	const char *line;
	size_t len, i = 0;
	int ok = 1;

	for (size_t k = 0; k < ns; k++)
		total += sizes[k] + 1;
	data = xmalloc(total);
	for (size_t k = 0; k < ns; k++) {
		memset(data + off, 'a' + (int)k, sizes[k]);
		off += sizes[k];
		data[off++] = '\n';
	}
	write_file("long.txt", data, total);
	gz = gzip_mem(data, total, &gzlen);
	write_file("long.gz", gz, gzlen);
	for (int pass = 0; pass < 2; pass++) {
		in = input_open(path(pass ? "long.gz" : "long.txt"));
		i = 0;
		while (input_line(in, &line, &len) > 0) {
			if (i >= ns || len != sizes[i] || line[0] != 'a' + (int)i ||
			    line[len - 1] != 'a' + (int)i)
				ok = 0;
			i++;
		}
		CHECK(ok);
		CHECK(i == ns);
		CHECK(input_close(in) == 0);
	}
	free(gz);
	free(data);
}

static void
test_gzip(void)
{
	char *a, *b, *both;
	size_t alen, blen;
	int rc;
	unsigned long long n;
	char *s;

	a = gzip_mem("first\nsecond\n", 13, &alen);
	b = gzip_mem("third\n", 6, &blen);
	both = xmalloc(alen + blen);
	memcpy(both, a, alen);
	memcpy(both + alen, b, blen);
	write_file("members.gz", both, alen + blen);
	s = slurp("members.gz", &rc, &n);
	CHECK(rc == 0);
	CHECK(strcmp(s, "first|second|third|") == 0);
	free(s);

	/* Cut inside the second member: the first member's lines come out. */
	write_file("cut.gz", both, alen + blen / 2);
	s = slurp("cut.gz", &rc, &n);
	CHECK(rc == -1);
	CHECK(strncmp(s, "first|second|", 13) == 0);
	free(s);

	/* A wrong CRC in the trailer of the last member. */
	both[alen + blen - 6] ^= 0x55;
	write_file("crc.gz", both, alen + blen);
	s = slurp("crc.gz", &rc, &n);
	CHECK(rc == -1);
	CHECK(strncmp(s, "first|second|", 13) == 0);
	free(s);
	free(a);
	free(b);
	free(both);
}

/*
 * The threaded reader: a file of 6 MiB with lines of every kind placed
 * around the 1 MiB ring blocks (a newline as a block's last or first byte,
 * a CR and its LF in different blocks, a line over three blocks).
 */
enum { MIB = 1 << 20 };

static char *big;
static size_t big_len;

static void
make_big(void)
{
	static const size_t cuts[] = { MIB - 1, MIB, 2 * MIB + 1, 3 * MIB - 1 };
	size_t cap = 6 * MIB, n = 0, next = 0;
	unsigned x = 12345;

	big = xmalloc(cap);
	while (n < cap - 200) {
		size_t len = (x = x * 1103515245 + 12345) >> 16 & 255;

		/* Steer a newline (or "\r\n") onto each interesting offset. */
		if (next < sizeof(cuts) / sizeof(cuts[0]) && n + len + 1 >= cuts[next]) {
			len = cuts[next] - n;
			if (next == 3) {		/* CR at MIB*3-1, LF after */
				memset(big + n, 'c', len);
				big[n + len] = '\r';
				n += len + 1;
				big[n++] = '\n';
			} else {
				memset(big + n, 'b', len);
				n += len;
				big[n++] = '\n';
			}
			next++;
			continue;
		}
		/* A 3.5 MiB line after the cuts. */
		if (next == 4 && n > 3 * MIB + 10) {
			size_t l = 5 * MIB / 2;
			memset(big + n, 'L', l);
			n += l;
			big[n++] = '\n';
			next++;
			continue;
		}
		for (size_t i = 0; i < len; i++)
			big[n + i] = (char)('a' + (x >> (i % 16)) % 26);
		n += len;
		if (len % 7 == 0)
			big[n++] = '\r';
		big[n++] = '\n';
	}
	memcpy(big + n, "last line, no newline", 21);
	big_len = n + 21;
}

/* data as gzip members of up to each bytes (0: one member). */
static char *
gzip_members(const char *d, size_t size, size_t each, size_t *outlen)
{
	char *out = NULL, *m;
	size_t cap = 0, n = 0, ml, step;

	*outlen = 0;
	for (size_t off = 0; off < size || off == 0; off += step) {
		step = each == 0 || size - off < each ? size - off : each;
		m = gzip_mem(d + off, step, &ml);
		xgrow(&out, &cap, n + ml);
		memcpy(out + n, m, ml);
		n += ml;
		free(m);
		if (step == 0)
			break;
	}
	*outlen = n;
	return out;
}

/*
 * Read name ("-": stdin) to the end or after stop lines; lines joined
 * with '\n'. *msg gets what was written to stderr, *rc input_close's.
 */
static char *
read_lines(const char *name, size_t stop, size_t *n, int *rc, char **msg)
{
	struct input *in;
	const char *line;
	size_t len, cap = 0, lines = 0;
	char *all = NULL, *m;
	int saved = dup(2), fd, r = 0;
	FILE *f;

	name = xstrdup(name);		/* path() is about to be reused */
	xgrow(&all, &cap, 1);
	fd = open(path("stderr"), O_WRONLY | O_CREAT | O_TRUNC, 0600);
	dup2(fd, 2);
	close(fd);
	*n = 0;
	in = input_open(name);
	while (in != NULL && (stop == 0 || lines < stop) &&
	    (r = input_line(in, &line, &len)) > 0) {
		if (line[len] != '\0')
			r = -3;
		xgrow(&all, &cap, *n + len + 1);
		memcpy(all + *n, line, len);
		*n += len;
		all[(*n)++] = '\n';
		lines++;
	}
	*rc = in == NULL ? -2 : input_close(in);
	free((char *)name);
	if (r == -3)
		*rc = -3;
	dup2(saved, 2);
	close(saved);
	m = xmalloc(1024);
	f = fopen(path("stderr"), "r");
	len = fread(m, 1, 1023, f);
	fclose(f);
	m[len] = '\0';
	*msg = m;
	return all;
}

/* The data as stdin through a pipe from a child; hold: keep it open. */
static pid_t
feed_stdin(const char *d, size_t size, int hold, int *saved)
{
	int p[2];
	pid_t pid;

	if (pipe(p) < 0)
		return -1;
	pid = fork();
	if (pid == 0) {
		close(p[0]);
		for (size_t off = 0; off < size; ) {
			ssize_t w = write(p[1], d + off, size - off);
			if (w <= 0)
				_exit(1);
			off += (size_t)w;
		}
		if (hold)
			pause();
		_exit(0);
	}
	*saved = dup(0);
	dup2(p[0], 0);
	close(p[0]);
	close(p[1]);
	return pid;
}

static void
unfeed_stdin(pid_t pid, int saved)
{
	dup2(saved, 0);
	close(saved);
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
}

/* Read the gzipped data each way; every way must give want exactly. */
static void
check_ways(const char *gz, size_t gzlen, const char *file, const char *want,
    size_t wantlen)
{
	size_t n;
	int rc, saved;
	char *got, *msg;
	pid_t pid;

	write_file(file, gz, gzlen);
	got = read_lines(path(file), 0, &n, &rc, &msg);
	CHECK(rc == 0 && msg[0] == '\0');
	CHECK(n == wantlen && memcmp(got, want, n) == 0);
	free(got);
	free(msg);

	pid = feed_stdin(gz, gzlen, 0, &saved);
	got = read_lines("-", 0, &n, &rc, &msg);
	unfeed_stdin(pid, saved);
	CHECK(rc == 0 && msg[0] == '\0');
	CHECK(n == wantlen && memcmp(got, want, n) == 0);
	free(got);
	free(msg);
}

static void
test_threaded(void)
{
	size_t wantlen, gzlen, plainlen;
	char *want, *gz, *plain, *msg;
	int rc;

	make_big();
	want = lines_ref(big, big_len, &wantlen);
	write_file("long.txt", big, big_len);
	plain = read_lines(path("long.txt"), 0, &plainlen, &rc, &msg);
	CHECK(rc == 0 && plainlen == wantlen && memcmp(plain, want, wantlen) == 0);
	free(plain);
	free(msg);

	/* One member: zlib on the producer thread. */
	gz = gzip_members(big, big_len, 0, &gzlen);
	check_ways(gz, gzlen, "big.gz", want, wantlen);
	free(gz);
	/* Members of 100 KB, the last smaller: libdeflate. */
	gz = gzip_members(big, big_len, 100000, &gzlen);
	check_ways(gz, gzlen, "small.gz", want, wantlen);
	free(gz);
	/*
	 * Small members, then ones too large for a block, then small again:
	 * libdeflate gives way to zlib in the middle of the file.
	 */
	{
		size_t l1, l2, l3;
		char *a = gzip_members(big, MIB * 3 / 2, 300000, &l1);
		char *b = gzip_members(big + MIB * 3 / 2, 3 * MIB, 0, &l2);
		char *c = gzip_members(big + MIB * 9 / 2, big_len - MIB * 9 / 2, 70000, &l3);

		gz = xmalloc(l1 + l2 + l3);
		memcpy(gz, a, l1);
		memcpy(gz + l1, b, l2);
		memcpy(gz + l1 + l2, c, l3);
		check_ways(gz, l1 + l2 + l3, "mixed.gz", want, wantlen);
		free(a);
		free(b);
		free(c);
		free(gz);
	}
	/* Empty members, alone and between others, add nothing. */
	{
		size_t l1, l2;
		char *e = gzip_members("", 0, 0, &l1);
		char *a = gzip_members("x\ny", 3, 0, &l2);

		gz = xmalloc(3 * l1 + l2);
		memcpy(gz, e, l1);
		memcpy(gz + l1, e, l1);
		memcpy(gz + 2 * l1, a, l2);
		memcpy(gz + 2 * l1 + l2, e, l1);
		check_ways(gz, 3 * l1 + l2, "empties.gz", "x\ny\n", 4);
		check_ways(gz, l1, "empties.gz", "", 0);
		free(e);
		free(a);
		free(gz);
	}
	free(want);
}

/*
 * What zlib alone makes of damaged gzip, member after member, up to the
 * damage: the bytes every reader path must give back before the message.
 */
static char *
zlib_prefix(const char *gz, size_t gzlen, size_t *n)
{
	z_stream z;
	size_t cap = 8 * MIB;
	char *out = xmalloc(cap);
	int rc;

	memset(&z, 0, sizeof(z));
	inflateInit2(&z, 31);
	z.next_in = (unsigned char *)gz;
	z.avail_in = (unsigned)gzlen;
	z.next_out = (unsigned char *)out;
	z.avail_out = (unsigned)cap;
	while ((rc = inflate(&z, Z_NO_FLUSH)) == Z_STREAM_END && z.avail_in > 0 &&
	    z.next_in[0] == 0x1f)
		inflateReset(&z);
	*n = cap - z.avail_out;
	inflateEnd(&z);
	return out;
}

/*
 * Damage, read as a file and through a pipe: exactly the lines zlib can
 * make before it come out (the last one maybe cut short), then the
 * message (message is its start), and input_close fails.
 */
static void
check_damage(const char *gz, size_t gzlen, const char *message)
{
	size_t n, wantlen, prelen;
	int rc, saved;
	char *got, *msg, *want, *pre;
	char expect[512];
	pid_t pid;

	pre = zlib_prefix(gz, gzlen, &prelen);
	want = lines_ref(pre, prelen, &wantlen);
	free(pre);
	write_file("bad.gz", gz, gzlen);
	for (int pass = 0; pass < 2; pass++) {
		/* "PROG: FILE: what", whatever the program is called */
		if (pass == 0) {
			snprintf(expect, sizeof(expect), ": %s: %s", path("bad.gz"),
			    message);
			got = read_lines(path("bad.gz"), 0, &n, &rc, &msg);
		} else {
			snprintf(expect, sizeof(expect), ": stdin: %s", message);
			pid = feed_stdin(gz, gzlen, 0, &saved);
			got = read_lines("-", 0, &n, &rc, &msg);
			unfeed_stdin(pid, saved);
		}
		CHECK(rc == -1);
		CHECK(strchr(msg, ':') != NULL &&
		    strncmp(strchr(msg, ':'), expect, strlen(expect)) == 0);
		CHECK(strchr(msg, '\n') == msg + strlen(msg) - 1);
		CHECK(n == wantlen && memcmp(got, want, n) == 0);
		free(got);
		free(msg);
	}
	free(want);
}

/*
 * A member whose header carries a CRC (FHCRC): zlib checks it, libdeflate
 * would skip it, so such members must go to zlib: a right one reads, a
 * wrong one is damage.
 */
static void
test_header_crc(void)
{
	size_t al, bl, n;
	char *a = gzip_mem("first\n", 6, &al);
	char *b = gzip_mem("second\n", 7, &bl);
	char *gz = xmalloc(al + bl + 2), *got, *msg;
	unsigned long crc;
	int rc;

	memcpy(gz, a, al);
	memcpy(gz + al, b, 10);
	gz[al + 3] |= 2;
	crc = crc32(0, (unsigned char *)gz + al, 10);
	gz[al + 10] = (char)(crc & 0xff);
	gz[al + 11] = (char)(crc >> 8 & 0xff);
	memcpy(gz + al + 12, b + 10, bl - 10);
	write_file("bad.gz", gz, al + bl + 2);
	got = read_lines(path("bad.gz"), 0, &n, &rc, &msg);
	CHECK(rc == 0 && msg[0] == '\0');
	CHECK_MEM(got, n, "first\nsecond\n");
	free(got);
	free(msg);
	gz[al + 11] ^= 1;
	check_damage(gz, al + bl + 2, "corrupt gzip input (header crc mismatch)\n");
	free(a);
	free(b);
	free(gz);
}

static void
test_damage(void)
{
	size_t gzlen;
	char *gz;

	/* One large member, cut in the middle. */
	gz = gzip_members(big, big_len, 0, &gzlen);
	check_damage(gz, gzlen / 2, "truncated gzip input\n");
	/* Its CRC wrong: every byte comes out, then the message. */
	gz[gzlen - 6] ^= 1;
	check_damage(gz, gzlen, "corrupt gzip input (incorrect data check)\n");
	gz[gzlen - 6] ^= 1;
	/* A bit flipped in the data near the end. */
	gz[gzlen - 300] ^= 0x40;
	check_damage(gz, gzlen, "corrupt gzip input (");
	free(gz);

	/* Small members (libdeflate), cut, then a member's CRC wrong. */
	gz = gzip_members(big, big_len, 100000, &gzlen);
	check_damage(gz, gzlen / 2, "truncated gzip input\n");
	gz[gzlen - 6] ^= 1;
	check_damage(gz, gzlen, "corrupt gzip input (incorrect data check)\n");
	gz[gzlen - 6] ^= 1;
	gz[gzlen / 3] ^= 0x40;
	check_damage(gz, gzlen, "corrupt gzip input (");
	gz[gzlen / 3] ^= 0x40;
	/*
	 * Bytes after the last member that are not gzip; the zeros make the
	 * trailer's size look small, so that libdeflate reads the members.
	 */
	gz = xrealloc(gz, gzlen + 9);
	memcpy(gz + gzlen, "junk\n\0\0\0\0", 9);
	check_damage(gz, gzlen + 9, "trailing garbage after gzip data\n");
	check_damage(gz, gzlen + 5, "trailing garbage after gzip data\n");
	/* Half a gzip header after the last member. */
	memcpy(gz + gzlen, "\x1f\x8b\x08", 3);
	check_damage(gz, gzlen + 3, "truncated gzip input\n");
	free(gz);
	test_header_crc();
}

/*
 * Read the first stop lines of name and close it early: 1 if that went
 * well (close said 0) and gave a prefix of want, not empty.
 */
static int
reads_prefix(const char *name, size_t stop, const char *want)
{
	size_t n;
	int rc, ok;
	char *got, *msg;

	got = read_lines(name, stop, &n, &rc, &msg);
	ok = rc == 0 && n > 0 && memcmp(got, want, n) == 0;
	free(got);
	free(msg);
	return ok;
}

/*
 * Closing before the end joins the producer wherever it waits: on a full
 * ring, or on a pipe whose writer neither writes nor closes.
 */
static void
test_early_close(void)
{
	size_t gzlen, wantlen;
	int saved, ok;
	char *gz, *want;
	pid_t pid;

	want = lines_ref(big, big_len, &wantlen);
	gz = gzip_members(big, big_len, 0, &gzlen);
	write_file("big.gz", gz, gzlen);
	CHECK(reads_prefix(path("big.gz"), 3, want));

	/* Half the data, and the writer stays: close must not wait for it. */
	pid = feed_stdin(gz, gzlen / 2, 1, &saved);
	ok = reads_prefix("-", 2, want);
	unfeed_stdin(pid, saved);
	CHECK(ok);

	/* Opened and closed at once. */
	pid = feed_stdin(gz, gzlen, 1, &saved);
	CHECK(input_close(input_open("-")) == 0);
	unfeed_stdin(pid, saved);
	free(gz);

	gz = gzip_members(big, big_len, 100000, &gzlen);
	write_file("small.gz", gz, gzlen);
	CHECK(reads_prefix(path("small.gz"), 5, want));
	free(gz);
	free(want);
}

/* input_filter's test: lines holding "L", "," or "zq" are worth a look. */
static size_t
want_zlw(void *ctx, const char *p, size_t n)
{
	(void)ctx;
	for (size_t i = 0; i < n; i++)
		if (p[i] == 'L' || p[i] == ',' || (p[i] == 'z' && i + 1 < n && p[i + 1] == 'q'))
			return i;
	return n;
}

/* Append "NUMBER:line\n" to *all. */
static void
add_numbered(char **all, size_t *n, size_t *cap, unsigned long long num, const char *p,
    size_t len)
{
	xgrow(all, cap, *n + len + 32);
	*n += (size_t)sprintf(*all + *n, "%llu:", num);
	memcpy(*all + *n, p, len);
	*n += len;
	(*all)[(*n)++] = '\n';
}

/* The first line, then through input_filter: each line with its number. */
static char *
filtered(const char *name, size_t *n, unsigned long long *total, int *rc)
{
	struct input *in = input_open(name);
	const char *line;
	size_t len, cap = 0;
	char *all = NULL;
	int first = 1;

	*n = 0;
	xgrow(&all, &cap, 1);
	while (input_line(in, &line, &len) > 0) {
		add_numbered(&all, n, &cap, input_lineno(in), line, len);
		if (first)
			input_filter(in, want_zlw, NULL);
		first = 0;
	}
	*total = input_lineno(in);
	*rc = input_close(in);
	return all;
}

/*
 * input_filter: lines passed over keep the count right, from a plain file,
 * a pipe and gzip, across block ends, with a line of 2.5 MiB (kept, so it
 * is handed over in pieces) and a last line without a newline.
 */
static void
test_filter(void)
{
	size_t reflen, wantlen = 0, cap = 0, n, gzlen, start = 0;
	unsigned long long num = 0, total;
	char *ref = lines_ref(big, big_len, &reflen), *want = NULL, *got, *gz;
	int rc, saved;
	pid_t pid;

	xgrow(&want, &cap, 1);
	for (size_t i = 0; i < reflen; i++) {
		if (ref[i] != '\n')
			continue;
		num++;
		if (num == 1 || want_zlw(NULL, ref + start, i - start) < i - start)
			add_numbered(&want, &wantlen, &cap, num, ref + start, i - start);
		start = i + 1;
	}
	CHECK(wantlen > 1000 && wantlen < reflen / 2);

	got = filtered(path("long.txt"), &n, &total, &rc);
	CHECK(rc == 0 && total == num && n == wantlen && memcmp(got, want, n) == 0);
	free(got);

	pid = feed_stdin(big, big_len, 0, &saved);
	got = filtered("-", &n, &total, &rc);
	unfeed_stdin(pid, saved);
	CHECK(rc == 0 && total == num && n == wantlen && memcmp(got, want, n) == 0);
	free(got);

	gz = gzip_members(big, big_len, 0, &gzlen);
	write_file("big.gz", gz, gzlen);
	/*
	 * gzip: a line that runs over a block's end is gathered and returned
	 * without a look (the filter is cheap, not a promise); one a block.
	 */
	got = filtered(path("big.gz"), &n, &total, &rc);
	CHECK(rc == 0 && total == num && n > wantlen);
	{
		size_t kept = 0, extra = 0, k = 0;
		char *again = NULL;

		cap = 0;
		xgrow(&again, &cap, 1);
		for (size_t i = 0; i < n; i++) {
			char *text;

			if (got[i] != '\n')
				continue;
			text = memchr(got + k, ':', i - k) + 1;
			if (strtoull(got + k, NULL, 10) == 1 ||
			    want_zlw(NULL, text, (size_t)(got + i - text)) < (size_t)(got + i - text)) {
				xgrow(&again, &cap, kept + i - k + 1);
				memcpy(again + kept, got + k, i - k + 1);
				kept += i - k + 1;
			} else
				extra++;
			k = i + 1;
		}
		CHECK(kept == wantlen && memcmp(again, want, kept) == 0);
		CHECK(extra > 0 && extra <= big_len / MIB + 1);
		free(again);
	}
	free(got);
	free(gz);
	free(want);
	free(ref);
}

/* May a piece that does not end its line end with c? (input.h) */
static int
cut_ok(unsigned char c)
{
	return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	    c == '+' || c == '-' || c == '.' || c == '\\' || c == '\r');
}

/*
 * Read name in pieces of at most max bytes, every third line whole with
 * input_line: the lines joined by '|' must be want, each piece within its
 * bounds, and the lines counted once each.
 */
static void
piece_read(const char *name, size_t max, const char *want, unsigned long long lines)
{
	struct input *in = input_open(path(name));
	const char *p;
	size_t len, n = 0, cap = 0, run;
	unsigned long long line = 0;
	char *all = NULL;
	int rc, eol = 1;

	CHECK(in != NULL);
	for (;;) {
		if (eol && line % 3 == 2) {
			if ((rc = input_line(in, &p, &len)) <= 0)
				break;
			eol = 1;
		} else if ((rc = input_piece(in, max, &p, &len, &eol)) <= 0)
			break;
		if (!eol) {
			CHECK(len > 0 && cut_ok((unsigned char)p[len - 1]));
			/* longer than max only when no earlier byte may end it */
			for (run = 0; run + 1 < len && !cut_ok((unsigned char)p[run]); run++)
				;
			CHECK(len <= max || run == len - 1);
		}
		xgrow(&all, &cap, n + len + 2);
		memcpy(all + n, p, len);
		n += len;
		if (eol) {
			all[n++] = '|';
			line++;
			CHECK(input_lineno(in) == line);
		}
	}
	CHECK(rc == 0);
	xgrow(&all, &cap, n + 1);
	all[n] = '\0';
	CHECK(strcmp(all, want) == 0);
	CHECK(line == lines);
	CHECK(input_close(in) == 0);
	free(all);
}

static void
test_pieces(void)
{
	static const char unit[] = "{\"k\": \"a\\u00e9 b\", \"n\": -12.5e+3, \"t\": true}, ";
	size_t len = 0, cap = 0, glen;
	char *doc = NULL, *want, *gz;
	unsigned long long lines = 0;

	/* a 400 KiB one-line document, short lines, CRLF, a last line without "\n" */
	for (int l = 0; l < 7; l++) {
		size_t reps = l == 1 ? 400 * 1024 / (sizeof(unit) - 1) : (size_t)l;

		for (size_t i = 0; i < reps; i++) {
			xgrow(&doc, &cap, len + sizeof(unit));
			memcpy(doc + len, unit, sizeof(unit) - 1);
			len += sizeof(unit) - 1;
		}
		xgrow(&doc, &cap, len + 3);
		if (l == 3)
			doc[len++] = '\r';
		if (l < 6)
			doc[len++] = '\n';
		lines++;
	}
	want = xmalloc(len + lines + 1);
	glen = 0;
	for (size_t i = 0; i < len; i++)
		if (doc[i] == '\n')
			want[glen++] = '|';
		else if (!(doc[i] == '\r' && i + 1 < len && doc[i + 1] == '\n'))
			want[glen++] = doc[i];
	want[glen++] = '|';
	want[glen] = '\0';
	write_file("pieces.txt", doc, len);
	gz = gzip_mem(doc, len, &glen);
	write_file("pieces.gz", gz, glen);
	for (size_t max = 1; max <= 1 << 20; max *= 7) {
		piece_read("pieces.txt", max, want, lines);
		piece_read("pieces.gz", max, want, lines);
	}
	free(gz);
	free(want);
	free(doc);
}

int
main(void)
{
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return 2;
	}
	test_plain();
	test_boundaries();
	test_gzip();
	test_threaded();
	test_filter();
	test_damage();
	test_early_close();
	test_pieces();
	free(big);
	/* Messages about the damaged files went to stderr; that is expected. */
	for (size_t i = 0; i < sizeof(made) / sizeof(made[0]); i++)
		unlink(path(made[i]));
	rmdir(dir);
	return check_done();
}
