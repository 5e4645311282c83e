/* solve.c - the solve loop (see solve.h for the model).
 *
 * run() is the dispatch loop.  solve() sets the snapshot base frame to a
 * local of its own and calls run(), so every snap_take copies run()'s frame:
 * after a restore, run()'s locals (goal, continuation, cut barrier, the
 * arguments of the goal being retried) are as they were at the take, and
 * the value the take returns names the alternative to try.
 *
 * Choice-point records (struct cp) are persistent: failure reads the next
 * alternative from the newest record and passes it through snap_restore;
 * the resumed code writes the one after it back, or drops the record when
 * it runs the last one.  A record is popped exactly when its snapshot is
 * dropped or restored for the last time.
 */
#include "solve.h"

#include <snap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clause.h"
#include "consult.h"
#include "db.h"
#include "error.h"
#include "flags.h"
#include "gc.h"
#include "mem.h"
#include "unify.h"

enum cp_kind { CP_TOP, CP_CLAUSE, CP_ALT, CP_CATCH, CP_FINDALL, CP_BUILTIN, CP_CLEANUP };

/* Values a take returns besides 0 (taken) and -1 (error), for the kinds
 * whose alternative is not a clause pointer or a built-in's own value. */
enum { ALT_FAIL = 1, ALT_THROW = 2, ALT_ELSE = 3, ALT_DONE = 4 };

/* The young heap is collected when it exceeds this, or twice what survived
 * the last collection: the cost of a collection stays proportional to the
 * garbage it frees. */
#define GC_MIN_YOUNG ((size_t)8 << 20)

struct collector {
    struct pterm **items;
    size_t n, cap;
    size_t cells; /* total size: the answers must fit on the heap at the end */
};

struct cp {
    snap_id id;
    long alt;          /* passed to snap_restore by failure */
    unsigned char kind;
    bool disabled;     /* failure drops it without a restore */
    struct collector *coll;
    char *heap_mark;   /* heap top at the take: the young region starts here */
    uint64_t gen;      /* a record whose alternatives are clauses: the db generation at the
                        * push (no call it serves runs at an older one); others UINT64_MAX */
    term_t cleanup;    /* CP_CLEANUP: the goal a cut or a throw that removes
                        * the record runs, or 0 (disarmed); a heap term older
                        * than the record, so valid (and never moved by the
                        * collector) while the record lives */
};

/* Persistent machine state, reached through M (set once by solve_init). */
struct machine {
    struct cp *cps;
    size_t ncp, cap;
    struct pterm *ball;        /* exception in flight */
    struct pterm *memory_ball; /* error(resource_error(memory), _), made at init */
    struct solve_stats stats;
    size_t ncleanup;          /* armed CP_CLEANUP records: the cut's fast path tests it */
    /* The heap top past which the loop collects: the newest record's heap
     * mark + gc_trigger, kept so by cp_push, cp_pop_to, backtrack and the
     * collector, so that the loop's test is one compare.  Persistent: a
     * backtrackable word here cost a logged line at nearly every
     * snapshot (the push writes it just after the previous take). */
    char *gc_at;
    volatile int interrupted; /* set by SIGINT; persistent, so no restore loses it */
};

static struct machine *M;
static functor_t functor_is; /* is/2, set once by solve_init */

void solve_interrupt(void) { M->interrupted = 1; }
/* garbage_collect/0: the loop collects at its next step (the limit set to
 * the bottom of memory, which every heap top is above). */
void solve_request_gc(void) { M->gc_at = NULL; }
volatile int *solve_interrupt_word(void) { return &M->interrupted; }

/* Backtrackable registers the throw path needs (plain globals of
 * instrumented code: a restore puts them back). */
static term_t catches = TERM_NIL; /* '$catch'(CpIndex, Outer) of the active catch/3 calls */
static long top_idx = -1;         /* the TOP record of the innermost solve() */
static size_t gc_trigger = GC_MIN_YOUNG; /* collect when the young heap is this big */
/* The built-in running, for error contexts; -1 in the loop itself.
 * Persistent (an explicit section is untracked, snap_sections.h): tracked,
 * its line was logged at the first built-in call after nearly every take
 * and restore (a fifth to a third of the lines sendmore, queens,
 * meta_qsort, mu and nrev logged).  What a restore put back, the paths
 * that restore set instead: -1 for the loop's take sites (backtrack,
 * unwind_to_catcher), the built-in's own for solve_choose's; solve() puts
 * back the outer value when its run ends. */
static functor_t current_functor __attribute__((section(".data.untracked"))) = (functor_t)-1;

functor_t solve_current_functor(void) { return current_functor; }

void solve_get_stats(struct solve_stats *out) { *out = M->stats; }

/* --- choice-point records ----------------------------------------------- */

static long cp_push(enum cp_kind kind, long alt)
{
    if (M->ncp == M->cap) {
        size_t cap = M->cap ? M->cap * 2 : 1024;
        struct cp *n = mem_prealloc(M->cps, cap * sizeof *n);
        if (!n)
            err_resource(ATOM_memory);
        M->cps = n;
        M->cap = cap;
    }
    long i = (long)M->ncp++;
    M->cps[i] = (struct cp){.id = -1, .alt = alt, .kind = (unsigned char)kind, .heap_mark = heap_top,
                            .gen = kind == CP_CLAUSE ? db_generation() : UINT64_MAX};
    if (M->ncp > M->stats.max_choicepoints)
        M->stats.max_choicepoints = M->ncp;
    M->gc_at = heap_top + gc_trigger;
    return i;
}

static void collector_free(struct collector *c)
{
    for (size_t i = 0; i < c->n; i++)
        copy_free(c->items[i]);
    mem_pfree(c->items);
    mem_pfree(c);
}

/* Forget the records from n up (their snapshots are already gone). */
static void cp_pop_to(long n)
{
    while ((long)M->ncp > n) {
        struct cp *c = &M->cps[--M->ncp];
        if (c->coll)
            collector_free(c->coll);
        if (c->cleanup)
            M->ncleanup--;
    }
    if (M->ncp)
        M->gc_at = M->cps[M->ncp - 1].heap_mark + gc_trigger;
}

static _Noreturn void take_failed(long idx);

/* The cleanups of the armed CP_CLEANUP records from b up, newest first,
 * disarmed, as a heap list; [] when there are none. */
static term_t take_cleanups(long b)
{
    term_t l = TERM_NIL;
    for (long i = b; i < (long)M->ncp; i++) {
        struct cp *c = &M->cps[i];
        if (c->cleanup) {
            l = term_cons(c->cleanup, l);
            c->cleanup = 0;
            M->ncleanup--;
        }
    }
    return l;
}

/* Run each cleanup of (l) once, in a nested solve, failure ignored.  With
 * (raise), the first error one raised is raised when all have run (a cut
 * of the running solve: its catchers are live); without, errors are
 * ignored (another exception is on its way, or the solve is ending). */
