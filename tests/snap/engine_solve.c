/* engine_solve.c - the solve loop on the snapshot runtime, driven from C.
 *
 * Programs are built with term.h and db_add (no reader needed), queries run
 * through solve(); each check prints what failed with its line.  Covers
 * backtracking through clause alternatives, cut, if-then-else, negation,
 * catch/throw, findall, the logical update view and last-call behaviour.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/control.h"
#include "engine/db.h"
#include "engine/dbpreds.h"
#include "engine/solve.h"
#include "engine/unify.h"
#include "stdlib/arith.h"
#include "stdlib/terms.h"

static int failures;
#define CHECK(c)                                                                                                       \
    do {                                                                                                               \
        if (!(c)) {                                                                                                    \
            printf("%s:%d: check failed: %s\n", __FILE__, __LINE__, #c);                                             \
            failures++;                                                                                                \
        }                                                                                                              \
    } while (0)

static term_t A(const char *s) { return term_atom(atom_from_cstr(s)); }
static term_t I(long v) { return term_int(v); }
static term_t V(void) { return term_new_var(); }
static term_t S(const char *name, int n, ...)
{
    term_t a[8];
    __builtin_va_list ap;
    __builtin_va_start(ap, n);
    for (int i = 0; i < n; i++)
        a[i] = __builtin_va_arg(ap, term_t);
    __builtin_va_end(ap);
    return term_compound(functor_intern(atom_from_cstr(name), (unsigned)n), a);
}
static term_t L(int n, const long *v)
{
    term_t l = TERM_NIL;
    for (int i = n; i-- > 0;)
        l = term_cons(I(v[i]), l);
    return l;
}
static term_t conj(term_t a, term_t b) { return term_compound2(FUNCTOR_comma2, a, b); }
static void clause(term_t h, term_t b) { db_add(h, b, true, 0); }

/* Collect every answer's value of X as a list of longs. */
struct answers {
    term_t x;
    long v[64];
    int n;
};
static bool on_answer(void *ctx)
{
    struct answers *a = ctx;
    term_t t = term_deref(a->x);
    a->v[a->n++] = term_is_smallint(t) ? term_get_smallint(t) : -999;
    return a->n < 64;
}

static int all(term_t goal, term_t x, long *out)
{
    struct answers a = {.x = x};
    solve(goal, on_answer, &a, NULL);
    memcpy(out, a.v, a.n * sizeof(long));
    return a.n;
}

static void program(void)
{
    term_t X = V(), Y = V(), Z = V(), H = V(), T = V(), R = V();
    /* app([], L, L).  app([H|T], L, [H|R]) :- app(T, L, R). */
    clause(S("app", 3, TERM_NIL, X, X), TERM_TRUE);
    clause(S("app", 3, term_cons(H, T), Y, term_cons(H, R)), S("app", 3, T, Y, R));
    /* mem(X, [X|_]).  mem(X, [_|T]) :- mem(X, T). */
    X = V(), T = V();
    clause(S("mem", 2, X, term_cons(X, V())), TERM_TRUE);
    clause(S("mem", 2, X, term_cons(V(), T)), S("mem", 2, X, T));
    /* first(X, L) :- mem(X, L), !. */
    X = V(), T = V();
    clause(S("first", 2, X, T), conj(S("mem", 2, X, T), A("!")));
    /* count(N) :- N > 0, !, N1 is N - 1, count(N1).  count(0). */
    X = V(), Y = V();
    clause(S("count", 1, X), conj(S(">", 2, X, I(0)), conj(A("!"), conj(S("is", 2, Y, S("-", 2, X, I(1))), S("count", 1, Y)))));
    clause(S("count", 1, I(0)), TERM_TRUE);
    /* color(red). color(green). color(blue). */
    clause(S("color", 1, A("red")), TERM_TRUE);
    clause(S("color", 1, A("green")), TERM_TRUE);
    clause(S("color", 1, A("blue")), TERM_TRUE);
    /* thrower(X) :- X > 1, throw(big(X)).  thrower(X). */
    X = V();
    clause(S("thrower", 1, X), conj(S(">", 2, X, I(1)), S("throw", 1, S("big", 1, X))));
    clause(S("thrower", 1, V()), TERM_TRUE);
    (void)Z;
}

static void test_backtracking(void)
{
    long v[64];
    term_t X = V();
    const long l3[] = {1, 2, 3};
    CHECK(all(S("mem", 2, X, L(3, l3)), X, v) == 3 && v[0] == 1 && v[1] == 2 && v[2] == 3);
    X = V();
    CHECK(all(S("first", 2, X, L(3, l3)), X, v) == 1 && v[0] == 1);
    /* append splits: 4 answers for a 3-element list */
    X = V();
    term_t Y = V();
    struct answers a = {.x = X};
    solve(S("app", 3, X, Y, L(3, l3)), on_answer, &a, NULL);
    CHECK(a.n == 4);
    /* bindings are undone between answers: X is unbound again after FALSE */
    CHECK(term_is_var(term_deref(X)));
    /* between/3 */
    X = V();
    CHECK(all(S("between", 3, I(1), I(5), X), X, v) == 5 && v[4] == 5);
}

