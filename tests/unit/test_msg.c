/*
 * test_msg: visible() shows every byte a terminal would act on as an
 * escape, keeps text of any script as it is, and cuts a long input in
 * the middle, never inside a character.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "msg.h"

/* visible() of the n bytes at s equals want. */
static void
shows(const char *s, size_t n, const char *want, int line)
{
	char *v = visible(s, n);

	if (strcmp(v, want) == 0)
		check_pass++;
	else {
		check_fail++;
		fprintf(stderr, "%s:%d: visible gave \"%s\", want \"%s\"\n", __FILE__, line, v,
		    want);
	}
	free(v);
}
#define SHOWS(lit, want) shows(LIT(lit), (want), __LINE__)

int
main(void)
{
	char *v, *big;
	size_t n;

	SHOWS("plain text, t.me/x", "plain text, t.me/x");
	SHOWS("", "");
	/* C0, DEL: the terminal's own commands */
	SHOWS("a\033]0;pwned\007b", "a\\x1b]0;pwned\\x07b");
	SHOWS("tab\there\nline\rback", "tab\\there\\nline\\rback");
	SHOWS("nul\0in", "nul\\x00in");
	SHOWS("del\177", "del\\x7f");
	/* a backslash is copied: the message is for reading, not parsing */
	SHOWS("C:\\path", "C:\\path");
	/* text of other scripts, emoji, zero-width joiners: as they are */
	SHOWS("قناة t.me/x Канал 🔥", "قناة t.me/x Канал 🔥");
	SHOWS("a\u200db", "a\u200db");
	/* C1 controls (CSI as U+009B), bidi overrides and isolates, separators */
	SHOWS("\xc2\x9b" "31m", "\\u009b31m");
	SHOWS("\xe2\x80\xae" "txt.exe", "\\u202etxt.exe");
	SHOWS("\xe2\x81\xa6" "x\xe2\x81\xa9", "\\u2066x\\u2069");
	SHOWS("a\xe2\x80\xa8" "b", "a\\u2028b");
	/* bytes that are not UTF-8: each one shown */
	SHOWS("\xff\xfe", "\\xff\\xfe");
	SHOWS("\xc0\xaf", "\\xc0\\xaf");		/* overlong "/" */
	SHOWS("\xed\xa0\x80", "\\xed\\xa0\\x80");	/* a surrogate */
	SHOWS("cut \xe2\x80", "cut \\xe2\\x80");	/* cut short */
	SHOWS("\xf4\x90\x80\x80", "\\xf4\\x90\\x80\\x80");	/* past U+10FFFF */

	/* long: head, the count of what was left out, tail; whole characters */
	n = 3 * VISIBLE_MAX;
	big = malloc(n);
	for (size_t i = 0; i < n; i += 2)
		memcpy(big + i, "\xd0\x96", 2);		/* Ж */
	memcpy(big + n - 6, "END\033!!", 6);
	v = visible(big, n);
	CHECK(strlen(v) < VISIBLE_MAX + 64);
	CHECK(strstr(v, " [... ") != NULL && strstr(v, " bytes ...] ") != NULL);
	CHECK(strncmp(v, "\xd0\x96", 2) == 0);
	CHECK(strcmp(v + strlen(v) - 9, "END\\x1b!!") == 0);
	{
		/* what was kept plus what was left out is the whole input */
		const char *gap = strstr(v, " [... ");
		size_t left = strtoul(gap + 6, NULL, 10);
		size_t head = (size_t)(gap - v);
		size_t tail = strlen(strstr(gap, " ...] ") + 6) - 3;	/* \x1b: 4 for 1 */

		CHECK(head + left + tail == n);
		CHECK(head % 2 == 0 && left % 2 == 0);	/* no Ж was cut */
	}
	free(v);
	free(big);
	return check_done();
}