static void run_cleanups(term_t l, bool raise)
{
    static functor_t once_f, quiet_f;
    if (!once_f) {
        once_f = functor_intern(atom_from_cstr("$scc_once"), 1);
        quiet_f = functor_intern(atom_from_cstr("$scc_run"), 1);
    }
    term_t err = 0, ball;
    for (; l != TERM_NIL; l = term_arg(l, 2))
        if (solve(term_compound1(raise ? once_f : quiet_f, term_arg(l, 1)), NULL, NULL, &ball) == SOLVE_ERROR &&
            !err)
            err = ball;
    if (err)
        solve_throw(err);
}

/* A cut: drop record b and every newer one with their snapshots.  A
 * setup_call_cleanup/3 whose goal's choice points go with them runs its
 * cleanup, once the records are gone. */
static void cut_to(long b)
{
    if ((long)M->ncp > b) {
        snap_drop(M->cps[b].id);
        if (__builtin_expect(M->ncleanup != 0, 0)) {
            term_t l = take_cleanups(b);
            cp_pop_to(b);
            run_cleanups(l, b > top_idx);
            return;
        }
        cp_pop_to(b);
    }
}

long solve_cleanup_push(term_t cleanup)
{
    long idx = cp_push(CP_CLEANUP, ALT_FAIL);
    M->cps[idx].disabled = true; /* failure passes it: the caller's next clause runs the cleanup */
    /* a snapshot only so that cuts and failure drop it as any other: a
     * disabled record is never restored */
    if (snap_take(&M->cps[idx].id) == -1)
        take_failed(idx);
    M->cps[idx].cleanup = cleanup;
    M->ncleanup++;
    return idx;
}

bool solve_cleanup_disarm(long idx)
{
    if (idx < 0 || idx >= (long)M->ncp || M->cps[idx].kind != CP_CLEANUP)
        return false;
    if (M->cps[idx].cleanup) {
        M->cps[idx].cleanup = 0;
        M->ncleanup--;
    }
    return true;
}

uint64_t solve_builtin_generation(void)
{
    const struct cp *c = M->ncp ? &M->cps[M->ncp - 1] : NULL;
    return c && c->kind == CP_BUILTIN && c->gen != UINT64_MAX ? c->gen : db_generation();
}

bool solve_cleanup_alone(long idx) { return (long)M->ncp == idx + 1; }

/* The take failed (snapshot memory exhausted): no snapshot exists for idx. */
static _Noreturn void take_failed(long idx)
{
    cp_pop_to(idx);
    err_resource(ATOM_memory);
}

static _Noreturn void backtrack(void)
{
    current_functor = (functor_t)-1;
    for (;;) {
        struct cp *c = &M->cps[M->ncp - 1];
        if (!c->disabled) {
            M->gc_at = c->heap_mark + gc_trigger; /* c is the newest when it resumes */
            snap_restore(c->id, c->alt);
        }
        snap_drop(c->id);
        cp_pop_to((long)M->ncp - 1);
    }
}

_Noreturn void solve_fail(void) { backtrack(); }

long solve_choose(long n)
{
    if (n <= 0)
        backtrack();
    if (n == 1)
        return 0;
    long idx = cp_push(CP_BUILTIN, 1);
    functor_t caller = current_functor; /* in the stack segment: back at each restore */
    long v = snap_take(&M->cps[idx].id);
    if (v == -1)
        take_failed(idx);
    if (v == 0) {
        M->stats.choicepoints++;
        return 0;
    }
    current_functor = caller;
    /* resumed by failure with alternative v: the record is the newest */
    if (v == n - 1)
        cut_to(idx);
    else
        M->cps[idx].alt = v + 1;
    return v;
}

bool solve_has_alternatives(void)
{
    for (long i = (long)M->ncp - 1; i > top_idx; i--)
        if (!M->cps[i].disabled)
            return true;
    return false;
}

/* --- exceptions ------------------------------------------------------------ */

static _Noreturn void unwind_to_catcher(void)
{
    long target = catches == TERM_NIL ? top_idx : term_get_smallint(term_arg(catches, 1));
    /* the cleanups of the choice points the throw removes run first, with
     * the ball kept aside (a throw inside one is caught there); not for
     * running out of memory, where they would most likely fail again */
    if (M->ncleanup && M->ball != M->memory_ball) {
        term_t l = take_cleanups(target + 1);
        if (l != TERM_NIL) {
            struct pterm *ball = M->ball;
            M->ball = NULL;
            run_cleanups(l, false);
            M->ball = ball;
        }
    }
    cp_pop_to(target + 1);
    current_functor = (functor_t)-1;
    snap_restore(M->cps[target].id, ALT_THROW);
}

_Noreturn void solve_throw(term_t ball)
{
    struct pterm *p = copy_to_persistent(ball);
    if (M->ball && M->ball != M->memory_ball)
        copy_free(M->ball);
    M->ball = p ? p : M->memory_ball;
    unwind_to_catcher();
}

static _Noreturn void throw_memory_error(size_t cells)
{
    (void)cells;
    if (M->ball && M->ball != M->memory_ball)
        copy_free(M->ball);
    M->ball = M->memory_ball;
    unwind_to_catcher();
}

/* The ball, back on the heap, and released. */
static term_t take_ball(void)
{
    term_t b = copy_from_persistent(M->ball);
    if (M->ball != M->memory_ball)
        copy_free(M->ball);
    M->ball = NULL;
    return b;
}

/* --- building goals ------------------------------------------------------- */

/* Built in place (one per conjunction: the hot path of every clause body),
 * not through term_compound and its memcpy, and without the barrier: its
 * four cells are fresh (above the heap top, which no snapshot sees), and
 * heap_top is untracked.  Out of line, as clang does not inline across
 * the attribute, so the helpers of term.h and heap.h are spelled out. */
__attribute__((no_sanitize("kernel-address"), noinline)) static term_t frame(term_t goal, long cutb, term_t next)
{
    term_t *p = (term_t *)heap_top;
    if ((size_t)(heap_limit - heap_top) < 4 * sizeof *p)
        heap_overflow(4);
    heap_top = (char *)(p + 4);
    p[0] = (term_t)FUNCTOR_s_frame3 << 4 | TAG_HDR;
    p[1] = goal;
    p[2] = (term_t)((uint64_t)cutb << 3) | TAG_INT;
    p[3] = next;
    return (term_t)(uintptr_t)p | TAG_STR;
}

static term_t ctl1(functor_t f, long idx) { return term_compound1(f, term_smallint(idx)); }

/* call/N: Goal with the extra arguments appended.  Out of line: inlined,
 * its loops' spills made run()'s frame 872 bytes instead of 408, and every
 * snapshot run() takes copies that frame out and back. */
static __attribute__((noinline)) term_t add_args(term_t g, const term_t *extra, unsigned n)
{
    g = err_need_callable(g);
    if (n == 0)
        return g;
    atom_t name;
    unsigned arity;
    term_name_arity(g, &name, &arity);
    functor_t f = functor_intern(name, arity + n);
    term_t t = term_compound(f, NULL);
    term_t *a = term_args(t);
    for (unsigned i = 0; i < arity; i++)
        a[i] = term_arg(g, i + 1);
    for (unsigned i = 0; i < n; i++)
        a[arity + i] = extra[i];
    return t;
}

