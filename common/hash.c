/*
 * hash: the byte hash, the open-addressing table of hash.h, and the sort
 * of its entries (hash_sort, at the end).
 *
 * The hash reads 16 bytes a round as two 64-bit words and folds them into
 * the state with a 64x64->128-bit multiply whose halves are xored: one
 * multiply mixes every input bit into every output bit, which is why the
 * loop needs no further rounds. Tails are read as overlapping words so no
 * byte-at-a-time loop remains. The length is mixed in first (by a
 * multiply off the data's path), so keys that differ only by trailing zero
 * bytes differ; the tail's multiply is the result, with no finishing
 * round: a key of up to 16 bytes costs one multiply on its path, one of 17
 * to 32 two. No output depends on the hash's values (entries are numbered
 * in insertion order and sorted by key), only the speed.
 */
#include <sys/mman.h>

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "msg.h"
#include "util.h"

/* Odd constants with about half their bits set, chosen at random. */
#define K0 UINT64_C(0x9e6c63d0676a9a99)
#define K1 UINT64_C(0xe7037ed1a0b428db)
#define K2 UINT64_C(0x8ebc6af09c88c6e3)
#define K3 UINT64_C(0x589965cc75374cc3)

/*
 * The 128-bit product of a and b, its halves xored: one widening multiply
 * where the compiler has a 128-bit type, else written with 32-bit halves
 * for 32-bit targets (i386, armhf); the two give the same value.
 */
static inline uint64_t
fold(uint64_t a, uint64_t b)
{
#ifdef __SIZEOF_INT128__
	unsigned __int128 p = (unsigned __int128)a * b;

	return (uint64_t)p ^ (uint64_t)(p >> 64);
#else
	uint64_t al = a & 0xffffffffu, ah = a >> 32, bl = b & 0xffffffffu, bh = b >> 32;
	uint64_t ll = al * bl, lh = al * bh, hl = ah * bl, hh = ah * bh;
	uint64_t mid = (ll >> 32) + (lh & 0xffffffffu) + (hl & 0xffffffffu);
	uint64_t lo = (mid << 32) | (ll & 0xffffffffu);
	uint64_t hi = hh + (lh >> 32) + (hl >> 32) + (mid >> 32);

	return lo ^ hi;
#endif
}

