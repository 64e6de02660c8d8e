/*
 * test_tables: the two tables that name platforms agree. rules.tsv decides
 * which platform a link is (extract, normalize's platform column); the key
 * rules of keys_platforms.c decide its key. A host in one but named
 * differently in the other would split one platform in two downstream.
 */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "keys_int.h"
#include "rules.h"

int
main(void)
{
	char url[300];

	for (size_t i = 0; i < keys_nhost_rules; i++) {
		const struct host_rule *h = &keys_host_rules[i];
		const char *p;
		int n = snprintf(url, sizeof(url), "https://%s/somepath", h->host);

		p = rules_platform(url, (size_t)n);
		if (p == NULL || strcmp(p, h->platform) != 0)
			fprintf(stderr, "host %s: rules table says %s, key rules say %s\n",
			    h->host, p ? p : "(none)", h->platform);
		CHECK(p != NULL && strcmp(p, h->platform) == 0);
	}
	return check_done();
}