/* A goal whose principal functor makes it a body of control constructs. */
static bool is_control_body(term_t g)
{
    if (!term_is_compound(g))
        return false;
    functor_t f = term_functor(g);
    return f == FUNCTOR_comma2 || f == FUNCTOR_semicolon2 || f == FUNCTOR_arrow2 || f == FUNCTOR_softarrow2;
}

/* Every goal of body g is callable or a variable (ISO's body conversion,
 * done by call/1 before it runs anything: call((write(x), 1)) raises
 * before it writes). */
static bool body_callable(term_t g)
{
    for (;;) {
        g = term_deref(g);
        if (term_is_var(g))
            return true;
        if (!term_is_callable(g))
            return false;
        if (!is_control_body(g))
            return true;
        if (!body_callable(term_arg(g, 1)))
            return false;
        g = term_arg(g, 2);
    }
}

static void unknown_procedure(functor_t f)
{
    atom_t mode = flags_unknown();
    if (mode == ATOM_fail)
        return;
    if (mode == ATOM_warning) {
        fflush(stdout);
        fprintf(stderr, "Warning: Unknown procedure: %s/%u\n", atom_name(functor_name(f)), functor_arity(f));
        return;
    }
    /* context(_, _): swipl names the calling predicate, which the loop
     * does not keep; the shape at least is the standard one */
    term_t pi = err_pred_indicator(functor_name(f), functor_arity(f));
    term_t formal = term_compound2(FUNCTOR_existence_error2, term_atom(ATOM_procedure), pi);
    term_t ctx = term_compound2(functor_intern(atom_from_cstr("context"), 2), term_new_var(), term_new_var());
    solve_throw(term_compound2(FUNCTOR_error2, formal, ctx));
}

static void collect(long idx, term_t t)
{
    struct collector *c = M->cps[idx].coll;
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 16;
        struct pterm **n = mem_prealloc(c->items, cap * sizeof *n);
        if (!n)
            err_resource(ATOM_memory);
        c->items = n;
        c->cap = cap;
    }
    struct pterm *p = copy_to_persistent(t);
    if (!p)
        err_resource(ATOM_memory);
    c->items[c->n++] = p;
    /* the list is built on the heap at the end: fail early when it cannot fit */
    c->cells += p->ncells + 3;
    if (c->cells > (size_t)(heap_limit - heap_start) / 8)
        err_resource(ATOM_memory);
}

/* --- conditions that need no snapshot ------------------------------------ */

/* Is g made only of built-ins that never bind (PRED_TEST), true/fail, ','
 * and \+?  Such a condition can be run directly: it leaves nothing to undo,
 * so if-then-else and negation over it take no snapshot. */
static bool is_test(term_t g)
{
    g = term_deref(g);
    if (term_is_atom(g)) {
        atom_t a = term_get_atom(g);
        return a == ATOM_true || a == ATOM_fail || a == ATOM_false;
    }
    if (!term_is_compound(g))
        return false;
    functor_t f = term_functor(g);
    if (f == FUNCTOR_comma2)
        return is_test(term_arg(g, 1)) && is_test(term_arg(g, 2));
    if (f == FUNCTOR_not_provable1)
        return is_test(term_arg(g, 1));
    struct pred *p = db_lookup(f);
    return p && (p->flags & PRED_TEST);
}

/* The integer operations small_eval does (their functors, set once by
 * solve_init). */
enum { SE_ADD, SE_SUB, SE_MUL, SE_IDIV, SE_MOD, SE_AND, SE_OR, SE_XOR, SE_SHR, SE_SHL, SE_NOPS };
static functor_t se_functor[SE_NOPS], se_neg;

/* An arithmetic expression of small integers and the operations above
 * (and unary minus), evaluated here when every value on the way is a small
 * integer: true and *v the value; false for is/2 to say (another
 * operation, a float, a bignum, an error such as a zero divisor or a
 * variable, or nested deeper than (depth)). */
static bool small_eval(term_t e, int64_t *v, int depth)
{
    e = term_deref(e);
    if (term_is_smallint(e)) {
        *v = term_get_smallint(e);
        return true;
    }
    if (!term_is_compound(e) || depth == 0)
        return false;
    functor_t f = term_functor(e);
    int64_t x, y, r;
    if (f == se_neg) {
        if (!small_eval(term_arg(e, 1), &x, depth - 1))
            return false;
        *v = -x; /* -TERM_INT_MIN is still an int64_t */
        return term_int_fits(*v);
    }
    unsigned op = 0;
    while (op < SE_NOPS && se_functor[op] != f)
        op++;
    if (op == SE_NOPS || !small_eval(term_arg(e, 1), &x, depth - 1) || !small_eval(term_arg(e, 2), &y, depth - 1))
        return false;
    switch (op) {
    case SE_ADD:
        r = x + y; /* 61-bit operands: no int64_t overflow */
        break;
    case SE_SUB:
        r = x - y;
        break;
    case SE_MUL:
        if (__builtin_mul_overflow(x, y, &r))
            return false;
        break;
    case SE_IDIV:
    case SE_MOD:
        if (y == 0 || y == -1)
            return false;
        if (op == SE_IDIV) {
            r = x / y; /* toward zero: integer_rounding_function */
        } else {
            r = x % y;
            if (r != 0 && (r ^ y) < 0)
                r += y;
        }
        break;
    case SE_AND:
        r = x & y;
        break;
    case SE_OR:
        r = x | y;
        break;
    case SE_XOR:
        r = x ^ y;
        break;
    case SE_SHR:
        if (y < 0 || y > 62)
            return false;
        r = x >> y;
        break;
    default: /* SE_SHL */
        r = (int64_t)((uint64_t)x << (y & 63));
        if (y < 0 || y > 62 || r >> y != x)
            return false;
    }
    *v = r;
    return term_int_fits(r);
}

/* is/2 on small integers (small_eval): 1 or 0 done, -1 for is/2 to
 * say.  The binding goes through the barrier as any other. */
static int small_is(term_t *args)
{
    term_t v, x;
    int64_t n;
    if (!small_eval(args[1], &n, 16))
        return -1;
    v = term_smallint(n);
    x = term_deref(args[0]);
    if (term_is_var(x)) {
        term_bind(x, v);
        return 1;
    }
    return x == v ? 1 : term_is_smallint(x) ? 0 : -1;
}

/* A deterministic built-in (p) called on args: the comparisons and is/2
 * on small integers done here. */
static inline bool call_det(struct pred *p, term_t *args)
{
    int fast = p->cmp ? cl_compare_small(p->cmp, args[0], args[1]) : p->f == functor_is ? small_is(args) : -1;
    if (fast >= 0)
        return fast;
    current_functor = p->f;
    bool ok = p->fn(args);
    current_functor = (functor_t)-1;
    return ok;
}

