/* stats.c - statistics/0,2. */
#include "stats.h"

#include <snap.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "db.h"
#include "error.h"
#include "gc.h"
#include "heap.h"
#include "mem.h"
#include "solve.h"
#include "unify.h"

struct stat_state {
    double wall0;
    double last_cpu, last_wall; /* for the "since last" second elements */
};

static struct stat_state *S;

static double now(clockid_t c)
{
    struct timespec ts;
    clock_gettime(c, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void stats_start(void)
{
    if (!S)
        S = mem_pzalloc(sizeof *S);
    if (S)
        S->wall0 = now(CLOCK_MONOTONIC);
}

static term_t pair(int64_t a, int64_t b) { return term_cons(term_int(a), term_cons(term_int(b), TERM_NIL)); }

/* statistics(+Key, -Value) is semidet. */
static bool bi_statistics(term_t *a)
{
    const char *k = atom_name(err_need_atom(a[0]));
    struct solve_stats ss;
    struct snap_stats sn;
    struct gc_stats gs;
    solve_get_stats(&ss);
    snap_get_stats(&sn);
    gc_get_stats(&gs);
    double cpu = now(CLOCK_PROCESS_CPUTIME_ID), wall = now(CLOCK_MONOTONIC) - S->wall0;
    term_t v;
    if (!strcmp(k, "runtime") || !strcmp(k, "process_cputime")) {
        v = pair((int64_t)(cpu * 1000), (int64_t)((cpu - S->last_cpu) * 1000));
        S->last_cpu = cpu;
    } else if (!strcmp(k, "cputime")) {
        v = term_float(cpu);
    } else if (!strcmp(k, "walltime") || !strcmp(k, "real_time")) {
        v = pair((int64_t)(wall * 1000), (int64_t)((wall - S->last_wall) * 1000));
        S->last_wall = wall;
    } else if (!strcmp(k, "inferences")) {
        v = term_int((int64_t)ss.inferences);
    } else if (!strcmp(k, "snapshots_taken")) {
        v = term_int((int64_t)sn.takes);
    } else if (!strcmp(k, "snapshots_restored")) {
        v = term_int((int64_t)sn.restores);
    } else if (!strcmp(k, "snapshots_dropped")) {
        v = term_int((int64_t)sn.drops);
    } else if (!strcmp(k, "lines_logged")) {
        v = term_int((int64_t)sn.lines_logged);
    } else if (!strcmp(k, "undo_log_entries")) {
        v = term_int((int64_t)sn.log_now);
    } else if (!strcmp(k, "undo_log_peak")) {
        v = term_int((int64_t)sn.log_high);
    } else if (!strcmp(k, "choicepoints")) {
        v = term_int((int64_t)ss.choicepoints);
    } else if (!strcmp(k, "heapused") || !strcmp(k, "globalused")) {
        v = term_int((int64_t)heap_used());
    } else if (!strcmp(k, "garbage_collection")) {
        v = term_cons(term_int((int64_t)gs.collections),
                      term_cons(term_int((int64_t)gs.cells_freed * 8), term_cons(term_int(0), TERM_NIL)));
    } else {
        err_domain(atom_from_cstr("statistics_key"), a[0]);
    }
    return unify(a[1], v);
}

/* garbage_collect is det: the young heap is collected as soon as the
 * built-in returns (engine/solve.c), as swipl collects at once. */
static bool bi_garbage_collect(term_t *a)
{
    (void)a;
    solve_request_gc();
    return true;
}

/* statistics is det: a summary on stderr. */
static bool bi_statistics0(term_t *a)
{
    (void)a;
    struct solve_stats ss;
    struct snap_stats sn;
    struct gc_stats gs;
    solve_get_stats(&ss);
    snap_get_stats(&sn);
    gc_get_stats(&gs);
    double cpu = now(CLOCK_PROCESS_CPUTIME_ID), wall = now(CLOCK_MONOTONIC) - S->wall0;
    fflush(stdout);
    fprintf(stderr,
            "%% Started at wall time %.3f sec ago, %.3f sec cpu time\n"
            "%% %llu inferences\n"
            "%% %zu bytes term heap in use, %lu collections freed %lu bytes\n"
            "%% snapshots: %llu taken, %llu restored, %llu dropped, %llu lines logged, %llu live\n",
            wall, cpu, (unsigned long long)ss.inferences, heap_used(), gs.collections, gs.cells_freed * 8,
            (unsigned long long)sn.takes, (unsigned long long)sn.restores, (unsigned long long)sn.drops,
            (unsigned long long)sn.lines_logged, (unsigned long long)sn.depth);
    return true;
}

void stats_register(void)
{
    stats_start();
    db_register_det("statistics", 2, bi_statistics);
    db_register_det("statistics", 0, bi_statistics0);
    db_register_det("garbage_collect", 0, bi_garbage_collect);
}
