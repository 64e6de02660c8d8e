/*
 * genlog: writes a deterministic, realistic log of scraped channel messages
 * (Arabic, Russian and English text, emoji, a few percent of messages with
 * links of every platform, some defanged), or a TSV of extracted rows in
 * the extract | normalize shape, for tests, the demo and the benchmark.
 *
 *	genlog -s 1 -b 200000000 --format text | bin/extract | bin/tally -g platform
 *	genlog -s 2 --rows 10000000 --keys 500000 | bin/tally -g platform,key
 *
 * The same seed and options give the same bytes on any machine: splitmix64
 * streams, integer arithmetic only, no floating point, no locale, no rand().
 *
 * The bundled samples are made with exactly these commands (from the top of
 * the repository; tests/genlog/sample.sh checks them):
 *	build/genlog -s 2020 -n 400 --links 40 --format tsv | gzip -n -9 >testdata/sample.log.gz
 *	build/genlog -s 2020 -n 400 --links 40 --format text | gzip -n -9 >testdata/sample.txt.gz
 */
#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PROG		"genlog"
#define OUT_FLUSH	(1u << 20)	/* write out in blocks of about 1 MiB */
#define MAX_KEYS	10000000ull	/* codes embed the rank in 4 base-62 digits */
#define START_DAY	18225		/* 2019-11-25, in days since 1970-01-01 */
#define MSG_CHANNELS	1000		/* channels scraped, message mode */
#define ROW_CHANNELS	5000		/* channels scraped, --rows mode */
#define MSG_TARGETS	20000		/* distinct link targets, message mode */

/* ------------------------------------------------------------------ */
/* Random numbers: splitmix64, whose output depends on nothing but the seed. */

struct rng {
	uint64_t	s;
};