static bool run_test(term_t g)
{
    g = term_deref(g);
    if (term_is_atom(g))
        return term_get_atom(g) == ATOM_true;
    functor_t f = term_functor(g);
    if (f == FUNCTOR_comma2)
        return run_test(term_arg(g, 1)) && run_test(term_arg(g, 2));
    if (f == FUNCTOR_not_provable1)
        return !run_test(term_arg(g, 1));
    M->stats.inferences++;
    functor_t outer = current_functor;
    bool ok = call_det(db_lookup(f), term_args(g));
    current_functor = outer;
    return ok;
}

static int shallow_condition(term_t g);

/* The (n) tests of a compiled guard (clause.h) on the values the last
 * cl_match gave: true when all pass. */
static bool run_guard(const term_t *gt, unsigned n)
{
    for (unsigned i = 0; i < n; i++) {
        void *fn;
        functor_t tf;
        term_t targs[CL_GUARD_ARGS];
        unsigned cmp;
        gt = cl_guard_test(gt, &fn, &tf, targs, &cmp);
        M->stats.inferences++;
        int ok = cmp ? cl_compare_small(cmp, targs[0], targs[1]) : -1;
        if (ok < 0) {
            current_functor = tf;
            ok = ((builtin_det)fn)(targs);
            current_functor = (functor_t)-1;
        }
        if (!ok)
            return false;
    }
    return true;
}

/* The goals a body starts with, tried in a shallow try (fresh: its heap
 * mark): pure tests, unifications (the older variables they bind are
 * recorded with the head's), and a call shallow_condition can answer just
 * before the cut.  1 when they pass and a cut follows ("guard, !": *rest is what
 * follows the cut; the calls' first solutions are all a cut keeps), 0 when
 * one fails (the clause cannot succeed), -1 when the body has no such guard.
 * Tests and unifications that ran can run again in the body (one solution
 * each); a call that ran cannot, since it may have more solutions: then
 * (*ran_call) is set and the caller must undo the try. */
static int guard_cut(term_t body, term_t *rest, const char *fresh, bool *ran_call)
{
    term_t cut = term_atom(ATOM_cut);
    for (term_t t = term_deref(body);;) {
        bool last = !term_is_compound(t) || term_functor(t) != FUNCTOR_comma2;
        term_t g = last ? t : term_deref(term_arg(t, 1));
        if (g == cut) {
            *rest = last ? TERM_TRUE : term_arg(t, 2);
            return 1;
        }
        if (term_is_compound(g) && term_functor(g) == FUNCTOR_equals2) {
            int r = cl_unify_logged(term_arg(g, 1), term_arg(g, 2), fresh);
            if (r <= 0)
                return r;
        } else if (is_test(g)) {
            if (!run_test(g))
                return 0;
        } else {
            /* a call only just before the cut: a goal failing after it
             * would have to backtrack into its other solutions */
            term_t after = last ? 0 : term_deref(term_arg(t, 2));
            bool cut_next = after == cut || (term_is_compound(after) && term_functor(after) == FUNCTOR_comma2 &&
                                             term_deref(term_arg(after, 1)) == cut);
            int r = cut_next ? shallow_condition(g) : -1;
            if (r <= 0)
                return r;
            *ran_call = true;
        }
        if (last)
            return -1;
        t = term_deref(term_arg(t, 2));
    }
}

/* cl_exec, the heap top it leaves stored here, with the barrier. */
static inline int exec_clause(const struct pterm *code, const term_t *args, const char *fresh, term_t *body)
{
    char *top;
    int r = cl_exec(code, args, fresh, body, &top, M->gc_at);
    if (r > 0)
        heap_top = top;
    return r;
}

/* The candidate after c: from the switch's array when (slot) is set (c ==
 * *slot; *nslot gets the next one's slot), else from the clause list. */
static inline struct clause *next_candidate(struct clause *c, struct clause **slot, struct clause ***nslot, term_t key,
                                            uint64_t gen)
{
    if (slot) {
        *nslot = db_next_slot(slot + 1, gen);
        return *nslot ? **nslot : NULL;
    }
    return db_next_match(c->next, key, gen);
}

/* One goal of a shallow search: its arguments and its candidate clauses. */
struct sgoal {
    term_t *args;
    term_t key;
    struct clause *c, **slot; /* the current candidate (slot: in the switch's array) */
    long cutb;                /* a cut in its clause drops the points from here on */
    term_t cont;              /* the goals after it: '$frame'(Goals, CutB, Next) or [] */
};

/* A point to backtrack to: the goal with its next candidate, and the heap
 * top and record length when it was made. */
struct spoint {
    struct sgoal g;
    char *heap;
    unsigned log;
};

/* The search's points and goal live on the stack, which snapshots copy
 * whole and never log: their stores need no barrier, and the checks were
 * a quarter of the search's own instructions (browse).  Out of line, as
 * clang does not inline across the attribute. */
#define STACK_ONLY __attribute__((no_sanitize("kernel-address"), noinline))

/* Copied field by field: an assignment of the whole struct is a call of
 * memcpy under the barrier's instrumentation. */
STACK_ONLY static void sgoal_copy(struct sgoal *d, const struct sgoal *s)
{
    d->args = s->args;
    d->key = s->key;
    d->c = s->c;
    d->slot = s->slot;
    d->cutb = s->cutb;
    d->cont = s->cont;
}

/* s as a call of args (key: its first argument's), at candidate c (in slot). */
STACK_ONLY static void sgoal_set(struct sgoal *s, term_t *args, term_t key, struct clause *c, struct clause **slot)
{
    s->args = args;
    s->key = key;
    s->c = c;
    s->slot = slot;
}

/* A point to come back to s's goal at its candidate c (in slot), with the
 * heap top and record length before the current candidate's try. */
STACK_ONLY static void spoint_push(struct spoint *p, const struct sgoal *s, struct clause *c, struct clause **slot,
                                   char *heap, unsigned log)
{
    p->g.args = s->args;
    p->g.key = s->key;
    p->g.c = c;
    p->g.slot = slot;
    p->g.cutb = s->cutb;
    p->g.cont = s->cont;
    p->heap = heap;
    p->log = log;
}

#define SEARCH_POINTS 64
/* The search runs outside the dispatch loop, so without the collector and
 * the interrupt check: past this much heap, or on Ctrl-C, it gives up and
 * the loop runs the condition (a long deterministic loop as a condition
 * stays in bounded memory, an endless one stays interruptible). */
#define SEARCH_HEAP_MAX ((size_t)1 << 20)

/* g as a goal of the search: false when it is not a call of a predicate
 * with clauses (or one known not to fit, unflat). */
static bool sgoal_init(struct sgoal *s, term_t g, uint64_t gen, struct pred **pp)
{
    g = term_deref(g);
    if (!term_is_compound(g))
        return false;
    struct pred *p = db_lookup(term_functor(g));
    if (!p || p->fn || p->nd || !p->first || p->unflat == p->changed)
        return false;
    term_t *args = term_args(g), key = db_arg_key(args[0]);
    struct clause **slot = key && p->nlive >= DB_INDEX_MIN ? db_candidates(p, key) : NULL, *c;
    if (slot) {
        slot = db_next_slot(slot, gen);
        c = slot ? *slot : NULL;
    } else {
        c = db_next_match(p->first, key, gen);
    }
    sgoal_set(s, args, key, c, slot);
    *pp = p;
    M->stats.inferences++; /* a call (its retries on backtracking are not counted) */
    return true;
}

