/*
 * tally_probed: tally --cohort --alive-from, the results of probe read
 * into a table: for each key, the status of its latest check.
 *
 * Ownership: the table owns copies of the keys (a hash table) and one
 * byte of status and 8 bytes of time per distinct key, so memory grows
 * with the distinct keys of the files read: 30 to 42 bytes each beyond
 * the key's bytes. Free with probed_free.
 */
#ifndef TALLY_PROBED_H
#define TALLY_PROBED_H

#include <stddef.h>
#include <stdint.h>

#include "hash.h"

/* A key's status when it was last checked; cohort counts them in this order. */
enum probed_state { PROBED_ALIVE, PROBED_GONE, PROBED_UNKNOWN, PROBED_NONE };
#define PROBED_STATES	4

struct probed {
	struct hash_table keys;
	unsigned char	*state;		/* per key: an enum probed_state */
	int64_t		*at;		/* per key: the time of that check */
	size_t		 cap;
};

void		 probed_init(struct probed *p);
/*
 * Read the probe output at path (its columns key, status and checked_at):
 * a key checked more than once keeps the status of its latest checked_at,
 * of the row read last on a tie. A file that cannot be opened or lacks a
 * column ends the program (exit 2, reported); a row with a status or time that is not probe's is reported and
 * skipped. 0, or -1 after such a row or an input error.
 */
int		 probed_read(struct probed *p, const char *path);
/* The state of key k (n bytes, escaped as read): PROBED_NONE if never checked. */
enum probed_state probed_get(const struct probed *p, const char *k, size_t n);
void		 probed_free(struct probed *p);

#endif
