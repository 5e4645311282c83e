/* snap_malloc.c: the tracked allocator that replaces glibc's malloc.
 *
 * Compiled with the write barrier: its metadata (free lists, the bump
 * pointer, page maps) backtracks with the data, so a restore also undoes the
 * allocations and frees made since the snapshot, and nothing leaks.
 *
 * Layout: 4 MiB chunks aligned to 4 MiB, split in 64 KiB pages; page 0 is
 * the chunk's header (the class of each page).  A page holds blocks of one
 * size class (16 to 32768 bytes; classes from 64 bytes up are multiples of
 * 64, so such blocks own their lines); larger blocks are runs of pages, and
 * blocks over a chunk get a chunk of their own.  No header inside blocks:
 * the allocator's own stores do not share lines with a neighbour's data,
 * which matters for memory libc writes without the barrier.
 *
 * Who gets tracked memory: code compiled with the barrier (its text is in
 * [__snap_text_start, __snap_text_end), snap.ld).  Allocations made by libc
 * itself (FILE objects and buffers, time zone and locale data, qsort's
 * scratch) come from the persistent heap instead: libc writes them without
 * the barrier, so tracking them would let a restore bring back half-updated
 * libc state, or let libc's unlogged writes into a block the program freed
 * survive the restore that makes the block live again.  free and realloc go
 * by where the block is.
 *
 * Pages come from a bump region (the current chunk): memory above its top
 * at the newest take is fresh, never logged, and armed at the next take.
 */
#include "snap_rt.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK (4UL << 20)
#define PAGE (64UL << 10)
#define NPAGES (CHUNK / PAGE)
#define NCLS 29
#define CLS_LARGE 0xfe
#define CLS_HUGE 0xff
#define MAGIC 0x534e4150u
#define MAX_SMALL 32768UL

struct chunk_hdr {
    unsigned magic;
    unsigned char cls[NPAGES]; /* class + 1 of each page; 0 unused */
    unsigned npg[NPAGES];      /* CLS_LARGE: pages in the run from here */
    size_t huge;               /* CLS_HUGE: the block's size */
};

struct run { /* a free run of pages (large blocks) */
    struct run *next;
    size_t npg;
};

static struct {
    int ready;
    void *top, *lo, *hi; /* the bump region: the current chunk */
    size_t nchunks;
    void *free[NCLS];
    char *cur[NCLS], *end[NCLS];
    struct run *large;
    struct run *huge;    /* free huge chunks' blocks (npg = bytes) */
} M;
static struct snap_bump *bump; /* runtime-side, set once */

static const unsigned cls_size[NCLS] = {
    16,   32,   48,   64,   128,  192,  256,  320,   384,   448,   512,   576,   640,   704,  768,
    832,  896,  960,  1024, 1536, 2048, 3072, 4096, 6144, 8192, 12288, 16384, 24576, 32768};

static inline unsigned cls_of(size_t n)
{
    if (n <= 64) return n ? (unsigned)((n + 15) >> 4) - 1 : 0;
    if (n <= 1024) return (unsigned)((n + 63) >> 6) + 2;
    unsigned c = 19;
    while (cls_size[c] < n) c++;
    return c;
}

static void start(void)
{
    snap_init();
    M.ready = 1;
    bump = snap_bump_internal(&M.top, &M.lo, &M.hi);
}

static struct chunk_hdr *new_chunk(size_t size)
{
    void *p = snap_arena_chunk(M.nchunks, size, CHUNK);
    if (!p) return 0;
    M.nchunks++;
    struct chunk_hdr *h = p;
    h->magic = MAGIC;
    memset(h->cls, 0, sizeof h->cls);
    h->huge = 0;
    return h;
}

/* npg contiguous pages from the bump region; a new chunk when they do not fit */
static char *pages(size_t npg)
{
    size_t n = npg * PAGE;
    if (!M.top || (size_t)((char *)M.hi - (char *)M.top) < n) {
        struct chunk_hdr *h = new_chunk(CHUNK);
        if (!h) return 0;
        snap_bump_move(bump, h);
        M.lo = h;
        M.hi = (char *)h + CHUNK;
        M.top = (char *)h + PAGE;
    }
    char *p = M.top;
    M.top = p + n;
    return p;
}

