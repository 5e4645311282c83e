/* snap_bump_reclaim: a collector's rewrite of the cells above the newest
 * snapshot's top logs nothing, also after an inner snapshot armed them;
 * below that top it changes nothing (stores there are logged and undone);
 * the next take arms the reclaimed cells again. */
#include <errno.h>
#include <string.h>

#include "snap.h"
#include "snap_test.h"

static void *heap_top; /* tracked: a restore brings it back */

static long *alloc(size_t n)
{
    long *c = heap_top;
    heap_top = c + n;
    return c;
}

static unsigned long long logged(void)
{
    struct snap_stats st;
    snap_get_stats(&st);
    /* the counter is per epoch: a take and a drop close the current one */
    snap_id id;
    if (snap_take(&id) == 0) CHECK(snap_drop(id) == 0);
    snap_get_stats(&st);
    return st.lines_logged;
}

int main(void)
{
    /* A first region, unused: after a drop, stores to the first region
     * above every live top are not logged at all (snap_bump_fresh); the
     * collector's case here is a region without that. */
    static void *first_top;
    char *first = snap_palloc(1 << 16);
    CHECK(first);
    first_top = first;
    CHECK(snap_register_bump(&first_top, first, first + (1 << 16)) == 0);
    size_t size = 4 << 20;
    char *heap = snap_palloc(size);
    CHECK(heap);
    heap_top = heap;
    CHECK(snap_register_bump(&heap_top, heap, heap + size) == 0);
    long *old = alloc(64); /* below the outer snapshot's top */
    for (int i = 0; i < 64; i++) old[i] = i;

    snap_id outer;
    long r = snap_take(&outer);
    if (r == 0) {
        long *young = alloc(8 * 1024); /* 64 KiB above the outer top */
        for (int i = 0; i < 8 * 1024; i++) young[i] = i;
        /* an inner take arms them; its drop leaves them armed */
        snap_id inner;
        if (snap_take(&inner) == 0) CHECK(snap_drop(inner) == 0);

        unsigned long long l0 = logged();
        for (int i = 0; i < 8 * 1024; i++) young[i] = -i; /* armed: logged */
        unsigned long long l1 = logged();
        CHECK(l1 - l0 >= 1000);

        /* the take in logged() armed them again: reclaim, then rewrite */
        CHECK(snap_bump_reclaim(&heap_top, young) == 0);
        for (int i = 0; i < 8 * 1024; i++) young[i] = i;
        unsigned long long l2 = logged();
        CHECK(l2 - l1 < 16); /* the probe's own take and drop only */

        /* the next take arms them again: a store after it is logged */
        snap_id again;
        if (snap_take(&again) == 0) {
            young[100] = 7;
            snap_restore(again, 1);
        }
        CHECK(young[100] == 100);
        CHECK(snap_drop(again) == 0);

        /* from below the newest top: only the part above it is reclaimed */
        CHECK(snap_bump_reclaim(&heap_top, heap) == 0);
        old[5] = 500;
        CHECK(snap_bump_reclaim(&heap_top, (char *)heap_top + 64) == -1 && errno == EINVAL);
        static void *other;
        CHECK(snap_bump_reclaim(&other, heap) == -1 && errno == EINVAL);
        snap_restore(outer, 1);
    }
    CHECK(heap_top == old + 64);
    for (int i = 0; i < 64; i++) CHECK(old[i] == i);
    CHECK(snap_drop(outer) == 0);
    puts("SUCCESS");
    return 0;
}
