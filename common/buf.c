/*
 * buf: growable byte strings; the key builders append a few bytes at a
 * time, so growth doubles (util's xgrow) and a NUL always follows.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "util.h"

void
buf_reserve(struct buf *b, size_t n)
{
	if (b->n + n + 1 > b->cap)
		xgrow(&b->p, &b->cap, b->n + n + 1);
}

void
buf_add(struct buf *b, const char *s, size_t n)
{
	buf_reserve(b, n);
	if (n)
		memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

void
buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_addc(struct buf *b, int c)
{
	char ch = (char)c;

	buf_add(b, &ch, 1);
}

void
buf_add_lower(struct buf *b, const char *s, size_t n)
{
	size_t start = b->n;

	buf_add(b, s, n);
	for (size_t i = start; i < b->n; i++)
		b->p[i] = (char)ascii_lower((unsigned char)b->p[i]);
}

void
buf_add_upper(struct buf *b, const char *s, size_t n)
{
	size_t start = b->n;

	buf_add(b, s, n);
	for (size_t i = start; i < b->n; i++)
		if (b->p[i] >= 'a' && b->p[i] <= 'z')
			b->p[i] = (char)(b->p[i] - 'a' + 'A');
}

void
buf_addnum(struct buf *b, unsigned long long v)
{
	char tmp[24];
	size_t i = sizeof(tmp);

	do {
		tmp[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	buf_add(b, tmp + i, sizeof(tmp) - i);
}

void
buf_free(struct buf *b)
{
	free(b->p);
	b->p = NULL;
	b->n = b->cap = 0;
}
