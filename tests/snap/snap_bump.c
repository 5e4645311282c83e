/* Bump regions: fresh memory above the top at the newest take is not logged,
 * memory below it is; a restore brings the top back. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <errno.h>
#include <sys/mman.h>
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

/* The engine's fast path: the top in persistent memory, cells made by code
 * without the barrier (it writes only fresh memory); the runtime saves and
 * restores the top itself. */
static void **fast_top;

__attribute__((no_sanitize("kernel-address"))) static long *fast_cons(long a, long b)
{
    long *c = *fast_top;
    *fast_top = c + 2;
    c[0] = a;
    c[1] = b;
    return c;
}

static void fast_path(void)
{
    size_t size = 1 << 20;
    char *heap = snap_palloc(size);
    fast_top = snap_persistent(sizeof *fast_top);
    *fast_top = heap;
    CHECK(snap_register_bump(fast_top, heap, heap + size) == 0);
    long *old = fast_cons(1, 2);
    fast_cons(3, 4); /* same line as old: the top's line is tracked at the take */
    snap_id id;
    long r = snap_take(&id);
    void *top_at_take = *fast_top;
    if (r == 0) {
        for (int i = 0; i < 1000; i++) fast_cons(i, i);
        old[0] = 10; /* an older cell: instrumented store, logged */
        snap_restore(id, 1);
    }
    CHECK(*fast_top == top_at_take); /* brought back by the runtime */
    CHECK(old[0] == 1 && old[1] == 2);
    long *c = fast_cons(5, 6);
    CHECK((void *)c == top_at_take);
    snap_drop(id);
}

int main(void)
{
    size_t size = 16 << 20;
    char *heap = snap_palloc(size);
    CHECK(heap);
    heap_top = heap;
    CHECK(snap_register_bump(&heap_top, heap, heap + size) == 0);
    CHECK(snap_register_bump(0, heap, heap) == -1);
    /* a tracked mapping is armed whole at every take: refused as a region */
    static void *map_top;
    char *m = mmap(0, 1 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(m != MAP_FAILED);
    map_top = m;
    errno = 0;
    CHECK(snap_register_bump(&map_top, m, m + (1 << 20)) == -1 && errno == EINVAL);
    CHECK(munmap(m, 1 << 20) == 0);
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
    fast_path();
    printf("SUCCESS\n");
    return 0;
}