static inline struct chunk_hdr *hdr_of(const void *p)
{
    return (struct chunk_hdr *)((uintptr_t)p & ~(CHUNK - 1));
}

static void *alloc_small(unsigned c)
{
    char *p = M.cur[c];
    size_t sz = cls_size[c];
    if (!p || (size_t)(M.end[c] - p) < sz) {
        p = pages(1);
        if (!p) return 0;
        hdr_of(p)->cls[((uintptr_t)p & (CHUNK - 1)) / PAGE] = (unsigned char)(c + 1);
        M.end[c] = p + PAGE;
    }
    M.cur[c] = p + sz;
    return p;
}

static void *alloc_large(size_t n)
{
    size_t npg = (n + PAGE - 1) / PAGE;
    struct run **rp = &M.large, *r;
    for (; (r = *rp); rp = &r->next) /* first fit */
        if (r->npg >= npg) break;
    char *p;
    if (r) {
        *rp = r->next;
        p = (char *)r;
        if (r->npg > npg) { /* the rest stays free */
            struct run *rest = (struct run *)(p + npg * PAGE);
            struct chunk_hdr *h = hdr_of(rest);
            size_t pg = ((uintptr_t)rest & (CHUNK - 1)) / PAGE;
            rest->npg = r->npg - npg;
            rest->next = M.large;
            M.large = rest;
            h->cls[pg] = CLS_LARGE;
            h->npg[pg] = (unsigned)rest->npg;
        }
    } else {
        p = pages(npg);
        if (!p) return 0;
    }
    struct chunk_hdr *h = hdr_of(p);
    size_t pg = ((uintptr_t)p & (CHUNK - 1)) / PAGE;
    h->cls[pg] = CLS_LARGE;
    h->npg[pg] = (unsigned)npg;
    return p;
}

static void *alloc_huge(size_t n)
{
    n = (n + PAGE - 1) & ~(PAGE - 1);
    struct run **rp = &M.huge, *r;
    for (; (r = *rp); rp = &r->next)
        if (r->npg >= n) break;
    if (r) {
        *rp = r->next;
        return r;
    }
    struct chunk_hdr *h = new_chunk(PAGE + n);
    if (!h) return 0;
    /* the header's page and the block's first page (where free and
     * malloc_usable_size look) both say huge */
    h->cls[0] = h->cls[1] = CLS_HUGE;
    h->huge = n;
    /* new to every live snapshot: tracked from the next take */
    snap_arm_later(h, PAGE + n);
    return (char *)h + PAGE;
}

void *snap_tmalloc(size_t n)
{
    if (SNAP_UNLIKELY(!M.ready)) start();
    if (SNAP_LIKELY(n <= MAX_SMALL)) {
        unsigned c = cls_of(n);
        void *p = M.free[c];
        if (p) {
            M.free[c] = *(void **)p;
            return p;
        }
        p = alloc_small(c);
        if (p) return p;
    } else if (n <= CHUNK - PAGE) {
        void *p = alloc_large(n);
        if (p) return p;
    } else if (n < (1UL << 46)) {
        void *p = alloc_huge(n);
        if (p) return p;
    }
    errno = ENOMEM;
    return 0;
}

size_t malloc_usable_size(void *p)
{
    if (!p) return 0;
    if (!snap_arena_owns(p)) return snap_pusable(p);
    struct chunk_hdr *h = hdr_of(p);
    size_t pg = ((uintptr_t)p & (CHUNK - 1)) / PAGE;
    if (h->magic != MAGIC || !h->cls[pg]) snap_die("malloc: %p was not allocated by malloc", p);
    unsigned c = h->cls[pg];
    if (c == CLS_HUGE) return h->huge;
    if (c == CLS_LARGE) return h->npg[pg] * PAGE;
    return cls_size[c - 1];
}

