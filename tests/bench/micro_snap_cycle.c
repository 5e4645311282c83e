/* micro_snap_cycle: the cost of a choice point made of snapshots.
 * Built with build/snap-cc; run by tests/bench/micro_snap, which prints the
 * table.  Each case: the median over REPS repetitions of the mean over N
 * cycles, in ns per cycle.  Usage: micro_snap_cycle [quick] [HEAP_MIB flat],
 * or micro_snap_cycle count CASE for instruction counts (count_case). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "snap.h"

#define REPS 11
static long N = 200000;

static double now_ns(void)
{
    struct timespec t;
    /* CPU time of this thread: this machine is shared, and the time the
     * thread is preempted is not the cost of the operation */
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return t.tv_sec * 1e9 + t.tv_nsec;
}

static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static uint64_t rs = 88172645463325252ULL;
static inline uint64_t rnd(void)
{
    rs ^= rs << 13, rs ^= rs >> 7, rs ^= rs << 17;
    return rs;
}

/* the addresses a cycle writes: NSETS sets of k, cycled through */
#define NSETS 4096
static long **sets;
static long *heap;
static size_t heap_words;

/* "warm": random words of a 4 MiB working set (as a program's recent
 * data); the flat-cost lines keep it while the program holds more memory */
static size_t span_words = (4UL << 20) / 8;

static void make_sets(int k, int hot)
{
    for (int s = 0; s < NSETS; s++)
        for (int j = 0; j < k; j++) {
            /* "hot": set 0's words in every set */
            uint64_t w = hot ? sets[j] - heap : rnd() % span_words;
            sets[s * k + j] = heap + w;
        }
}

static __attribute__((noinline)) void cycle(int k, long n)
{
    for (long i = 0; i < n; i++) {
        snap_id id;
        long **set = sets + (i & (NSETS - 1)) * k;
        if (snap_take(&id) == 0) {
            for (int j = 0; j < k; j++) *set[j] = i;
            snap_restore(id, 1);
        }
        snap_drop(id);
    }
}

static __attribute__((noinline)) void commit(int k, long n)
{
    for (long i = 0; i < n; i++) {
        snap_id id;
        long **set = sets + (i & (NSETS - 1)) * k;
        snap_take(&id);
        for (int j = 0; j < k; j++) *set[j] = i;
        snap_drop(id);
    }
}

/* commit under an outer snapshot, as the engine's cut always is (the
 * query's snapshot below): the drop merges its entries into the outer
 * epoch, which soon holds every line of the working set */
static __attribute__((noinline)) void commit_outer(int k, long n)
{
    snap_id outer;
    snap_take(&outer);
    commit(k, n);
    snap_drop(outer);
}

static __attribute__((noinline)) void take_drop(long n)
{
    for (long i = 0; i < n; i++) {
        snap_id id;
        snap_take(&id);
        snap_drop(id);
    }
}

static __attribute__((noinline)) void stores_only(int k, long n)
{
    for (long i = 0; i < n; i++) {
        long **set = sets + (i & (NSETS - 1)) * k;
        for (int j = 0; j < k; j++) *set[j] = i;
    }
}

/* The base frame just above the loop, as a program keeping the frames
 * between its take site and the base small: the segment is the loop's own
 * frame.  *seg_bytes: the segment's size. */
static void *main_base;
static long seg_bytes;
static __attribute__((noinline)) void cycle_near(int k, long n)
{
    volatile char base;
    snap_set_base((void *)&base);
    cycle(k, n);
    struct snap_stats st;
    snap_get_stats(&st);
    seg_bytes = (long)st.stack_bytes;
    snap_set_base(main_base);
}

#define MEASURE(label, n, stmt)                                               \
    do {                                                                      \
        double v[REPS];                                                       \
        for (int r = 0; r < REPS; r++) {                                      \
            double t0 = now_ns();                                             \
            stmt;                                                             \
            v[r] = (now_ns() - t0) / (double)(n);                             \
        }                                                                     \
        qsort(v, REPS, sizeof v[0], cmp_d);                                   \
        printf("%-44s %9.1f\n", label, v[REPS / 2]);                          \
        fflush(stdout);                                                       \
    } while (0)

