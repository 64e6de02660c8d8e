/*
 * groupkey: a tally group key is its group fields joined by tabs; these
 * order keys field by field and find one field of a key.
 */
#ifndef GROUPKEY_H
#define GROUPKEY_H

#include <stddef.h>

/* Keys compare field by field: a tab ends a field, so it sorts first. */
int		 key_cmp(const char *a, size_t an, const char *b, size_t bn);

/* Field i of the key k of n bytes (there must be one); its length in *len. */
const char	*key_field(const char *k, size_t n, size_t i, size_t *len);

#endif
