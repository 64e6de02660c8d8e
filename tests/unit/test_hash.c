/*
 * test_hash: the table finds what it stored and only that, ids follow
 * insertion order, keys that differ in length, trailing zeros or one bit
 * stay apart, growth keeps every entry, the hash spreads sequential keys
 * evenly over the low bits the table uses, hash_sort orders as promised,
 * and a frozen table still reads and grows back.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "hash.h"

static size_t
key_of(size_t i, char *buf)
{
	return (size_t)snprintf(buf, 64, "t.me/channel_%zu", i);
}

/* The order hash_sort promises, one pair at a time. */
static const struct hash_table *ref_t;
static const uint64_t *ref_num;
static int ref_desc, ref_sep;

static int
ref_cmp(const void *pa, const void *pb)
{
	uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
	const unsigned char *ka, *kb;
	size_t na, nb, i;

	if (ref_num != NULL && ref_num[a] != ref_num[b])
		return (ref_num[a] < ref_num[b]) == !ref_desc ? -1 : 1;
	ka = (const unsigned char *)hash_key(ref_t, a, &na);
	kb = (const unsigned char *)hash_key(ref_t, b, &nb);
	for (i = 0; i < na && i < nb && ka[i] == kb[i]; i++)
		;
	if (i == na || i == nb)
		return (na > nb) - (na < nb);
	if (ka[i] == ref_sep)
		return -1;
	if (kb[i] == ref_sep)
		return 1;
	return ka[i] < kb[i] ? -1 : 1;
}

/*
 * hash_sort against qsort with ref_cmp: keys over a few bytes that matter
 * (the separator, bytes below and above it, 0, 0xff), often sharing
 * prefixes short and long, one a prefix of another; numbers with many
 * ties and the 64-bit extremes; every order; a subset; sorted input.
 */
