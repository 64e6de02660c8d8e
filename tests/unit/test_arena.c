/*
 * test_arena: copies keep their bytes while thousands more are made, an
 * oversized request does not disturb the current block, and free resets.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "check.h"

int
main(void)
{
	struct arena a = ARENA_INIT;
	char *p[5000], *big, *after;
	size_t i, len;
	char buf[64];

	for (i = 0; i < 5000; i++) {
		len = (size_t)snprintf(buf, sizeof(buf), "key-%zu-%s", i,
		    i % 7 ? "x" : "a longer tail of bytes");
		p[i] = arena_copy(&a, buf, len + 1);
	}
	for (i = 0; i < 5000; i++) {
		snprintf(buf, sizeof(buf), "key-%zu-%s", i, i % 7 ? "x" : "a longer tail of bytes");
		if (strcmp(p[i], buf) != 0) {
			CHECK(0);
			break;
		}
	}
	CHECK(i == 5000);
	CHECK(arena_reserved(&a) > 5000 * 8);

	/* A request larger than a quarter block: its own block. */
	big = arena_alloc(&a, 3 << 20);
	memset(big, 'b', 3 << 20);
	after = arena_copy(&a, "next", 4);
	CHECK(memcmp(after, "next", 4) == 0);
	CHECK(!(after >= big && after < big + (3 << 20)));
	CHECK(big[0] == 'b' && big[(3 << 20) - 1] == 'b');
	CHECK(strcmp(p[0], "key-0-a longer tail of bytes") == 0);

	/* Zero bytes is allowed. */
	CHECK(arena_alloc(&a, 0) != NULL);

	/* Non-overlap: consecutive copies do not share bytes. */
	{
		char *x = arena_copy(&a, "abc", 3), *y = arena_copy(&a, "def", 3);
		CHECK(y >= x + 3 || x >= y + 3);
		CHECK(memcmp(x, "abc", 3) == 0 && memcmp(y, "def", 3) == 0);
	}

	arena_free(&a);
	CHECK(arena_reserved(&a) == 0);
	/* Usable again after a free, and a free of an empty arena is fine. */
	CHECK(memcmp(arena_copy(&a, "again", 5), "again", 5) == 0);
	arena_free(&a);
	arena_free(&a);
	return check_done();
}
