/* Limits of the runtime: deep nesting, many take/drop pairs without a leak,
 * exhaustion reported as ENOMEM by snap_take and the program carrying on.
 *   snap_stress [NESTED [PAIRS]]    defaults: 10^4 nested, 10^6 pairs
 * make test-snap-slow runs 10^6 nested and 10^8 pairs. */
//! args: 10000 1000000
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "snap.h"
#include "snap_test.h"

static long cell[1024];

static long rss_kib(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    long size = 0, rss = 0;
    if (f) {
        if (fscanf(f, "%ld %ld", &size, &rss) != 2) rss = 0;
        fclose(f);
    }
    return rss * (sysconf(_SC_PAGESIZE) / 1024);
}

/* n nested snapshots, each writing a cell; restoring the first undoes all */
static void nested(long n)
{
    snap_id *ids = snap_palloc(n * sizeof *ids);
    long *done = snap_persistent(sizeof *done);
    CHECK(ids);
    for (long i = 0; i < n; i++) {
        long r = snap_take(&ids[i]);
        CHECK(r >= 0);
        if (r > 0) { /* the restore of the first */
            CHECK(i == 0 && *done == n);
            for (int k = 0; k < 1024; k++) CHECK(cell[k] == 0);
            CHECK(snap_depth() == 1);
            CHECK(snap_drop(ids[0]) == 0);
            snap_pfree(ids);
            return;
        }
        cell[i & 1023] = i + 1;
        *done = i + 1;
    }
    CHECK(snap_depth() == n);
    /* one in the middle: deeper ones go, it stays */
    CHECK(snap_valid(ids[n / 2]) == 0 && snap_valid(ids[n - 1]) == 0);
    snap_restore(ids[0], 1);
}

static void pairs(long n)
{
    struct snap_stats s0, s1;
    long rss0 = 0;
    for (long i = 0; i < n; i++) {
        snap_id id;
        CHECK(snap_take(&id) == 0);
        cell[i & 1023] = i; /* a line logged in every pair */
        CHECK(snap_drop(id) == 0);
        if (i == n / 100) {
            snap_get_stats(&s0);
            rss0 = rss_kib();
        }
    }
    snap_get_stats(&s1);
    long rss1 = rss_kib();
    printf("%ld take/drop pairs: rss %ld KiB at 1%%, %ld KiB at the end; log high-water %lu entries\n", n, rss0,
           rss1, (unsigned long)s1.log_high);
    CHECK(rss1 <= rss0 + 256); /* flat */
    CHECK(s1.log_high == s0.log_high && s1.log_now <= 2);
    CHECK(s1.depth == 0);
}

/* take, write, drop under a live outer snapshot, n times: lines the outer
 * epoch has logged already, and heap cells allocated since the outer take,
 * must not pile up in the log (a choice point cut on every iteration of a
 * long loop, the Prolog `p(_), !` under an outer choice point).  Half the
 * iterations also restore the inner snapshot before the drop.  After each
 * drop the loop writes lines that the outer epoch logged before the loop
 * and the inner take re-armed: the outer epoch holds their entries already.
 * The outer restore still brings everything back. */
static long gvals[64], after[64];
static void *nested_top;
static void under_outer(long n)
{
    size_t hsize = 1 << 20;
    char *heap = snap_palloc(hsize);
    long *i_p = snap_persistent(sizeof *i_p); /* the loop counter survives the inner restores */
    CHECK(heap && i_p);
    nested_top = heap;
    CHECK(snap_register_bump(&nested_top, heap, heap + hsize) == 0);
    for (int k = 0; k < 64; k++) gvals[k] = k, after[k] = -k;
    struct snap_stats s0, s1;
    snap_id outer, inner;
    long r = snap_take(&outer);
    CHECK(r >= 0);
    if (r == 0) {
        long *cells = nested_top; /* allocated after the outer take */
        nested_top = (char *)nested_top + 8 * 64 * sizeof(long);
        for (int k = 0; k < 8 * 64; k++) cells[k] = 0;
        gvals[0] = 100; /* the outer epoch logs this line */
        for (int k = 0; k < 64; k += 8) after[k] = 1; /* and these eight */
        snap_get_stats(&s0);
        for (*i_p = 0; *i_p < n; ++*i_p) {
            long i = *i_p;
            long v = snap_take(&inner);
            CHECK(v >= 0);
            if (v == 0) {
                gvals[0] = i;            /* logged in the outer epoch already */
                gvals[8 * (i & 7)] = i;  /* eight lines, each logged once outside */
                cells[64 * (i & 7)] = i; /* fresh for the outer snapshot */
                if (i & 1) snap_restore(inner, 1);
            } else {
                CHECK(gvals[0] == (i ? i - 1 : 100) && cells[64 * (i & 7)] == 0); /* odd i: undone */
            }
            CHECK(snap_drop(inner) == 0);
            /* re-armed by the inner take, written after its drop */
            after[8 * (i & 7)] = i;
            after[8 * ((i + 3) & 7)] = i;
            gvals[0] = i;
        }
        snap_get_stats(&s1);
        printf("%ld take/write/drop cycles under a live snapshot: log %lu entries before, %lu after\n", n,
               (unsigned long)s0.log_now, (unsigned long)s1.log_now);
        /* the lines of gvals, after and cells: 17 at most, whatever n */
        CHECK(s1.log_now <= s0.log_now + 24);
        snap_restore(outer, 1);
    }
    for (int k = 0; k < 64; k++) CHECK(gvals[k] == k && after[k] == -k);
    CHECK(nested_top == heap);
    snap_drop(outer);
}

/* the address space runs out: snap_take says ENOMEM, nothing breaks */
static void exhaustion(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    long pages = 0;
    CHECK(f && fscanf(f, "%ld", &pages) == 1);
    fclose(f);
    struct rlimit rl = {(rlim_t)pages * 4096 + (64UL << 20), RLIM_INFINITY};
    CHECK(setrlimit(RLIMIT_AS, &rl) == 0);
    static char big[1 << 16];
    long taken = 0;
    snap_id first = 0;
    for (;;) {
        snap_id id;
        errno = 0;
        long r = snap_take(&id);
        if (r < 0) {
            CHECK(errno == ENOMEM);
            break;
        }
        CHECK(r == 0);
        if (!taken) first = id;
        taken++;
        big[taken & 0xffff] = 1;
        /* a deep frame: a big stack segment per snapshot */
        char frame[8192];
        memset(frame, (int)taken, sizeof frame);
        __asm__ volatile("" : : "r"(frame) : "memory");
        CHECK(taken < 100000000);
    }
    CHECK(taken > 0);
    CHECK(snap_drop(first) == 0);
    rl.rlim_cur = RLIM_INFINITY;
    CHECK(setrlimit(RLIMIT_AS, &rl) == 0);
    printf("ENOMEM after %ld snapshots\n", taken);
}

int main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 10000, p = argc > 2 ? atol(argv[2]) : 1000000;
    nested(n);
    printf("%ld nested snapshots: ok\n", n);
    pairs(p);
    under_outer(p);
    exhaustion();
    printf("SUCCESS\n");
    return 0;
}
