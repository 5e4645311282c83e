/* The allocator at every size class (small, large runs, huge chunks over
 * 4 MiB): malloc, realloc growing through all of them, malloc_usable_size,
 * free, and reuse; each size written whole and checked, and a restore
 * undoing allocations and frees of each kind.  A huge block's free once
 * died with "was not allocated by malloc" (the reader's token array of a
 * clause with a 3,000-element list grows past 4 MiB). */
#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "snap.h"
#include "snap_test.h"

static const size_t sizes[] = {1,       16,      100,     1000,        32768,       32769,
                               65536,   1 << 20, 3 << 20, (4 << 20) - 1, 4 << 20, 5 << 20,
                               9 << 20, 33 << 20};

static void fill_check(unsigned char *p, size_t n, unsigned char seed)
{
    for (size_t i = 0; i < n; i += 4093) p[i] = (unsigned char)(seed + i);
    p[n - 1] = seed;
    for (size_t i = 0; i < n; i += 4093) CHECK(p[i] == (unsigned char)(seed + i) || i == n - 1);
    CHECK(p[n - 1] == seed);
}

int main(void)
{
    size_t k = sizeof sizes / sizeof sizes[0];
    /* each size: malloc, usable size, write, free, and again (reuse) */
    for (int round = 0; round < 2; round++)
        for (size_t i = 0; i < k; i++) {
            unsigned char *p = malloc(sizes[i]);
            CHECK(p);
            CHECK(malloc_usable_size(p) >= sizes[i]);
            fill_check(p, sizes[i], (unsigned char)i);
            free(p);
        }
    /* realloc growing through every class keeps the contents */
    unsigned char *p = NULL;
    size_t have = 0;
    for (size_t n = 8; n <= (40u << 20); n = n * 3 / 2 + 8) {
        p = realloc(p, n);
        CHECK(p);
        for (size_t i = 0; i < have; i += 4099) CHECK(p[i] == (unsigned char)(i * 7));
        for (size_t i = have; i < n; i++) p[i] = (unsigned char)(i * 7);
        have = n;
    }
    free(p);
    /* a restore undoes a huge allocation and a huge free */
    unsigned char *keep = malloc(6 << 20);
    CHECK(keep);
    memset(keep, 5, 6 << 20);
    UNDONE({
        unsigned char *q = malloc(7 << 20);
        CHECK(q);
        memset(q, 9, 7 << 20);
        free(keep);
        free(q);
    });
    CHECK(malloc_usable_size(keep) >= (6u << 20));
    CHECK(keep[0] == 5 && keep[(6 << 20) - 1] == 5);
    free(keep);
    puts("SUCCESS");
    return 0;
}
