/*
 * progress: a status line on stderr while a filter reads its input: bytes
 * read, rate, and for a regular file its percent and an ETA. It is fed by
 * input's block hook, so it costs a clock read per block, not per line, and
 * it is redrawn at most every PROGRESS_MS. Only stderr is written: stdout
 * stays byte for byte the same.
 *
 *	progress_start("extract");	// before the first input_open
 *	... read ...
 *	progress_end();			// erases the line ("\r" ESC "[K")
 *
 * Not thread-safe by itself: input calls it from the thread reading lines,
 * and a filter reads one input at a time (tsv's read-ahead thread is joined
 * by tsv_close before the next file), so calls never overlap.
 */
#ifndef CROSSLINK_PROGRESS_H
#define CROSSLINK_PROGRESS_H

#define PROGRESS_MS	250

/* Show progress from now on, as "PROG: FILE: ..."; installs the hook. */
void	progress_start(const char *prog);

/*
 * Erase the line (always, once started, so a log of stderr ends clean);
 * call before printing --stats. Also run at exit, for runs that end in
 * errx. A second call does nothing.
 */
void	progress_end(void);

#endif