/* The condition of if-then-else or \+ without a snapshot, when it is a
 * call whose clauses, and those of the calls they make, have bodies of
 * tests, unifications, X is E with X fresh, cuts and calls (facts, guards,
 * member-like and pattern-matching searches): a depth-first search for the
 * first solution, all the construct keeps, with its own backtrack points
 * (struct spoint) and continuation (the goals after a call, as '$frame'
 * terms on the heap, as the dispatch loop keeps them).  Bindings below the newest point's heap top are recorded
 * (cl_match, cl_unify_logged) and undone on backtracking, fresher cells
 * dropped with the heap top, as a WAM trails conditionally.  1: found, its
 * bindings made; 0: no solution, nothing changed; -1: not such a call
 * (another goal, a record or the points full), nothing changed, take the
 * snapshot.  A predicate whose search gave up is marked (unflat) until it
 * changes. */
static int shallow_condition(term_t g)
{
    struct spoint bp[SEARCH_POINTS];
    long nbp = 0;
    char *heap0 = heap_top;
    unsigned log0 = cl_log_mark();
    uint64_t gen = db_generation();
    term_t cut = term_atom(ATOM_cut);
    struct pred *top, *q;
    struct sgoal s;
    if (!sgoal_init(&s, g, gen, &top))
        return -1;
    s.cutb = 0;
    s.cont = TERM_NIL;
    for (;;) {
        struct clause *c = s.c, **nslot = NULL, *next;
        char *hb;
        unsigned log1;
        term_t t, cont = s.cont;
        long cutb = s.cutb;
        if ((size_t)(heap_top - heap0) > SEARCH_HEAP_MAX || M->interrupted)
            goto give_up;
        if (!c)
            goto fail;
        next = next_candidate(c, s.slot, &nslot, s.key, gen);
        if (!c->code)
            goto give_up;
        /* With a next candidate, the try binds as if under a point made
         * now, but the point is made only when the head (and guard) pass:
         * a failing head moves on to the next candidate with no point
         * pushed and popped. */
        hb = next ? heap_top : nbp ? bp[nbp - 1].heap : heap0;
        log1 = cl_log_mark();
        {
            unsigned ntests;
            bool gcut;
            const term_t *gt = cl_guard(c->code, &ntests, &gcut);
            /* with a guard, its tests first, on the head's values: nothing
             * built when one fails */
            switch (gt ? cl_match(c->code, s.args, hb) : exec_clause(c->code, s.args, hb, &t)) {
            case -1:
                goto give_up;
            case 0:
                goto next_clause;
            }
            if (gt && !run_guard(gt, ntests))
                goto next_clause;
            if (gt && gcut) {
                nbp = cutb; /* the point the candidate would have had goes with the cut */
            } else if (next) {
                if (nbp == SEARCH_POINTS)
                    goto give_up;
                spoint_push(&bp[nbp], &s, next, nslot, hb, log1);
                nbp++;
            }
            t = gt ? cl_guard_rest(c->code) : term_deref(t);
        }
        for (;;) {
            bool last = !term_is_compound(t) || term_functor(t) != FUNCTOR_comma2;
            term_t h = last ? t : term_deref(term_arg(t, 1));
            hb = nbp ? bp[nbp - 1].heap : heap0;
            functor_t hf = term_is_compound(h) ? term_functor(h) : (functor_t)-1;
            if (h == cut) {
                nbp = cutb;
            } else if (hf == FUNCTOR_equals2) { /* =/2 and is/2 first: no lookup for them */
                int u = cl_unify_logged(term_arg(h, 1), term_arg(h, 2), hb);
                if (u < 0)
                    goto give_up;
                if (u == 0)
                    goto fail;
            } else if (hf != functor_is && is_test(h)) {
                if (!run_test(h))
                    goto fail;
            } else if (hf == functor_is) {
                /* is/2 binds its left side unrecorded: only a fresh one */
                term_t x = term_deref(term_arg(h, 1));
                if (term_is_var(x) && (char *)term_ptr(x) < hb)
                    goto give_up;
                M->stats.inferences++;
                bool ok = call_det(db_lookup(functor_is), term_args(h));
                if (!ok)
                    goto fail;
            } else { /* a call: the search goes on with it, then with what follows */
                term_t after = last ? cont : frame(term_arg(t, 2), cutb, cont);
                if (!sgoal_init(&s, h, gen, &q))
                    goto give_up;
                s.cutb = nbp;
                s.cont = after;
                break;
            }
            if (last) {
                if (cont == TERM_NIL)
                    return 1; /* every goal of the condition succeeded */
                term_t *fr = term_args(cont);
                t = term_deref(fr[0]);
                cutb = term_get_smallint(fr[1]);
                cont = fr[2];
                continue;
            }
            t = term_deref(term_arg(t, 2));
        }
        continue;
    next_clause:
        if (!next)
            goto fail;
        cl_undo_to(log1);
        heap_top = hb;
        s.c = next;
        s.slot = nslot;
        continue;
    fail:
        if (nbp == 0) {
            cl_undo_to(log0);
            heap_top = heap0;
            return 0;
        }
        nbp--;
        cl_undo_to(bp[nbp].log);
        heap_top = bp[nbp].heap;
        sgoal_copy(&s, &bp[nbp].g);
        continue;
    give_up:
        /* do not try again until it changes: a search that gave up once
         * (another goal, or too big) would most likely give up again, and
         * every try costs what it ran */
        top->unflat = top->changed;
        cl_undo_to(log0);
        heap_top = heap0;
        return -1;
    }
}

/* The condition of if-then-else or \+ without a snapshot, when it is a
 * conjunction of tests and unifications, the last goal possibly a call
 * shallow_condition answers (only the last: a goal failing after a call
 * would need its other solutions).  What it binds below (fresh), the heap
 * top at the start, is recorded; 1: passed, bindings made; 0: failed,
 * nothing changed; -1: not such a condition, nothing changed. */
static int shallow_goals(term_t g, char *fresh)
{
    unsigned log0 = cl_log_mark();
    for (term_t t = term_deref(g);;) {
        bool last = !term_is_compound(t) || term_functor(t) != FUNCTOR_comma2;
        term_t h = last ? t : term_deref(term_arg(t, 1));
        int r;
        if (term_is_compound(h) && term_functor(h) == FUNCTOR_equals2)
            r = cl_unify_logged(term_arg(h, 1), term_arg(h, 2), fresh);
        else if (is_test(h))
            r = run_test(h);
        else
            r = last ? shallow_condition(h) : -1;
        if (r <= 0) {
            cl_undo_to(log0);
            heap_top = fresh;
            return r;
        }
        if (last)
            return 1;
        t = term_deref(term_arg(t, 2));
    }
}

/* --- the dispatch loop ----------------------------------------------------- */

