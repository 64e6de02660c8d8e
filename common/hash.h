/*
 * hash: a 64-bit hash of bytes, and the table dedupe and tally count with:
 * open addressing, a power-of-two number of slots, linear probing, grown
 * (doubled) before it is more than 75 % full. Keys are copied into the
 * table's key buffer; entries are numbered 0, 1, 2 ... in insertion order, and
 * that number is the caller's index into its own per-key arrays (counts,
 * times), so the table itself carries no values.
 *
 *	struct hash_table t;
 *	hash_init(&t);
 *	id = hash_put(&t, key, len, &added);	// added: 1 if new
 *	if (added) grow_my_arrays(id + 1);
 *	count[id]++;
 *	hash_free(&t);
 *
 * Layout: a slot is 8 bytes, {low 32 bits of the hash, reference}; the
 * reference points (in 4-byte units) into one growing key buffer where each
 * entry is {4-byte entry number, length prefix, key bytes}, padded to 4.
 * A lookup therefore touches one slot and one key record, both usually
 * cache misses on a big table, and nothing else; the key compare (a word
 * at a time, inline) runs only when the stored 32 bits of hash are equal. A second array maps entry numbers to
 * references (4 bytes each) for hash_key.
 *
 * Memory per distinct key, beyond its bytes: the slot, 8 bytes at 37.5 to
 * 75 % load, so 10.7 to 21.3; the record header, 4 + 1 (2 for keys of 128
 * bytes or more) + 0 to 3 bytes of padding; the reference, 4. So 21 to 33
 * bytes, measured at about 27 (BENCHMARKS.md). Arrays grow by doubling
 * with realloc; their untouched tails cost address space, not memory.
 * Limits: HASH_MAX entries and 16 GiB of key records (exit 2 beyond).
 *
 * Ownership: the table owns its slots, key buffer and reference array;
 * a view from hash_key is valid until the next hash_put (the buffer may
 * move when it grows) or hash_free.
 */
#ifndef CROSSLINK_HASH_H
#define CROSSLINK_HASH_H

#include <stddef.h>
#include <stdint.h>

#define HASH_NONE	UINT32_MAX
#define HASH_MAX	(UINT32_MAX / 2)

/* A 64-bit hash of n bytes; the same bytes give the same hash everywhere. */
uint64_t	 hash_bytes(const void *p, size_t n);

struct hash_slot {
	uint32_t	 hash;		/* low 32 bits of hash_bytes() */
	uint32_t	 ref;		/* record offset / 4 + 1; 0: empty */
};

struct hash_table {
	struct hash_slot *slot;
	size_t		 mask;		/* slots - 1; 0 before the first put */
	uint32_t	 n;		/* entries */
	unsigned char	*buf;		/* key records, 4-byte aligned */
	size_t		 used, cap;	/* bytes of buf */
	size_t		 ready;		/* bytes of buf hash_prefault has mapped */
	uint32_t	*ref;		/* per entry: its record's reference */
	size_t		 ref_cap;
};

void		 hash_init(struct hash_table *t);

/*
 * The entry number of key, adding a copy of it when it is new (*added is
 * then 1, else 0; added may be NULL). hash_put_hashed takes the key's
 * hash_bytes() when the caller has it already.
 */
uint32_t	 hash_put(struct hash_table *t, const void *key, size_t len, int *added);
uint32_t	 hash_put_hashed(struct hash_table *t, const void *key, size_t len,
		    uint64_t h, int *added);

/*
 * A batch for hash_put_many: the caller sets key, len and hash (from
 * hash_bytes); the table sets id and added. Keys must stay valid for the
 * call only.
 */
struct hash_query {
	const void	*key;
	size_t		 len;
	uint64_t	 hash;
	uint32_t	 id;
	int		 added;
};

/*
 * hash_put for q[0..n-1], in that order, with the same results as n
 * calls (a key repeated in the batch is added once, by its first query).
 * It is faster on a table bigger than the cache: it touches every query's
 * slot, then every candidate record, before the first compare, so their
 * cache misses overlap instead of queueing. Batches of 16 to 64 suit.
 */
void		 hash_put_many(struct hash_table *t, struct hash_query *q, size_t n);

/*
 * Set q[i].hash = hash_bytes(q[i].key, q[i].len) for the batch and start
 * loading each query's slot as soon as its hash is known, so the loads
 * overlap the hashing of the next keys; then call hash_put_many.
 */
