/* mmap, munmap, mremap and sbrk made by the program are undone by restores:
 * a mapping made after a snapshot is gone after its restore, one unmapped
 * after it is back with its contents, the break comes back. */
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "snap.h"
#include "snap_test.h"

static int mapped(void *p)
{
    unsigned char v;
    return mincore(p, 4096, &v) == 0 || errno != ENOMEM;
}

static char *g_map;

int main(void)
{
    size_t n = 1 << 20;
    /* made after the snapshot: unmapped by the restore */
    static char *fresh;
    snap_id id;
    if (snap_take(&id) == 0) {
        fresh = mmap(0, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        CHECK(fresh != MAP_FAILED);
        memset(fresh, 1, n);
        g_map = fresh;
        snap_restore(id, 1);
    }
    CHECK(g_map == 0 && fresh == 0);
    snap_drop(id);

    /* made before: its contents are tracked, an unmap is undone */
    char *m = mmap(0, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(m != MAP_FAILED);
    memset(m, 7, n);
    if (snap_take(&id) == 0) { /* the take arms m */
        m[5] = 9;
        CHECK(munmap(m, n) == 0);
        snap_restore(id, 1);
    }
    CHECK(mapped(m) && m[5] == 7 && m[n - 1] == 7);
    snap_drop(id);
    /* mremap: grow (a new mapping, the old one kept for the restore) */
    static char *grown;
    if (snap_take(&id) == 0) {
        grown = mremap(m, n, 2 * n, MREMAP_MAYMOVE);
        CHECK(grown != MAP_FAILED && grown[n - 1] == 7);
        grown[0] = 3;
        snap_restore(id, 2);
    }
    CHECK(grown == 0 && m[0] == 7);
    snap_drop(id);
    /* while a snapshot lives, munmap is deferred; with none, immediate */
    CHECK(snap_take(&id) == 0);
    CHECK(munmap(m, n) == 0);
    CHECK(mapped(m));
    snap_drop(id);
    m = mmap(0, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(m != MAP_FAILED);
    CHECK(munmap(m, n) == 0);
    CHECK(!mapped(m));

    /* the break */
    char *b0 = sbrk(0);
    CHECK(b0 != (char *)-1);
    CHECK(sbrk(4096) == b0);
    b0[10] = 5;
    if (snap_take(&id) == 0) {
        char *b1 = sbrk(1 << 16);
        CHECK(b1 == b0 + 4096);
        b1[100] = 1;
        b0[10] = 6;
        snap_restore(id, 1);
    }
    CHECK(sbrk(0) == b0 + 4096 && b0[10] == 5);
    char *b2 = sbrk(1 << 16); /* handed out again: zero, as fresh memory is */
    CHECK(b2 == b0 + 4096 && b2[100] == 0);
    snap_drop(id);
    printf("SUCCESS\n");
    return 0;
}
