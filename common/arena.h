/*
 * arena: a bump allocator for bytes that live as long as a table does (the
 * keys of dedupe and tally). Blocks are allocated as needed and freed all
 * together by one arena_free; nothing is freed one at a time.
 *
 *	struct arena a = ARENA_INIT;
 *	char *copy = arena_copy(&a, key, len);
 *	arena_free(&a);
 *
 * Ownership: the arena owns every byte it hands out; pointers stay valid
 * (blocks never move) until arena_free. Allocation cannot fail: out of
 * memory exits 2, as xmalloc does. Bytes are unaligned (alignment 1): the
 * arena is meant for strings, not structures.
 */
#ifndef CROSSLINK_ARENA_H
#define CROSSLINK_ARENA_H

#include <stddef.h>

struct arena_block;

struct arena {
	struct arena_block	*head;		/* newest block; older ones chained */
	char			*next;		/* free bytes of head: [next, end) */
	char			*end;
	size_t			 block;		/* size of the next block made */
	size_t			 reserved;	/* bytes of all blocks, headers included */
};

#define ARENA_INIT { NULL, NULL, NULL, 0, 0 }

/* n bytes, uninitialised; n may be 0 (a valid, unique-enough pointer). */
void	*arena_alloc(struct arena *a, size_t n);

/* A copy of n bytes of p. No NUL is added. */
char	*arena_copy(struct arena *a, const void *p, size_t n);

/* Bytes the arena holds from malloc, for memory reports. */
size_t	 arena_reserved(const struct arena *a);

/* Free every block; the arena is empty and usable again. */
void	 arena_free(struct arena *a);

#endif
