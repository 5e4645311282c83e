/* snap_pheap.c: the persistent heap, and the chunks of the tracked heap.
 *
 * Persistent memory is ordinary memory whose shadow stays 0: no store to it
 * is logged, so no restore changes it.  The persistent heap is size classes
 * of powers of two (16 B to 64 KiB) carved from 1 MiB chunks, with a 16-byte
 * header holding the class; bigger blocks are mappings of their own.  Not
 * instrumented, single-threaded.
 *
 * The tracked allocator (snap_malloc.c) gets its chunks here, by index: the
 * table is persistent, the allocator's count of chunks in use is tracked, so
 * after a restore the chunks it had taken since are simply taken again.
 */
#include "snap_rt.h"

#include <errno.h>
#include <sys/mman.h>

#define P_MINSHIFT 4
#define P_MAXSHIFT 16
#define P_CHUNK (1UL << 20)
#define P_BIG 0xff

struct p_hdr {
    size_t size; /* the block's usable size (class size, or mapping size) */
    unsigned cls;
    unsigned magic;
};
#define P_MAGIC 0x50484541u

static struct {
    void *free[P_MAXSHIFT + 1];
    unsigned char *bump, *end;
} ph;

static unsigned cls_of(size_t n)
{
    unsigned c = P_MINSHIFT;
    while ((1UL << c) < n) c++;
    return c;
}

void *snap_palloc(size_t size)
{
    if (!size) size = 1;
    if (size > (1UL << P_MAXSHIFT)) {
        if (size > (1UL << 46)) return errno = ENOMEM, (void *)0;
        size_t n = (size + sizeof(struct p_hdr) + 4095) & ~4095UL;
        struct p_hdr *h = snap_sys_mmap(0, n, 3, 0);
        if (!h) return errno = ENOMEM, (void *)0;
        h->size = n - sizeof *h;
        h->cls = P_BIG;
        h->magic = P_MAGIC;
        return h + 1;
    }
    unsigned c = cls_of(size);
    struct p_hdr *h = ph.free[c];
    if (h) {
        ph.free[c] = *(void **)(h + 1);
    } else {
        size_t need = sizeof *h + (1UL << c);
        if (!ph.bump || (size_t)(ph.end - ph.bump) < need) {
            unsigned char *p = snap_sys_mmap(0, P_CHUNK, 3, 0);
            if (!p) return errno = ENOMEM, (void *)0;
            ph.bump = p;
            ph.end = p + P_CHUNK;
        }
        h = (struct p_hdr *)ph.bump;
        ph.bump += need;
        h->size = 1UL << c;
        h->cls = c;
        h->magic = P_MAGIC;
    }
    return h + 1;
}

static struct p_hdr *hdr_of(void *p)
{
    struct p_hdr *h = (struct p_hdr *)p - 1;
    if (h->magic != P_MAGIC) snap_die("snap_pfree/snap_prealloc: %p is not from snap_palloc", p);
    return h;
}

void snap_pfree(void *p)
{
    if (!p) return;
    struct p_hdr *h = hdr_of(p);
    if (h->cls == P_BIG) {
        h->magic = 0;
        snap_sys_munmap(h, h->size + sizeof *h);
        return;
    }
    *(void **)p = ph.free[h->cls];
    ph.free[h->cls] = h;
}

void *snap_prealloc(void *p, size_t size)
{
    if (!p) return snap_palloc(size);
    struct p_hdr *h = hdr_of(p);
    if (size <= h->size && (h->cls == P_BIG || h->cls == P_MINSHIFT || size > h->size / 2)) return p;
    void *q = snap_palloc(size);
    if (!q) return 0;
    snap_copy(q, p, size < h->size ? size : h->size);
    snap_pfree(p);
    return q;
}

size_t snap_pusable(void *p) { return hdr_of(p)->size; }

void *snap_persistent(size_t size)
{
    void *p = snap_palloc(size);
    if (!p) snap_die("snap_persistent(%zu): out of memory", size);
    snap_fill(p, 0, size);
    return p;
}

/* ---- chunks of the tracked heap ---- */

/* Which 4 MiB granules of the address space are the tracked allocator's: one
 * bit each (4 MiB of .bss for 2^47 bytes, touched only where used). */
static uint8_t owned[(1UL << 47) >> 22 >> 3];

static void own(uintptr_t lo, uintptr_t hi, int on)
{
    for (uintptr_t g = lo >> 22; g < (hi + (1UL << 22) - 1) >> 22; g++) {
        if (on)
            owned[g >> 3] |= (uint8_t)(1u << (g & 7));
        else
            owned[g >> 3] &= (uint8_t)~(1u << (g & 7));
    }
}

int snap_arena_owns(const void *p)
{
    uintptr_t g = (uintptr_t)p >> 22;
    return g < (sizeof owned << 3) && (owned[g >> 3] >> (g & 7) & 1);
}


#define ARENA_MAX 4096
static struct {
    void *base[ARENA_MAX];
    size_t size[ARENA_MAX];
} ar;

void *snap_arena_chunk(size_t k, size_t size, size_t align)
{
    if (k >= ARENA_MAX) return 0;
    if (ar.base[k] && ar.size[k] >= size) return ar.base[k];
    /* aligned: map align more and trim the two ends */
    unsigned char *p = snap_sys_mmap(0, size + align, 3, MAP_NORESERVE);
    if (!p) return 0;
    uintptr_t a = ((uintptr_t)p + align - 1) & ~(uintptr_t)(align - 1);
    if (a > (uintptr_t)p) snap_sys_munmap(p, a - (uintptr_t)p);
    if ((uintptr_t)p + align > a) snap_sys_munmap((void *)(a + size), (uintptr_t)p + align - a);
    if (ar.base[k]) {
        snap_disarm_range((uintptr_t)ar.base[k], (uintptr_t)ar.base[k] + ar.size[k]);
        own((uintptr_t)ar.base[k], (uintptr_t)ar.base[k] + ar.size[k], 0);
        snap_sys_munmap(ar.base[k], ar.size[k]);
    }
    own(a, a + size, 1);
    ar.base[k] = (void *)a;
    ar.size[k] = size;
    return (void *)a;
}

void snap_arena_ranges(void (*fn)(uintptr_t lo, uintptr_t hi, void *arg), void *arg)
{
    for (size_t k = 0; k < ARENA_MAX && ar.base[k]; k++)
        fn((uintptr_t)ar.base[k], (uintptr_t)ar.base[k] + ar.size[k], arg);
}
