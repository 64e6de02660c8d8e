/*
 * buf: a growable byte string, kept NUL-terminated so it can be printed
 * as it is. Reset by setting n to 0; never shrunk; freed with buf_free.
 *
 *	struct buf b = { 0 };
 *	buf_adds(&b, "t.me/");
 *	buf_add_lower(&b, "Durov", 5);		// b.p "t.me/durov", b.n 10
 */
#ifndef CROSSLINK_BUF_H
#define CROSSLINK_BUF_H

#include <stddef.h>

struct buf {
	char		*p;
	size_t		 n, cap;
};

void	 buf_add(struct buf *b, const char *s, size_t n);
void	 buf_adds(struct buf *b, const char *s);
void	 buf_addc(struct buf *b, int c);
void	 buf_add_lower(struct buf *b, const char *s, size_t n);
void	 buf_add_upper(struct buf *b, const char *s, size_t n);
void	 buf_addnum(struct buf *b, unsigned long long v);
/* Room for n more bytes (and the NUL) at b->p + b->n. */
void	 buf_reserve(struct buf *b, size_t n);
void	 buf_free(struct buf *b);

#endif
