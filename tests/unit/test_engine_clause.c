/* test_engine_clause.c - compiled clauses: heads matched against goal
 * arguments in place, shallow tries that write nothing old, bodies built
 * with the variables the match found. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "engine/clause.h"
#include "engine/compare.h"
#include "engine/unify.h"

static functor_t F2, G1, P2, P3;

static int setup(void **state)
{
    (void)state;
    if (!term_init(1 << 22) || !copy_init() || !cl_init())
        return -1;
    F2 = functor_intern(atom_from_cstr("f"), 2);
    G1 = functor_intern(atom_from_cstr("g"), 1);
    P2 = functor_intern(atom_from_cstr("p"), 2);
    P3 = functor_intern(atom_from_cstr("p"), 3);
    return 0;
}

static term_t A(const char *s) { return term_atom(atom_from_cstr(s)); }
static term_t f(term_t a, term_t b) { return term_compound2(F2, a, b); }
static term_t g(term_t a) { return term_compound1(G1, a); }
static term_t p2(term_t a, term_t b) { return term_compound2(P2, a, b); }
static term_t V(void) { return term_new_var(); }

/* The compiled form of Head :- Body. */
static struct pterm *compile(term_t head, term_t body)
{
    struct pterm *t = copy_to_persistent(term_compound2(FUNCTOR_neck2, head, body));
    assert_non_null(t);
    struct pterm *c = cl_compile(t);
    copy_free(t);
    return c;
}

static bool same(term_t a, term_t b) { return compare_terms(a, b) == 0; }

static void first_occurrences_take_the_arguments(void **state)
{
    (void)state;
    term_t X = V(), Y = V();
    /* p(X, Y) :- f(Y, X). */
    struct pterm *c = compile(p2(X, Y), f(Y, X));
    assert_non_null(c);
    assert_int_equal(c->nvars, 2);
    term_t G = V();
    term_t args[2] = {A("a"), G};
    char *before = heap_top;
    assert_int_equal(cl_match(c, args, NULL), 1);
    assert_ptr_equal(heap_top, before); /* nothing built, nothing bound */
    assert_true(term_is_var(term_deref(G)));
    term_t body = cl_body(c);
    assert_true(same(body, f(G, A("a"))));
    /* the body's Y is the goal's variable itself, not a copy */
    assert_true(term_deref(term_arg(body, 1)) == term_deref(G));
    copy_free(c);
}

static void repeated_variables_unify(void **state)
{
    (void)state;
    term_t X = V();
    struct pterm *c = compile(p2(X, X), TERM_TRUE); /* p(X, X). */
    term_t ok[2] = {f(A("a"), V()), f(V(), A("b"))};
    assert_int_equal(cl_match(c, ok, NULL), 1);
    assert_true(same(term_deref(ok[0]), f(A("a"), A("b"))));
    term_t no[2] = {A("a"), A("b")};
    assert_int_equal(cl_match(c, no, NULL), 0);
    copy_free(c);
}

static void goal_variables_get_built_structures(void **state)
{
    (void)state;
    term_t X = V(), R = V();
    /* p([X|T], [X|R]) style: p(f(X, _), g(f(X, R))) :- g(R). */
    struct pterm *c = compile(p2(f(X, V()), g(f(X, R))), g(R));
    term_t G = V();
    term_t args[2] = {f(term_int(7), A("t")), G};
    assert_int_equal(cl_match(c, args, NULL), 1);
    term_t built = term_deref(G);
    assert_true(term_is_compound(built) && term_functor(built) == G1);
    term_t inner = term_deref(term_arg(built, 1));
    assert_true(term_deref(term_arg(inner, 1)) == term_int(7));
    term_t r = term_deref(term_arg(inner, 2));
    assert_true(term_is_var(r));
    /* the body's R is the variable that lives inside the built structure */
    term_t body = cl_body(c);
    assert_true(term_deref(term_arg(body, 1)) == r);
    copy_free(c);
}

