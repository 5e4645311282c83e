/* snap_write_persistent and kept bump regions (nb_setarg/3's needs): a
 * persistent store survives restores of every live snapshot, nested ones
 * included, whether its line was logged before it, after it, in an older
 * epoch or not at all, while the other bytes of the line still come back;
 * a kept region's allocations survive restores and stores into them are
 * undone once published.  Run in checking mode too (snap_persist_checked),
 * which would stop at any saved copy the patch missed. */
#include <errno.h>
#include <stdint.h>
#include <string.h>

#include "snap.h"
#include "snap_test.h"

static long g[64] __attribute__((aligned(64))); /* tracked: 8 lines */
static long *h;                                /* malloc'd: tracked */

/* the counter of the classic nb_setarg loop: 10 branches, each restored */
static void counter(long *cell)
{
    long *iters = snap_palloc(sizeof *iters); /* untracked: counts restores */
    CHECK(iters);
    snap_id id;
    if (snap_take(&id) == 0) {
        *cell = 0;
        /* fail-driven: each iteration a branch that the next restore ends */
        snap_id it;
        if (snap_take(&it) == 0 || ++*iters < 10) {
            long v = *cell + 1;
            snap_write_persistent(cell, &v, sizeof v);
            cell[1] = 99; /* an ordinary store to the same line: undone */
            snap_restore(it, 1);
        }
        CHECK(*cell == 10 && cell[1] != 99);
        CHECK(snap_drop(it) == 0);
        snap_restore(id, 1);
    }
    CHECK(snap_drop(id) == 0);
    CHECK(*cell == 10); /* survived the outer restore too */
}

static void nested(void)
{
    memset(g, 0, sizeof g);
    snap_id a, b, c;
    long v = 5;
    if (snap_take(&a) == 0) {
        g[1] = 1;                    /* logs line 0 in a's epoch */
        if (snap_take(&b) == 0) {
            g[2] = 2;                /* line 0 again, in b's epoch */
            g[9] = 3;                /* line 1 */
            if (snap_take(&c) == 0) {
                snap_write_persistent(&g[0], &v, sizeof v); /* line 0: two saved copies */
                snap_write_persistent(&g[16], &v, sizeof v); /* line 2: none yet */
                g[17] = 7;                                  /* line 2 logged after */
                snap_restore(c, 1);
            }
            CHECK(g[0] == 5 && g[16] == 5 && g[17] == 0 && g[1] == 1 && g[2] == 2 && g[9] == 3);
            CHECK(snap_drop(c) == 0);
            snap_restore(b, 1);
        }
        CHECK(g[0] == 5 && g[16] == 5 && g[1] == 1 && g[2] == 0 && g[9] == 0);
        CHECK(snap_drop(b) == 0);
        snap_restore(a, 1);
    }
    CHECK(g[0] == 5 && g[16] == 5 && g[1] == 0 && g[17] == 0);
    CHECK(snap_drop(a) == 0);
}

/* a drop merges a child's entries into its parent's epoch: the patched
 * copies go with them */
static void after_drop(void)
{
    snap_id a, b;
    long v = 42, w = 43;
    h[3] = 0;
    if (snap_take(&a) == 0) {
        if (snap_take(&b) == 0) {
            h[4] = 1;                                 /* logged in b's epoch */
            snap_write_persistent(&h[3], &v, sizeof v);
            CHECK(snap_drop(b) == 0);                 /* the entry joins a's epoch */
            snap_write_persistent(&h[5], &w, sizeof w);
            snap_restore(a, 1);
        }
    }
    CHECK(h[3] == 42 && h[5] == 43 && h[4] != 1);
    CHECK(snap_drop(a) == 0);
    /* several words across two lines at once, no snapshot live */
    long two[10] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    snap_write_persistent(&g[3], two, sizeof two);
    CHECK(memcmp(&g[3], two, sizeof two) == 0);
    snap_id d;
    if (snap_take(&d) == 0) {
        long z[10] = {0};
        g[4] = -1;
        g[12] = -1;
        snap_write_persistent(&g[3], z, sizeof z);
        snap_restore(d, 1);
    }
    for (int i = 3; i < 13; i++) CHECK(g[i] == 0);
    CHECK(snap_drop(d) == 0);
}

/* a kept region: its top survives restores; stores into published cells
 * are undone, and a persistent store into them is not */
static void kept_region(void)
{
    size_t size = 1 << 20;
    char *raw = snap_palloc(size + 64);
    CHECK(raw);
    char *mem = (char *)(((uintptr_t)raw + 63) & ~(uintptr_t)63);
    void **top = snap_palloc(sizeof *top); /* untracked, as the contract asks */
    *top = mem;
    CHECK(snap_register_bump_kept(top, mem + 8, mem + size) == -1 && errno == EINVAL); /* misaligned */
    CHECK(snap_register_bump_kept(top, mem, mem + size) == 0);
    CHECK(snap_kept_publish((void **)&h) == -1 && errno == EINVAL);
    snap_id a, b;
    long *cell = 0, *older;
    older = *top;
    *top = (char *)*top + 64;
    older[0] = 11;
    if (snap_take(&a) == 0) {
        older[0] = 12; /* armed by the take: logged, undone */
        if (snap_take(&b) == 0) {
            cell = *top; /* a new line made in b's epoch */
            *top = (char *)*top + 64;
            for (int i = 0; i < 8; i++) cell[i] = 100 + i;
            CHECK(snap_kept_publish(top) == 0);
            cell[1] = -1; /* published: logged */
            long v = 7;
            snap_write_persistent(&cell[0], &v, sizeof v);
            long *unpub = *top; /* not published: the restore does it */
            *top = (char *)*top + 64;
            unpub[0] = 200;
            snap_restore(b, 1);
        }
        CHECK(*top == (char *)mem + 192); /* the allocations stayed */
        cell = (long *)(mem + 64);
        CHECK(cell[0] == 7 && cell[1] == 101 && cell[7] == 107);
        CHECK(older[0] == 12);
        cell[2] = -2; /* armed by the restore: logged in a's epoch */
        ((long *)(mem + 128))[0] = -3;
        CHECK(snap_drop(b) == 0);
        snap_restore(a, 1);
    }
    cell = (long *)(mem + 64);
    CHECK(*top == (char *)mem + 192 && cell[0] == 7 && cell[1] == 101 && cell[2] == 102);
    CHECK(((long *)(mem + 128))[0] == 200);
    CHECK(older[0] == 11);
    CHECK(snap_drop(a) == 0);
}

int main(void)
{
    h = malloc(4096);
    CHECK(h);
    memset(h, 0, 4096);
    counter(&g[40]);
    counter(&h[100]);
    nested();
    after_drop();
    kept_region();
    printf("SUCCESS\n");
    return 0;
}