void snap_tfree(void *p)
{
    if (!p) return;
    struct chunk_hdr *h = hdr_of(p);
    size_t pg = ((uintptr_t)p & (CHUNK - 1)) / PAGE;
    if (SNAP_UNLIKELY(h->magic != MAGIC || !h->cls[pg])) snap_die("free: %p was not allocated by malloc", p);
    unsigned c = h->cls[pg];
    if (SNAP_LIKELY(c < CLS_LARGE)) {
        *(void **)p = M.free[c - 1];
        M.free[c - 1] = p;
    } else if (c == CLS_LARGE) {
        struct run *r = p;
        r->npg = h->npg[pg];
        r->next = M.large;
        M.large = r;
    } else {
        struct run *r = p;
        r->npg = h->huge;
        r->next = M.huge;
        M.huge = r;
    }
}

void *snap_trealloc(void *p, size_t n)
{
    if (!p) return snap_tmalloc(n);
    if (!n) {
        snap_tfree(p);
        return 0;
    }
    size_t have = malloc_usable_size(p);
    if (n <= have && (n > MAX_SMALL || cls_of(n) == cls_of(have))) return p;
    void *q = snap_tmalloc(n);
    if (!q) return 0;
    memcpy(q, p, n < have ? n : have);
    snap_tfree(p);
    return q;
}

/* ---- the entry points: tracked for instrumented callers ---- */

extern char __snap_text_start[] __attribute__((weak));
extern char __snap_text_end[] __attribute__((weak));

static inline int tracked_caller(const void *ret)
{
    return (const char *)ret >= __snap_text_start && (const char *)ret < __snap_text_end;
}

void *malloc(size_t n)
{
    if (SNAP_LIKELY(tracked_caller(__builtin_return_address(0)))) return snap_tmalloc(n);
    return snap_palloc(n);
}

void free(void *p)
{
    if (SNAP_LIKELY(snap_arena_owns(p)))
        snap_tfree(p);
    else
        snap_pfree(p);
}

void *calloc(size_t n, size_t m)
{
    size_t t;
    if (__builtin_mul_overflow(n, m, &t)) return errno = ENOMEM, (void *)0;
    if (!tracked_caller(__builtin_return_address(0))) {
        void *q = snap_palloc(t);
        if (q) snap_fill(q, 0, t);
        return q;
    }
    void *p = snap_tmalloc(t);
    if (p) memset(p, 0, t);
    return p;
}

void *realloc(void *p, size_t n)
{
    if (p ? snap_arena_owns(p) : tracked_caller(__builtin_return_address(0))) return snap_trealloc(p, n);
    if (p && !n) {
        snap_pfree(p);
        return 0;
    }
    return snap_prealloc(p, n);
}

/* Alignments up to 64 come from the classes of 64-byte multiples; up to a
 * page from page runs, which are page-aligned. */
void *aligned_alloc(size_t al, size_t n)
{
    if (!al || (al & (al - 1)) || al > PAGE) return errno = EINVAL, (void *)0;
    /* libc's aligned allocations are rare (TLS of dlopen'ed objects):
     * tracked, as the alignment needs the classes */
    if (al <= 16) return snap_tmalloc(n);
    if (al <= 64) return snap_tmalloc(n < 64 ? 64 : (n + 63) & ~63UL);
    if (!M.ready) start();
    void *p = alloc_large(n ? n : 1);
    return p ? p : (errno = ENOMEM, (void *)0);
}

int posix_memalign(void **out, size_t al, size_t n)
{
    if (al < sizeof(void *)) return EINVAL;
    void *p = aligned_alloc(al, n);
    if (!p) return errno;
    *out = p;
    return 0;
}

void *memalign(size_t al, size_t n) { return aligned_alloc(al, n); }
void *valloc(size_t n) { return aligned_alloc(4096, n); }
void *pvalloc(size_t n) { return aligned_alloc(4096, (n + 4095) & ~4095UL); }
