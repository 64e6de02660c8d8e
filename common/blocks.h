/*
 * blocks: where to cut a file into pieces of about a given size, each of
 * which can be read alone (on another machine) so that the records of
 * all the pieces, in order, are byte for byte those of one pass.
 *
 *	extract --blocks 64M big.csv	# then per piece: header + dd | extract
 */
#ifndef CROSSLINK_BLOCKS_H
#define CROSSLINK_BLOCKS_H

#include <stdint.h>

#include "formats.h"

/*
 * One piece: bytes [offset, offset + length) of the file, whose first line
 * is number line. It is read as format, after the file's first
 * header_bytes bytes (header_lines lines: TSV's header line, CSV's header
 * record; 0 for the other formats) when offset > 0, with lines numbered
 * from line - header_lines.
 */
struct blocks_piece {
	uint64_t	 offset, length;
	uint64_t	 line;
	enum format	 format;
	uint64_t	 header_bytes, header_lines;
};

typedef void	 blocks_fn(void *ctx, const struct blocks_piece *piece);

/*
 * Call fn for each piece of the regular file path, in file order; the
 * format is o->format or detected as formats_read would. A piece ends at
 * the first record end at or after offset + size, and never before the
 * header's end. Text, TSV and JSON Lines records end at newlines, CSV
 * records as csv_cut says; JSON Lines is cut only before a line that holds
 * a whole object, so that every piece is read one object a line as the
 * file is. A file that cannot be cut is one piece with no header:
 * compressed input (gzip; bzip2, xz and zstd too), as FORMAT_AUTO, its
 * lines being known only once inflated, and a JSON document (tgexport,
 * discord, JSON that is not one object a line). An empty file has no
 * piece. Memory is 1 MiB of the file at a time, plus the first lines
 * detection reads. Returns 0, or -1 after reporting "PROG: FILE: what"
 * (stdin or not a regular file: "--blocks needs a regular file").
 */
int	 blocks_plan(const char *path, const struct format_opts *o, uint64_t size,
	    blocks_fn *fn, void *ctx);

#endif
