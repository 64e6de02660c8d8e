/*
 * progress: the --progress status line; see progress.h. The line is built
 * in a buffer and written with one write(2), starting with "\r" and ending
 * with ESC "[K" (erase to the end of the line), so it redraws in place.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "input.h"
#include "msg.h"
#include "progress.h"

static const char	*prog_name;
static int		 started, shown_any;
static uint64_t		 total;		/* bytes read, every input so far */
static double		 t0, last_draw;

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* n bytes as "512 B", "12.3 KiB", "4.0 MiB", "1.2 GiB". */
static void
human(char *buf, size_t size, double n)
{
	static const char *const unit[] = { "B", "KiB", "MiB", "GiB", "TiB" };
	int u = 0;

	while (n >= 1024 && u < 4) {
		n /= 1024;
		u++;
	}
	if (u == 0)
		snprintf(buf, size, "%.0f %s", n, unit[u]);
	else
		snprintf(buf, size, "%.1f %s", n, unit[u]);
}

static void
draw(const struct input *in, double t)
{
	char line[256], amount[32], rate[32], *name;
	double secs = t - t0, bps;
	uint64_t off = input_offset(in), size = input_size(in);
	int n;

	bps = secs > 0 ? (double)total / secs : 0;
	human(amount, sizeof(amount), (double)total);
	human(rate, sizeof(rate), bps);
	name = visible(input_name(in), strlen(input_name(in)));
	n = snprintf(line, sizeof(line), "\r%s: %s: %s, %s/s", prog_name, name,
	    amount, rate);
	free(name);
	if (size > 0 && n > 0 && (size_t)n < sizeof(line)) {
		double left = off < size ? (double)(size - off) : 0;
		unsigned long eta = bps > 0 ? (unsigned long)(left / bps + 0.5) : 0;

		n += snprintf(line + n, sizeof(line) - (size_t)n, ", %d%%",
		    (int)(100.0 * (double)(off < size ? off : size) / (double)size));
		if (bps > 0 && (size_t)n < sizeof(line))
			n += snprintf(line + n, sizeof(line) - (size_t)n,
			    ", ETA %lu:%02lu:%02lu", eta / 3600, eta / 60 % 60, eta % 60);
	}
	if (n < 0 || (size_t)n + 4 > sizeof(line))
		n = (int)sizeof(line) - 4;
	memcpy(line + n, "\033[K", 3);
	n += 3;
	/* stderr is unbuffered: one write keeps the line whole. */
	if (write(STDERR_FILENO, line, (size_t)n) < 0)
		return;		/* nowhere to say it */
	shown_any = 1;
	last_draw = t;
}

static void
on_block(const struct input *in, uint64_t new_bytes)
{
	double t = now();

	total += new_bytes;
	if (!shown_any || (t - last_draw) * 1000 >= PROGRESS_MS)
		draw(in, t);
}

void
progress_start(const char *prog)
{
	prog_name = prog;
	started = 1;
	t0 = now();
	input_set_hook(on_block);
	atexit(progress_end);
}

void
progress_end(void)
{
	if (!started)
		return;
	started = 0;
	input_set_hook(NULL);
	if (write(STDERR_FILENO, "\r\033[K", 4) < 0)
		return;
}