#define TAKE(v, idx)                                                                                                   \
    do {                                                                                                               \
        (v) = snap_take(&M->cps[idx].id);                                                                              \
        if ((v) == -1)                                                                                                 \
            take_failed(idx);                                                                                          \
        if ((v) == 0)                                                                                                  \
            M->stats.choicepoints++;                                                                                   \
    } while (0)

/* The functors run() handles itself (its switch below): a clause body
 * calling one is never run on by cl_exec as a predicate call.  (Saying
 * so of another functor only costs that chance: call/N of every N.) */
static bool control_functor(functor_t f)
{
    if (functor_name(f) == functor_name(FUNCTOR_call1))
        return true;
    switch (f) {
    case FUNCTOR_comma2:
    case FUNCTOR_semicolon2:
    case FUNCTOR_arrow2:
    case FUNCTOR_softarrow2:
    case FUNCTOR_not_provable1:
    case FUNCTOR_not1:
    case FUNCTOR_colon2:
    case FUNCTOR_once1:
    case FUNCTOR_ignore1:
    case FUNCTOR_forall2:
    case FUNCTOR_s_cut1:
    case FUNCTOR_s_softcut1:
    case FUNCTOR_s_nafail1:
    case FUNCTOR_catch3:
    case FUNCTOR_s_exit_catch2:
    case FUNCTOR_findall3:
    case FUNCTOR_findall4:
    case FUNCTOR_s_fa_add2:
        return true;
    default:
        return false;
    }
}

/* cl_set_calls' lookup: the predicate a body goal calls, and whether the
 * clause program may call it itself (a built-in that neither takes a
 * snapshot nor runs a goal). */
static struct pred *call_pred(functor_t f, bool *plain)
{
    if (control_functor(f))
        return NULL;
    struct pred *p = db_get(f);
    *plain = p && p->fn && ((p->flags & PRED_TEST) || f == functor_is || f == FUNCTOR_equals2);
    return p;
}

/* cl_set_calls' call: a plain built-in, as the loop calls one. */
static bool call_plain(struct pred *p, term_t *args)
{
    M->stats.inferences++;
    return call_det(p, args);
}

