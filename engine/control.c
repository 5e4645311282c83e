/* control.c - throw/1, halt/0,1, =/2, \=/2. */
#include "control.h"

#include <snap.h>
#include <stdio.h>
#include <stdlib.h>

#include "db.h"
#include "error.h"
#include "solve.h"
#include "unify.h"

static void (*halt_hook)(int);

void control_set_halt_hook(void (*hook)(int status)) { halt_hook = hook; }

bool control_unifiable(term_t a, term_t b)
{
    snap_id id;
    long v = snap_take(&id);
    if (v == -1)
        err_resource(ATOM_memory);
    if (v == 0)
        snap_restore(id, unify(a, b) ? 2 : 3);
    snap_drop(id);
    return v == 2;
}

/* =(?X, ?Y) is semidet. */
static bool bi_unify(term_t *a) { return unify(a[0], a[1]); }

/* \=(?X, ?Y) is semidet. */
static bool bi_not_unify(term_t *a) { return !control_unifiable(a[0], a[1]); }

/* unify_with_occurs_check(?X, ?Y) is semidet. */
static bool bi_unify_oc(term_t *a) { return unify_oc(a[0], a[1]); }

/* throw(+Ball). */
static bool bi_throw(term_t *a)
{
    term_t b = term_deref(a[0]);
    if (term_is_var(b))
        err_instantiation();
    solve_throw(b);
}

static _Noreturn void do_halt(int status)
{
    if (halt_hook)
        halt_hook(status);
    fflush(stdout);
    fflush(stderr);
    exit(status);
}

/* halt is det (never returns). */
static bool bi_halt0(term_t *a)
{
    (void)a;
    do_halt(0);
}

/* halt(+Status). */
static bool bi_halt1(term_t *a) { do_halt((int)err_need_int(a[0])); }

/* '$scc_guard'(+Cleanup, -Idx) is det: setup_call_cleanup/3's record
 * (solve_cleanup_push), its index in Idx. */
static bool bi_scc_guard(term_t *a) { return unify(a[1], term_int(solve_cleanup_push(a[0]))); }

/* '$scc_disarm'(+Idx) is det: the record runs no cleanup from now on. */
static bool bi_scc_disarm(term_t *a) { return solve_cleanup_disarm((long)err_need_int(a[0])); }

/* '$scc_det'(+Idx) is semidet: the goal after the record left no choice point. */
static bool bi_scc_det(term_t *a) { return solve_cleanup_alone((long)err_need_int(a[0])); }

void control_register(void)
{
    db_register_det("$scc_guard", 2, bi_scc_guard);
    db_register_det("$scc_disarm", 1, bi_scc_disarm);
    db_register_test("$scc_det", 1, bi_scc_det);
    db_register_det("=", 2, bi_unify);
    db_register_det("\\=", 2, bi_not_unify);
    db_register_det("unify_with_occurs_check", 2, bi_unify_oc);
    db_register_det("throw", 1, bi_throw);
    db_register_det("halt", 0, bi_halt0);
    db_register_det("halt", 1, bi_halt1);
}
