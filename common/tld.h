/*
 * tld: is a label a top-level domain? The list is the ICANN section of the
 * Public Suffix List as Debian ships it, turned into a table at build time
 * (common/gen.mk) and looked up through a hash set (tld.c), so it follows
 * the publicsuffix package, never a list typed by hand. Any "xn--" label counts too (IDN TLDs not yet listed).
 *
 *	tld_known("me", 2)	// 1
 *	tld_known("pdf", 3)	// 0
 */
#ifndef CROSSLINK_TLD_H
#define CROSSLINK_TLD_H

#include <stddef.h>

/* 1 if the len bytes at label (ASCII case ignored, UTF-8 as is) are a TLD. */
int	tld_known(const char *label, size_t len);

#endif
