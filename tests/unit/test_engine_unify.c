/* test_engine_unify.c - unification, standard order and copying of terms. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "engine/compare.h"
#include "engine/copy.h"
#include "engine/unify.h"
#include "engine/wstack.h"

static functor_t F2, G1;

static int setup(void **state)
{
    (void)state;
    if (!term_init(1 << 22) || !copy_init())
        return -1;
    F2 = functor_intern(atom_from_cstr("f"), 2);
    G1 = functor_intern(atom_from_cstr("g"), 1);
    return 0;
}

static term_t A(const char *s) { return term_atom(atom_from_cstr(s)); }
static term_t f(term_t a, term_t b) { return term_compound2(F2, a, b); }
static term_t g(term_t a) { return term_compound1(G1, a); }

static term_t list_of(int n)
{
    term_t l = TERM_NIL;
    while (n > 0)
        l = term_cons(term_int(n--), l);
    return l;
}

static void unify_binds_variables_both_ways(void **state)
{
    (void)state;
    term_t x = term_new_var(), y = term_new_var();
    assert_true(unify(f(x, A("b")), f(A("a"), y)));
    assert_true(term_deref(x) == A("a"));
    assert_true(term_deref(y) == A("b"));
    assert_false(unify(f(A("a"), A("b")), f(A("a"), A("c"))));
    assert_false(unify(f(A("a"), A("b")), g(A("a"))));
    assert_false(unify(term_int(1), term_float(1.0)));
    assert_true(unify(term_float(1.5), term_float(1.5)));
    assert_true(unify(term_string("ab", 2), term_string("ab", 2)));
    assert_false(unify(term_string("ab", 2), A("ab")));
    assert_true(unify(term_int(INT64_MAX), term_int(INT64_MAX)));
}

static void unify_shares_variables(void **state)
{
    (void)state;
    term_t x = term_new_var(), y = term_new_var();
    assert_true(unify(f(x, x), f(y, A("z"))));
    assert_true(term_deref(y) == A("z"));
}

static void occurs_check_refuses_cycles(void **state)
{
    (void)state;
    term_t x = term_new_var();
    assert_false(unify_oc(x, g(x)));
    term_t y = term_new_var();
    assert_true(unify_oc(y, g(term_new_var())));
}

static void long_lists_unify_without_recursion(void **state)
{
    (void)state;
    term_t a = list_of(200000), b = list_of(200000);
    assert_true(unify(a, b));
    assert_int_equal(compare_terms(a, b), 0);
}

/* f(f(...f(X, 1)..., n-1), n): every level leaves its second argument
 * pending, so the walk's stack of frames outgrows its first block; the
 * variable at the bottom is bound, and a difference at the bottom (or in
 * any pending argument) fails */
static term_t nest_left(int n, term_t bottom, int odd_level)
{
    term_t t = bottom;
    for (int i = 1; i <= n; i++)
        t = f(t, term_int(i == odd_level ? -i : i));
    return t;
}

static void deep_structures_unify_without_recursion(void **state)
{
    (void)state;
    term_t x = term_new_var();
    assert_true(unify(nest_left(100000, x, 0), nest_left(100000, A("a"), 0)));
    assert_true(term_deref(x) == A("a"));
    assert_false(unify(nest_left(100000, A("a"), 0), nest_left(100000, A("b"), 0)));
    assert_false(unify(nest_left(100000, A("a"), 0), nest_left(100000, A("a"), 7)));
    assert_false(unify(nest_left(100000, A("a"), 0), nest_left(100000, A("a"), 99999)));
    term_t y = term_new_var();
    assert_true(unify(f(nest_left(50, y, 0), y), f(nest_left(50, A("c"), 0), A("c"))));
    assert_false(unify(f(nest_left(50, term_new_var(), 0), A("c")), f(nest_left(50, A("c"), 0), A("d"))));
}

static void standard_order(void **state)
{
    (void)state;
    term_t v1 = term_new_var(), v2 = term_new_var();
    /* strings before atoms, as swipl 9.0.4 orders them */
    term_t seq[] = {v1, v2, term_float(1.0), term_int(1), term_float(1.5), term_int(2), term_string("a", 1),
                    A("a"), A("b"), g(A("z")), f(A("a"), A("a")), f(A("a"), A("b"))};
    size_t n = sizeof seq / sizeof seq[0];
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++) {
            int want = (i > j) - (i < j);
            if (compare_terms(seq[i], seq[j]) != want)
                fail_msg("compare(%zu, %zu) = %d, want %d", i, j, compare_terms(seq[i], seq[j]), want);
        }
    assert_true(compare_terms(term_int(-1), term_int(INT64_MIN)) > 0);
    assert_true(compare_terms(term_int(INT64_MAX), term_float(1e300)) < 0);
    assert_true(compare_terms(term_int(3), term_float(2.5)) > 0);
}