static void test_control(void)
{
    long v[64];
    term_t X = V();
    /* (member(X,[1,2,3]), X > 1 -> true ; X = 0) gives X = 2 only */
    const long l3[] = {1, 2, 3};
    term_t cond = conj(S("mem", 2, X, L(3, l3)), S(">", 2, X, I(1)));
    term_t ite = term_compound2(FUNCTOR_semicolon2, term_compound2(FUNCTOR_arrow2, cond, TERM_TRUE), S("=", 2, X, I(0)));
    CHECK(all(ite, X, v) == 1 && v[0] == 2);
    /* else branch */
    X = V();
    cond = conj(S("mem", 2, X, L(3, l3)), S(">", 2, X, I(5)));
    ite = term_compound2(FUNCTOR_semicolon2, term_compound2(FUNCTOR_arrow2, cond, TERM_TRUE), S("=", 2, X, I(0)));
    CHECK(all(ite, X, v) == 1 && v[0] == 0);
    /* disjunction: both branches */
    X = V();
    term_t dis = term_compound2(FUNCTOR_semicolon2, S("=", 2, X, I(1)), S("=", 2, X, I(2)));
    CHECK(all(dis, X, v) == 2 && v[0] == 1 && v[1] == 2);
    /* \+ leaves no bindings */
    X = V();
    term_t naf = conj(term_compound1(FUNCTOR_not_provable1, S("=", 2, X, I(1))), TERM_TRUE);
    CHECK(solve(naf, NULL, NULL, NULL) == SOLVE_FALSE);
    naf = conj(term_compound1(FUNCTOR_not_provable1, term_compound1(FUNCTOR_not_provable1, S("=", 2, X, I(1)))),
               TERM_TRUE);
    CHECK(solve(naf, NULL, NULL, NULL) == SOLVE_TRUE && term_is_var(term_deref(X)));
    /* *-> keeps the condition's choice points */
    X = V();
    term_t soft = term_compound2(FUNCTOR_semicolon2,
                                 term_compound2(FUNCTOR_softarrow2, S("mem", 2, X, L(3, l3)), TERM_TRUE),
                                 S("=", 2, X, I(0)));
    CHECK(all(soft, X, v) == 3);
    /* call/N with extra args, cut inside call is local */
    X = V();
    term_t c = conj(S("call", 2, S("mem", 1, X), L(3, l3)), TERM_TRUE);
    CHECK(all(c, X, v) == 3);
    X = V();
    c = S("call", 1, conj(S("mem", 2, X, L(3, l3)), A("!")));
    CHECK(all(conj(S("color", 1, V()), c), X, v) == 3); /* once per color */
    /* once/1 */
    X = V();
    CHECK(all(S("once", 1, S("mem", 2, X, L(3, l3))), X, v) == 1);
}

static void test_exceptions(void)
{
    long v[64];
    term_t X = V(), E = V();
    /* catch(thrower(5), big(X), true) binds X = 5 */
    CHECK(all(S("catch", 3, S("thrower", 1, I(5)), S("big", 1, X), TERM_TRUE), X, v) == 1 && v[0] == 5);
    /* uncaught: SOLVE_ERROR with the ball */
    term_t ball;
    CHECK(solve(S("thrower", 1, I(7)), NULL, NULL, &ball) == SOLVE_ERROR);
    CHECK(term_is_compound(term_deref(ball)));
    /* a non-matching catcher rethrows to the outer one */
    X = V();
    term_t inner = S("catch", 3, S("thrower", 1, I(3)), A("nomatch"), TERM_TRUE);
    CHECK(all(S("catch", 3, inner, S("big", 1, X), TERM_TRUE), X, v) == 1 && v[0] == 3);
    /* unknown procedure: existence_error */
    E = V();
    CHECK(solve(S("catch", 3, A("no_such_pred"), E, TERM_TRUE), NULL, NULL, NULL) == SOLVE_TRUE);
    CHECK(term_is_compound(term_deref(E)) && term_functor(term_deref(E)) == FUNCTOR_error2);
    /* catch is transparent to backtracking: all members come through */
    X = V();
    const long l3[] = {1, 2, 3};
    CHECK(all(S("catch", 3, S("mem", 2, X, L(3, l3)), V(), TERM_TRUE), X, v) == 3);
    /* a catch that exited is no longer active */
    X = V();
    term_t after = conj(S("catch", 3, S("mem", 2, X, L(3, l3)), V(), TERM_TRUE), S("throw", 1, A("late")));
    CHECK(solve(S("catch", 3, after, A("late"), S("=", 2, X, I(9))), on_answer, &(struct answers){.x = X}, NULL) ==
          SOLVE_FALSE);
    /* type errors from arithmetic */
    E = V();
    CHECK(solve(S("catch", 3, S("is", 2, V(), S("+", 2, A("foo"), I(1))), E, TERM_TRUE), NULL, NULL, NULL) ==
          SOLVE_TRUE);
}

