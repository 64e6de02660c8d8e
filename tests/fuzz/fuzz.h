/*
 * fuzz.h: what every libFuzzer target shares: the data as a file that
 * input_open can read (a memfd, reopened through /proc), and a hard stop
 * when an invariant breaks.
 */
#ifndef CROSSLINK_FUZZ_H
#define CROSSLINK_FUZZ_H

#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#define FUZZ_ASSERT(cond) do { \
	if (!(cond)) { \
		fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #cond); \
		abort(); \
	} \
} while (0)

/* Write data to a fresh memfd; path gets "/proc/self/fd/N". Returns the fd. */
static inline int
fuzz_file(const uint8_t *data, size_t size, char path[64])
{
	int fd = memfd_create("fuzz", 0);

	FUZZ_ASSERT(fd >= 0);
	FUZZ_ASSERT(write(fd, data, size) == (ssize_t)size);
	snprintf(path, 64, "/proc/self/fd/%d", fd);
	return fd;
}

#endif
