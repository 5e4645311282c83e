/* coarse_snapshot: plat_coarse_snapshot() brings memory and registers back
 * exactly: a take, writes all over the heap, globals and stack, a restore,
 * every byte checked; a snapshot restored twice; nested snapshots; drop;
 * bad ids.  Runs on both backends (fork natively, dirty log under KVM). */
#include "check.h"
#include "plat.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#define HEAP (48u << 20)
static unsigned char global_buf[1 << 20];
static volatile long resumed_count; /* restored with the rest: stays 0 */
static int counter_fd;              /* a file: the one thing a restore does not undo */

static int bump(void)
{
    int n = 0;
    CHECK(pread(counter_fd, &n, sizeof n, 0) == sizeof n || n == 0);
    n++;
    CHECK(pwrite(counter_fd, &n, sizeof n, 0) == sizeof n);
    return n;
}

static uint32_t sum(const unsigned char *p, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ p[i]) * 16777619u;
    return h;
}

static void scribble(unsigned char *heap, unsigned char *stackbuf, size_t sn, int seed)
{
    for (size_t i = 0; i < HEAP; i += 4093) heap[i] = (unsigned char)(i * 7 + (size_t)seed);
    memset(heap + HEAP / 2, seed, 1u << 20);
    for (size_t i = 0; i < sizeof global_buf; i += 97) global_buf[i] ^= (unsigned char)(seed + 1);
    memset(stackbuf, seed + 2, sn);
}

int main(void)
{
    unsigned char stackbuf[16384];
    unsigned char *heap = malloc(HEAP);
    CHECK(heap);
    for (size_t i = 0; i < HEAP; i++) heap[i] = (unsigned char)(i * 2654435761u >> 24);
    for (size_t i = 0; i < sizeof global_buf; i++) global_buf[i] = (unsigned char)(i ^ 0x5a);
    for (size_t i = 0; i < sizeof stackbuf; i++) stackbuf[i] = (unsigned char)i;
    uint32_t h_heap = sum(heap, HEAP), h_glob = sum(global_buf, sizeof global_buf),
             h_stack = sum(stackbuf, sizeof stackbuf);
    unsigned char *copy = malloc(HEAP);
    CHECK(copy);
    memcpy(copy, heap, HEAP);

    char cpath[64];
    snprintf(cpath, sizeof cpath, "snapvm-coarse.%d", (int)getpid());
    counter_fd = open(cpath, O_RDWR | O_CREAT | O_TRUNC, 0600);
    CHECK(counter_fd >= 0);
    unlink(cpath);

    long id = 0;
    volatile int pass = 0; /* stack state at the take */
    long r = plat_coarse_snapshot(PLAT_COARSE_TAKE, &id);
    int visit = bump(); /* 1 when taken, 2 and 3 after each restore */
    CHECK(r == (visit > 1));
    CHECK(id > 0);
    CHECK(resumed_count == 0 && pass == 0);
    /* Everything as at the take, byte for byte (trivially on the first visit). */
    CHECK(sum(heap, HEAP) == h_heap && !memcmp(heap, copy, HEAP));
    CHECK(sum(global_buf, sizeof global_buf) == h_glob);
    CHECK(sum(stackbuf, sizeof stackbuf) == h_stack);
    if (visit < 3) {
        /* Scribble, then restore; the second time shows that a snapshot
         * is not consumed by a restore. */
        scribble(heap, stackbuf, sizeof stackbuf, visit);
        pass = visit;
        resumed_count = 1;
        plat_coarse_snapshot(PLAT_COARSE_RESTORE, &id);
        CHECK(!"restore returned");
    }

    /* Nested: inner changes, restore the outer one. */
    long outer = id, inner = 0;
    static volatile int stage; /* a global: restored too */
    stage = 0;
    long id2 = 0;
    r = plat_coarse_snapshot(PLAT_COARSE_TAKE, &id2);
    CHECK(r == (bump() > 4));
    if (r == 0) {
        CHECK(stage == 0);
        heap[12345] ^= 0xff;
        stage = 1;
        CHECK(plat_coarse_snapshot(PLAT_COARSE_TAKE, &inner) == 0);
        CHECK(inner > id2);
        heap[12346] ^= 0xff;
        plat_coarse_snapshot(PLAT_COARSE_RESTORE, &id2); /* drops inner */
        CHECK(!"restore returned");
    }
    CHECK(stage == 0);
    CHECK(!memcmp(heap, copy, HEAP));
    CHECK(plat_coarse_snapshot(PLAT_COARSE_RESTORE, &inner) == -EINVAL);
    CHECK(plat_coarse_snapshot(PLAT_COARSE_DROP, &id2) == 0);
    CHECK(plat_coarse_snapshot(PLAT_COARSE_DROP, &id2) == -EINVAL);
    long bogus = 9999;
    CHECK(plat_coarse_snapshot(PLAT_COARSE_RESTORE, &bogus) == -EINVAL);
    CHECK(plat_coarse_snapshot(PLAT_COARSE_DROP, &outer) == 0);
    CHECK(plat_coarse_snapshot(99, &outer) == -EINVAL);
    printf("backend %s: restored %d MB exactly\n", plat_backend_name(), HEAP >> 20);
    puts("SUCCESS");
    return 0;
}
