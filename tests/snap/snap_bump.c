/* Bump regions: fresh memory above the top at the newest take is not logged,
 * memory below it is; a restore brings the top back. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "snap.h"

#define CHECK(c)                                                                   \
    do {                                                                           \
        if (!(c)) {                                                                \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #c); \
            exit(1);                                                               \
        }                                                                          \
    } while (0)

static void *heap_top; /* tracked: a restore brings it back */

static long *cons(long a, long b)
{
    long *c = heap_top;
    heap_top = c + 2;
    c[0] = a;
    c[1] = b;
    return c;
}

int main(void)
{
    size_t size = 16 << 20;
    char *heap = snap_palloc(size);
    CHECK(heap);
    heap_top = heap;
    CHECK(snap_register_bump(&heap_top, heap, heap + size) == 0);
    CHECK(snap_register_bump(0, heap, heap) == -1);
    long *old = cons(1, 2);

    struct snap_stats s0, s1;
    snap_id id;
    long r = snap_take(&id);
    if (r == 0) {
        snap_get_stats(&s0);
        for (int i = 0; i < 10000; i++) cons(i, i); /* fresh: never logged */
        snap_get_stats(&s1);
        /* heap_top's line, and the line the top was in at the take (tracking
         * is by line: its lower part is older than the take) */
        CHECK(s1.lines_logged - s0.lines_logged <= 2);
        old[0] = 99; /* older than the take: logged */
        snap_restore(id, 1);
    }
    CHECK(old[0] == 1 && old[1] == 2);
    CHECK(heap_top == (char *)heap + 16);

    /* cells made after one take are tracked from the next */
    long *mid = cons(3, 4);
    snap_id id2;
    r = snap_take(&id2);
    if (r == 0) {
        mid[0] = 30;
        snap_restore(id2, 1);
    }
    CHECK(mid[0] == 3);
    snap_drop(id);
    printf("SUCCESS\n");
    return 0;
}
