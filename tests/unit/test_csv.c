/*
 * test_csv: separator detection, quoted fields with separators, doubled
 * quotes and newlines, the old DiscordChatExporter trailing ";", bad
 * records (reported with their line, the next record still read); where
 * csv_cut ends records, against the reader.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "csv.h"
#include "util.h"

/* A reader of l's lines, numbered from 1: its header must read as one. */
static struct csv_reader *
with_header(struct lines *l)
{
	struct csv_reader *r = csv_new(next_line, l, 1);

	CHECK(csv_header(r) == 1);
	return r;
}

static void
test_rfc4180(void)
{
	static const char *const v[] = {
		"id,text,when",
		"1,plain,2020",
		"2,\"with, comma\",2021",
		"3,\"say \"\"hi\"\"\",2022",
		"4,\"two",
		"lines, \"\"q\"\"",
		"end\",2023",
		"",
		"5,,",
		"6,\"\",\"x\"",
	};
	struct lines l = LINES(v);
	struct csv_reader *r = with_header(&l);

	CHECK(r->sep == ',' && r->ncols == 3 && !r->trailing_sep);
	CHECK(csv_col(r, "text") == 1 && csv_col(r, "TEXT") == -1);
	CHECK(csv_col_nocase(r, "TEXT") == 1 && csv_col_nocase(r, "nope") == -1);
	CHECK(csv_next(r) == CSV_ROW);
	CHECK_MEM(r->field[1].p, r->field[1].len, "plain");
	CHECK(r->line == 2);
	CHECK(csv_next(r) == CSV_ROW);
	CHECK_MEM(r->field[1].p, r->field[1].len, "with, comma");
	CHECK(csv_next(r) == CSV_ROW);
	CHECK_MEM(r->field[1].p, r->field[1].len, "say \"hi\"");
	CHECK(csv_next(r) == CSV_ROW);
	CHECK_MEM(r->field[1].p, r->field[1].len, "two\nlines, \"q\"\nend");
	CHECK_MEM(r->field[2].p, r->field[2].len, "2023");
	CHECK(r->line == 5);
	CHECK(csv_next(r) == CSV_ROW);			/* blank line skipped */
	CHECK(r->line == 9);
	CHECK(r->field[1].len == 0 && r->field[2].len == 0);
	CHECK(csv_next(r) == CSV_ROW);
	CHECK(r->field[1].len == 0);
	CHECK_MEM(r->field[2].p, r->field[2].len, "x");
	CHECK(csv_next(r) == CSV_END);
	CHECK(csv_next(r) == CSV_END);
	csv_free(r);
}

static void
test_dce_old(void)
{
	static const char *const v[] = {
		"AuthorID;Author;Date;Content;Attachments;Reactions;",
		"\"1\";\"a#1\";\"10-Jun-18 11:47 AM\";\"hi; there\";\"\";\"\";",
		"\"2\";\"b#2\";\"d\";\"no trailing\";\"\";\"\"",
	};
	struct lines l = LINES(v);
	struct csv_reader *r = with_header(&l);

	CHECK(r->sep == ';' && r->ncols == 6 && r->trailing_sep);
	CHECK(strcmp(r->names[5], "Reactions") == 0);
	CHECK(csv_next(r) == CSV_ROW);
	CHECK_MEM(r->field[3].p, r->field[3].len, "hi; there");
	CHECK(csv_next(r) == CSV_ROW);
	CHECK_MEM(r->field[3].p, r->field[3].len, "no trailing");
	CHECK(csv_next(r) == CSV_END);
	csv_free(r);
}

static void
test_sep(void)
{
	CHECK(csv_guess_sep("a,b,c", 5) == ',');
	CHECK(csv_guess_sep("a;b;c;", 6) == ';');
	CHECK(csv_guess_sep("a\tb", 3) == '\t');
	CHECK(csv_guess_sep("\"a,b\";c;d", 9) == ';');	/* quoted commas do not count */
	CHECK(csv_guess_sep("text", 4) == ',');
}

static void
test_bad(void)
{
	static const char *const v[] = {
		"a\tb",
		"1\t2",
		"\"x\"y\t2",		/* text after a closing quote */
		"only one",		/* too few fields */
		"1\t2\t3",		/* too many */
		"ok\tfine",
		"\"never closed\t2",	/* a quote open to the end... */
		"lost\tline",		/* ...takes this line with it */
	};
	struct lines l = LINES(v);
	struct csv_reader *r = with_header(&l);

	CHECK(r->sep == '\t');
	CHECK(csv_next(r) == CSV_ROW);
	CHECK(csv_next(r) == CSV_BAD);
	CHECK(r->line == 3 && strcmp(r->err, "text after a closing quote") == 0);
	CHECK(csv_next(r) == CSV_BAD);
	CHECK(r->line == 4 && strcmp(r->err, "1 fields, header has 2") == 0);
	CHECK(csv_next(r) == CSV_BAD);
	CHECK(r->line == 5 && strcmp(r->err, "3 fields, header has 2") == 0);
	CHECK(csv_next(r) == CSV_ROW);
	CHECK_MEM(r->field[0].p, r->field[0].len, "ok");
	CHECK(csv_next(r) == CSV_BAD);
	CHECK(r->line == 7 && strstr(r->err, "never closed") != NULL);
	CHECK(csv_next(r) == CSV_END);
	csv_free(r);

	/* Empty input and a header whose quote never closes. */
	struct lines e = { v, 0, 0 };
	r = csv_new(next_line, &e, 1);
	CHECK(csv_header(r) == 0);
	csv_free(r);
	static const char *const h[] = { "\"a,b" };
	struct lines hl = { h, 0, 1 };
	r = csv_new(next_line, &hl, 1);
	CHECK(csv_header(r) == -1 && r->err != NULL);
	csv_free(r);
}

