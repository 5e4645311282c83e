/* malloc_stress: malloc/realloc/free of small and large blocks, several
 * hundred MB in all, every byte checked (brk and mmap bookkeeping, zeroed
 * reuse). */
#include "check.h"

#include <stdint.h>
#include <string.h>

#define N 4096

static uint64_t rng = 88172645463325252ULL;
static uint64_t next(void)
{
    rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
    return rng;
}

static unsigned char *blk[N];
static size_t len[N];

static void fill(int i)
{
    for (size_t k = 0; k < len[i]; k += 61) blk[i][k] = (unsigned char)(i + k);
}

static void verify(int i)
{
    for (size_t k = 0; k < len[i]; k += 61) CHECK(blk[i][k] == (unsigned char)(i + k));
}

int main(void)
{
    size_t total = 0, peak = 0;
    for (int round = 0; round < 40000; round++) {
        int i = (int)(next() % N);
        if (blk[i]) {
            verify(i);
            total -= len[i];
            if (next() % 4 == 0) { /* grow or shrink in place or by copying */
                size_t nl = len[i] / 2 + next() % (len[i] + 1) + 1;
                unsigned char *p = realloc(blk[i], nl);
                CHECK(p);
                size_t keep = nl < len[i] ? nl : len[i];
                for (size_t k = 0; k < keep; k += 61) CHECK(p[k] == (unsigned char)(i + k));
                blk[i] = p, len[i] = nl;
                fill(i);
                total += nl;
                continue;
            }
            free(blk[i]);
            blk[i] = NULL;
            continue;
        }
        /* mostly small, sometimes a few MB (mmap'd by glibc) */
        len[i] = next() % 16 == 0 ? (1u << 20) + next() % (6u << 20) : 1 + next() % 4000;
        if (total + len[i] > (400u << 20)) continue;
        blk[i] = malloc(len[i]);
        CHECK(blk[i]);
        fill(i);
        total += len[i];
        peak = total > peak ? total : peak;
    }
    /* calloc must hand back zeroed memory, also after frees */
    for (int k = 0; k < 64; k++) {
        unsigned char *p = calloc(1, 3u << 20);
        CHECK(p);
        for (size_t j = 0; j < (3u << 20); j += 4096) CHECK(p[j] == 0);
        memset(p, 0xee, 3u << 20);
        free(p);
    }
    for (int i = 0; i < N; i++)
        if (blk[i]) {
            verify(i);
            free(blk[i]);
        }
    printf("peak %zu MB\n", peak >> 20);
    CHECK(peak > (100u << 20));
    puts("SUCCESS");
    return 0;
}
