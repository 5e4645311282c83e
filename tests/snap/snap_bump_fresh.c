/* Cells of a bump region above the top of every live snapshot need no undo
 * entry: after a restore (the cells it freed, armed by a newer take, are
 * allocated again) and after a drop (the cells made between the parent's
 * take and the dropped one), their stores log nothing; the next take arms
 * them again, so that its restore undoes a store to them.  What a program
 * that lowers its top itself leaves below an older snapshot's top is still
 * logged for that snapshot. */
#include <string.h>

#include "snap.h"
#include "snap_test.h"

static void **top; /* persistent, as the engine's: the runtime puts it back */
static char *heap;
#define LINES(n) ((size_t)(n) * 64)

static char *alloc(size_t n)
{
    char *c = *top;
    *top = c + n;
    return c;
}

static unsigned long long logged(void)
{
    struct snap_stats st;
    snap_get_stats(&st);
    return st.lines_logged;
}

static void fill(char *p, size_t n, int v)
{
    for (size_t i = 0; i < n; i += 8) *(long *)(p + i) = v + (long)i;
}

static int filled(const char *p, size_t n, int v)
{
    for (size_t i = 0; i < n; i += 8)
        if (*(const long *)(p + i) != v + (long)i) return 0;
    return 1;
}

/* a restore disarms what newer takes armed above the tops */
static void after_restore(void)
{
    snap_id a, b;
    char *t0 = *top;
    long r = snap_take(&a);
    if (r == 0) {
        fill(alloc(LINES(1024)), LINES(1024), 1);
        if (snap_take(&b) == 0) snap_restore(a, 1); /* b armed the 1024 lines */
        CHECK(0);
    }
    CHECK(*top == t0);
    unsigned long long l0 = logged();
    char *y = alloc(LINES(1024));
    fill(y, LINES(1024), 2);
    CHECK(logged() - l0 <= 1); /* the line the top was in at the take */
    /* tracked again from the next take on */
    snap_id c;
    if (snap_take(&c) == 0) {
        y[LINES(500)] = 9;
        snap_restore(c, 1);
    }
    CHECK(filled(y, LINES(1024), 2));
    CHECK(snap_drop(c) == 0);
    CHECK(snap_drop(a) == 0);
}

/* a drop leaves the cells made since the parent's take armed: their stores
 * are not logged, and the next take arms them again; n lines, more than the
 * re-arm list holds when big (those beyond are logged) */
static void after_drop(size_t n, int bounded)
{
    snap_id a, b, c;
    char *t0 = *top;
    if (snap_take(&a) == 0) {
        char *y = alloc(LINES(n));
        fill(y, LINES(n), 3);
        if (snap_take(&b) == 0) CHECK(snap_drop(b) == 0);
        unsigned long long l0 = logged();
        fill(y, LINES(n), 4);
        if (bounded) CHECK(logged() - l0 <= 1);
        if (snap_take(&c) == 0) {
            fill(y, LINES(n), 5);
            snap_restore(c, 1);
        }
        CHECK(filled(y, LINES(n), 4));
        CHECK(snap_drop(c) == 0);
        snap_restore(a, 1);
    }
    CHECK(*top == t0);
    CHECK(snap_drop(a) == 0);
}

/* The program lowers its top below an older snapshot's: the cells between
 * are the older one's, and after a restore or a drop of a newer snapshot
 * their stores must still be logged.  (drop): through a drop, else through
 * a restore. */
static void lowered(int drop)
{
    snap_id a, b, c;
    char *t0 = *top;
    char *x = alloc(LINES(64));
    fill(x, LINES(64), 6);
    if (snap_take(&a) == 0) {
        *top = x + LINES(32); /* the program's own reset */
        if (snap_take(&b) == 0 && snap_take(&c) == 0) {
            if (drop)
                CHECK(snap_drop(c) == 0);
            else
                snap_restore(b, 1);
        }
        CHECK(*top == x + LINES(32));
        fill(alloc(LINES(32)), LINES(32), 8); /* a's cells: logged */
        snap_restore(a, 1);
    }
    CHECK(*top == x + LINES(64));
    CHECK(filled(x, LINES(64), 6));
    CHECK(snap_drop(a) == 0);
    *top = t0;
}

int main(void)
{
    size_t size = 8 << 20;
    heap = snap_palloc(size);
    CHECK(heap);
    top = snap_persistent(sizeof *top);
    *top = heap;
    CHECK(snap_register_bump(top, heap, heap + size) == 0);
    /* an outer snapshot, as the engine always has one */
    snap_id outer;
    CHECK(snap_take(&outer) == 0);
    fill(alloc(LINES(4)), LINES(4), 0);
    after_restore();
    after_drop(1024, 1);
    after_drop(40000, 0); /* 2.5 MiB: beyond the re-arm list */
    lowered(0);
    lowered(1);
    CHECK(snap_drop(outer) == 0);
    puts("SUCCESS");
    return 0;
}