void		 hash_queries(struct hash_table *t, struct hash_query *q, size_t n);

/* The entry number of key, or HASH_NONE. */
uint32_t	 hash_get(const struct hash_table *t, const void *key, size_t len);

/* The bytes of entry id (not NUL-terminated) and their length. */
const char	*hash_key(const struct hash_table *t, uint32_t id, size_t *len);

/*
 * Free the slots but keep the entries, for a table that is done growing
 * and is now only read: hash_key, hash_sort and hash_memory work as
 * before, hash_get finds nothing, and the next hash_put makes the slots
 * again (hashing every key). Gives back 8 bytes a slot, 10.7 to 21.3 per
 * key, before a sort needs its own memory.
 */
void		 hash_freeze(struct hash_table *t);

/*
 * Sort the entry numbers ids[0..n-1] by num[id] (num indexed by entry
 * number; largest first when desc, else smallest first; NULL: keys only),
 * then by key: byte by byte as unsigned, except that the byte sep (tab for
 * keys of several fields, or -1 for none) sorts before every other byte,
 * and a key sorts before the longer keys it begins. ids must be distinct
 * and come from malloc: the sort works in that memory, grown to 12 bytes
 * an id, and returns the sorted ids in it, shrunk back (it may have moved:
 * use and free the pointer returned, not ids). Time: a radix pass over
 * 8-byte integers per byte in which they differ, one read of each key per
 * 7 bytes in which keys that tie differ (a prefix they all share past the
 * first 7 bytes costs one read), and one more for its id; from 65536 ids
 * on, a second thread takes about half the work.
 */
uint32_t	*hash_sort(const struct hash_table *t, uint32_t *ids, size_t n,
		    const uint64_t *num, int desc, int sep);

/*
 * hash_sort, but what comes back in the memory is each entry's reference
 * (its key record) in sorted order, not its number: one read of every
 * key fewer, and a caller that writes keys out in that order finds each
 * key, and its entry number, in one place (hash_ref_key) instead of
 * through the table's array of references. A reference stays valid
 * until hash_free.
 */
uint32_t	*hash_sort_refs(const struct hash_table *t, uint32_t *ids, size_t n,
		    const uint64_t *num, int desc, int sep);

/* The key a reference names (not NUL-terminated), its length and entry number. */
const char	*hash_ref_key(const struct hash_table *t, uint32_t ref, uint32_t *id,
		    size_t *len);

/* Only the entry number of a reference: the record's first 4 bytes. */
uint32_t	 hash_ref_id(const struct hash_table *t, uint32_t ref);

/*
 * A hint for a loop calling hash_key(t, ids[i]) for i = 0, 1, ... n - 1:
 * call it with each i first, and the keys a few places ahead are fetched
 * into the cache while the loop works, instead of one miss at a time.
 */
void		 hash_key_ahead(const struct hash_table *t, const uint32_t *ids, size_t n,
		    size_t i);

/* hash_key_ahead for a loop calling hash_ref_key(t, refs[i]). */
void		 hash_ref_ahead(const struct hash_table *t, const uint32_t *refs, size_t n,
		    size_t i);

/*
 * A hint for n bytes at p that are about to be written all over (new
 * slots, the records' next megabyte, a caller's grown per-entry counts, a
 * sort's items): from PREFAULT_MIN bytes on, the kernel maps their pages
 * in one call (MADV_POPULATE_WRITE, where there is one) instead of taking
 * a page fault for each 4 KiB, which on a virtual machine costs a trap
 * apiece. It changes no byte and maps only what is written anyway.
 */
#define PREFAULT_MIN	((size_t)1 << 20)
void		 hash_prefault(void *p, size_t n);

/*
 * A hint for n bytes at p that are read and written all over and mapped
 * whole anyway (the slots): from PREFAULT_MIN bytes on, pages not yet
 * mapped are mapped 2 MiB at a time where the kernel allows
 * (MADV_HUGEPAGE), so a probe anywhere in a table of tens of megabytes
 * seldom needs a page-table walk. Not for a buffer mapped as it fills
 * (the records): there it cost memory (max RSS +40 %).
 */
void		 hash_huge(void *p, size_t n);

/* Bytes the table holds from malloc: slots, records and references. */
size_t		 hash_memory(const struct hash_table *t);

/* Free everything; the table is empty and usable again. */
void		 hash_free(struct hash_table *t);

#endif
