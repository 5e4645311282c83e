/* micro_snap_ovh: what the write barrier costs store-heavy C code.
 * Built twice from this file: with build/snap-cc, and with plain clang -O2
 * -DNOBARRIER (the same code, no checks, glibc's malloc).  Two workloads:
 *   hash:  inserts into an open-addressing table of 2^20 slots (16 MiB),
 *          allocated before the timing, as a program's older data is;
 *   nrev:  naive reverse of a 30-element list, cons cells from a bump
 *          region as the engine's term heap (fresh memory: never logged);
 *   nrev-fast: the same with the top in untracked memory and the cons
 *          function built without the barrier (snap.h, snap_register_bump).
 * Barrier modes: "no snapshot" (checks only), "snapshot live" (one taken
 * before the run: every first store to an older line logs it), and the
 * restore that undoes the run.  Prints ns per insert / per cons. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#ifndef NOBARRIER
#include "snap.h"
#endif

#define HBITS 20
#define HSIZE (1UL << HBITS)
#define NINS (HSIZE / 2)

struct slot { uint64_t key, val; };
static struct slot *table;

static double now_ns(void)
{
    struct timespec t;
    /* CPU time of this thread: this machine is shared, and the time the
     * thread is preempted is not the cost of the operation */
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return t.tv_sec * 1e9 + t.tv_nsec;
}

static __attribute__((noinline)) void hash_run(uint64_t seed)
{
    uint64_t x = seed;
    for (unsigned long i = 0; i < NINS; i++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        uint64_t h = (x * 0x9e3779b97f4a7c15ULL) >> (64 - HBITS);
        while (table[h].key && table[h].key != x) h = (h + 1) & (HSIZE - 1);
        table[h].key = x;
        table[h].val += i;
    }
}

/* ---- nrev on a bump heap ---- */
typedef struct cell { long head; struct cell *tail; } cell;
static void *heap_top;
static char *heap_lo, *heap_hi;

static inline cell *cons(long h, cell *t)
{
    cell *c = heap_top;
    heap_top = c + 1;
    c->head = h;
    c->tail = t;
    return c;
}

static cell *append(cell *a, cell *b) { return a ? cons(a->head, append(a->tail, b)) : b; }
static cell *nrev(cell *l) { return l ? append(nrev(l->tail), cons(l->head, 0)) : 0; }

/* the engine's fast path: the top in untracked memory, cells made by code
 * without the barrier (snap.h, snap_register_bump) */
static void **ftop;
#ifdef NOBARRIER
#define UNCHECKED
#else
#define UNCHECKED __attribute__((no_sanitize("kernel-address")))
#endif
UNCHECKED static inline cell *fcons(long h, cell *t)
{
    cell *c = *ftop;
    *ftop = c + 1;
    c->head = h;
    c->tail = t;
    return c;
}
/* functions that only build fresh terms: without the barrier as a whole
 * (clang does not inline across a sanitizer attribute mismatch) */
UNCHECKED static cell *fappend(cell *a, cell *b) { return a ? fcons(a->head, fappend(a->tail, b)) : b; }
UNCHECKED static cell *fnrev(cell *l) { return l ? fappend(fnrev(l->tail), fcons(l->head, 0)) : 0; }
UNCHECKED static __attribute__((noinline)) void fnrev_run(int reps)
{
    for (int r = 0; r < reps; r++) {
        void *mark = *ftop;
        cell *l = 0;
        for (long i = 30; i > 0; i--) l = fcons(i, l);
        cell *v = fnrev(l);
        if (v->head != 30) abort();
        *ftop = mark;
    }
}

static long nrev_cells;
static __attribute__((noinline)) void nrev_run(int reps)
{
    for (int r = 0; r < reps; r++) {
        void *mark = heap_top;
        cell *l = 0;
        for (long i = 30; i > 0; i--) l = cons(i, l);
        cell *v = nrev(l);
        if (v->head != 30) abort();
        heap_top = mark; /* the engine's own heap reset, e.g. after a query */
    }
    nrev_cells = reps * (30 + 496L);
}

static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

#define REPS 7
#define MEDIAN(label, per, setup, stmt, after)                                   \
    do {                                                                        \
        double v[REPS];                                                         \
        for (int r_ = 0; r_ < REPS; r_++) {                                     \
            setup;                                                              \
            double t0 = now_ns();                                               \
            stmt;                                                               \
            v[r_] = (now_ns() - t0) / (double)(per);                            \
            after;                                                              \
        }                                                                       \
        qsort(v, REPS, sizeof v[0], cmp_d);                                     \
        printf("%-32s %8.2f\n", label, v[REPS / 2]);                            \
    } while (0)

int main(void)
{
    table = calloc(HSIZE, sizeof *table);
    size_t hsz = 64 << 20;
#ifdef NOBARRIER
    heap_lo = malloc(hsz);
#else
    heap_lo = snap_palloc(hsz); /* a bump region's memory: untracked until it is allocated */
#endif
    if (!table || !heap_lo) return 1;
    heap_hi = heap_lo + hsz;
    heap_top = heap_lo;
    memset(heap_lo, 0, hsz);
    char *fheap = heap_lo + hsz / 2;
#ifdef NOBARRIER
    const char *tag = "plain";
    static void *ftop_var;
    ftop = &ftop_var;
    *ftop = fheap;
#else
    const char *tag = "barrier";
    heap_hi = fheap;
    snap_register_bump(&heap_top, heap_lo, heap_hi);
    ftop = snap_persistent(sizeof *ftop);
    *ftop = fheap;
    snap_register_bump(ftop, fheap, heap_lo + hsz);
#endif
    char label[64];
    snprintf(label, sizeof label, "hash %s, no snapshot", tag);
    MEDIAN(label, NINS, memset(table, 0, HSIZE * sizeof *table), hash_run(7), (void)0);
    nrev_run(1);
    snprintf(label, sizeof label, "nrev %s, no snapshot", tag);
    MEDIAN(label, 20000 * (30 + 496L), (void)0, nrev_run(20000), (void)0);
    snprintf(label, sizeof label, "nrev-fast %s, no snapshot", tag);
    MEDIAN(label, 20000 * (30 + 496L), (void)0, fnrev_run(20000), (void)0);
#ifndef NOBARRIER
    snap_id id;
    double *t_restore = snap_persistent(sizeof *t_restore); /* survives the restore */
    MEDIAN("hash barrier, snapshot live", NINS, memset(table, 0, HSIZE * sizeof *table); snap_take(&id),
           hash_run(7), snap_drop(id));
    /* a restore undoing the inserts, in ms */
    {
        double v[REPS];
        for (int r = 0; r < REPS; r++) {
            memset(table, 0, HSIZE * sizeof *table);
            if (snap_take(&id) == 0) {
                hash_run(7);
                *t_restore = now_ns();
                snap_restore(id, 1);
            }
            v[r] = (now_ns() - *t_restore) / 1e6;
            snap_drop(id);
        }
        qsort(v, REPS, sizeof v[0], cmp_d);
        printf("%-32s %8.2f ms\n", "hash barrier, restore", v[REPS / 2]);
    }
    MEDIAN("nrev barrier, snapshot live", nrev_cells, snap_take(&id), nrev_run(20000), snap_drop(id));
    MEDIAN("nrev-fast barrier, snapshot live", nrev_cells, snap_take(&id), fnrev_run(20000), snap_drop(id));
#endif
    return 0;
}
