/*
 * arena: bump allocation in blocks that grow from 64 KiB to 1 MiB, so a
 * small input costs little and a large one makes few malloc calls. A
 * request bigger than a quarter block gets a block of its own, so a giant
 * key never wastes the tail of a shared block.
 */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "util.h"

enum {
	ARENA_FIRST = 64 << 10,
	ARENA_MAX = 1 << 20
};

struct arena_block {
	struct arena_block	*prev;
	size_t			 size;		/* usable bytes after the header */
};

/* A new block of at least n usable bytes, linked behind head or in front. */
static char *
new_block(struct arena *a, size_t n, int make_current)
{
	struct arena_block *b;
	size_t size;

	if (a->block == 0)
		a->block = ARENA_FIRST;
	size = n > a->block / 4 ? n : a->block;
	if (size > SIZE_MAX - sizeof(*b))
		size = SIZE_MAX;	/* xmalloc reports it */
	b = xmalloc(sizeof(*b) + size);
	b->size = size;
	a->reserved += sizeof(*b) + size;
	if (make_current || a->head == NULL) {
		b->prev = a->head;
		a->head = b;
		a->next = (char *)(b + 1);
		a->end = a->next + size;
		if (a->block < ARENA_MAX)
			a->block *= 2;
	} else {
		/* An oversized request: keep filling the current block. */
		b->prev = a->head->prev;
		a->head->prev = b;
	}
	return (char *)(b + 1);
}

void *
arena_alloc(struct arena *a, size_t n)
{
	char *p;

	if (a->next != NULL && (size_t)(a->end - a->next) >= n) {
		p = a->next;
		a->next += n;
		return p;
	}
	if (a->block != 0 && n > a->block / 4)
		return new_block(a, n, 0);
	p = new_block(a, n, 1);
	a->next = p + n;
	return p;
}

char *
arena_copy(struct arena *a, const void *p, size_t n)
{
	char *q = arena_alloc(a, n);

	if (n)
		memcpy(q, p, n);
	return q;
}

size_t
arena_reserved(const struct arena *a)
{
	return a->reserved;
}

void
arena_free(struct arena *a)
{
	struct arena_block *b, *prev;

	for (b = a->head; b != NULL; b = prev) {
		prev = b->prev;
		free(b);
	}
	a->head = NULL;
	a->next = a->end = NULL;
	a->block = 0;
	a->reserved = 0;
}