/* micro_snap_cycle count CASE [HEAP_MIB]: one run of 10^5 cycles of one
 * case, untimed, for instruction counts (callgrind --toggle-collect=cycle,
 * =take_drop or =commit divided by 10^5).  CASE: td (take+drop), K (take,
 * K warm writes, restore, drop), hotK, commitK, outerK (commitK under a
 * live snapshot). */
static int count_case(const char *c, size_t heap_mb)
{
    long n = 100000;
    int hot = strncmp(c, "hot", 3) == 0, com = strncmp(c, "commit", 6) == 0;
    int outer = strncmp(c, "outer", 5) == 0;
    int k = atoi(c + (hot ? 3 : com ? 6 : outer ? 5 : 0));
    if (strcmp(c, "td") == 0) {
        take_drop(n);
        return 0;
    }
    if (k < 0 || k > 256) return 2;
    make_sets(k, 0);
    if (hot) make_sets(k, 1);
    if (com)
        commit(k, n);
    else if (outer)
        commit_outer(k, n);
    else
        cycle(k, n);
    return 0;
}

int main(int argc, char **argv)
{
    int counting = argc > 2 && strcmp(argv[1], "count") == 0;
    int quick = argc > 1 && strcmp(argv[1], "quick") == 0;
    if (quick) N = 20000;
    int a = 1 + quick + 2 * counting; /* micro_snap_cycle [quick] [HEAP_MIB flat] */
    size_t heap_mb = 64;
    if (argc > a) heap_mb = strtoul(argv[a], 0, 10);
    int flat = argc > a + 1;
    if (quick) N = 20000;
    heap_words = heap_mb * (1UL << 20) / 8;
    heap = malloc(heap_words * 8);
    sets = malloc(NSETS * 256 * sizeof *sets);
    if (!heap || !sets) return 1;
    for (size_t i = 0; i < heap_words; i += 512) heap[i] = 1; /* touch every page */
    char label[80];
    /* the base frame here, as the engine sets it at its dispatch loop: a
     * take copies only the frames below (SNAP_BASE=top: the default) */
    const char *b = getenv("SNAP_BASE");
    if (!b || strcmp(b, "top") != 0) snap_set_base(main_base = __builtin_frame_address(0));
    if (counting) return count_case(argv[2], heap_mb);
    if (flat) { /* only the flat-cost line: the program holds more memory,
                 * the cycle writes the same 4 MiB working set */
        make_sets(4, 0);
        snprintf(label, sizeof label, "take+4 writes+restore+drop, %zu MiB heap", heap_mb);
        MEASURE(label, N, cycle(4, N));
        return 0;
    }
    MEASURE("take+drop", N, take_drop(N));
    make_sets(4, 0);
    MEASURE("take+restore+drop k=0", N, cycle(0, N));
    int ks[] = {1, 4, 16, 256};
    for (int i = 0; i < 4; i++) {
        long n = ks[i] == 256 ? N / 16 : N;
        make_sets(ks[i], 0);
        snprintf(label, sizeof label, "take+%d writes+restore+drop (warm)", ks[i]);
        MEASURE(label, n, cycle(ks[i], n));
    }
    make_sets(4, 0);
    make_sets(4, 1);
    MEASURE("take+4 writes+restore+drop (hot)", N, cycle(4, N));
    make_sets(4, 0);
    MEASURE("take+4 writes+drop (commit)", N, commit(4, N));
    MEASURE("take+4 writes+drop, under a live snapshot", N, commit_outer(4, N));
    MEASURE("4 writes, no snapshot (reference)", N, stores_only(4, N));
    if (main_base) {
        cycle_near(4, 1);
        snprintf(label, sizeof label, "take+4 writes+restore+drop, %ld B segment", seg_bytes);
        MEASURE(label, N, cycle_near(4, N));
    }
    return 0;
}