static __attribute__((noinline, aligned(64))) enum solve_status run(term_t goal, solve_answer_fn on_answer, void *ctx,
                                                       term_t *ball)
{
    long v;
    long top = cp_push(CP_TOP, ALT_FAIL);
    TAKE(v, top);
    if (v != 0) {
        cut_to(top);
        if (v == ALT_THROW) {
            *ball = take_ball();
            return SOLVE_ERROR;
        }
        return SOLVE_FALSE;
    }
    top_idx = top;
    catches = TERM_NIL;
    term_t cont = TERM_NIL;
    long cutb = top + 1;

    for (;;) {
        if (M->interrupted) {
            M->interrupted = 0;
            solve_throw(term_atom(atom_from_cstr("$aborted")));
        }
        if (__builtin_expect(heap_top > M->gc_at, 0)) {
            char *young = M->cps[M->ncp - 1].heap_mark;
            /* copies for the collector to rewrite: with its address
             * taken, goal (or cont) would live in memory, and its every
             * store, at every step of the loop, would be checked */
            term_t g = goal, k = cont;
            term_t *roots[] = {&g, &k, &catches};
            gc_collect(young, roots, 3);
            goal = g;
            cont = k;
            size_t live = (size_t)(heap_top - young);
            gc_trigger = live * 2 > GC_MIN_YOUNG ? live * 2 : GC_MIN_YOUNG;
            M->gc_at = young + gc_trigger;
        }
        if (!goal) {
            if (cont == TERM_NIL) {
                if (!on_answer || !on_answer(ctx)) {
                    cut_to(top);
                    return SOLVE_TRUE;
                }
                backtrack();
            }
            term_t *fr = term_args(cont);
            goal = fr[0];
            cutb = term_get_smallint(fr[1]);
            cont = fr[2];
        }
        goal = term_deref(goal);
        functor_t f;
        term_t *args;
        if (term_is_atom(goal)) {
            switch (term_get_atom(goal)) {
            case ATOM_true:
                goal = 0;
                continue;
            case ATOM_cut:
                cut_to(cutb);
                goal = 0;
                continue;
            case ATOM_fail:
            case ATOM_false:
                backtrack();
            }
            f = functor_intern(term_get_atom(goal), 0);
            args = NULL;
        } else if (term_is_compound(goal)) {
            f = term_functor(goal);
            args = term_args(goal);
        } else if (term_is_var(goal)) {
            err_instantiation();
        } else {
            err_type(ATOM_callable, goal);
        }

        /* statistics(inferences) counts calls of predicates, as swipl
         * does: the control constructs below (',', ;, ->, \+, call/N,
         * once/1, ignore/1 and the engine's own frames) are not counted,
         * catch/3, findall/3,4 and forall/2 (predicates in swipl) are;
         * control_functor() lists these cases */
        switch (f) {
        case FUNCTOR_comma2:
            cont = frame(args[1], cutb, cont);
            goal = args[0];
            continue;

        case FUNCTOR_semicolon2:
        case FUNCTOR_arrow2:
        case FUNCTOR_softarrow2:
        case FUNCTOR_not_provable1:
        case FUNCTOR_not1: {
            /* cond: the condition, or NULL for a plain disjunction;
             * then/other: the branches; soft: *->; naf: \+ */
            term_t cond = 0, then = 0, other = 0;
            bool soft = false, naf = false;
            if (f == FUNCTOR_semicolon2) {
                term_t l = term_deref(args[0]);
                other = args[1];
                if (term_is_compound(l) &&
                    (term_functor(l) == FUNCTOR_arrow2 || term_functor(l) == FUNCTOR_softarrow2)) {
                    soft = term_functor(l) == FUNCTOR_softarrow2;
                    cond = term_arg(l, 1);
                    then = term_arg(l, 2);
                } else {
                    then = l;
                }
            } else if (f == FUNCTOR_arrow2 || f == FUNCTOR_softarrow2) {
                soft = f == FUNCTOR_softarrow2;
                cond = args[0];
                then = args[1];
                other = term_atom(ATOM_fail);
            } else {
                naf = true;
                cond = args[0];
                other = TERM_TRUE;
            }
            if (soft && f == FUNCTOR_softarrow2) { /* C *-> T alone is (C, T) */
                cont = frame(then, cutb, cont);
                goal = cond;
                cutb = (long)M->ncp;
                continue;
            }
            if (cond && !soft && is_test(cond)) {
                bool ok = run_test(cond);
                if (naf && ok)
                    backtrack();
                goal = naf ? 0 : ok ? then : other;
                continue;
            }
            if (cond && !soft)
                cl_log_reset();
            int sc = cond && !soft ? shallow_goals(cond, heap_top) : -1;
            if (sc >= 0) {
                if (naf && sc) /* \+ of a goal that succeeded: its bindings go with the failure */
                    backtrack();
                goal = naf ? 0 : sc ? then : other;
                continue;
            }
            long idx = cp_push(CP_ALT, ALT_ELSE);
            TAKE(v, idx);
            if (v != 0) {
                cut_to(idx);
                goal = other;
                continue;
            }
            if (!cond) { /* disjunction: cut inside is transparent */
                goal = then;
                continue;
            }
            if (naf)
                cont = frame(ctl1(FUNCTOR_s_nafail1, idx), 0, TERM_NIL);
            else
                cont = frame(ctl1(soft ? FUNCTOR_s_softcut1 : FUNCTOR_s_cut1, idx), 0, frame(then, cutb, cont));
            goal = cond;
            cutb = idx + 1; /* cut in the condition is local to it */
            continue;
        }

        case FUNCTOR_call1:
        case FUNCTOR_call2:
        case FUNCTOR_call3:
        case FUNCTOR_call4:
        case FUNCTOR_call5:
        case FUNCTOR_call6:
        case FUNCTOR_call7:
        case FUNCTOR_call8:
            current_functor = f;
            goal = add_args(args[0], args + 1, functor_arity(f) - 1);
            if (is_control_body(goal) && !body_callable(goal))
                err_type(ATOM_callable, goal); /* ISO 7.6.2: the whole body is checked before it runs */
            current_functor = (functor_t)-1;
            cutb = (long)M->ncp; /* call/N is opaque to cut */
            continue;

        case FUNCTOR_colon2:
            /* Module:Goal: one module (user) here, so the qualifier is dropped */
            goal = args[1];
            continue;

        case FUNCTOR_once1:
            goal = term_compound2(FUNCTOR_arrow2, args[0], TERM_TRUE);
            continue;
        case FUNCTOR_ignore1:
            goal = term_compound2(FUNCTOR_semicolon2, term_compound2(FUNCTOR_arrow2, args[0], TERM_TRUE), TERM_TRUE);
            continue;
        case FUNCTOR_forall2:
            M->stats.inferences++;
            goal = term_compound1(
                FUNCTOR_not_provable1,
                term_compound2(FUNCTOR_comma2, args[0], term_compound1(FUNCTOR_not_provable1, args[1])));
            continue;

        case FUNCTOR_s_cut1:
            cut_to(term_get_smallint(args[0]));
            goal = 0;
            continue;
        case FUNCTOR_s_softcut1:
            M->cps[term_get_smallint(args[0])].disabled = true;
            goal = 0;
            continue;
        case FUNCTOR_s_nafail1:
            cut_to(term_get_smallint(args[0]));
            backtrack();

        case FUNCTOR_catch3: {
            M->stats.inferences++;
            long idx = cp_push(CP_CATCH, ALT_FAIL);
            M->cps[idx].disabled = true; /* transparent to backtracking */
            TAKE(v, idx);
            if (v == ALT_THROW) {
                term_t b = term_deref(take_ball());
                cut_to(idx);
                /* catches is back to the value outside this catch/3 */
                struct pterm *keep = copy_to_persistent(b);
                if (unify(args[1], b)) {
                    if (keep)
                        copy_free(keep);
                    goal = args[2];
                    cutb = (long)M->ncp;
                    continue;
                }
                M->ball = keep ? keep : M->memory_ball;
                unwind_to_catcher();
            }
            cont = frame(term_compound2(FUNCTOR_s_exit_catch2, term_smallint(idx), catches), 0, cont);
            catches = term_compound2(FUNCTOR_s_catchframe2, term_smallint(idx), catches);
            goal = args[0];
            cutb = idx + 1;
            continue;
        }
        case FUNCTOR_s_exit_catch2: {
            long idx = term_get_smallint(args[0]);
            catches = args[1];
            if ((long)M->ncp == idx + 1) /* the goal left no choice point */
                cut_to(idx);
            goal = 0;
            continue;
        }

        case FUNCTOR_findall3:
        case FUNCTOR_findall4: {
            M->stats.inferences++;
            long idx = cp_push(CP_FINDALL, ALT_DONE);
            M->cps[idx].coll = mem_pzalloc(sizeof(struct collector));
            if (!M->cps[idx].coll) {
                cp_pop_to(idx);
                err_resource(ATOM_memory);
            }
            TAKE(v, idx);
            if (v != 0) {
                struct collector *c = M->cps[idx].coll;
                term_t l = f == FUNCTOR_findall4 ? args[3] : TERM_NIL;
                for (size_t i = c->n; i-- > 0;)
                    l = term_cons(copy_from_persistent(c->items[i]), l);
                cut_to(idx);
                if (!unify(args[2], l))
                    backtrack();
                goal = 0;
                continue;
            }
            current_functor = f;
            err_need_callable(args[1]);
            current_functor = (functor_t)-1;
            cont = frame(term_compound2(FUNCTOR_s_fa_add2, term_smallint(idx), args[0]), 0, TERM_NIL);
            goal = args[1];
            cutb = idx + 1;
            continue;
        }
        case FUNCTOR_s_fa_add2:
            collect(term_get_smallint(args[0]), args[1]);
            backtrack();

        default:
            break;
        }

        /* a predicate */
        M->stats.inferences++;
        struct pred *p = db_lookup(f);
        if ((!p || !(p->flags & (PRED_DEFINED | PRED_DYNAMIC))) && consult_autoload(f))
            p = db_lookup(f);
        if (!p || !(p->flags & (PRED_DEFINED | PRED_DYNAMIC))) {
            unknown_procedure(f); /* returns when the unknown flag says fail */
            backtrack();
        }
        if (p->fn) {
            if (!call_det(p, args))
                backtrack();
            goal = 0;
            continue;
        }
        if (p->nd) {
            if (p->flags & PRED_ND_PROBE) { /* deterministic calls take no snapshot */
                current_functor = f;
                long r = p->nd(args, ND_PROBE);
                current_functor = (functor_t)-1;
                if (r == -1)
                    backtrack();
                if (r == 0) {
                    goal = 0;
                    continue;
                }
                if (r != ND_PROBE) {
                    fprintf(stderr, "snaplog: %s/%u broke the probe protocol (%ld)\n", atom_name(functor_name(f)),
                            functor_arity(f), r);
                    abort();
                }
            }
            long idx = cp_push(CP_BUILTIN, 0);
            if (p->flags & PRED_CLAUSE_ITER)
                M->cps[idx].gen = db_generation();
            TAKE(v, idx);
            current_functor = f;
            long r = p->nd(args, v);
            current_functor = (functor_t)-1;
            if (r < 0) {
                cut_to(idx);
                backtrack();
            }
            if (r == 0)
                cut_to(idx);
            else
                M->cps[idx].alt = r;
            goal = 0;
            continue;
        }
        uint64_t gen = db_generation();
        term_t key = db_key(goal);
        /* slot: in a large static predicate, c's place in the candidates of
         * the first-argument switch (c == *slot); NULL: walk the list */
        struct clause **slot = key && p->nlive >= DB_INDEX_MIN ? db_candidates(p, key) : NULL, **nslot = NULL;
        struct clause *c;
        if (slot) {
            slot = db_next_slot(slot, gen);
            c = slot ? *slot : NULL;
        } else {
            c = db_next_match(p->first, key, gen);
        }
        if (!c)
            backtrack();
        long callb = (long)M->ncp;
        /* Shallow tries: while a second candidate remains, match the head
         * writing only fresh cells and recording the goal variables it
         * binds (cl_match with a mark); a head that does not match, or a
         * guard of pure tests before a cut that fails, is undone and moves
         * on to the next candidate with no snapshot at all; a guard that
         * passes commits the clause with its bindings.  Only a clause with
         * no guard needs a snapshot: before the head unification when that
         * binds the goal's variables, after it when it touched fresh cells
         * only.  The record's alternative is the next clause, or its slot
         * with the low bit set. */
        bool committed = false;
        for (;;) {
            struct clause *next = next_candidate(c, slot, &nslot, key, gen);
            if (!next)
                break;
            cl_log_reset(); /* what an earlier call committed with is not to be undone */
            char *mark = heap_top;
            int r = 1;
            term_t body = 0, rest;
            const term_t *gt;
            unsigned ntests;
            bool gcut;
            if (c->code && (gt = cl_guard(c->code, &ntests, &gcut)) && gcut) {
                /* a compiled guard: its tests on the head's values, and
                 * only what follows the cut built when they pass (leading
                 * tests with no cut are left to guard_cut: when they pass,
                 * running them twice costs more than it saves) */
                r = cl_match(c->code, args, mark);
                if (r > 0 && !run_guard(gt, ntests))
                    r = 0;
                if (r == 0) {
                    cl_undo_to(0);
                    heap_top = mark;
                    c = next;
                    slot = nslot;
                    continue;
                }
                if (r > 0) {
                    rest = cl_guard_rest(c->code);
                    goal = rest == TERM_TRUE ? 0 : rest;
                    cutb = callb;
                    committed = true;
                    break;
                }
            } else if (c->code) {
                r = exec_clause(c->code, args, mark, &body);
                if (r > 0)
                    body = term_deref(body);
            } else {
                term_t cl = copy_from_persistent(c->term);
                for (unsigned i = 0, n = functor_arity(f); i < n && r > 0; i++)
                    r = unify_fresh(args[i], term_args(term_deref(term_arg(cl, 1)))[i], mark);
                body = term_deref(term_arg(cl, 2));
            }
            if (r == 0) {
                heap_top = mark; /* what was built is garbage: take the space back */
                c = next;
                slot = nslot;
                continue;
            }
            bool ran_call = false;
            int g = r > 0 ? guard_cut(body, &rest, mark, &ran_call) : -1;
            if (g == 0) {
                cl_undo_to(0); /* the goal's variables the head or the guard bound */
                heap_top = mark;
                c = next;
                slot = nslot;
                continue;
            }
            if (g > 0) { /* the guard passed: the cut commits to this clause */
                goal = rest == TERM_TRUE ? 0 : rest;
                cutb = callb;
                committed = true;
                break;
            }
            if (r > 0 && (cl_log_mark() > 0 || ran_call)) { /* no guard: undo, match again under a snapshot */
                cl_undo_to(0);
                r = -1;
            }
            if (r < 0)
                heap_top = mark;
            long idx = cp_push(CP_CLAUSE, slot ? (long)nslot | 1 : (long)next);
            TAKE(v, idx);
            if (v == 0 && r > 0) { /* head unified on fresh cells: run the body */
                goal = body == TERM_TRUE ? 0 : body;
                cutb = callb;
                committed = true;
                break;
            }
            if (v != 0) {
                if (v & 1) {
                    slot = (struct clause **)(v & ~1L);
                    c = *slot;
                } else {
                    c = (struct clause *)v;
                }
                next = next_candidate(c, slot, &nslot, key, gen);
                if (next)
                    M->cps[idx].alt = slot ? (long)nslot | 1 : (long)next;
                else
                    cut_to(idx);
            }
            break; /* unify c's head in full, under the snapshot just taken */
        }
        if (committed)
            continue;
        term_t body;
        if (c->code) {
            if (exec_clause(c->code, args, NULL, &body) <= 0)
                backtrack();
            body = term_deref(body);
        } else {
            term_t cl = copy_from_persistent(c->term);
            unsigned n = functor_arity(f);
            if (n) {
                term_t *h = term_args(term_deref(term_arg(cl, 1)));
                for (unsigned i = 0; i < n; i++)
                    if (!unify(args[i], h[i]))
                        backtrack();
            }
            body = term_deref(term_arg(cl, 2));
        }
        goal = body == TERM_TRUE ? 0 : body;
        cutb = callb;
    }
}