/* Every prefix of a valid file parses without trouble for the reader. */
static void
test_prefixes(void)
{
	static const char text[] = "h1,h2\n\"a\"\"b\",\"c\nd\"\n\"e\",f,\n";
	char *copy, *save = NULL, *p, *v[16];
	struct csv_reader *r;
	struct lines l;
	size_t n;
	int rc;

	for (size_t len = 0; len < sizeof(text); len++) {
		copy = xmemdup(text, len);
		n = 0;
		for (p = strtok_r(copy, "\n", &save); p && n < 16; p = strtok_r(NULL, "\n", &save))
			v[n++] = p;
		l = (struct lines){ (const char *const *)v, 0, n };
		r = csv_new(next_line, &l, 1);
		if (csv_header(r) > 0)
			while ((rc = csv_next(r)) > 0)
				if (rc == CSV_ROW)
					CHECK(r->nfields == r->ncols);
		csv_free(r);
		free(copy);
	}
}

/* Lines of text as input gives them: cut at newlines, a CR before one dropped. */
static size_t
split_lines(char *text, char **v, size_t max)
{
	size_t n = 0;
	char *p = text, *nl;

	while (*p != '\0' && n < max) {
		v[n++] = p;
		if ((nl = strchr(p, '\n')) == NULL)
			break;
		*nl = '\0';
		if (nl > p && nl[-1] == '\r')
			nl[-1] = '\0';
		p = nl + 1;
	}
	return n;
}

/*
 * csv_cut ends records where the reader starts them, whatever the size of
 * the pieces it is fed: every record the reader finds (good or bad)
 * starts at a cut, and every cut before a line that is not blank starts a
 * record. The separator is the reader's too.
 */
static void
test_cut(void)
{
	static const char *const texts[] = {
		"id,text\n1,plain\n2,\"a\nb\"\n3,\"say \"\"hi\"\"\nx\"\n",
		"id,text\n1,5\" screen\n2,\"x\"junk,\"\n3,ok\n4,\"\"\"\n\"\"\"\n",
		"id,text\n\n1,\"\"\n\r\n2,\"crlf\r\ninside\"\r\n3,\",\"\n",
		"a;\"b;c\"\n1;\"x;\ny\"\n2;\"\"\"\"\n\"q\"\r\n",
		"id,text\n1,\"never closed\n2,x\n",
		"\"multi\nline header\",x\n1,2\n",
	};
	char *copy, *v[64];
	size_t n, len, starts[64], nstarts, cuts[64], ncuts, e, off, k, line;
	struct csv_sep_count sc;
	struct csv_cut c;
	struct csv_reader *r;
	struct lines l;
	int rc, found;

	for (size_t t = 0; t < sizeof(texts) / sizeof(texts[0]); t++) {
		len = strlen(texts[t]);
		copy = xstrdup(texts[t]);
		n = split_lines(copy, v, 64);
		l = (struct lines){ (const char *const *)v, 0, n };
		r = csv_new(next_line, &l, 1);
		nstarts = 0;
		if (csv_header(r) > 0) {
			starts[nstarts++] = r->line;
			while ((rc = csv_next(r)) > 0)
				starts[nstarts++] = r->line;
		}
		for (size_t piece = 1; piece <= len; piece++) {
			memset(&sc, 0, sizeof(sc));
			for (off = 0; off < len && texts[t][off] != '\n'; off += k) {
				k = strcspn(texts[t] + off, "\n");
				k = k < piece ? k : piece;
				csv_sep_feed(&sc, texts[t] + off, k);
			}
			CHECK(csv_sep_pick(&sc) == r->sep);
			memset(&c, 0, sizeof(c));
			c.sep = r->sep;
			ncuts = 0;
			cuts[ncuts++] = 1;
			for (off = 0; off < len; off += k) {
				k = len - off < piece ? len - off : piece;
				for (size_t at = 0; at < k; at += e) {
					if ((e = csv_cut_next(&c, texts[t] + off + at, k - at)) == 0)
						break;
					line = 1;
					for (size_t i = 0; i < off + at + e; i++)
						line += texts[t][i] == '\n';
					cuts[ncuts++] = line;
				}
			}
			for (size_t i = 0; i < nstarts; i++) {
				found = 0;
				for (size_t j = 0; j < ncuts; j++)
					found |= cuts[j] == starts[i];
				CHECK(found);
			}
			for (size_t j = 0; j < ncuts; j++) {
				if (cuts[j] > n || v[cuts[j] - 1][0] == '\0')
					continue;	/* the end, or a blank line */
				found = 0;
				for (size_t i = 0; i < nstarts; i++)
					found |= cuts[j] == starts[i];
				CHECK(found);
			}
		}
		csv_free(r);
		free(copy);
	}
}

/* A piece of a file numbers its lines from where it was cut. */
static void
test_first_line(void)
{
	static const char *const v[] = { "id,text", "1,\"a", "b\"", "2,c" };
	struct lines l = { v, 0, 4 };
	struct csv_reader *r = csv_new(next_line, &l, 41);

	CHECK(csv_header(r) == 1 && r->line == 41);
	CHECK(csv_next(r) == CSV_ROW && r->line == 42);
	CHECK(csv_next(r) == CSV_ROW && r->line == 44);
	csv_free(r);
}

int
main(void)
{
	test_sep();
	test_rfc4180();
	test_dce_old();
	test_bad();
	test_prefixes();
	test_cut();
	test_first_line();
	return check_done();
}
