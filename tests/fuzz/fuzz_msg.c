/*
 * fuzz_msg: visible() on any bytes gives text that is safe to show: valid
 * UTF-8 with no C0 or C1 control, DEL, bidirectional control or line
 * separator in it, and no longer than the cap allows.
 */
#include "fuzz.h"

#include <string.h>

#include "msg.h"
#include "util.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *v = visible((const char *)data, size);
	size_t n = strlen(v), len;

	/* an input byte is shown in 4 bytes at most (\xHH; \u202e is 6 for 3) */
	FUZZ_ASSERT(n <= 4 * (size < VISIBLE_MAX ? size : VISIBLE_MAX) + 64);
	for (size_t i = 0; i < n; i += len) {
		const unsigned char *u = (const unsigned char *)v + i;

		len = utf8_len(v + i, n - i);
		FUZZ_ASSERT(len > 0);
		FUZZ_ASSERT(len > 1 || (u[0] >= 0x20 && u[0] != 0x7f));
		FUZZ_ASSERT(len != 2 || u[0] != 0xc2 || u[1] >= 0xa0);
		FUZZ_ASSERT(len != 3 || u[0] != 0xe2 || u[1] != 0x80 || u[2] < 0xa8 ||
		    u[2] > 0xae);
		FUZZ_ASSERT(len != 3 || u[0] != 0xe2 || u[1] != 0x81 || u[2] < 0xa6 ||
		    u[2] > 0xa9);
	}
	free(v);
	return 0;
}
