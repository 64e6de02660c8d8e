/*
 * test_hash: the table finds what it stored and only that, ids follow
 * insertion order, keys that differ in length, trailing zeros or one bit
 * stay apart, growth keeps every entry, and the hash spreads sequential
 * keys evenly over the low bits the table uses.
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
	return check_done();
}