static uint64_t
mix(uint64_t z)
{
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

static uint64_t
next(struct rng *r)
{
	r->s += 0x9e3779b97f4a7c15ull;
	return mix(r->s);
}

/* 0 <= result < n; the modulo bias is irrelevant here and is portable. */
static uint32_t
below(struct rng *r, uint32_t n)
{
	return (uint32_t)(next(r) % n);
}

static int
permille(struct rng *r, unsigned p)
{
	return below(r, 1000) < p;
}

/* Index into weights w[0..n-1] (non-negative integers, not all zero). */
static int
pick(struct rng *r, const unsigned *w, int n)
{
	unsigned total = 0, x;
	int i;

	for (i = 0; i < n; i++)
		total += w[i];
	x = below(r, total);
	for (i = 0; i < n - 1; i++) {
		if (x < w[i])
			return i;
		x -= w[i];
	}
	return n - 1;
}

#define PICK(r, w)	pick((r), (w), (int)(sizeof(w) / sizeof((w)[0])))
#define ONE_OF(r, a)	((a)[below((r), (uint32_t)(sizeof(a) / sizeof((a)[0])))])

/*
 * Zipf-like popularity: weight of rank i is 2^32 / (i + 4), integers only,
 * so the table (and every draw) is the same on every machine. The +4 keeps
 * the top rank from taking a quarter of everything.
 */
struct zipf {
	uint64_t	*cum;
	uint32_t	*guide;	/* guide[j]: first rank with cum > j * width */
	uint64_t	 width;
	uint32_t	 n;
};

static void
zipf_init(struct zipf *z, uint32_t n)
{
	uint64_t sum = 0;
	uint32_t i;

	z->n = n;
	z->cum = malloc((size_t)n * sizeof(*z->cum));
	if (z->cum == NULL) {
		fprintf(stderr, "%s: out of memory\n", PROG);
		exit(2);
	}
	for (i = 0; i < n; i++) {
		sum += (UINT64_C(1) << 32) / ((uint64_t)i + 4);
		z->cum[i] = sum;
	}
	/*
	 * A guide table (one bucket per rank) narrows each draw's search to
	 * a rank or two: an inverse-CDF lookup without a 20-step binary search
	 * through a table too big for the cache. Same answers, only faster.
	 */
	z->width = sum / n + 1;
	z->guide = malloc(((size_t)n + 1) * sizeof(*z->guide));
	if (z->guide == NULL) {
		fprintf(stderr, "%s: out of memory\n", PROG);
		exit(2);
	}
	{
		uint32_t j, r = 0;
		for (j = 0; j < n; j++) {
			while (r < n - 1 && z->cum[r] <= (uint64_t)j * z->width)
				r++;
			z->guide[j] = r;
		}
		z->guide[n] = n - 1;
	}
}

static void
zipf_free(struct zipf *z)
{
	free(z->cum);
	free(z->guide);
}

static uint32_t
zipf_draw(const struct zipf *z, struct rng *r)
{
	uint64_t x = next(r) % z->cum[z->n - 1];
	uint64_t j = x / z->width;
	uint32_t lo = z->guide[j], hi = z->guide[j + 1];

	/* First index whose cumulative weight exceeds x. */
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (z->cum[mid] > x)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

/* ------------------------------------------------------------------ */
/* Growable byte buffers, and stdout written in large blocks. */

struct buf {
	char	*p;
	size_t	 len, cap;
};

static void
b_room(struct buf *b, size_t n)
{
	if (b->cap - b->len >= n)
		return;
	while (b->cap - b->len < n)
		b->cap = b->cap ? b->cap * 2 : 4096;
	b->p = realloc(b->p, b->cap);
	if (b->p == NULL) {
		fprintf(stderr, "%s: out of memory\n", PROG);
		exit(2);
	}
}

static void
b_mem(struct buf *b, const char *s, size_t n)
{
	if (n == 0)	/* s may be the NULL of an empty buffer */
		return;
	b_room(b, n);
	memcpy(b->p + b->len, s, n);
	b->len += n;
}

static void
b_str(struct buf *b, const char *s)
{
	b_mem(b, s, strlen(s));
}

static void
b_ch(struct buf *b, char c)
{
	b_room(b, 1);
	b->p[b->len++] = c;
}

static void
b_u64(struct buf *b, uint64_t v)
{
	char tmp[24];
	int i = sizeof(tmp);

	do {
		tmp[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v != 0);
	b_mem(b, tmp + i, sizeof(tmp) - (size_t)i);
}

static struct buf out;
static uint64_t out_total;	/* bytes handed to stdout so far */

static void
write_fail(void)
{
	fprintf(stderr, "%s: stdout: %s\n", PROG, strerror(errno));
	exit(2);
}

static void
out_flush(void)
{
	if (out.len != 0 && fwrite(out.p, 1, out.len, stdout) != out.len)
		write_fail();
	out_total += out.len;
	out.len = 0;
}

static void
out_maybe_flush(void)
{
	if (out.len >= OUT_FLUSH)
		out_flush();
}

/* ------------------------------------------------------------------ */
/* Dates: proleptic Gregorian from a day count, integer arithmetic only. */

static void
civil_from_days(int64_t z, unsigned *y, unsigned *m, unsigned *d)
{
	int64_t era, yy;
	unsigned doe, yoe, doy, mp;

	/* Shift to 0000-03-01 so that leap days end each 400-year era. */
	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	yy = (int64_t)yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (unsigned)(yy + (*m <= 2));
}

static void
two(char *p, unsigned v)
{
	p[0] = (char)('0' + v / 10 % 10);
	p[1] = (char)('0' + v % 10);
}

/*
 * t seconds after the start as "2019-11-25T10:00:00Z" into iso (20 bytes,
 * no NUL). Returns 1 when the day changed since the previous call, so
 * callers can cache per-day strings.
 */
static int
fmt_time(uint64_t t, char *iso)
{
	static int64_t last_day = -1;
	static char date[10];
	int64_t day = (int64_t)(t / 86400);
	unsigned s = (unsigned)(t % 86400), y, m, d;
	int changed = 0;

	if (day != last_day) {
		civil_from_days(START_DAY + day, &y, &m, &d);
		two(date, y / 100);
		two(date + 2, y % 100);
		date[4] = '-';
		two(date + 5, m);
		date[7] = '-';
		two(date + 8, d);
		last_day = day;
		changed = 1;
	}
	memcpy(iso, date, 10);
	iso[10] = 'T';
	two(iso + 11, s / 3600);
	iso[13] = ':';
	two(iso + 14, s / 60 % 60);
	iso[16] = ':';
	two(iso + 17, s % 60);
	iso[19] = 'Z';
	return changed;
}

/* ------------------------------------------------------------------ */
/* Word lists (our own), by script. */

static const char *const words_ar[] = {
	"الأخبار", "عاجل", "قناة", "رابط", "انضموا", "إلى", "في", "من", "على",
	"هذا", "اليوم", "الجديد", "الرسمية", "تابعونا", "مجموعة", "الحساب",
	"المحذوف", "البديل", "نشر", "شارك", "الفيديو", "الصور", "مباشر",
	"تحديث", "الرابط", "للتواصل", "الاشتراك", "المقال", "الكامل", "حصري",
	"أهم", "العالم", "السياسة", "الاقتصاد", "الرياضة", "الطقس", "دمشق",
	"بغداد", "القاهرة", "الرياض", "بيروت", "صباح", "مساء", "الخير",
	"السلام", "عليكم", "شكرا", "إخوة", "نرجو", "النشر", "سريعا", "القناة",
	"الاحتياطية", "بعد", "حذف", "تم", "قبل", "ساعة", "دقائق", "أيام", "كل",
	"جميع", "لا", "نعم", "هل", "ماذا", "كيف", "لماذا", "مهم", "جدا", "خبر",
	"صورة", "تقرير", "بيان", "رسالة", "البث", "المصدر", "التفاصيل", "هنا",
	"الآن", "أكثر", "الأول", "الأخير", "مترجم", "الحلقة",
};

static const char *const words_ru[] = {
	"новости", "канал", "ссылка", "подписывайтесь", "на", "в", "и", "не",
	"что", "это", "сегодня", "новый", "официальный", "резервный", "группа",
	"чат", "удалили", "переходите", "сюда", "видео", "фото", "прямой",
	"эфир", "обновление", "читать", "полностью", "срочно", "главное", "мир",
	"политика", "экономика", "спорт", "погода", "Москва", "Киев", "Минск",
	"утро", "вечер", "всем", "привет", "спасибо", "друзья", "репост",
	"пожалуйста", "быстро", "после", "блокировки", "до", "час", "минут",
	"дней", "все", "каждый", "нет", "да", "как", "почему", "важно", "очень",
	"сообщение", "статья", "отчёт", "заявление", "подробности", "источник",
	"внимание", "бот", "зеркало", "наш", "ваш", "где", "когда", "здесь",
	"ещё", "уже", "Новости", "Срочно", "Внимание", "Друзья",
};

static const char *const words_en[] = {
	"news", "channel", "link", "join", "our", "the", "new", "official",
	"backup", "group", "chat", "deleted", "follow", "here", "video",
	"photo", "live", "update", "read", "more", "breaking", "world",
	"politics", "economy", "sports", "weather", "morning", "evening",
	"hello", "thanks", "friends", "share", "please", "fast", "after", "ban",
	"before", "hour", "minutes", "days", "all", "every", "no", "yes", "how",
	"why", "important", "very", "message", "article", "report", "statement",
	"details", "source", "attention", "bot", "mirror", "your", "where",
	"when", "now", "still", "already", "subscribe", "admin", "only", "free",
	"download", "full", "episode", "today", "tomorrow", "last", "first",
	"just", "posted", "via", "Breaking", "Update", "Join", "New",
};

static const char *const emoji[] = {
	"🔥", "👇", "⬇️", "✅", "❗", "📢", "🔴", "⚡", "📌", "👉", "🙏", "😂",
	"❤️", "🌍", "📷", "🎥", "⚠️", "💬", "🆕", "🇸🇾", "🇷🇺", "🇮🇶", "☝️",
	"🤲", "👍", "📲", "🔗", "‼️", "🌙", "✍️",
};

enum { AR, RU, EN, NLANG };

static const char *
word(struct rng *r, int lang)
{
	switch (lang) {
	case AR:
		return ONE_OF(r, words_ar);
	case RU:
		return ONE_OF(r, words_ru);
	default:
		return ONE_OF(r, words_en);
	}
}

/* ------------------------------------------------------------------ */
/* Names and codes. Each embeds its rank injectively, so distinct ranks
 * always give distinct keys (--rows promises exactly K keys). */

static const char consonants[] = "bdfghjklmnprstvz";	/* 16 */
static const char vowels[] = "aeiou";			/* 5 */
static const char *const decor[] = {
	"", "", "", "_news", "_tv", "24", "_ar", "_ru", "_media", "_info",
	"2019", "_chat", "_1", "_live",
};

static uint64_t name_offset, code_offset;	/* from the seed */

/*
 * Eight letters (four consonant-vowel syllables) from the rank, then a
 * suffix from h. Fixed length makes the map injective below 80^4 ranks.
 * camel capitalises the syllables: display case, not identity.
 */
static size_t
gen_name(uint64_t rank, uint64_t h, char *dst, int camel)
{
	/* An odd multiplier not divisible by 5 permutes 0 .. 80^4-1, and
	 * scatters neighbouring ranks over every syllable. */
	uint64_t v = ((rank % 40960000u) * 2654435761u % 40960000u +
	    name_offset) % 40960000u;
	const char *suffix = decor[h % (sizeof(decor) / sizeof(decor[0]))];
	size_t n = 0;
	int i;

	for (i = 0; i < 4; i++) {
		unsigned d = (unsigned)(v % 80 + 23u * (unsigned)i) % 80;
		char c = consonants[d / 5];
		v /= 80;
		if ((i == 0 && camel) || (i == 2 && camel == 2))
			c = (char)(c - 'a' + 'A');
		dst[n++] = c;
		dst[n++] = vowels[d % 5];
	}
	memcpy(dst + n, suffix, strlen(suffix));
	n += strlen(suffix);
	dst[n] = '\0';
	return n;
}

static const char alnum62[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
static const char b64url[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
static const char b64std[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
static const char base36[] = "abcdefghijklmnopqrstuvwxyz0123456789";

/*
 * A token of len characters from alphabet a (size n): random characters
 * from er, with the rank written in ndig digits (at every other position
 * from 1 when the token is long enough, else at its end), so distinct ranks
 * give distinct tokens of the same length.
 */
static void
gen_code(uint64_t rank, struct rng *er, const char *a, unsigned n,
    size_t len, unsigned ndig, char *dst)
{
	uint64_t mod = 1, v, bits = 0;
	size_t i, step = len >= 2 * (size_t)ndig ? 2 : 1;
	size_t at = step == 2 ? 1 : len - ndig;

	for (i = 0; i < ndig; i++)
		mod *= n;
	/* 2654435761 is a prime above every base, so this permutes
	 * 0 .. mod-1 and the rank digits do not stand out as a pattern. */
	v = (rank % mod * 2654435761u + code_offset) % mod;
	/* Six random bits a character, ten from each draw. */
	for (i = 0; i < len; i++) {
		if (i % 10 == 0)
			bits = next(er);
		dst[i] = a[(bits & 63) % n];
		bits >>= 6;
	}
	for (i = 0; i < ndig; i++) {
		dst[at + step * i] = a[v % n];
		v /= n;
	}
	dst[len] = '\0';
}

/* ------------------------------------------------------------------ */
/* Link targets ("entities"): what a link points at, its platform and kind. */

enum plat {
	TG, WA, DC, TT, RC, TW, FB, YT, VK, AO, JP, SH, WEB, HOOP, NPLAT
};

enum kind {
	K_CHANNEL, K_POST, K_INVITE, K_FOLDER, K_CONTACT, K_ARCHIVE, K_PASTE,
	K_SHORT, K_OTHER
};

static const char *const kind_name[] = {
	"channel", "post", "invite", "folder", "contact", "archive", "paste",
	"shortener", "other",
};

/* Platform weights (per mille-ish) of link targets in messages; --rows
 * leaves out plain web and Hoop links, whose key is empty. */
static const unsigned plat_weight_msg[NPLAT] = {
	400, 90, 60, 30, 25, 50, 35, 50, 40, 25, 20, 35, 90, 10,
};
static const unsigned plat_weight_rows[NPLAT] = {
	400, 90, 60, 30, 25, 50, 35, 50, 40, 25, 20, 35, 0, 0,
};

static const char *const rc_servers[] = {
	"open.rocket.chat", "chat.sahabnet.org", "rocket.nashi-ludi.ru",
	"chat.medinahub.com", "rc.libre-voice.net", "talk.freenews.io",
};

static const char *const web_hosts[] = {
	"www.aljazeera.net", "ria.ru", "www.bbc.com", "arabic.rt.com",
	"lenta.ru", "www.reuters.com", "www.alarabiya.net", "tass.ru",
	"example.com", "medium.com", "www.france24.com", "meduza.io",
};

struct shortener {
	const char	*host, *platform;
	unsigned	 len, base36;
};

static const struct shortener shorteners[] = {
	{ "bit.ly", "bitly", 7, 0 }, { "tinyurl.com", "tinyurl", 8, 1 },
	{ "cutt.ly", "cuttly", 7, 0 }, { "goo.gl", "googl", 6, 0 },
	{ "t.co", "twitter", 10, 0 }, { "is.gd", "isgd", 6, 0 },
};

static const char *const cc_prefix[] = {	/* prefix-free on purpose */
	"7", "20", "44", "90", "963", "964", "966",
};

struct ent {
	int		 plat, kind;
	const char	*platform;	/* platform column */
	char		 name[48];	/* case-insensitive name, display case */
	size_t		 name_len;
	char		 owner[48];	/* channel a post belongs to */
	char		 code[48];	/* case-sensitive token */
	const char	*host;		/* server, shortener or web host */
	uint64_t	 num, num2;
};

static uint64_t ent_seed;

static void
make_entity(uint64_t rank, int rows, struct ent *e)
{
	struct rng er = { mix(ent_seed ^ mix(rank + 1)) };
	uint64_t h = next(&er);
	int camel = (int)(h >> 40) % 3;

	memset(e, 0, sizeof(*e));
	e->plat = pick(&er, rows ? plat_weight_rows : plat_weight_msg, NPLAT);
	e->name_len = gen_name(rank, h, e->name, camel);
	switch (e->plat) {
	case TG: {
		static const unsigned w[] = { 48, 27, 20, 5 };
		e->platform = "telegram";
		e->kind = (int[]){ K_CHANNEL, K_POST, K_INVITE, K_FOLDER }[PICK(&er, w)];
		if (e->kind == K_POST) {
			/* Posts of a few popular channels: the owner recurs.
			 * (One draw a statement: argument order is unspecified
			 * in C, and the bytes must not depend on the compiler.) */
			uint64_t owner = below(&er, 300);
			gen_name(owner, next(&er), e->owner, camel);
			e->num = 100 + rank * 3 + below(&er, 3);
		} else if (e->kind == K_INVITE) {
			if (permille(&er, 300)) {	/* old-style joinchat hash */
				memcpy(e->code, "AAAAA", 5);
				gen_code(rank, &er, b64url, 64, 17, 4, e->code + 5);
			} else {
				gen_code(rank, &er, b64url, 64, 16, 4, e->code);
			}
		} else if (e->kind == K_FOLDER) {
			gen_code(rank, &er, b64url, 64, 12, 4, e->code);
		}
		break;
	}
	case WA: {
		static const unsigned w[] = { 70, 15, 15 };
		e->platform = "whatsapp";
		e->kind = (int[]){ K_INVITE, K_CHANNEL, K_CONTACT }[PICK(&er, w)];
		if (e->kind == K_INVITE) {
			gen_code(rank, &er, alnum62, 62, 22, 4, e->code);
		} else if (e->kind == K_CHANNEL) {
			memcpy(e->code, "0029Va", 6);
			gen_code(rank, &er, alnum62, 62, 18, 4, e->code + 6);
		} else {
			e->host = ONE_OF(&er, cc_prefix);
			/* 7919 is prime, so this is a bijection below 10^9. */
			e->num = 100000000 + (rank * 7919 + code_offset) % 900000000;
		}
		break;
	}
	case DC:
		e->platform = "discord";
		e->kind = K_INVITE;
		gen_code(rank, &er, alnum62, 62, 8 + below(&er, 3), 4, e->code);
		break;
	case TT:
		e->platform = "tamtam";
		e->kind = permille(&er, 800) ? K_CHANNEL : K_POST;
		if (e->kind == K_POST) {
			memcpy(e->owner, e->name, e->name_len + 1);
			gen_code(rank, &er, b64url, 64, 11, 4, e->code);
		}
		break;
	case RC:
		e->platform = "rocketchat";
		e->kind = K_INVITE;
		e->host = ONE_OF(&er, rc_servers);
		gen_code(rank, &er, alnum62, 62, 6, 4, e->code);
		break;
	case TW:
		e->platform = "twitter";
		e->kind = permille(&er, 600) ? K_CHANNEL : K_POST;
		if (e->kind == K_POST)
			e->num = UINT64_C(1199000000000000000) + rank * 1000 +
			    below(&er, 1000);
		break;
	case FB:
		e->platform = "facebook";
		e->kind = K_CHANNEL;
		e->num = (uint64_t)permille(&er, 250);	/* a group, not a page */
		/* Facebook names have dots, not underscores. */
		for (size_t i = 0; i < e->name_len; i++)
			if (e->name[i] == '_')
				e->name[i] = '.';
		break;
	case YT:
		e->platform = "youtube";
		e->kind = permille(&er, 700) ? K_POST : K_CHANNEL;
		if (e->kind == K_POST)
			gen_code(rank, &er, b64url, 64, 11, 4, e->code);
		break;
	case VK: {
		static const unsigned w[] = { 70, 15, 15 };
		e->platform = "vk";
		e->kind = (int[]){ K_CHANNEL, K_INVITE, K_POST }[PICK(&er, w)];
		if (e->kind == K_INVITE) {
			gen_code(rank, &er, b64std, 64, 24, 4, e->code);
			memcpy(e->code + 22, "==", 3);
		} else if (e->kind == K_POST) {
			e->num = 10000000 + below(&er, 90000000);
			e->num2 = 1 + rank * 5 + below(&er, 5);
		}
		break;
	}
	case AO:
		e->platform = "archive_org";
		e->kind = K_ARCHIVE;
		e->num = (uint64_t)permille(&er, 300);	/* a Wayback copy */
		e->num2 = 20191125000000ull + (rank % 1000000) * 7 +
		    below(&er, 7);
		if (e->num)	/* the archived page is a Telegram channel */
			gen_name(rank, h, e->owner, camel);
		break;
	case JP:
		e->platform = "justpaste";
		e->kind = K_PASTE;
		gen_code(rank, &er, base36, 36, 5 + below(&er, 4), 5, e->code);
		break;
	case SH: {
		const struct shortener *s = &shorteners[below(&er,
		    sizeof(shorteners) / sizeof(shorteners[0]))];
		e->platform = s->platform;
		e->kind = K_SHORT;
		e->host = s->host;
		if (s->base36)
			gen_code(rank, &er, base36, 36, s->len, 5, e->code);
		else
			gen_code(rank, &er, alnum62, 62, s->len, 4, e->code);
		break;
	}
	case WEB:
		e->platform = "web";
		e->kind = K_OTHER;
		e->host = ONE_OF(&er, web_hosts);
		e->num = 100000 + rank * 13 + below(&er, 13);
		break;
	default:
		e->platform = "hoop";
		e->kind = K_OTHER;
		break;
	}
}

/* Write a case-insensitive name as written: display, lower or upper. */
static void
b_name(struct buf *b, const char *s, int form)
{
	size_t n = strlen(s), i;

	b_room(b, n);
	for (i = 0; i < n; i++) {
		char c = s[i];
		if (form == 1 && c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		else if (form == 2 && c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		b->p[b->len++] = c;
	}
}

static void
b_lower(struct buf *b, const char *s)
{
	b_name(b, s, 1);
}

/* How a case-insensitive name is written: mostly as its owner wrote it. */
static int
case_form(struct rng *r)
{
	static const unsigned w[] = { 80, 15, 5 };
	return PICK(r, w);
}

/* Scheme prefix: none, https, http (weights given by caller). */
static void
b_scheme(struct buf *b, struct rng *r, unsigned none, unsigned https,
    unsigned http)
{
	const unsigned w[] = { none, https, http };

	switch (pick(r, w, 3)) {
	case 1:
		b_str(b, "https://");
		break;
	case 2:
		b_str(b, "http://");
		break;
	}
}

/*
 * The link as a user wrote it (before any defanging): one of the forms the
 * platform accepts for this target, in a random but seeded choice.
 */
static void
render_url(const struct ent *e, struct rng *r, struct buf *u)
{
	int cf = case_form(r);

	switch (e->plat) {
	case TG:
		if (e->kind == K_CHANNEL) {
			static const unsigned w[] = { 30, 32, 3, 10, 3, 4, 5, 3, 3 };
			switch (PICK(r, w)) {
			case 0: b_str(u, "t.me/"); break;
			case 1: b_str(u, "https://t.me/"); break;
			case 2: b_str(u, "http://t.me/"); break;
			case 3: b_str(u, "https://telegram.me/"); break;
			case 4: b_str(u, "telegram.me/"); break;
			case 5: b_str(u, "https://telegram.dog/"); break;
			case 6:
				if (strchr(e->name, '_') != NULL) {
					/* Not a valid host label: plain form. */
					b_str(u, "https://t.me/");
					break;
				}
				b_str(u, "https://");
				b_lower(u, e->name);
				b_str(u, ".t.me");
				return;
			case 7:
				b_str(u, "tg://resolve?domain=");
				break;
			default:
				b_str(u, "HTTPS://T.ME/");
				b_name(u, e->name, 2);
				return;
			}
			b_name(u, e->name, cf);
		} else if (e->kind == K_POST) {
			static const unsigned w[] = { 55, 20, 6, 7, 5, 7 };
			int f = PICK(r, w);
			if (f == 4) {
				b_str(u, "tg://resolve?domain=");
				b_name(u, e->owner, cf);
				b_str(u, "&post=");
				b_u64(u, e->num);
				return;
			}
			b_str(u, f == 1 ? "t.me/" : f == 3 ?
			    "https://telegram.me/" : "https://t.me/");
			b_name(u, e->owner, cf);
			b_ch(u, '/');
			b_u64(u, e->num);
			if (f == 2)
				b_str(u, "?single");
			else if (f == 5) {
				b_str(u, "?comment=");
				b_u64(u, 1 + below(r, 9000));
			}
		} else if (e->kind == K_INVITE) {
			static const unsigned w[] = { 35, 15, 30, 10, 7, 3 };
			switch (PICK(r, w)) {
			case 0: b_str(u, "https://t.me/+"); break;
			case 1: b_str(u, "t.me/+"); break;
			case 2: b_str(u, "https://t.me/joinchat/"); break;
			case 3: b_str(u, "t.me/joinchat/"); break;
			case 4: b_str(u, "https://telegram.me/joinchat/"); break;
			default: b_str(u, "tg://join?invite="); break;
			}
			b_str(u, e->code);
		} else {
			b_scheme(u, r, 40, 60, 0);
			b_str(u, "t.me/addlist/");
			b_str(u, e->code);
		}
		break;
	case WA:
		if (e->kind == K_INVITE) {
			static const unsigned w[] = { 65, 20, 5, 10 };
			int f = PICK(r, w);
			b_str(u, f == 1 ? "chat.whatsapp.com/" :
			    "https://chat.whatsapp.com/");
			if (f == 2)
				b_str(u, "invite/");
			b_str(u, e->code);
			if (f == 3)
				b_str(u, "?mode=ems_copy_c");
		} else if (e->kind == K_CHANNEL) {
			b_str(u, permille(r, 600) ? "https://whatsapp.com/channel/" :
			    "https://www.whatsapp.com/channel/");
			b_str(u, e->code);
		} else {
			static const unsigned w[] = { 50, 30, 20 };
			int f = PICK(r, w);
			b_str(u, f == 0 ? "wa.me/" : f == 1 ? "https://wa.me/" :
			    "https://api.whatsapp.com/send?phone=");
			b_str(u, e->host);
			b_u64(u, e->num);
		}
		break;
	case DC: {
		static const unsigned w[] = { 45, 30, 15, 5, 5 };
		static const char *const f[] = {
			"discord.gg/", "https://discord.gg/",
			"https://discord.com/invite/", "discordapp.com/invite/",
			"https://discord.gg/invite/",
		};
		b_str(u, f[PICK(r, w)]);
		b_str(u, e->code);
		break;
	}
	case TT:
		if (e->kind == K_POST || permille(r, 550))
			b_str(u, "https://tamtam.chat/");
		else
			b_str(u, permille(r, 500) ? "tt.me/" : "https://tt.me/");
		b_name(u, e->name, cf);
		if (e->kind == K_POST) {
			b_ch(u, '/');
			b_str(u, e->code);
		}
		break;
	case RC: {
		static const unsigned w[] = { 60, 30, 10 };
		int f = PICK(r, w);
		if (f == 0) {
			b_str(u, "https://");
			b_str(u, e->host);
			b_str(u, "/invite/");
		} else {
			b_str(u, f == 1 ? "https://go.rocket.chat/invite?host=" :
			    "go.rocket.chat/invite?host=");
			b_str(u, e->host);
			b_str(u, f == 1 ? "&path=invite%2F" : "&path=invite/");
		}
		b_str(u, e->code);
		break;
	}
	case TW: {
		static const unsigned w[] = { 40, 30, 15, 10, 5 };
		static const char *const f[] = {
			"https://twitter.com/", "https://x.com/", "twitter.com/",
			"x.com/", "https://mobile.twitter.com/",
		};
		b_str(u, f[PICK(r, w)]);
		b_name(u, e->name, cf);
		if (e->kind == K_POST) {
			b_str(u, "/status/");
			b_u64(u, e->num);
			if (permille(r, 300))
				b_str(u, "?s=20");
		}
		break;
	}
	case FB: {
		static const unsigned w[] = { 50, 25, 15, 10 };
		static const char *const f[] = {
			"https://www.facebook.com/", "facebook.com/",
			"https://m.facebook.com/", "fb.com/",
		};
		b_str(u, f[PICK(r, w)]);
		if (e->num)
			b_str(u, "groups/");
		b_name(u, e->name, cf);
		break;
	}
	case YT:
		if (e->kind == K_POST) {
			static const unsigned w[] = { 45, 35, 10, 10 };
			switch (PICK(r, w)) {
			case 0:
				b_str(u, "https://www.youtube.com/watch?v=");
				b_str(u, e->code);
				break;
			case 1:
				b_str(u, "https://youtu.be/");
				b_str(u, e->code);
				break;
			case 2:
				b_str(u, "youtube.com/watch?v=");
				b_str(u, e->code);
				b_str(u, "&feature=share");
				break;
			default:
				b_str(u, "https://youtube.com/shorts/");
				b_str(u, e->code);
				break;
			}
		} else {
			b_str(u, permille(r, 700) ? "https://www.youtube.com/@" :
			    "youtube.com/@");
			b_name(u, e->name, cf);
		}
		break;
	case VK:
		if (e->kind == K_INVITE) {
			b_str(u, "https://vk.me/join/");
			b_str(u, e->code);
		} else if (e->kind == K_POST) {
			b_scheme(u, r, 30, 70, 0);
			b_str(u, "vk.com/wall-");
			b_u64(u, e->num);
			b_ch(u, '_');
			b_u64(u, e->num2);
		} else {
			static const unsigned w[] = { 30, 60, 10 };
			int f = PICK(r, w);
			b_str(u, f == 0 ? "vk.com/" : f == 1 ? "https://vk.com/" :
			    "https://m.vk.com/");
			b_name(u, e->name, cf);
		}
		break;
	case AO:
		if (e->num) {
			b_str(u, "https://web.archive.org/web/");
			b_u64(u, e->num2);
			b_str(u, "/https://t.me/");
			b_str(u, e->owner);
		} else {
			b_scheme(u, r, 30, 70, 0);
			if (permille(r, 750)) {
				b_str(u, "archive.org/details/");
				b_name(u, e->name, 1);
				b_str(u, "-collection");
			} else {
				b_str(u, "archive.org/download/");
				b_name(u, e->name, 1);
				b_str(u, "-collection/part1.pdf");
			}
		}
		break;
	case JP:
		b_scheme(u, r, 30, 70, 0);
		b_str(u, "justpaste.it/");
		b_str(u, e->code);
		break;
	case SH:
		b_scheme(u, r, 35, 60, 5);
		b_str(u, e->host);
		b_ch(u, '/');
		b_str(u, e->code);
		break;
	case WEB:
		b_scheme(u, r, 15, 80, 5);
		b_str(u, e->host);
		b_str(u, ONE_OF(r, ((const char *const[]){ "/news/",
		    "/world/", "/politics/", "/article/", "/ar/", "/" })));
		b_u64(u, e->num);
		if (permille(r, 200))
			b_str(u, "?utm_source=telegram&utm_medium=social");
		else if (permille(r, 150))
			b_str(u, ".html");
		break;
	default:
		b_scheme(u, r, 40, 50, 10);
		b_str(u, permille(r, 700) ? "hoopmessenger.com/dl" :
		    "www.hoopmessenger.com/");
		break;
	}
}

/* The canonical key and owning channel of a target (the normalize shape). */
static void
entity_key(const struct ent *e, struct buf *k, struct buf *ck)
{
	switch (e->plat) {
	case TG:
		if (e->kind == K_CHANNEL) {
			b_str(k, "t.me/");
			b_lower(k, e->name);
		} else if (e->kind == K_POST) {
			b_str(ck, "t.me/");
			b_lower(ck, e->owner);
			b_mem(k, ck->p, ck->len);
			b_ch(k, '/');
			b_u64(k, e->num);
		} else if (e->kind == K_INVITE) {
			b_str(k, "t.me/+");
			b_str(k, e->code);
		} else {
			b_str(k, "t.me/addlist/");
			b_str(k, e->code);
		}
		break;
	case WA:
		if (e->kind == K_INVITE) {
			b_str(k, "chat.whatsapp.com/");
			b_str(k, e->code);
		} else if (e->kind == K_CHANNEL) {
			b_str(k, "whatsapp.com/channel/");
			b_str(k, e->code);
		} else {
			b_str(k, "wa.me/");
			b_str(k, e->host);
			b_u64(k, e->num);
		}
		break;
	case DC:
		b_str(k, "discord.gg/");
		b_str(k, e->code);
		break;
	case TT:
		b_str(k, "tt.me/");
		b_lower(k, e->name);
		if (e->kind == K_POST) {
			b_mem(ck, k->p, k->len);
			b_ch(k, '/');
			b_str(k, e->code);
		}
		break;
	case RC:
		b_str(k, e->host);
		b_str(k, "/invite/");
		b_str(k, e->code);
		break;
	case TW:
		b_str(k, "x.com/");
		b_lower(k, e->name);
		if (e->kind == K_POST) {
			b_mem(ck, k->p, k->len);
			b_str(k, "/status/");
			b_u64(k, e->num);
		}
		break;
	case FB:
		b_str(k, e->num ? "facebook.com/groups/" : "facebook.com/");
		for (const char *p = e->name; *p != '\0'; p++)
			if (*p != '.' || e->num)
				b_ch(k, (char)(*p >= 'A' && *p <= 'Z' ?
				    *p - 'A' + 'a' : *p));
		break;
	case YT:
		if (e->kind == K_POST) {
			b_str(k, "youtube.com/watch?v=");
			b_str(k, e->code);
		} else {
			b_str(k, "youtube.com/@");
			b_lower(k, e->name);
		}
		break;
	case VK:
		if (e->kind == K_INVITE) {
			b_str(k, "vk.me/join/");
			b_str(k, e->code);
		} else if (e->kind == K_POST) {
			b_str(k, "vk.com/wall-");
			b_u64(k, e->num);
			b_ch(k, '_');
			b_u64(k, e->num2);
		} else {
			b_str(k, "vk.com/");
			b_lower(k, e->name);
		}
		break;
	case AO:
		if (e->num) {
			b_str(k, "web.archive.org/web/");
			b_u64(k, e->num2);
			b_str(k, "/https://t.me/");
			b_str(k, e->owner);
		} else {
			b_str(k, "archive.org/details/");
			b_lower(k, e->name);
			b_str(k, "-collection");
		}
		break;
	case JP:
		b_str(k, "justpaste.it/");
		b_str(k, e->code);
		break;
	case SH:
		b_str(k, e->host);
		b_ch(k, '/');
		b_str(k, e->code);
		break;
	default:
		break;	/* web and Hoop links have no key */
	}
}

/* ------------------------------------------------------------------ */
/* Defanging: the written forms extract must see through. */

enum written { W_PLAIN, W_DEFANGED, W_SPACED, W_UNICODE };
static const char *const written_name[] = {
	"plain", "defanged", "spaced", "unicode",
};

/* Offsets of the host in u: after "://" if any, up to / ? or the end. */
static void
host_span(const struct buf *u, size_t *start, size_t *end)
{
	size_t i, s = 0;

	for (i = 0; i + 2 < u->len; i++)
		if (u->p[i] == ':' && u->p[i + 1] == '/' && u->p[i + 2] == '/') {
			s = i + 3;
			break;
		}
	for (i = s; i < u->len && u->p[i] != '/' && u->p[i] != '?'; i++)
		;
	*start = s;
	*end = i;
}

/* Replace the byte at u[at] (a dot) by rep; or insert rep when ins. */
static void
splice(struct buf *u, size_t at, const char *rep, int ins)
{
	size_t n = strlen(rep), drop = ins ? 0 : 1;

	b_room(u, n);
	memmove(u->p + at + n, u->p + at + drop, u->len - at - drop);
	memcpy(u->p + at, rep, n);
	u->len += n - drop;
}

/*
 * Defang the link in u in one of the ways seen in the wild; returns how it
 * is now written. Links without a dotted host (tg://) stay plain.
 */
static int
defang(struct buf *u, struct rng *r)
{
	static const unsigned w[] = { 30, 12, 6, 5, 4, 8, 8, 8, 8, 6, 5 };
	size_t hs, he, dot, i;
	int how = PICK(r, w), kind = W_DEFANGED;

	host_span(u, &hs, &he);
	dot = he;
	for (i = hs; i < he; i++)
		if (u->p[i] == '.')
			dot = i;
	if (dot == he)
		return W_PLAIN;
	switch (how) {
	case 0: splice(u, dot, "[.]", 0); break;
	case 1: splice(u, dot, "(.)", 0); break;
	case 2: splice(u, dot, "[dot]", 0); break;
	case 3: splice(u, dot, "{.}", 0); break;
	case 4: splice(u, dot, " [.] ", 0); break;
	case 5:
		if (he == u->len)	/* a spaced dot needs a path after it */
			return W_PLAIN;
		splice(u, dot, permille(r, 600) ? " . " : " .", 0);
		kind = W_SPACED;
		break;
	case 6:
		splice(u, dot, permille(r, 500) ? "\xef\xbc\x8e" /* U+FF0E */ :
		    "\xe3\x80\x82" /* U+3002 */, 0);
		kind = W_UNICODE;
		break;
	case 7:	/* a zero-width space inside the host */
		splice(u, hs + 1, "\xe2\x80\x8b", 1);
		kind = W_UNICODE;
		break;
	case 8:	/* every host dot bracketed */
		for (i = he; i-- > hs;)
			if (u->p[i] == '.')
				splice(u, i, "[.]", 0);
		break;
	case 9:
		if (hs < 4)
			return W_PLAIN;
		splice(u, hs - 3, "[:]", 0);
		break;
	default:
		splice(u, dot, "[.]", 0);
		break;
	}
	/* hxxp schemes, with or without a bracketed dot. */
	if (hs >= 7 && (how == 0 || how == 8 || how == 10) &&
	    memcmp(u->p, "http", 4) == 0) {
		const char *x = how == 10 ? "XX" : "xx";
		u->p[1] = x[0];
		u->p[2] = x[1];
	}
	return kind;
}

/* ------------------------------------------------------------------ */
/* Messages. */

static struct zipf target_pop, chan_pop;
static unsigned link_permille = 40;

static const char *const intro_ar[] = {
	"الرابط:", "انضموا:", "👇", "رابط القناة الجديد:", "تابعونا على",
	"القناة الاحتياطية:", "للاشتراك",
};
static const char *const intro_ru[] = {
	"Ссылка:", "Подписывайтесь:", "Наш канал:", "Резерв:", "Переходите 👉",
	"Новый чат:", "Источник:",
};
static const char *const intro_en[] = {
	"Join:", "Link:", "New channel:", "Backup:", "Follow us", "Source:",
	"Mirror ->",
};

static const char *
intro(struct rng *r, int lang)
{
	return lang == AR ? ONE_OF(r, intro_ar) : lang == RU ?
	    ONE_OF(r, intro_ru) : ONE_OF(r, intro_en);
}

/* Sentence end for a language. */
static const char *
full_stop(struct rng *r, int lang)
{
	static const unsigned w[] = { 60, 12, 12, 10, 6 };
	static const char *const ar[] = { ".", "!", "؟", "…", "!!" };
	static const char *const ru[] = { ".", "!", "?", "…", "!!!" };
	static const char *const en[] = { ".", "!", "?", "...", "!!" };
	int i = PICK(r, w);

	return lang == AR ? ar[i] : lang == RU ? ru[i] : en[i];
}

static int
is_space_before(const struct buf *m)
{
	return m->len == 0 || m->p[m->len - 1] == ' ' || m->p[m->len - 1] == '\n';
}

static void
sep(struct buf *m)
{
	if (!is_space_before(m))
		b_ch(m, ' ');
}

/* One link with its surroundings: glue, brackets, trailing punctuation. */
static void
put_link(struct buf *m, struct rng *r, int lang, struct buf *u)
{
	static const unsigned wrap_w[] = { 800, 70, 30, 35, 30, 15, 20 };
	static const char *const open[] = { "", "(", "[", "«", "“", "<", "" };
	static const char *const close[] = { "", ")", "]", "»", "”", ">", "" };
	static const unsigned tail_w[] = {
		700, 90, 45, 25, 30, 20, 15, 15, 30, 20, 10,
	};
	static const char *const tail[] = {
		"", ".", ",", "!", "…", "،", "؟", ":", "", "", ").",
	};
	struct ent e;
	int wrap, t, glue;

	make_entity(zipf_draw(&target_pop, r), 0, &e);
	u->len = 0;
	render_url(&e, r, u);
	if (permille(r, 120))
		defang(u, r);
	wrap = PICK(r, wrap_w);
	/* Glued to the word before it when that is not Latin, or to a colon. */
	glue = wrap == 0 && m->len > 0 &&
	    ((unsigned char)m->p[m->len - 1] >= 0x80 || m->p[m->len - 1] == ':') &&
	    permille(r, 150);
	if (!glue)
		sep(m);
	if (wrap == 6) {	/* Markdown */
		b_ch(m, '[');
		b_str(m, word(r, lang));
		b_str(m, "](");
		b_mem(m, u->p, u->len);
		b_ch(m, ')');
		return;
	}
	b_str(m, open[wrap]);
	b_mem(m, u->p, u->len);
	b_str(m, close[wrap]);
	t = PICK(r, tail_w);
	if (t == 8)
		b_str(m, ONE_OF(r, emoji));
	else if (t == 9)	/* a word in another script glued after */
		b_str(m, word(r, lang == EN ? RU : lang));
	else
		b_str(m, tail[t]);
}

/* Things that look like links and are not: extract must leave them. */
static void
put_decoy(struct buf *m, struct rng *r, char *name)
{
	static const char *const d[] = {
		"report.pdf", "v2.0.1", "t.me", "admin@mail.ru",
		"info@example.com", "photo_2019.jpg", "1.5.3", "t.me/",
		"It was fine . me too", "#t_me", "node.js", "192.168.0.1",
	};

	sep(m);
	switch (below(r, 3)) {
	case 0:
		b_ch(m, '@');	/* a mention, not a link */
		b_str(m, name);
		break;
	default:
		b_str(m, ONE_OF(r, d));
		break;
	}
}

static void
gen_message(struct buf *m, struct rng *r, struct buf *u)
{
	static const unsigned lang_w[] = { 40, 35, 20, 5 };
	int lang = PICK(r, lang_w), mixed = lang == NLANG, nlinks = 0, i;
	int nwords = 3 + (int)below(r, 18), links_at;
	int multiline = permille(r, 150), start = 1;
	char name[64];

	if (mixed)
		lang = (int)below(r, 3);
	if (permille(r, 200))
		nwords += (int)below(r, 45);
	if (permille(r, link_permille)) {
		static const unsigned w[] = { 70, 15, 7, 8 };
		nlinks = (int[]){ 1, 2, 3, 6 }[PICK(r, w)];
	}
	/* Where the first link goes: start, middle or end. */
	links_at = !nlinks ? -1 : permille(r, 150) ? 0 : permille(r, 400) ?
	    (int)below(r, (uint32_t)nwords) : nwords;

	m->len = 0;
	if (permille(r, 100)) {
		b_str(m, ONE_OF(r, emoji));
		b_ch(m, ' ');
	}
	for (i = 0; i <= nwords; i++) {
		if (i == links_at) {
			if (permille(r, 450)) {
				sep(m);
				b_str(m, intro(r, lang));
			}
			if (nlinks > 3) {	/* a list, one link a line */
				int k;
				for (k = 0; k < nlinks; k++) {
					b_ch(m, '\n');
					if (permille(r, 300)) {
						b_str(m, ONE_OF(r, emoji));
						b_ch(m, ' ');
					}
					put_link(m, r, lang, u);
				}
				b_ch(m, '\n');
			} else {
				int k;
				for (k = 0; k < nlinks; k++)
					put_link(m, r, lang, u);
			}
		}
		if (i == nwords)
			break;
		sep(m);
		switch (below(r, 100)) {
		case 0: case 1:
			b_ch(m, '#');
			b_str(m, word(r, lang));
			break;
		case 2: {
			uint64_t who = below(r, MSG_CHANNELS);
			gen_name(who, next(r), name, 1);
			put_decoy(m, r, name);
			break;
		}
		case 3: case 4:
			b_u64(m, below(r, 2) ? 2019 : 1 + below(r, 500));
			break;
		case 5:
			b_str(m, ONE_OF(r, emoji));
			break;
		case 6:
			b_str(m, lang == EN ? "“" : "«");
			b_str(m, word(r, lang));
			b_ch(m, ' ');
			b_str(m, word(r, lang));
			b_str(m, lang == EN ? "”" : "»");
			break;
		case 7:
			b_str(m, "—");
			break;
		case 8:
			if (mixed) {	/* a phrase in another language */
				b_str(m, word(r, (lang + 1) % NLANG));
				break;
			}
			/* FALLTHROUGH */
		default: {
			size_t at = m->len;
			b_str(m, word(r, mixed && below(r, 4) == 0 ?
			    (int)below(r, NLANG) : lang));
			/* The first English word of a sentence is capitalised. */
			if (start && m->p[at] >= 'a' && m->p[at] <= 'z')
				m->p[at] = (char)(m->p[at] - 'a' + 'A');
			break;
		}
		}
		start = 0;
		if (below(r, 100) < 9) {
			b_str(m, full_stop(r, lang));
			start = 1;
			if (multiline && permille(r, 400))
				b_ch(m, '\n');
		} else if (below(r, 100) < 7) {
			b_str(m, lang == AR ? "،" : ",");
		}
	}
	if (permille(r, 200)) {
		sep(m);
		b_str(m, ONE_OF(r, emoji));
		if (permille(r, 300))
			b_str(m, ONE_OF(r, emoji));
	}
	if (permille(r, 5))	/* the shrug: a backslash to escape in TSV */
		b_str(m, " ¯\\_(ツ)_/¯");
	/* No trailing line breaks or spaces: the message ends in text. */
	while (m->len > 0 && (m->p[m->len - 1] == '\n' || m->p[m->len - 1] == ' '))
		m->len--;
}

/* How messages are written: --format. */
enum msg_format { FMT_TEXT, FMT_TSV, FMT_JSONL };

/*
 * Message text as one text line, one TSV field (escape \ and newline) or
 * one JSON string's contents (escape ", \ and bytes below 0x20; other
 * bytes as they are, as exporters that keep UTF-8 write them).
 */
static void
put_text(const struct buf *m, enum msg_format fmt)
{
	static const char hex[] = "0123456789abcdef";
	size_t i;

	b_room(&out, m->len * 6 + 3);
	for (i = 0; i < m->len; i++) {
		unsigned char c = (unsigned char)m->p[i];

		if (fmt == FMT_JSONL && (c < 0x20 || c == '"' || c == '\\')) {
			out.p[out.len++] = '\\';
			if (c == '\n') {
				out.p[out.len++] = 'n';
			} else if (c == '"' || c == '\\') {
				out.p[out.len++] = (char)c;
			} else {
				memcpy(out.p + out.len, "u00", 3);
				out.len += 3;
				out.p[out.len++] = hex[c >> 4];
				out.p[out.len++] = hex[c & 15];
			}
		} else if (c == '\n') {
			if (fmt == FMT_TSV) {
				out.p[out.len++] = '\\';
				out.p[out.len++] = 'n';
			} else {
				out.p[out.len++] = ' ';
			}
		} else if (c == '\\' && fmt == FMT_TSV) {
			out.p[out.len++] = '\\';
			out.p[out.len++] = '\\';
		} else {
			out.p[out.len++] = (char)c;
		}
	}
	if (fmt == FMT_JSONL) {
		out.p[out.len++] = '"';
		out.p[out.len++] = '}';
	}
	out.p[out.len++] = '\n';
}

/*
 * Messages until count or about bytes. Content and metadata (time,
 * channel) come from separate streams, so the text of message i is the same
 * in both formats.
 */
static void
run_messages(uint64_t seed, uint64_t count, uint64_t bytes, uint64_t span,
    enum msg_format fmt)
{
	struct rng content = { mix(seed ^ 0x636f6e74656e74ull) };
	struct rng meta = { mix(seed ^ 0x6d657461ull) };
	struct buf m = { 0 }, u = { 0 };
	char **chan = malloc(MSG_CHANNELS * sizeof(*chan));
	size_t *chan_len = malloc(MSG_CHANNELS * sizeof(*chan_len));
	char iso[20], name[64];
	uint64_t i, step;
	uint32_t c;

	if (chan == NULL || chan_len == NULL) {
		fprintf(stderr, "%s: out of memory\n", PROG);
		exit(2);
	}
	for (c = 0; c < MSG_CHANNELS; c++) {
		struct rng cr = { mix(ent_seed ^ mix(c + 1)) };
		chan_len[c] = gen_name(c, next(&cr), name, 1);
		chan[c] = malloc(chan_len[c] + 1);
		if (chan[c] == NULL)
			exit(2);
		memcpy(chan[c], name, chan_len[c] + 1);
	}
	zipf_init(&target_pop, MSG_TARGETS);
	zipf_init(&chan_pop, MSG_CHANNELS);
	if (fmt == FMT_TSV)
		b_str(&out, "time\tchannel\ttext\n");
	step = count ? span / count : 0;
	for (i = 0; bytes ? out_total + out.len < bytes : i < count; i++) {
		uint64_t t;

		gen_message(&m, &content, &u);
		if (fmt != FMT_TEXT) {
			/* Times rise through the span, by message or by byte. */
			if (bytes)	/* KiB keep the product below 2^64 */
				t = ((out_total + out.len) >> 10) * span /
				    ((bytes >> 10) + 1);
			else
				t = i * span / count +
				    (step ? next(&meta) % step : 0);
			fmt_time(t, iso);
			c = zipf_draw(&chan_pop, &meta);
			if (fmt == FMT_JSONL) {
				char id[32];

				b_mem(&out, id, (size_t)snprintf(id, sizeof(id),
				    "{\"id\":%" PRIu64 ",\"date\":\"", i + 1));
				b_mem(&out, iso, 20);
				b_str(&out, "\",\"channel\":\"");
				b_mem(&out, chan[c], chan_len[c]);
				b_str(&out, "\",\"text\":\"");
			} else {
				b_mem(&out, iso, 20);
				b_ch(&out, '\t');
				b_mem(&out, chan[c], chan_len[c]);
				b_ch(&out, '\t');
			}
		}
		put_text(&m, fmt);
		out_maybe_flush();
	}
	for (c = 0; c < MSG_CHANNELS; c++)
		free(chan[c]);
	free(chan);
	free(chan_len);
	free(m.p);
	free(u.p);
	zipf_free(&target_pop);
	zipf_free(&chan_pop);
}

/* ------------------------------------------------------------------ */
/* Extracted rows: the extract | normalize output, for dedupe and tally. */

static void
run_rows(uint64_t seed, uint64_t nrows, uint64_t nkeys, uint64_t span)
{
	static const unsigned written_w[] = { 880, 70, 15, 35 };
	static const unsigned where_w[] = { 850, 60, 30, 30, 20, 10 };
	static const char *const where_name[] = {
		"text", "entity", "button", "preview", "forward", "mention",
	};
	struct rng r = { mix(seed ^ 0x726f7773ull) };
	struct buf u = { 0 }, k = { 0 }, ck = { 0 }, chans = { 0 };
	size_t *chan_off = malloc((ROW_CHANNELS + 1) * sizeof(*chan_off));
	struct zipf keys_pop;
	uint64_t i, step = span / nrows, line = 1, fresh = 0;
	char iso[20], name[64], source[32];
	uint32_t c;

	if (chan_off == NULL) {
		fprintf(stderr, "%s: out of memory\n", PROG);
		exit(2);
	}
	for (c = 0; c < ROW_CHANNELS; c++) {
		struct rng cr = { mix(ent_seed ^ mix(c + 1)) };
		chan_off[c] = chans.len;
		b_mem(&chans, name, gen_name(c, next(&cr), name, 1));
	}
	chan_off[ROW_CHANNELS] = chans.len;
	zipf_init(&chan_pop, ROW_CHANNELS);
	zipf_init(&keys_pop, (uint32_t)nkeys);
	b_str(&out, "time\tchannel\tsource\tline\tplatform\turl\twritten\twhere"
	    "\tkind\tkey\tchannel_key\n");
	memcpy(source, "logs/", 5);
	memcpy(source + 15, ".log.gz", 8);
	for (i = 0; i < nrows; i++) {
		uint64_t rank, t;
		struct ent e;

		/*
		 * Every key appears at least once: K rows spread evenly
		 * introduce ranks 0, 1, 2 ... in order; the others draw by
		 * popularity. So there are exactly min(N, K) distinct keys.
		 */
		if ((i + 1) * nkeys / nrows > i * nkeys / nrows)
			rank = fresh++;
		else
			rank = zipf_draw(&keys_pop, &r);
		make_entity(rank, 1, &e);
		u.len = k.len = ck.len = 0;
		render_url(&e, &r, &u);
		entity_key(&e, &k, &ck);

		t = i * span / nrows + (step ? next(&r) % step : 0);
		if (fmt_time(t, iso)) {
			memcpy(source + 5, iso, 10);
			line = 1;
		}
		line += 1 + below(&r, 40);
		c = zipf_draw(&chan_pop, &r);

		b_room(&out, 64 + u.len + k.len + ck.len + 64);
		b_mem(&out, iso, 20);
		b_ch(&out, '\t');
		b_mem(&out, chans.p + chan_off[c], chan_off[c + 1] - chan_off[c]);
		b_ch(&out, '\t');
		b_mem(&out, source, 22);
		b_ch(&out, '\t');
		b_u64(&out, line);
		b_ch(&out, '\t');
		b_str(&out, e.platform);
		b_ch(&out, '\t');
		b_mem(&out, u.p, u.len);
		b_ch(&out, '\t');
		b_str(&out, written_name[PICK(&r, written_w)]);
		b_ch(&out, '\t');
		b_str(&out, where_name[PICK(&r, where_w)]);
		b_ch(&out, '\t');
		b_str(&out, kind_name[e.kind]);
		b_ch(&out, '\t');
		b_mem(&out, k.p, k.len);
		b_ch(&out, '\t');
		b_mem(&out, ck.p, ck.len);
		b_ch(&out, '\n');
		out_maybe_flush();
	}
	free(u.p);
	free(k.p);
	free(ck.p);
	free(chans.p);
	free(chan_off);
	zipf_free(&keys_pop);
	zipf_free(&chan_pop);
}

/* ------------------------------------------------------------------ */

static void
usage(FILE *f)
{
	fprintf(f,
	    "usage: genlog [-s SEED] [-n MESSAGES | -b BYTES] [-d DAYS] [-l PERCENT]\n"
	    "              [--format text|tsv|jsonl]\n"
	    "       genlog [-s SEED] [-d DAYS] --rows N [--keys K]\n"
	    "Writes a deterministic log of scraped messages (default: 1000 messages,\n"
	    "TSV with columns time, channel, text; --format text: one message a line;\n"
	    "jsonl: one object a line with id, date, channel, text),\n"
	    "or with --rows, N extracted rows (extract | normalize columns) over K\n"
	    "distinct keys (default 500000). Times start 2019-11-25 and span DAYS days\n"
	    "(default 10); PERCENT of messages carry links (default 4).\n");
}

static void
bad(const char *fmt, const char *arg)
{
	fprintf(stderr, "%s: ", PROG);
	fprintf(stderr, fmt, arg);
	fputs(" (genlog --help for usage)\n", stderr);
	exit(2);
}

/* A whole decimal number in [lo, hi]. */
static uint64_t
number(const char *opt, const char *s, uint64_t lo, uint64_t hi)
{
	uint64_t v = 0;
	const char *p = s;

	if (*p == '\0')
		bad("%s: a number is required", opt);
	for (; *p != '\0'; p++) {
		if (*p < '0' || *p > '9' ||
		    v > (UINT64_MAX - (uint64_t)(*p - '0')) / 10) {
			fprintf(stderr, "%s: %s: bad number \"%s\"\n", PROG, opt, s);
			exit(2);
		}
		v = v * 10 + (uint64_t)(*p - '0');
	}
	if (v < lo || v > hi) {
		fprintf(stderr, "%s: %s: \"%s\" is out of range (%llu to %llu)\n",
		    PROG, opt, s, (unsigned long long)lo, (unsigned long long)hi);
		exit(2);
	}
	return v;
}

int
main(int argc, char **argv)
{
	uint64_t seed = 1, count = 0, bytes = 0, days = 10, rows = 0, keys = 0;
	enum msg_format fmt = FMT_TSV;
	int i, have_format = 0;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i], *val = NULL, *eq;
		char opt[32];
		size_t n;

		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			usage(stdout);
			return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 2;
		}
		/* Accept "-s 5", "-s5", "--seed 5" and "--seed=5". */
		if (a[0] == '-' && a[1] == '-' && (eq = strchr(a, '=')) != NULL) {
			n = (size_t)(eq - a);
			val = eq + 1;
		} else if (a[0] == '-' && a[1] != '-' && a[1] != '\0' && a[2] != '\0') {
			n = 2;
			val = a + 2;
		} else {
			n = strlen(a);
		}
		if (n >= sizeof(opt))
			bad("unknown option \"%s\"", a);
		memcpy(opt, a, n);
		opt[n] = '\0';
		if (strcmp(opt, "-s") && strcmp(opt, "--seed") &&
		    strcmp(opt, "-n") && strcmp(opt, "--messages") &&
		    strcmp(opt, "-b") && strcmp(opt, "--bytes") &&
		    strcmp(opt, "-d") && strcmp(opt, "--days") &&
		    strcmp(opt, "-l") && strcmp(opt, "--links") &&
		    strcmp(opt, "--format") && strcmp(opt, "--rows") &&
		    strcmp(opt, "--keys"))
			bad(a[0] == '-' ? "unknown option \"%s\"" :
			    "unexpected argument \"%s\"", a);
		if (val == NULL) {
			if (i + 1 >= argc)
				bad("%s: a value is required", opt);
			val = argv[++i];
		}
		if (!strcmp(opt, "-s") || !strcmp(opt, "--seed"))
			seed = number(opt, val, 0, UINT64_MAX);
		else if (!strcmp(opt, "-n") || !strcmp(opt, "--messages"))
			count = number(opt, val, 1, 1000000000);
		else if (!strcmp(opt, "-b") || !strcmp(opt, "--bytes"))
			bytes = number(opt, val, 1, UINT64_C(1) << 40);
		else if (!strcmp(opt, "-d") || !strcmp(opt, "--days"))
			days = number(opt, val, 1, 36500);
		else if (!strcmp(opt, "-l") || !strcmp(opt, "--links"))
			link_permille = (unsigned)number(opt, val, 0, 100) * 10;
		else if (!strcmp(opt, "--rows"))
			rows = number(opt, val, 1, 1000000000);
		else if (!strcmp(opt, "--keys"))
			keys = number(opt, val, 1, MAX_KEYS);
		else if (!strcmp(val, "tsv") || !strcmp(val, "text") ||
		    !strcmp(val, "jsonl")) {
			fmt = val[0] == 'j' ? FMT_JSONL : val[1] == 's' ? FMT_TSV : FMT_TEXT;
			have_format = 1;
		} else
			bad("--format: \"%s\" is not text, tsv or jsonl", val);
	}
	if (count && bytes)
		bad("%s", "-n and -b exclude each other");
	if (keys && !rows)
		bad("%s", "--keys needs --rows");
	if (rows && (count || bytes || (have_format && fmt != FMT_TSV)))
		bad("%s", "--rows writes TSV rows; -n, -b and --format text or jsonl do not apply");

	/* Everything derives from the seed, each use through its own mix. */
	ent_seed = mix(seed ^ 0x656e74ull);
	name_offset = mix(seed ^ 0x6e616d65ull) % 40960000u;
	code_offset = mix(seed ^ 0x636f6465ull) % 1000000007u;
	if (rows)
		run_rows(seed, rows, keys ? keys : 500000, days * 86400);
	else
		run_messages(seed, bytes ? 0 : count ? count : 1000, bytes,
		    days * 86400, fmt);
	out_flush();
	free(out.p);
	if (fflush(stdout) != 0 || ferror(stdout))
		write_fail();
	return 0;
}