static void
test_sort(void)
{
	static const unsigned char alpha[] = { '\t', 0, 1, 8, 10, 'a', 'b', 0xff };
	static const uint64_t big[] = { 0, 1, UINT64_MAX, UINT64_C(1) << 32, 7 };
	struct hash_table t;
	unsigned char key[300];
	uint64_t *num;
	uint32_t *ids, *want;
	size_t n = 20000, len, i, j, m, bad = 0;
	int sep, desc, withnum;

	hash_init(&t);
	srand(5);
	num = calloc(n, sizeof(*num));
	for (i = 0; i < n; i++) {
		/* A shared start of 0, 3, 7, 8, 9, 15 or 200 bytes, then 0 to 20 more. */
		static const size_t starts[] = { 0, 3, 7, 8, 9, 15, 200 };
		size_t start = starts[(size_t)rand() % 7];

		len = start + (size_t)rand() % 21;
		memset(key, 'x', start);
		for (j = start; j < len; j++)
			key[j] = alpha[(size_t)rand() % sizeof(alpha)];
		m = hash_put(&t, key, len, NULL);
		num[m] = rand() % 10 ? (uint64_t)(rand() % 6) : big[rand() % 5];
	}
	n = t.n;
	want = malloc(n * sizeof(*want));
	ref_t = &t;
	for (sep = -1; sep <= '\t'; sep += '\t' + 1)
		for (desc = 0; desc < 2; desc++)
			for (withnum = 0; withnum < 2; withnum++)
				for (int sub = 1; sub <= 3; sub += 2) {
					/* every sub-th entry, in a shuffled order */
					for (i = m = 0; i < n; i += (size_t)sub)
						want[m++] = (uint32_t)i;
					for (i = m; i > 1; i--) {
						j = (size_t)rand() % i;
						uint32_t x = want[i - 1];
						want[i - 1] = want[j];
						want[j] = x;
					}
					ids = malloc(m * sizeof(*ids));
					memcpy(ids, want, m * sizeof(*ids));
					ref_num = withnum ? num : NULL;
					ref_desc = desc;
					ref_sep = sep;
					qsort(want, m, sizeof(*want), ref_cmp);
					ids = hash_sort(&t, ids, m, ref_num, desc, sep);
					bad += memcmp(ids, want, m * sizeof(*ids)) != 0;
					/* sorted already: the same again */
					ids = hash_sort(&t, ids, m, ref_num, desc, sep);
					bad += memcmp(ids, want, m * sizeof(*ids)) != 0;
					free(ids);
				}
	CHECK(bad == 0);
	/* Big enough for the second thread: 80000 entries of the same kind. */
	{
		struct hash_table b;

		hash_init(&b);
		for (i = 0; b.n < 80000; i++) {
			len = (size_t)rand() % 30;
			for (j = 0; j < len; j++)
				key[j] = alpha[(size_t)rand() % sizeof(alpha)];
			hash_put(&b, key, len, NULL);
		}
		m = b.n;
		ids = malloc(m * sizeof(*ids));
		free(want);
		want = malloc(m * sizeof(*want));
		free(num);
		num = calloc(m, sizeof(*num));
		for (i = 0; i < m; i++) {
			num[i] = (uint64_t)(rand() % 4);
			ids[i] = want[i] = (uint32_t)(m - 1 - i);
		}
		ref_t = &b;
		ref_num = num;
		ref_desc = 1;
		ref_sep = '\t';
		qsort(want, m, sizeof(*want), ref_cmp);
		ids = hash_sort(&b, ids, m, num, 1, '\t');
		CHECK(memcmp(ids, want, m * sizeof(*ids)) == 0);
		free(ids);
		hash_free(&b);
	}
	/*
	 * hash_sort_refs: the same order as references, each naming its key
	 * and entry number; keys that share 40 bytes and more (skipped in one
	 * step), one of them all of another.
	 */
	{
		struct hash_table r;
		uint32_t *refs, id;
		const char *k;
		size_t kn;

		hash_init(&r);
		memset(key, 'h', 60);
		hash_put(&r, key, 40, NULL);
		for (i = 0; r.n < 3000; i++) {
			len = 40 + (size_t)rand() % 20;
			for (j = 40 + (size_t)rand() % 15; j < len; j++)
				key[j] = alpha[(size_t)rand() % sizeof(alpha)];
			hash_put(&r, key, len, NULL);
			memset(key, 'h', 60);
		}
		m = r.n;
		ids = malloc(m * sizeof(*ids));
		refs = malloc(m * sizeof(*refs));
		free(want);
		want = malloc(m * sizeof(*want));
		for (i = 0; i < m; i++)
			ids[i] = refs[i] = want[i] = (uint32_t)(m - 1 - i);
		ref_t = &r;
		ref_num = NULL;
		ref_sep = '\t';
		qsort(want, m, sizeof(*want), ref_cmp);
		ids = hash_sort(&r, ids, m, NULL, 0, '\t');
		refs = hash_sort_refs(&r, refs, m, NULL, 0, '\t');
		CHECK(memcmp(ids, want, m * sizeof(*ids)) == 0);
		for (i = bad = 0; i < m; i++) {
			hash_ref_ahead(&r, refs, m, i);
			k = hash_ref_key(&r, refs[i], &id, &kn);
			bad += id != want[i] || hash_ref_id(&r, refs[i]) != id ||
			    k != hash_key(&r, id, &len) || kn != len;
		}
		CHECK(bad == 0);
		refs[0] = 5;
		refs = hash_sort_refs(&r, refs, 1, NULL, 0, '\t');
		CHECK(hash_ref_id(&r, refs[0]) == 5);
		free(ids);
		free(refs);
		hash_free(&r);
	}
	/* Nothing and one entry: nothing to do. */
	ids = malloc(sizeof(*ids));
	ids[0] = 3;
	ids = hash_sort(&t, ids, 1, num, 1, '\t');
	CHECK(ids[0] == 3);
	ids = hash_sort(&t, ids, 0, NULL, 0, -1);
	free(ids);
	/*
	 * Many keys in an order quicksort's median of three handles badly
	 * (organ pipe): still right, and heapsort's fallback gets a turn.
	 */
	{
		struct hash_table p;
		char buf[32];

		hash_init(&p);
		m = 100000;
		ids = malloc(m * sizeof(*ids));
		for (i = 0; i < m; i++) {
			j = i < m / 2 ? i : m - 1 - i;
			len = (size_t)snprintf(buf, sizeof(buf), "%08zu%c", j, i < m / 2 ? 'a' : 'b');
			ids[i] = hash_put(&p, buf, len, NULL);
		}
		ids = hash_sort(&p, ids, m, NULL, 0, -1);
		for (i = 1; i < m; i++) {
			const char *ka, *kb;
			size_t na, nb;

			ka = hash_key(&p, ids[i - 1], &na);
			kb = hash_key(&p, ids[i], &nb);
			if (memcmp(ka, kb, na < nb ? na : nb) >= 0)
				break;
		}
		CHECK(i == m);
		free(ids);
		hash_free(&p);
	}
	free(want);
	free(num);
	hash_free(&t);
}

