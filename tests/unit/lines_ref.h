/*
 * lines_ref.h: what the line reader must make of plain bytes, by a plain
 * scan, for the unit test of input and its fuzzer: the lines between
 * newlines, and the bytes after the last one if any, each less one trailing
 * CR, with '\n' after each. The result is malloc'd; its length in *n.
 */
#ifndef CROSSLINK_LINES_REF_H
#define CROSSLINK_LINES_REF_H

#include <stdlib.h>
#include <string.h>

static inline char *
lines_ref(const void *data, size_t size, size_t *n)
{
	const char *d = data;
	char *e = malloc(size + 2);
	size_t start = 0;

	if (e == NULL)
		abort();
	*n = 0;
	for (size_t i = 0; i <= size; i++) {
		if (i < size && d[i] != '\n')
			continue;
		if (i == size && start == size)
			break;
		size_t len = i - start;
		if (len > 0 && d[start + len - 1] == '\r')
			len--;
		memcpy(e + *n, d + start, len);
		*n += len;
		e[(*n)++] = '\n';
		start = i + 1;
	}
	return e;
}

#endif