static void shallow_tries_write_nothing_old(void **state)
{
    (void)state;
    term_t X = V();
    struct pterm *c = compile(p2(A("a"), g(X)), TERM_TRUE); /* p(a, g(X)). */
    term_t G = V();
    term_t args[2] = {A("a"), G};
    char *mark = heap_top;
    /* G is older than the mark: bound, and recorded so that it can be undone */
    cl_log_reset();
    assert_int_equal(cl_match(c, args, mark), 1);
    assert_int_equal(cl_log_mark(), 1);
    assert_true(term_is_compound(term_deref(G)));
    cl_undo_to(0);
    assert_true(term_is_var(term_deref(G)));
    assert_int_equal(cl_log_mark(), 0);
    term_t fail_args[2] = {A("b"), G};
    assert_int_equal(cl_match(c, fail_args, mark), 0);
    assert_true(term_is_var(term_deref(G)));
    /* a match that binds nothing old succeeds shallow */
    term_t bound[2] = {A("a"), g(term_int(1))};
    mark = heap_top;
    assert_int_equal(cl_match(c, bound, mark), 1);
    assert_int_equal(cl_log_mark(), 0);
    /* repeated variables too: p(Y, Y) against (G, 1) would bind G */
    term_t Y = V();
    struct pterm *d = compile(p2(Y, Y), TERM_TRUE);
    term_t two[2] = {G, term_int(1)};
    term_t H = V(); /* older than the mark, as G */
    mark = heap_top;
    assert_int_equal(cl_match(d, two, mark), 1);
    assert_int_equal(cl_log_mark(), 1);
    assert_true(term_deref(G) == term_int(1));
    /* a second try appends; undoing to a mark keeps what was before it */
    term_t three[2] = {H, term_int(2)};
    assert_int_equal(cl_match(d, three, mark), 1);
    assert_int_equal(cl_log_mark(), 2);
    cl_undo_to(1);
    assert_true(term_is_var(term_deref(H)));
    assert_true(term_deref(G) == term_int(1));
    cl_undo_to(0);
    assert_true(term_is_var(term_deref(G)));
    /* a head that binds G and then does not match leaves G unbound */
    term_t ga[2] = {G, A("c")};
    mark = heap_top;
    struct pterm *f = compile(p2(A("a"), A("b")), TERM_TRUE); /* p(a, b). */
    assert_int_equal(cl_match(f, ga, mark), 0);
    assert_true(term_is_var(term_deref(G)));
    term_t gb[2] = {g(G), A("c")};
    struct pterm *h = compile(p2(g(A("a")), A("b")), TERM_TRUE); /* p(g(a), b). */
    assert_int_equal(cl_match(h, gb, mark), 0);
    assert_true(term_is_var(term_deref(G)));
    copy_free(f);
    copy_free(h);
    copy_free(c);
    copy_free(d);
}

static void boxes_compare_by_value(void **state)
{
    (void)state;
    struct pterm *c = compile(p2(term_float(1.5), term_string("abc", 3)), TERM_TRUE);
    term_t yes[2] = {term_float(1.5), term_string("abc", 3)};
    assert_int_equal(cl_match(c, yes, NULL), 1);
    term_t no1[2] = {term_float(2.5), term_string("abc", 3)};
    assert_int_equal(cl_match(c, no1, NULL), 0);
    term_t no2[2] = {term_float(1.5), term_string("abd", 3)};
    assert_int_equal(cl_match(c, no2, NULL), 0);
    term_t no3[2] = {term_float(1.5), A("abc")};
    assert_int_equal(cl_match(c, no3, NULL), 0);
    /* against a variable the box is copied onto the heap */
    term_t G = V(), H = V();
    term_t vars[2] = {G, H};
    assert_int_equal(cl_match(c, vars, NULL), 1);
    assert_true(term_is_float(term_deref(G)) && term_get_float(term_deref(G)) == 1.5);
    assert_true(same(term_deref(H), term_string("abc", 3)));
    copy_free(c);
}

static void long_last_argument_chains_are_loops(void **state)
{
    (void)state;
    term_t l = TERM_NIL;
    for (int i = 200000; i > 0; i--)
        l = term_cons(term_int(i), l);
    term_t X = V();
    struct pterm *c = compile(p2(l, X), X); /* p([1..200000], X) :- X. */
    assert_non_null(c);
    term_t G = V();
    term_t args[2] = {G, A("true")};
    assert_int_equal(cl_match(c, args, NULL), 1);
    assert_true(same(term_deref(G), l));
    term_t again[2] = {l, A("true")};
    assert_int_equal(cl_match(c, again, NULL), 1);
    assert_true(cl_body(c) == A("true"));
    copy_free(c);
}

static void deep_non_last_nesting_is_refused(void **state)
{
    (void)state;
    term_t t = A("z");
    for (int i = 0; i < 5000; i++)
        t = f(t, A("x")); /* nested in the first argument: recursion */
    term_t head = term_compound(P3, (term_t[]){t, V(), V()});
    assert_null(compile(head, TERM_TRUE));
}

static term_t list2(term_t a, term_t b) { return term_cons(a, term_cons(b, TERM_NIL)); }

static int exec(const struct pterm *c, const term_t *args, const char *fresh, term_t *body)
{
    char *top;
    int r = cl_exec(c, args, fresh, body, &top, NULL);
    if (r > 0)
        heap_top = top;
    return r;
}

