/*
 * hash: the byte hash and the open-addressing table of hash.h.
 *
 * The hash reads 16 bytes a round as two 64-bit words and folds them into
 * the state with a 64x64->128-bit multiply whose halves are xored: one
 * multiply mixes every input bit into every output bit, which is why the
 * loop needs no further rounds. Tails are read as overlapping words so no
 * byte-at-a-time loop remains. The length is mixed in first, so keys that
 * differ only by trailing zero bytes differ.
 */
#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "util.h"

/* Odd constants with about half their bits set, chosen at random. */
#define K0 UINT64_C(0x9e6c63d0676a9a99)
#define K1 UINT64_C(0xe7037ed1a0b428db)
#define K2 UINT64_C(0x8ebc6af09c88c6e3)
#define K3 UINT64_C(0x589965cc75374cc3)
#define K4 UINT64_C(0x1d8e4e27c47d124f)

static inline uint64_t
fold(uint64_t a, uint64_t b)
{
	unsigned __int128 r = (unsigned __int128)a * b;

	return (uint64_t)r ^ (uint64_t)(r >> 64);
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
	uint64_t h = fold(K0 ^ (uint64_t)n, K1), a, b;
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
	h = fold(a ^ K3, b ^ h);
	return fold(h ^ K4, (uint64_t)n ^ K1);
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

/* Double the slots (16 at first) and put every entry back. */
static void
grow(struct hash_table *t)
{
	size_t size = t->mask ? (t->mask + 1) * 2 : 16, mask = size - 1, i, j;
	struct hash_slot *old = t->slot, *s;

	t->slot = xcalloc(size, sizeof(*t->slot));
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
		errx(EXIT_TROUBLE, "more than 16 GiB of distinct keys");
	if (t->used + need > t->cap) {
		size_t cap = t->cap ? t->cap : 1 << 16;

		while (cap < t->used + need)
			cap *= 2;
		t->buf = xrealloc(t->buf, cap);
		t->cap = cap;
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
			if (n == len && (len == 0 || memcmp(k, key, len) == 0))
				return id;
		}
	if (t->n >= HASH_MAX)
		errx(EXIT_TROUBLE, "more than %u distinct keys", (unsigned)HASH_MAX);
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
				__builtin_prefetch(t->buf + (size_t)(s->ref - 1) * 4);
				break;
			}
	}
	for (i = 0; i < n; i++)
		q[i].id = probe(t, q[i].key, q[i].len, q[i].hash, &q[i].added);
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