/* hash_freeze: keys stay readable; the next put makes the slots again. */
static void
test_freeze(void)
{
	struct hash_table t;
	char buf[64];
	const char *k;
	size_t i, len, n = 5000, bad = 0;
	uint32_t *ids = malloc(n * sizeof(*ids));
	int added;

	hash_init(&t);
	for (i = 0; i < n; i++)
		hash_put(&t, buf, key_of(i, buf), NULL);
	hash_freeze(&t);
	CHECK(hash_get(&t, buf, key_of(7, buf)) == HASH_NONE);
	for (i = 0; i < n; i++) {
		k = hash_key(&t, (uint32_t)i, &len);
		bad += len != key_of(i, buf) || memcmp(k, buf, len) != 0;
		ids[i] = (uint32_t)i;
		hash_key_ahead(&t, ids, i + 1, i);
	}
	CHECK(bad == 0);
	ids = hash_sort(&t, ids, n, NULL, 0, -1);
	CHECK(hash_memory(&t) < t.cap + t.ref_cap * 4 + 1);
	/* Old keys keep their numbers, a new one comes next. */
	CHECK(hash_put(&t, buf, key_of(123, buf), &added) == 123 && !added);
	CHECK(hash_put(&t, "new", 3, &added) == n && added);
	CHECK(hash_get(&t, buf, key_of(4999, buf)) == 4999);
	CHECK((size_t)t.n * 4 <= (t.mask + 1) * 3);
	free(ids);
	hash_free(&t);
}