static void test_findall_and_db(void)
{
    term_t X = V(), L1 = V();
    CHECK(solve(S("findall", 3, X, S("color", 1, X), L1), NULL, NULL, NULL) == SOLVE_TRUE);
    term_t l = term_deref(L1);
    CHECK(term_is_list_cell(l) && term_deref(term_arg(l, 1)) == A("red"));
    /* nested findall */
    X = V();
    term_t Y = V(), L2 = V();
    term_t inner = S("findall", 3, Y, S("color", 1, Y), X);
    CHECK(solve(S("findall", 3, X, inner, L2), NULL, NULL, NULL) == SOLVE_TRUE);
    /* assert inside a branch survives backtracking; logical update view */
    X = V();
    term_t g = conj(S("color", 1, X), conj(S("assertz", 1, S("seen", 1, X)), A("fail")));
    CHECK(solve(g, NULL, NULL, NULL) == SOLVE_FALSE);
    long v[64];
    X = V();
    CHECK(all(S("seen", 1, X), X, v) == 3);
    X = V();
    term_t L3 = V();
    CHECK(solve(S("findall", 3, X, S("seen", 1, X), L3), NULL, NULL, NULL) == SOLVE_TRUE);
    int n = 0;
    for (l = term_deref(L3); term_is_list_cell(l); l = term_deref(term_arg(l, 2)))
        n++;
    CHECK(n == 3);
    /* p(X) iterating while asserting more p: sees only the clauses at call time */
    clause(S("q", 1, I(1)), TERM_TRUE);
    db_get(functor_intern(atom_from_cstr("q"), 1))->flags |= PRED_DYNAMIC;
    X = V();
    term_t loop = conj(S("q", 1, X), conj(S("assertz", 1, S("q", 1, I(2))), A("fail")));
    CHECK(solve(loop, NULL, NULL, NULL) == SOLVE_FALSE);
    X = V();
    CHECK(all(S("q", 1, X), X, v) == 2);
    /* retract backtracks over clauses */
    X = V();
    CHECK(solve(conj(S("retract", 1, S("q", 1, X)), A("fail")), NULL, NULL, NULL) == SOLVE_FALSE);
    X = V();
    int nq = all(S("q", 1, X), X, v);
    CHECK(nq == 0);
    if (nq)
        printf("left: %d, first %ld\n", nq, v[0]);
}

static void test_lco(void)
{
    /* count/1 is deterministic after first-argument indexing (count(0)
     * only matches 0): one snapshot for the last call, none per iteration;
     * the heap stays bounded by the young-heap collector. */
    struct solve_stats before, after;
    solve_get_stats(&before);
    size_t heap0 = heap_used();
    long n = getenv("ENGINE_SOLVE_LOOP") ? atol(getenv("ENGINE_SOLVE_LOOP")) : 1000000;
    CHECK(solve(S("count", 1, I(n)), NULL, NULL, NULL) == SOLVE_TRUE);
    solve_get_stats(&after);
    CHECK(after.choicepoints - before.choicepoints <= 2);
    CHECK(heap_used() - heap0 < (size_t)64 << 20);
    /* count(N, N) :- !.  count(I, N) :- ... : the first head fails to
     * match on fresh cells only, so no snapshot per iteration either */
    term_t X2 = V(), Y2 = V(), Z2 = V(), W2 = V();
    clause(S("upto", 2, X2, X2), A("!"));
    clause(S("upto", 2, Y2, Z2), conj(S("is", 2, W2, S("+", 2, Y2, I(1))), S("upto", 2, W2, Z2)));
    solve_get_stats(&before);
    CHECK(solve(S("upto", 2, I(0), I(100000)), NULL, NULL, NULL) == SOLVE_TRUE);
    solve_get_stats(&after);
    CHECK(after.choicepoints - before.choicepoints <= 2);
    printf("count(%ld): %lu inferences, %lu snapshots, heap %zu KiB after\n", n,
           (unsigned long)(after.inferences - before.inferences),
           (unsigned long)(after.choicepoints - before.choicepoints), (heap_used() - heap0) >> 10);
}

int main(void)
{
    if (!term_init(16 << 20) || !copy_init() || !db_init() || !solve_init()) {
        printf("init failed\n");
        return 1;
    }
    control_register();
    dbpreds_register();
    arith_register();
    terms_register();
    program();
    test_backtracking();
    test_control();
    test_exceptions();
    test_findall_and_db();
    test_lco();
    if (failures) {
        printf("%d checks failed\n", failures);
        return 1;
    }
    printf("SUCCESS\n");
    return 0;
}