/* cl_exec: the head matched and the body built by the clause program, as
 * cl_match and cl_body do it: read and write mode of a list pattern, a
 * later occurrence unified, shallow tries recorded and undone. */
static void clause_programs_match_and_build(void **state)
{
    (void)state;
    term_t X = V(), Xs = V(), L = V(), R = V();
    /* app([X|Xs], L, [X|R]) :- app(Xs, L, R). */
    struct pterm *c = compile(term_compound(P3, (term_t[]){term_cons(X, Xs), L, term_cons(X, R)}),
                              term_compound(P3, (term_t[]){Xs, L, R}));
    term_t G = V(), body;
    term_t args[3] = {list2(term_int(1), term_int(2)), A("l"), G};
    assert_int_equal(exec(c, args, NULL, &body), 1);
    /* write mode: G is [1|R'], and the body's third argument is that R' */
    term_t gl = term_deref(G);
    assert_true(term_is_list_cell(gl) && term_deref(term_arg(gl, 1)) == term_int(1));
    assert_true(term_is_var(term_deref(term_arg(gl, 2))));
    assert_true(term_functor(body) == P3);
    assert_true(same(term_arg(body, 1), term_cons(term_int(2), TERM_NIL)));
    assert_true(term_deref(term_arg(body, 2)) == A("l"));
    assert_true(term_deref(term_arg(body, 3)) == term_deref(term_arg(gl, 2)));
    /* read mode: the third argument a list whose head must equal X */
    term_t T = V();
    term_t rd[3] = {list2(A("a"), A("b")), TERM_NIL, term_cons(V(), T)};
    assert_int_equal(exec(c, rd, NULL, &body), 1);
    assert_true(term_deref(term_arg(term_deref(rd[2]), 1)) == A("a"));
    assert_true(term_deref(term_arg(body, 3)) == term_deref(T));
    term_t clash[3] = {list2(A("a"), A("b")), TERM_NIL, term_cons(A("z"), V())};
    assert_int_equal(exec(c, clash, NULL, &body), 0);
    term_t nil[3] = {TERM_NIL, TERM_NIL, V()};
    assert_int_equal(exec(c, nil, NULL, &body), 0);
    /* shallow: G older than the mark is recorded, then undone */
    term_t G2 = V();
    term_t sh[3] = {list2(term_int(1), term_int(2)), A("l"), G2};
    char *mark = heap_top;
    cl_log_reset();
    assert_int_equal(exec(c, sh, mark, &body), 1);
    assert_int_equal(cl_log_mark(), 1);
    cl_undo_to(0);
    assert_true(term_is_var(term_deref(G2)));
    copy_free(c);
    /* p(a, f(Y, 2)) :- g(h(Y, Z, 1.5)), Z: constants, a flat structure, a
     * box and a variable body goal */
    term_t Y = V(), Z = V();
    functor_t H3 = functor_intern(atom_from_cstr("h"), 3);
    struct pterm *d = compile(p2(A("a"), f(Y, term_int(2))),
                              term_compound2(FUNCTOR_comma2, g(term_compound(H3, (term_t[]){Y, Z, term_float(1.5)})), Z));
    term_t W = V();
    term_t da[2] = {A("a"), W};
    assert_int_equal(exec(d, da, NULL, &body), 1);
    term_t w = term_deref(W);
    assert_true(term_functor(w) == F2 && term_deref(term_arg(w, 2)) == term_int(2));
    term_t goal1 = term_deref(term_arg(body, 1)), h = term_deref(term_arg(goal1, 1));
    assert_true(term_deref(term_arg(h, 1)) == term_deref(term_arg(w, 1)));
    assert_true(term_get_float(term_deref(term_arg(h, 3))) == 1.5);
    assert_true(term_deref(term_arg(h, 2)) == term_deref(term_arg(body, 2)));
    term_t db[2] = {A("a"), f(V(), term_int(3))};
    assert_int_equal(exec(d, db, NULL, &body), 0);
    term_t dc[2] = {A("b"), V()};
    assert_int_equal(exec(d, dc, NULL, &body), 0);
    copy_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(first_occurrences_take_the_arguments),
        cmocka_unit_test(repeated_variables_unify),
        cmocka_unit_test(goal_variables_get_built_structures),
        cmocka_unit_test(shallow_tries_write_nothing_old),
        cmocka_unit_test(boxes_compare_by_value),
        cmocka_unit_test(long_last_argument_chains_are_loops),
        cmocka_unit_test(deep_non_last_nesting_is_refused),
        cmocka_unit_test(clause_programs_match_and_build),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