static inline uint64_t
read64(const unsigned char *p)
{
	uint64_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

static inline uint64_t
read32(const unsigned char *p)
{
	uint32_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

uint64_t
hash_bytes(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t h = K0 ^ (uint64_t)n * K1, a, b;
	size_t left = n;

	while (left > 16) {
		h = fold(read64(s) ^ K2, read64(s + 8) ^ h);
		s += 16;
		left -= 16;
	}
	if (left > 8) {
		a = read64(s);
		b = read64(s + left - 8);
	} else if (left >= 4) {
		a = read32(s);
		b = read32(s + left - 4);
	} else if (left > 0) {
		/* First, middle and last byte: with the length, all of them. */
		a = (uint64_t)s[0] << 16 | (uint64_t)s[left >> 1] << 8 | s[left - 1];
		b = 0;
	} else
		a = b = 0;
	return fold(a ^ K3, b ^ h);
}

void
hash_huge(void *p, size_t n)
{
#ifdef MADV_HUGEPAGE
	uintptr_t lo = ((uintptr_t)p + 4095) & ~(uintptr_t)4095;
	uintptr_t hi = ((uintptr_t)p + n) & ~(uintptr_t)4095;

	if (n >= PREFAULT_MIN && hi > lo)
		(void)madvise((void *)lo, hi - lo, MADV_HUGEPAGE);
#else
	(void)p;
	(void)n;
#endif
}

void
hash_prefault(void *p, size_t n)
{
#ifdef MADV_POPULATE_WRITE
	uintptr_t lo = ((uintptr_t)p + 4095) & ~(uintptr_t)4095;
	uintptr_t hi = ((uintptr_t)p + n) & ~(uintptr_t)4095;

	if (n >= PREFAULT_MIN && hi > lo)
		(void)madvise((void *)lo, hi - lo, MADV_POPULATE_WRITE);
#else
	(void)p;
	(void)n;
#endif
}

void
hash_init(struct hash_table *t)
{
	memset(t, 0, sizeof(*t));
}

/* The record a reference names: its entry number, and its key. */
static inline const unsigned char *
record(const struct hash_table *t, uint32_t ref, uint32_t *id, size_t *len)
{
	const unsigned char *u = t->buf + (size_t)(ref - 1) * 4;
	size_t n = 0;
	unsigned shift = 0;

	memcpy(id, u, sizeof(*id));
	u += 4;
	while (*u & 0x80) {
		n |= (size_t)(*u++ & 0x7f) << shift;
		shift += 7;
	}
	n |= (size_t)*u++ << shift;
	*len = n;
	return u;
}

/* Slots again after hash_freeze: every key is hashed anew. */
static void
rebuild(struct hash_table *t)
{
	size_t size = 16, j, len;
	const unsigned char *k;
	struct hash_slot *s;
	uint32_t id, back, h32;

	while ((size_t)t->n + 1 > size / 4 * 3)
		size *= 2;
	t->slot = xcalloc(size, sizeof(*t->slot));
	hash_huge(t->slot, size * sizeof(*t->slot));
	hash_prefault(t->slot, size * sizeof(*t->slot));
	t->mask = size - 1;
	for (id = 0; id < t->n; id++) {
		k = record(t, t->ref[id], &back, &len);
		h32 = (uint32_t)hash_bytes(k, len);
		for (j = h32 & t->mask; (s = &t->slot[j])->ref != 0; j = (j + 1) & t->mask)
			;
		s->hash = h32;
		s->ref = t->ref[id];
	}
}

/* Double the slots (16 at first) and put every entry back. */
static void
grow(struct hash_table *t)
{
	size_t size = t->mask ? (t->mask + 1) * 2 : 16, mask = size - 1, i, j;
	struct hash_slot *old = t->slot, *s;

	if (old == NULL && t->n > 0) {
		rebuild(t);
		return;
	}
	t->slot = xcalloc(size, sizeof(*t->slot));
	hash_huge(t->slot, size * sizeof(*t->slot));
	hash_prefault(t->slot, size * sizeof(*t->slot));
	if (old != NULL)
		for (i = 0; i <= t->mask; i++) {
			if (old[i].ref == 0)
				continue;
			for (j = old[i].hash & mask; (s = &t->slot[j])->ref != 0;
			    j = (j + 1) & mask)
				;
			*s = old[i];
		}
	free(old);
	t->mask = mask;
}

/* Append a record for key as entry t->n; returns its reference. */
static uint32_t
add_record(struct hash_table *t, const void *key, size_t len)
{
	unsigned char prefix[10];
	size_t np = 0, v, need;
	uint32_t id = t->n;

	for (v = len; v >= 0x80; v >>= 7)
		prefix[np++] = (unsigned char)(v | 0x80);
	prefix[np++] = (unsigned char)v;
	need = (4 + np + len + 3) & ~(size_t)3;
	if (len > SIZE_MAX / 2 || t->used + need > (size_t)UINT32_MAX * 4)
		xerrx(EXIT_TROUBLE, "more than 16 GiB of distinct keys");
	if (t->used + need > t->cap) {
		size_t cap = t->cap ? t->cap : 1 << 16;

		while (cap < t->used + need)
			cap *= 2;
		t->buf = xrealloc(t->buf, cap);
		t->cap = cap;
	}
	if (t->used + need > t->ready) {	/* the next megabyte, mapped at once */
		size_t from = t->used & ~(size_t)4095, to = t->used + need + (1 << 20);

		if (to > t->cap)
			to = t->cap;
		hash_prefault(t->buf + from, to - from);
		t->ready = to;
	}
	memcpy(t->buf + t->used, &id, 4);
	memcpy(t->buf + t->used + 4, prefix, np);
	if (len)
		memcpy(t->buf + t->used + 4 + np, key, len);
	v = t->used / 4 + 1;
	t->used += need;
	if (t->n == t->ref_cap) {
		t->ref_cap = t->ref_cap ? t->ref_cap * 2 : 16;
		t->ref = xrealloc(t->ref, t->ref_cap * sizeof(*t->ref));
	}
	t->ref[t->n++] = (uint32_t)v;
	return (uint32_t)v;
}

/*
 * Whether the n bytes at a and b are equal: a word at a time, the last
 * word overlapping, no call. The keys are mostly 10 to 40 bytes, where
 * memcmp's call and size dispatch cost more than the compare.
 */
static inline int
key_equal(const unsigned char *a, const unsigned char *b, size_t n)
{
	size_t i;

	if (n >= 8) {
		for (i = 0; i + 8 < n; i += 8)
			if (read64(a + i) != read64(b + i))
				return 0;
		return read64(a + n - 8) == read64(b + n - 8);
	}
	if (n >= 4)
		return read32(a) == read32(b) && read32(a + n - 4) == read32(b + n - 4);
	for (i = 0; i < n; i++)
		if (a[i] != b[i])
			return 0;
	return 1;
}

/* The entry of key, added if new; the caller has made room for one more. */
static inline uint32_t
probe(struct hash_table *t, const void *key, size_t len, uint64_t h, int *added)
{
	uint32_t h32 = (uint32_t)h, id;
	struct hash_slot *s;
	const unsigned char *k;
	size_t i, n;

	*added = 0;
	for (i = h32 & t->mask; (s = &t->slot[i])->ref != 0; i = (i + 1) & t->mask)
		if (s->hash == h32) {
			k = record(t, s->ref, &id, &n);
			if (n == len && key_equal(k, key, len))
				return id;
		}
	if (t->n >= HASH_MAX)
		xerrx(EXIT_TROUBLE, "more than %u distinct keys", (unsigned)HASH_MAX);
	s->ref = add_record(t, key, len);
	s->hash = h32;
	*added = 1;
	return t->n - 1;
}

/* Grow until extra more entries keep the load at 75 % or less. */
static void
make_room(struct hash_table *t, size_t extra)
{
	while (t->mask == 0 || (size_t)t->n + extra > (t->mask + 1) / 4 * 3)
		grow(t);
}

uint32_t
hash_put_hashed(struct hash_table *t, const void *key, size_t len, uint64_t h,
    int *added)
{
	int dummy;

	make_room(t, 1);
	return probe(t, key, len, h, added ? added : &dummy);
}

void
hash_put_many(struct hash_table *t, struct hash_query *q, size_t n)
{
	const struct hash_slot *s;
	const unsigned char *k;
	size_t i, j;
	uint32_t h32;

	/* Room for the whole batch first, so no slot moves under a prefetch. */
	make_room(t, n);
	for (i = 0; i < n; i++)
		__builtin_prefetch(&t->slot[q[i].hash & t->mask]);
	/*
	 * The slots are (mostly) here now: start loading the record of the
	 * first slot whose stored hash matches. A hint only; probe decides.
	 */
	for (i = 0; i < n; i++) {
		h32 = (uint32_t)q[i].hash;
		for (j = h32 & t->mask; (s = &t->slot[j])->ref != 0; j = (j + 1) & t->mask)
			if (s->hash == h32) {
				/* both ends: a record often spans two cache lines */
				k = t->buf + (size_t)(s->ref - 1) * 4;
				__builtin_prefetch(k);
				__builtin_prefetch(k + 4 + q[i].len);
				break;
			}
	}
	for (i = 0; i < n; i++)
		q[i].id = probe(t, q[i].key, q[i].len, q[i].hash, &q[i].added);
}

void
hash_queries(struct hash_table *t, struct hash_query *q, size_t n)
{
	size_t i;

	/* The room hash_put_many makes, made now, so the slots stay put. */
	make_room(t, n);
	for (i = 0; i < n; i++) {
		q[i].hash = hash_bytes(q[i].key, q[i].len);
		__builtin_prefetch(&t->slot[q[i].hash & t->mask]);
	}
}

uint32_t
hash_put(struct hash_table *t, const void *key, size_t len, int *added)
{
	return hash_put_hashed(t, key, len, hash_bytes(key, len), added);
}

uint32_t
hash_get(const struct hash_table *t, const void *key, size_t len)
{
	uint32_t h32 = (uint32_t)hash_bytes(key, len), id;
	const struct hash_slot *s;
	const unsigned char *k;
	size_t i, n;

	if (t->mask == 0)
		return HASH_NONE;
	for (i = h32 & t->mask; (s = &t->slot[i])->ref != 0; i = (i + 1) & t->mask)
		if (s->hash == h32) {
			k = record(t, s->ref, &id, &n);
			if (n == len && (len == 0 || memcmp(k, key, len) == 0))
				return id;
		}
	return HASH_NONE;
}

const char *
hash_key(const struct hash_table *t, uint32_t id, size_t *len)
{
	uint32_t back;

	return (const char *)record(t, t->ref[id], &back, len);
}

void
hash_freeze(struct hash_table *t)
{
	free(t->slot);
	t->slot = NULL;
	t->mask = 0;
}

void
hash_key_ahead(const struct hash_table *t, const uint32_t *ids, size_t n, size_t i)
{
	/* The reference first, then (once it is here) the record it names. */
	if (i + 16 < n)
		__builtin_prefetch(&t->ref[ids[i + 16]]);
	if (i + 8 < n)
		__builtin_prefetch(t->buf + (size_t)(t->ref[ids[i + 8]] - 1) * 4);
}

void
hash_ref_ahead(const struct hash_table *t, const uint32_t *refs, size_t n, size_t i)
{
	const unsigned char *u;

	/* both lines: a record often spans two */
	if (i + 16 < n) {
		u = t->buf + (size_t)(refs[i + 16] - 1) * 4;
		__builtin_prefetch(u);
		__builtin_prefetch(u + 63);
	}
}

size_t
hash_memory(const struct hash_table *t)
{
	return (t->mask ? (t->mask + 1) * sizeof(*t->slot) : 0) + t->cap +
	    t->ref_cap * sizeof(*t->ref);
}

void
hash_free(struct hash_table *t)
{
	free(t->slot);
	free(t->buf);
	free(t->ref);
	memset(t, 0, sizeof(*t));
}

/*
 * hash_sort: a string sort that compares integers. Every entry to order
 * gets an item whose 64-bit key holds 7 bytes of its key (at some depth,
 * mapped so that integer order is the wanted byte order) and, in the low
 * byte, how many key bytes are left there (8: more than 7). The items are
 * sorted by that number alone; items that tie are sorted again on the
 * next 7 bytes, and so on. Each round reads every key it needs once, in a
 * pass that can prefetch ahead, instead of fetching two keys from all over
 * the table for each comparison.
 *
 * Past its end a key reads as bytes 0, which is also what the separator
 * (or byte 0) maps to; the count of bytes left settles those ties: a key
 * that ends inside the 7 bytes is a prefix of any other with the same
 * bytes, and sorts first. Items are 12 bytes, so that they fit in the
 * memory of the ids grown three times over.
 */
struct sort_item {
	uint32_t	 hi, lo;	/* the 64-bit sort key, in halves */
	uint32_t	 ref;		/* the entry's record: its key and its id */
};

struct sort_range {
	size_t		 lo, hi;	/* items [lo, hi) tie so far */
	size_t		 depth;		/* key bytes that tie */
};

enum { CHUNK = 7, MORE = 8 };		/* key bytes an item holds; "more left" */

static inline uint64_t
item_key(const struct sort_item *a)
{
	return (uint64_t)a->hi << 32 | a->lo;
}

static inline void
set_key(struct sort_item *a, uint64_t k)
{
	a->hi = (uint32_t)(k >> 32);
	a->lo = (uint32_t)k;
}

static inline int
item_lt(const struct sort_item *a, const struct sort_item *b)
{
	return item_key(a) < item_key(b);
}

static void
insertion_sort(struct sort_item *v, size_t n)
{
	struct sort_item x;
	size_t i, j;

	for (i = 1; i < n; i++) {
		x = v[i];
		for (j = i; j > 0 && item_lt(&x, &v[j - 1]); j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
}

/*
 * An in-place radix sort on the 64-bit keys, a byte at a time from the
 * highest byte in which the range's keys differ (bytes all of them share
 * are skipped: one pass finds them): count the items per byte value, then
 * move each into its bucket by swaps, and sort each bucket on the bytes
 * below. Three passes over a range per byte that differs, none per byte
 * that does not, and no memory beyond the items; n log n comparisons took
 * longer on a few million items whose keys share most of their bytes.
 */
enum { RADIX_SMALL = 32 };

static void
radix_sort(struct sort_item *v, size_t n)
{
	size_t next[256], end[256], i, at;
	uint64_t lo, hi, k;
	unsigned shift, b, d;
	struct sort_item x;

	if (n <= RADIX_SMALL) {
		insertion_sort(v, n);
		return;
	}
	lo = hi = item_key(&v[0]);
	for (i = 1; i < n; i++) {
		k = item_key(&v[i]);
		lo = k < lo ? k : lo;
		hi = k > hi ? k : hi;
	}
	if (lo == hi)
		return;
	for (shift = 56; ((lo ^ hi) >> shift) == 0; shift -= 8)
		;
	memset(next, 0, sizeof(next));
	for (i = 0; i < n; i++)
		next[(item_key(&v[i]) >> shift) & 0xff]++;
	for (b = 0, at = 0; b < 256; b++) {
		end[b] = at + next[b];
		next[b] = at;
		at = end[b];
	}
	for (b = 0; b < 256; b++)
		while (next[b] < end[b]) {
			x = v[next[b]];
			while ((d = (item_key(&x) >> shift) & 0xff) != b) {
				struct sort_item y = v[next[d]];

				v[next[d]++] = x;
				x = y;
			}
			v[next[b]++] = x;
		}
	if (shift == 0)
		return;
	for (b = 0, at = 0; b < 256; at = end[b++])
		if (end[b] - at > 1)
			radix_sort(v + at, end[b] - at);
}

/*
 * Items often come sorted already: all of a level's keys equal (keys that
 * share a prefix, counts that are all 1) or entries numbered in key order.
 * One look saves the sort, and keeps the next level's reads in the order
 * the keys lie in memory.
 */
static void
sort_items(struct sort_item *v, size_t n)
{
	size_t i;

	for (i = 1; i < n && !item_lt(&v[i], &v[i - 1]); i++)
		;
	if (i < n)
		radix_sort(v, n);
}

/* The sort key of k (len bytes) at depth. */
static inline uint64_t
chunk_key(const unsigned char *k, size_t len, size_t depth, const unsigned char *map)
{
	uint64_t c = 0;
	size_t left = len > depth ? len - depth : 0, j;

	k += depth;
	for (j = 0; j < CHUNK; j++)
		c = c << 8 | (j < left ? map[k[j]] : 0);
	return c << 8 | (left > CHUNK ? MORE : left);
}

/* How many of the n bytes at a and b are the same, from the first. */
static inline size_t
same_bytes(const unsigned char *a, const unsigned char *b, size_t n)
{
	size_t i = 0;
	uint64_t x;

	for (; i + 8 <= n; i += 8)
		if ((x = read64(a + i) ^ read64(b + i)) != 0) {
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
			return i + (size_t)__builtin_ctzll(x) / 8;
#else
			break;
#endif
		}
	while (i < n && a[i] == b[i])
		i++;
	return i;
}

/*
 * Keys at depth for items [lo, hi); keys are fetched a few items ahead.
 * Returns how many bytes from depth on every key of the range shares with
 * the first, once that is more than a chunk (else 0): keys that share a
 * long prefix (a platform's host) then skip it in one step, instead of
 * a pass over the range for every 7 bytes of it.
 */
static size_t
fill_range(const struct hash_table *t, struct sort_item *v, size_t lo, size_t hi,
    size_t depth, const unsigned char *map)
{
	const unsigned char *k, *first = NULL;
	uint32_t id;
	size_t i, len, same = 0;

	for (i = lo; i < hi; i++) {
		if (i + 16 < hi)
			__builtin_prefetch(t->buf + (size_t)(v[i + 16].ref - 1) * 4);
		k = record(t, v[i].ref, &id, &len);
		set_key(&v[i], chunk_key(k, len, depth, map));
		if (i == lo) {
			first = k + depth;
			same = len > depth ? len - depth : 0;
		} else if (same > CHUNK) {
			len = len > depth ? len - depth : 0;
			same = same_bytes(first, k + depth, len < same ? len : same);
		}
	}
	return same > CHUNK ? same : 0;
}

/* Ranges still to sort, and what sorting them needs: one per thread. */
struct sort_job {
	const struct hash_table	*t;
	struct sort_item	*v;
	const unsigned char	*map;
	struct sort_range	*stack;
	size_t			 n, cap;
};

static void
push_range(struct sort_job *j, size_t lo, size_t hi, size_t depth)
{
	if (j->n == j->cap) {
		j->cap = j->cap ? j->cap * 2 : 64;
		j->stack = xrealloc(j->stack, j->cap * sizeof(*j->stack));
	}
	j->stack[j->n].lo = lo;
	j->stack[j->n].hi = hi;
	j->stack[j->n].depth = depth;
	j->n++;
}

/* Sort the top range on the next 7 key bytes; push the ties that need more. */
static void
sort_range(struct sort_job *j)
{
	struct sort_range r = j->stack[--j->n];
	struct sort_item *v = j->v;
	size_t i, k, same;

	/* All alike for more than a chunk: nothing to sort until they differ. */
	if ((same = fill_range(j->t, v, r.lo, r.hi, r.depth, j->map)) > 0) {
		push_range(j, r.lo, r.hi, r.depth + same);
		return;
	}
	sort_items(v + r.lo, r.hi - r.lo);
	for (i = r.lo; i < r.hi; i = k) {
		for (k = i + 1; k < r.hi && item_key(&v[k]) == item_key(&v[i]); k++)
			;
		if (k - i > 1 && (v[i].lo & 0xff) == MORE)
			push_range(j, i, k, r.depth + CHUNK);
	}
}

static void *
sort_thread(void *arg)
{
	struct sort_job *j = arg;

	while (j->n > 0)
		sort_range(j);
	return NULL;
}

/*
 * A big sort takes a second thread (a filter sorts once its input is
 * read, so a core is free): once the ranges left are many, about half
 * their items go to it. Ranges are disjoint, the table is only read: the
 * two share nothing they write.
 */
enum { SORT_THREAD_MIN = 1 << 16 };

static void
sort_ranges(struct sort_job *one, size_t n)
{
	struct sort_job two = *one;
	size_t moved = 0, i, k;
	pthread_t tid;

	while (one->n == 1 && one->stack[0].hi - one->stack[0].lo == n)
		sort_range(one);	/* one range: split it first */
	two.stack = NULL;
	two.n = two.cap = 0;
	if (n >= SORT_THREAD_MIN && one->n > 1) {
		for (i = k = 0; i < one->n; i++) {
			if (moved < n / 2 && i % 2 == 0) {
				moved += one->stack[i].hi - one->stack[i].lo;
				push_range(&two, one->stack[i].lo, one->stack[i].hi,
				    one->stack[i].depth);
			} else
				one->stack[k++] = one->stack[i];
		}
		one->n = k;
	}
	if (two.n > 0 && pthread_create(&tid, NULL, sort_thread, &two) == 0) {
		sort_thread(one);
		pthread_join(tid, NULL);
	} else {
		sort_thread(&two);	/* no thread: this one does both */
		sort_thread(one);
	}
	free(two.stack);
}

uint32_t *
hash_sort_refs(const struct hash_table *t, uint32_t *ids, size_t n, const uint64_t *num,
    int desc, int sep)
{
	struct sort_item *v, it;
	struct sort_job job;
	size_t i, j;
	unsigned char map[256], *mem;
	uint32_t id;
	int c;

	if (n < 2) {
		if (n == 1)
			ids[0] = t->ref[ids[0]];
		return ids;
	}
	for (c = 0; c < 256; c++)
		map[c] = (unsigned char)(sep < 0 || c > sep ? c : c == sep ? 0 : c + 1);
	/*
	 * The items take the ids' place, grown to three times their size: item
	 * i lies over ids i * 3 .. i * 3 + 2, so from the last down each id is
	 * read before its item is written over it (and back at the end, from
	 * the first up). Memory holds the one array, not both.
	 */
	mem = xrealloc(ids, n * sizeof(*v));
	hash_prefault(mem, n * sizeof(*v));
	for (i = n; i-- > 0;) {
		memcpy(&id, mem + i * sizeof(id), sizeof(id));
		it.ref = t->ref[id];
		set_key(&it, num == NULL ? 0 : desc ? ~num[id] : num[id]);
		memcpy(mem + i * sizeof(it), &it, sizeof(it));
	}
	v = (struct sort_item *)(void *)mem;
	memset(&job, 0, sizeof(job));
	job.t = t;
	job.v = v;
	job.map = map;
	/* The numbers first: each run of equal ones is then sorted by key. */
	if (num != NULL)
		sort_items(v, n);
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && item_key(&v[j]) == item_key(&v[i]); j++)
			;
		if (j - i > 1)
			push_range(&job, i, j, 0);
	}
	sort_ranges(&job, n);
	free(job.stack);
	/* Item i's reference over id i: read before written, from the first up. */
	for (i = 0; i < n; i++) {
		id = v[i].ref;
		memcpy(mem + i * sizeof(id), &id, sizeof(id));
	}
	return xrealloc(mem, n * sizeof(id));
}

uint32_t *
hash_sort(const struct hash_table *t, uint32_t *ids, size_t n, const uint64_t *num,
    int desc, int sep)
{
	uint32_t *refs = hash_sort_refs(t, ids, n, num, desc, sep);
	size_t i;

	/* Each record begins with its entry number. */
	for (i = 0; i < n; i++) {
		if (i + 16 < n)
			__builtin_prefetch(t->buf + (size_t)(refs[i + 16] - 1) * 4);
		memcpy(&refs[i], t->buf + (size_t)(refs[i] - 1) * 4, sizeof(*refs));
	}
	return refs;
}

const char *
hash_ref_key(const struct hash_table *t, uint32_t ref, uint32_t *id, size_t *len)
{
	return (const char *)record(t, ref, id, len);
}

uint32_t
hash_ref_id(const struct hash_table *t, uint32_t ref)
{
	uint32_t id;

	memcpy(&id, t->buf + (size_t)(ref - 1) * 4, sizeof(id));
	return id;
}