static void copies_rename_and_keep_sharing(void **state)
{
    (void)state;
    term_t x = term_new_var(), y = term_new_var();
    term_t t = f(f(x, y), f(y, term_float(2.5)));
    term_t c = copy_term(t);
    term_t a = term_deref(term_arg(c, 1)), b = term_deref(term_arg(c, 2));
    assert_true(term_is_var(term_deref(term_arg(a, 1))));
    assert_true(term_deref(term_arg(a, 1)) != x);
    assert_true(term_deref(term_arg(a, 2)) == term_deref(term_arg(b, 1)));
    assert_true(term_get_float(term_deref(term_arg(b, 2))) == 2.5);
    /* the source keeps its variables unbound and unmarked */
    assert_true(term_is_var(term_deref(x)));
    assert_true(unify(x, A("q")));
    assert_true(term_is_var(term_deref(term_arg(a, 1))));
}

static void persistent_copies_come_back_fresh(void **state)
{
    (void)state;
    term_t x = term_new_var();
    struct pterm *p = copy_to_persistent(f(x, f(x, term_string("hello", 5))));
    assert_non_null(p);
    assert_int_equal(p->nvars, 1);
    term_t c1 = copy_from_persistent(p), c2 = copy_from_persistent(p);
    assert_true(unify(term_arg(c1, 1), A("one")));
    assert_true(term_is_var(term_deref(term_arg(c2, 1))));
    term_t inner = term_deref(term_arg(c1, 2));
    assert_true(term_deref(term_arg(inner, 1)) == A("one"));
    assert_string_equal(term_string_chars(term_deref(term_arg(inner, 2)), NULL), "hello");
    copy_free(p);
    /* boxes in the middle of a block: the cells after them come back too */
    p = copy_to_persistent(f(f(term_float(1.5), term_string("abcdefghijklmnopq", 17)), f(A("after"), term_int(7))));
    term_t c3 = copy_from_persistent(p);
    term_t l3 = term_deref(term_arg(c3, 1)), r3 = term_deref(term_arg(c3, 2));
    assert_true(term_get_float(term_deref(term_arg(l3, 1))) == 1.5);
    assert_string_equal(term_string_chars(term_deref(term_arg(l3, 2)), NULL), "abcdefghijklmnopq");
    assert_true(term_deref(term_arg(r3, 1)) == A("after"));
    assert_int_equal(term_get_smallint(term_deref(term_arg(r3, 2))), 7);
    copy_free(p);
    p = copy_to_persistent(A("atom"));
    assert_true(copy_from_persistent(p) == A("atom"));
    copy_free(p);
}

static void groundness(void **state)
{
    (void)state;
    assert_true(copy_is_ground(f(A("a"), g(term_int(1)))));
    assert_false(copy_is_ground(f(A("a"), g(term_new_var()))));
}

/* X = g(X), Y = g(g(Y)), Z = f(Z, a), W = f(W, b): every walker ends on
 * them, past its step budget, with the rational-tree answers */
static void cyclic_terms_terminate(void **state)
{
    (void)state;
    term_t x = term_new_var(), y = term_new_var(), z = term_new_var(), w = term_new_var();
    assert_true(unify(x, g(x)));
    assert_true(unify(y, g(g(y))));
    assert_true(unify(z, f(z, A("a"))));
    assert_true(unify(w, f(w, A("b"))));
    assert_false(walk_is_acyclic(x));
    assert_false(walk_is_acyclic(f(A("a"), y)));
    assert_true(walk_is_acyclic(f(term_new_var(), list_of(1000))));
    assert_int_equal(compare_terms(x, y), 0);
    assert_int_equal(compare_terms(z, w), -1);
    assert_int_equal(compare_terms(w, z), 1);
    assert_true(unify(x, y));
    assert_false(unify(z, w));
    term_t v = term_new_var();
    assert_false(unify_oc(v, f(v, x)));
    assert_true(copy_is_ground(x));
    /* the copy is cyclic with the source's size: its argument is itself */
    term_t c = term_deref(copy_term(x));
    assert_true(term_is_compound(c) && c != term_deref(x));
    assert_true(term_deref(term_arg(c, 1)) == c);
    struct pterm *p = copy_to_persistent(z);
    assert_non_null(p);
    assert_int_equal(p->ncells, 4);
    term_t b = term_deref(copy_from_persistent(p));
    assert_true(term_deref(term_arg(b, 1)) == b);
    assert_int_equal(compare_terms(b, z), 0);
    copy_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(unify_binds_variables_both_ways),
        cmocka_unit_test(unify_shares_variables),
        cmocka_unit_test(occurs_check_refuses_cycles),
        cmocka_unit_test(long_lists_unify_without_recursion),
        cmocka_unit_test(deep_structures_unify_without_recursion),
        cmocka_unit_test(standard_order),
        cmocka_unit_test(copies_rename_and_keep_sharing),
        cmocka_unit_test(persistent_copies_come_back_fresh),
        cmocka_unit_test(groundness),
        cmocka_unit_test(cyclic_terms_terminate),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