/* The base frame of the innermost solve(), NULL outside (the main stack's top). */
static void *base_frame;

enum solve_status solve(term_t goal, solve_answer_fn on_answer, void *ctx, term_t *ball)
{
    /* the base frame: run()'s frame and everything it calls lie below */
    volatile char base;
    term_t outer_catches = catches;
    long outer_top = top_idx;
    functor_t outer_functor = current_functor;
    void *outer_base = base_frame;
    base_frame = (void *)&base;
    snap_set_base(base_frame);
    term_t dummy;
    enum solve_status s = run(goal, on_answer, ctx, ball ? ball : &dummy);
    catches = outer_catches;
    top_idx = outer_top;
    current_functor = outer_functor;
    /* a solve nested in a built-in hands the outer run its base back, so
     * that the run's next snapshot is taken under it */
    base_frame = outer_base;
    snap_set_base(outer_base);
    return s;
}

/* The oldest generation a live call may run at (db_set_oldest): every call
 * that can still resume to another clause has a CP_CLAUSE record, or a
 * CP_BUILTIN one of clause/2 or retract/1, pushed at or after its start;
 * a call with none is at a clause it sees at the current generation.  A
 * scan: it runs only when there is something to free or unlink. */
static uint64_t oldest_generation(void)
{
    uint64_t g = db_generation();
    for (size_t i = 0; i < M->ncp; i++)
        if (M->cps[i].gen < g)
            g = M->cps[i].gen;
    return g;
}

bool solve_init(void)
{
    if (M)
        return true;
    db_set_oldest(oldest_generation);
    M = mem_pzalloc(sizeof *M);
    if (!M || !gc_init())
        return false;
    functor_is = functor_intern(atom_from_cstr("is"), 2);
    static const char *const se_names[SE_NOPS] = {"+", "-", "*", "//", "mod", "/\\", "\\/", "xor", ">>", "<<"};
    for (unsigned i = 0; i < SE_NOPS; i++)
        se_functor[i] = functor_intern(atom_from_cstr(se_names[i]), 2);
    se_neg = functor_intern(atom_from_cstr("-"), 1);
    cl_set_calls(call_pred, call_plain, db_candidates, &db_state->generation, &M->stats.inferences, &M->interrupted);
    term_t e = term_compound2(FUNCTOR_error2, term_compound1(FUNCTOR_resource_error1, term_atom(ATOM_memory)),
                              term_new_var());
    M->memory_ball = copy_to_persistent(e);
    heap_set_overflow_handler(throw_memory_error);
    return M->memory_ball != NULL;
}
