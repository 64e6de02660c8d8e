/*
 * test_pieces: the pieces an exporter marks in a message's text. Entity
 * names in every exporter's spelling; UTF-16 offsets made bytes, astral
 * characters counting two units; offsets past the text or inside a
 * surrogate pair dropped; overlapping pieces dropped as Telegram Desktop
 * drops them.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "formats_int.h"

static void
test_kinds(void)
{
	static const struct { const char *name; int kind; } cases[] = {
		{ "link", PIECE_LINK },
		{ "url", PIECE_LINK },
		{ "MessageEntityUrl", PIECE_LINK },
		{ "messageEntityUrl", PIECE_LINK },
		{ "MessageEntityType.URL", PIECE_LINK },
		{ "textEntityTypeUrl", PIECE_LINK },
		{ "text_link", PIECE_MARK },
		{ "MessageEntityTextUrl", PIECE_MARK },
		{ "MessageEntityType.TEXT_LINK", PIECE_MARK },
		{ "mention", PIECE_MARK },
		{ "mention_name", PIECE_MARK },
		{ "InputMessageEntityMentionName", PIECE_MARK },
		{ "text_mention", PIECE_MARK },
		{ "hashtag", PIECE_MARK },
		{ "cashtag", PIECE_MARK },
		{ "bot_command", PIECE_MARK },
		{ "MessageEntityBotCommand", PIECE_MARK },
		{ "email", PIECE_MARK },
		{ "phone", PIECE_MARK },
		{ "phone_number", PIECE_MARK },
		{ "MessageEntityType.PHONE_NUMBER", PIECE_MARK },
		{ "bank_card", PIECE_MARK },
		{ "plain", PIECE_NONE },
		{ "bold", PIECE_NONE },
		{ "MessageEntityBold", PIECE_NONE },
		{ "code", PIECE_NONE },
		{ "pre", PIECE_NONE },
		{ "spoiler", PIECE_NONE },
		{ "custom_emoji", PIECE_NONE },
		{ "unknown", PIECE_NONE },
		{ "MessageEntity", PIECE_NONE },
		{ "", PIECE_NONE },
		{ "a_name_much_longer_than_any_entity_type_there_is", PIECE_NONE },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int k = fmt_piece_kind(cases[i].name, strlen(cases[i].name));

		if (k != cases[i].kind)
			fprintf(stderr, "kind of \"%s\": %d\n", cases[i].name, k);
		CHECK(k == cases[i].kind);
	}
}

/* Entities in code units (offset, length) to byte pieces of text. */
static void
test_utf16(void)
{
	/* "😀 Мир t.me/x": 😀 is 4 bytes and 2 units, each Cyrillic letter 2 bytes and 1 unit */
	static const char text[] = "\xf0\x9f\x98\x80 \xd0\x9c\xd0\xb8\xd1\x80 t.me/x";
	static const struct {
		size_t off, len;
		int kept;
		size_t boff, blen;
	} cases[] = {
		{ 7, 6, 1, 12, 6 },	/* t.me/x */
		{ 3, 3, 1, 5, 6 },	/* Мир */
		{ 0, 2, 1, 0, 4 },	/* the emoji, both halves */
		{ 0, 1, 0, 0, 0 },	/* half the pair */
		{ 1, 2, 0, 0, 0 },	/* from inside the pair */
		{ 7, 7, 0, 0, 0 },	/* one past the end */
		{ 13, 0, 0, 0, 0 },	/* empty */
		{ 99, 1, 0, 0, 0 },
		{ SIZE_MAX - 1, 5, 0, 0, 0 },	/* the end overflows */
	};
	struct fmt_pieces p = { 0 };

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		p.n = 0;
		fmt_pieces_add(&p, cases[i].off, cases[i].len, 1);
		fmt_pieces_utf16(&p, text, sizeof(text) - 1);
		CHECK(p.n == (size_t)cases[i].kept);
		if (p.n == 1 && cases[i].kept) {
			CHECK(p.v[0].off == cases[i].boff);
			CHECK(p.v[0].len == cases[i].blen);
			CHECK(p.v[0].link == 1);
		}
	}
	fmt_pieces_free(&p);
}

/* Several at once, in any order: sorted, the overlapping ones dropped. */
static void
test_apart(void)
{
	static const char text[] = "ab https://t.me/x #tag \xff\xfe end";
	struct fmt_pieces p = { 0 };

	fmt_pieces_add(&p, 18, 4, 0);		/* #tag */
	fmt_pieces_add(&p, 3, 14, 1);		/* https://t.me/x */
	fmt_pieces_add(&p, 10, 4, 0);		/* inside the link: dropped */
	fmt_pieces_add(&p, 3, 5, 0);		/* same start, shorter: dropped */
	fmt_pieces_add(&p, 26, 3, 0);		/* "end": an invalid byte is one unit */
	fmt_pieces_utf16(&p, text, sizeof(text) - 1);
	CHECK(p.n == 3);
	if (p.n == 3) {
		CHECK_MEM(text + p.v[0].off, p.v[0].len, "https://t.me/x");
		CHECK(p.v[0].link == 1);
		CHECK_MEM(text + p.v[1].off, p.v[1].len, "#tag");
		CHECK(p.v[1].link == 0);
		CHECK_MEM(text + p.v[2].off, p.v[2].len, "end");
	}
	fmt_pieces_free(&p);
}

int
main(void)
{
	test_kinds();
	test_utf16();
	test_apart();
	return check_done();
}
