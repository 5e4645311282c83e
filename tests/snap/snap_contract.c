/* The contract of snap.h (DESIGN section 4), line by line. */
#include <errno.h>
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

static long g_counter;         /* tracked global, same file */
static char g_buf[300] = "init"; /* tracked .data */

/* "0 when taken; v when resumed by snap_restore(*id, v)" */
static void test_take_restore(void)
{
    snap_id id;
    long local = 10;
    g_counter = 1;
    long r = snap_take(&id);
    if (r == 0) {
        CHECK(snap_depth() == 1);
        g_counter = 2;
        local = 20;
        strcpy(g_buf, "changed");
        snap_restore(id, 7);
    }
    CHECK(r == 7);
    CHECK(g_counter == 1);
    CHECK(local == 10);
    CHECK(strcmp(g_buf, "init") == 0);
    CHECK(snap_drop(id) == 0);
    CHECK(snap_depth() == 0);
}

/* "A snapshot is immutable: restoring it does not consume it" */
static void test_restore_again(void)
{
    snap_id id;
    int *heap = malloc(64 * sizeof *heap);
    for (int i = 0; i < 64; i++) heap[i] = i;
    volatile long tries = 0; /* volatile: lives in memory, on the stack segment */
    long r = snap_take(&id);
    CHECK(tries == 0); /* the stack segment comes back too */
    for (int i = 0; i < 64; i++) CHECK(heap[i] == i);
    if (r < 100) {
        for (int i = 0; i < 64; i++) heap[i] = -i;
        tries = r;
        snap_restore(id, r + 1);
    }
    CHECK(r == 100);
    snap_drop(id);
    free(heap);
}

/* Nested snapshots; "snapshots newer than id are dropped" by a restore.
 * The ids live in persistent memory: a restore brings locals back to their
 * value at the take, when the newer ids did not exist yet. */
static void test_nested2(void)
{
    snap_id a, *ids = snap_persistent(2 * sizeof *ids), *b = ids, *c = ids + 1;
    g_counter = 0;
    long ra = snap_take(&a);
    if (ra == 9) {
        CHECK(g_counter == 0);
        CHECK(snap_valid(a) == 0);
        CHECK(snap_valid(*b) == EINVAL && snap_valid(*c) == EINVAL);
        CHECK(snap_drop(a) == 0);
        return;
    }
    g_counter = 1;
    long rb = snap_take(b);
    if (rb == 5) {
        CHECK(g_counter == 1);
        CHECK(snap_depth() == 2);
        CHECK(snap_valid(*c) == EINVAL); /* dropped by the restore of b */
        g_counter = 42;
        snap_restore(a, 9);
    }
    g_counter = 2;
    long rc = snap_take(c);
    CHECK(rc == 0 && snap_valid(*c) == 0);
    g_counter = 3;
    snap_restore(*b, 5);
}

/* "forget id and every newer snapshot (a cut)"; EINVAL for dropped ids */
static void test_drop(void)
{
    snap_id a, b;
    CHECK(snap_take(&a) == 0);
    g_counter = 11;
    CHECK(snap_take(&b) == 0);
    g_counter = 12;
    CHECK(snap_drop(a) == 0); /* drops b too; memory keeps its contents */
    CHECK(g_counter == 12);
    CHECK(snap_depth() == 0);
    errno = 0;
    CHECK(snap_drop(b) == -1 && errno == EINVAL);
    CHECK(snap_drop(a) == -1 && errno == EINVAL);
    CHECK(snap_drop(12345678) == -1 && errno == EINVAL);
    CHECK(snap_valid(a) == EINVAL);
    /* ids are not reused */
    snap_id c;
    CHECK(snap_take(&c) == 0);
    CHECK(c != a && c != b);
    CHECK(snap_valid(a) == EINVAL);
    snap_drop(c);
}

/* "Persistent memory is excluded: what is written there survives restores." */
static void test_persistent(void)
{
    long *p = snap_persistent(sizeof *p * 4);
    char *q = snap_palloc(100);
    CHECK(p && q && p[0] == 0);
    snap_id id;
    long r = snap_take(&id);
    p[0]++;
    if (r == 0) {
        snprintf(q, 100, "persistent %ld", p[0]);
        snap_restore(id, 1);
    }
    CHECK(p[0] == 2);
    CHECK(strcmp(q, "persistent 1") == 0);
    q = snap_prealloc(q, 5000);
    CHECK(q && strcmp(q, "persistent 1") == 0);
    snap_pfree(q);
    snap_drop(id);
}

/* malloc'd memory and the allocator's own state backtrack */
static void test_malloc(void)
{
    char *keep = malloc(100);
    strcpy(keep, "kept");
    snap_id id;
    char *p1 = 0;
    long r = snap_take(&id);
    char *p = malloc(100);
    if (r == 0) {
        p1 = p;
        strcpy(p, "first");
        strcpy(keep, "overwritten");
        free(keep);
        snap_restore(id, 1);
    }
    /* the same block again: the allocation was undone */
    CHECK(p == p1 || p1 == 0);
    CHECK(strcmp(keep, "kept") == 0);
    char *big = malloc(10 << 20), *mid = malloc(200000);
    CHECK(big && mid);
    memset(big, 1, 10 << 20);
    free(big);
    free(mid);
    snap_drop(id);
    free(keep);
}

int main(void)
{
    CHECK(strcmp(snap_backend(), "native") == 0 || strcmp(snap_backend(), "kvm") == 0);
    test_take_restore();
    test_restore_again();
    test_nested2();
    test_drop();
    test_persistent();
    test_malloc();
    struct snap_stats st;
    snap_get_stats(&st);
    CHECK(st.takes >= 9 && st.restores >= 100 && st.drops >= 5 && st.depth == 0 && st.lines_logged > 0);
    printf("SUCCESS\n");
    return 0;
}