int
main(void)
{
	struct hash_table t;
	char buf[64];
	const char *k;
	size_t i, len, n = 200000;
	uint32_t id;
	int added;

	hash_init(&t);
	CHECK(hash_get(&t, "x", 1) == HASH_NONE);
	for (i = 0; i < n; i++) {
		len = key_of(i, buf);
		id = hash_put(&t, buf, len, &added);
		if (id != i || !added) {
			CHECK(0);
			break;
		}
	}
	CHECK(t.n == n);
	/* Every key again: found, not added, same id, same bytes. */
	for (i = 0; i < n; i++) {
		len = key_of(i, buf);
		id = hash_put(&t, buf, len, &added);
		k = hash_key(&t, id, &len);
		if (id != i || added || hash_get(&t, buf, len) != i ||
		    len != strlen(buf) || memcmp(k, buf, len) != 0) {
			CHECK(0);
			break;
		}
	}
	CHECK(i == n);
	CHECK(t.n == n);
	/* The load stays at or under 75 %. */
	CHECK((size_t)t.n * 4 <= (t.mask + 1) * 3);
	CHECK(hash_get(&t, "t.me/channel_", 13) == HASH_NONE);
	CHECK(hash_get(&t, "t.me/channel_200000", 19) == HASH_NONE);
	CHECK(hash_memory(&t) > n * 16);
	hash_free(&t);

	/* Keys that are prefixes of each other, zeros, empty, long. */
	{
		static const char zeros[4] = { 0, 0, 0, 0 };
		char longkey[1000];
		uint32_t e, z1, z2, z3, l1, l2;

		hash_init(&t);
		e = hash_put(&t, "", 0, &added);
		CHECK(added && e == 0);
		z1 = hash_put(&t, zeros, 1, NULL);
		z2 = hash_put(&t, zeros, 2, NULL);
		z3 = hash_put(&t, zeros, 3, NULL);
		CHECK(z1 == 1 && z2 == 2 && z3 == 3);
		memset(longkey, 'a', sizeof(longkey));
		l1 = hash_put(&t, longkey, 1000, NULL);
		longkey[999] = 'b';
		l2 = hash_put(&t, longkey, 1000, NULL);
		CHECK(l1 != l2);
		CHECK(hash_get(&t, longkey, 1000) == l2);
		CHECK(hash_get(&t, longkey, 999) == HASH_NONE);
		hash_key(&t, l1, &len);
		CHECK(len == 1000);
		CHECK(hash_get(&t, "", 0) == e);
		CHECK(hash_get(&t, zeros, 2) == z2);
		hash_free(&t);
	}

	/* The hash: different for lengths 0..40 of zeros and for each bit flip. */
	{
		unsigned char b[40] = { 0 };
		uint64_t h[41], base;
		int same = 0, j, bit;

		for (j = 0; j <= 40; j++)
			h[j] = hash_bytes(b, (size_t)j);
		for (j = 0; j <= 40; j++)
			for (int m = j + 1; m <= 40; m++)
				same += h[j] == h[m];
		CHECK(same == 0);
		memcpy(b, "https://t.me/joinchat/AAAAAEtest1234567", 39);
		base = hash_bytes(b, 39);
		for (bit = 0; bit < 39 * 8; bit++) {
			b[bit / 8] ^= (unsigned char)(1u << (bit % 8));
			same += hash_bytes(b, 39) == base;
			b[bit / 8] ^= (unsigned char)(1u << (bit % 8));
		}
		CHECK(same == 0);
		CHECK(hash_bytes("abc", 3) == hash_bytes("abc", 3));
	}

	/*
	 * Spread: 2^20 sequential keys into 2^16 buckets by their low bits.
	 * Poisson with mean 16 has variance 16; a bad hash is far off.
	 */
	{
		enum { NB = 1 << 16, NK = 1 << 20 };
		unsigned *cnt = calloc(NB, sizeof(*cnt));
		double var = 0;

		for (i = 0; i < NK; i++) {
			len = key_of(i, buf);
			cnt[hash_bytes(buf, len) & (NB - 1)]++;
		}
		for (i = 0; i < NB; i++)
			var += ((double)cnt[i] - 16) * ((double)cnt[i] - 16);
		var /= NB;
		CHECK(var > 13 && var < 19);
		if (!(var > 13 && var < 19))
			fprintf(stderr, "  variance %.2f, want about 16\n", var);
		free(cnt);
	}
	/*
	 * Keys of every length from 0 to 40, found again from a copy at
	 * another alignment, each by its own entry: the word-wise compare.
	 */
	{
		struct hash_table t;
		char a[48], b2[49];
		uint32_t id[41];
		size_t j, bad = 0;
		int added;

		hash_init(&t);
		for (j = 0; j < sizeof(a); j++)
			a[j] = (char)('a' + j % 26);
		for (j = 0; j <= 40; j++)
			id[j] = hash_put(&t, a, j, &added);
		memcpy(b2 + 1, a, sizeof(a));
		for (j = 0; j <= 40; j++) {
			bad += hash_get(&t, b2 + 1, j) != id[j];
			bad += hash_put(&t, b2 + 1, j, &added) != id[j] || added;
		}
		CHECK(bad == 0 && t.n == 41);
		hash_free(&t);
	}

	/* hash_put_many gives what one-by-one puts give, repeats included. */
	{
		struct hash_table one, many;
		struct hash_query q[48];
		char keys[48][64];
		size_t b, j, bad = 0;
		uint32_t want;
		int wadded;

		hash_init(&one);
		hash_init(&many);
		srand(7);
		for (b = 0; b < 3000; b++) {
			for (j = 0; j < 48; j++) {
				/* Few keys at first (repeats in a batch), then more. */
				q[j].len = key_of((size_t)rand() % (b < 10 ? 20 : 50000), keys[j]);
				q[j].key = keys[j];
				q[j].hash = hash_bytes(keys[j], q[j].len);
			}
			if (b % 3 == 0) {	/* the same hashes, set by the table */
				for (j = 0; j < 48; j++)
					q[j].hash = 0;
				hash_queries(&many, q, b % 2 ? 48 : 17);
				for (j = 0; j < (b % 2 ? 48u : 17u); j++)
					bad += q[j].hash != hash_bytes(keys[j], q[j].len);
			}
			hash_put_many(&many, q, b % 2 ? 48 : 17);
			for (j = 0; j < (b % 2 ? 48u : 17u); j++) {
				want = hash_put(&one, keys[j], q[j].len, &wadded);
				bad += q[j].id != want || q[j].added != wadded;
			}
		}
		CHECK(bad == 0);
		CHECK(one.n == many.n && many.n > 1000);
		CHECK((size_t)many.n * 4 <= (many.mask + 1) * 3);
		hash_put_many(&many, q, 0);
		hash_free(&one);
		hash_free(&many);
	}
	test_sort();
	test_freeze();
	return check_done();
}
