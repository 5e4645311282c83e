/* test_engine_term.c - the term layer: tags, atoms, functors, boxes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "engine/term.h"

static int setup(void **state)
{
    (void)state;
    return term_init(1 << 20) ? 0 : -1;
}

static void predeclared_atoms_have_their_text(void **state)
{
    (void)state;
    assert_string_equal(atom_name(ATOM_nil), "[]");
    assert_string_equal(atom_name(ATOM_dot), "[|]");
    assert_string_equal(atom_name(ATOM_not_provable), "\\+");
    assert_int_equal(atom_from_cstr("true"), ATOM_true);
    assert_int_equal(functor_name(FUNCTOR_comma2), ATOM_comma);
    assert_int_equal(functor_arity(FUNCTOR_comma2), 2);
    assert_int_equal(functor_intern(ATOM_error, 2), FUNCTOR_error2);
}

static void atoms_are_interned_once(void **state)
{
    (void)state;
    size_t before = atom_count();
    atom_t a = atom_from_cstr("hello");
    assert_int_equal(atom_from_cstr("hello"), a);
    assert_int_equal(atom_count(), before + 1);
    atom_t z = atom_intern("a\0b", 3);
    assert_int_not_equal(z, atom_from_cstr("a"));
    assert_int_equal(atom_length(z), 3);
    atom_t found;
    assert_true(atom_lookup("hello", 5, &found));
    assert_int_equal(found, a);
    assert_false(atom_lookup("never-made", 10, &found));
}

static void tables_grow_past_their_first_size(void **state)
{
    (void)state;
    char buf[32];
    atom_t first = atom_from_cstr("g0");
    for (int i = 0; i < 5000; i++) {
        snprintf(buf, sizeof buf, "g%d", i);
        atom_t a = atom_from_cstr(buf);
        assert_string_equal(atom_name(a), buf);
        functor_t f = functor_intern(a, (unsigned)i % 7 + 1);
        assert_int_equal(functor_name(f), a);
    }
    assert_int_equal(atom_from_cstr("g0"), first);
    assert_int_equal(functor_intern(atom_from_cstr("g4999"), 4999 % 7 + 1),
                     functor_intern(atom_from_cstr("g4999"), 4999 % 7 + 1));
}

static void atoms_compare_by_text(void **state)
{
    (void)state;
    assert_true(atom_compare(atom_from_cstr("abc"), atom_from_cstr("abd")) < 0);
    assert_true(atom_compare(atom_from_cstr("ab"), atom_from_cstr("abc")) < 0);
    assert_true(atom_compare(atom_from_cstr("b"), atom_from_cstr("abc")) > 0);
    assert_int_equal(atom_compare(ATOM_nil, ATOM_nil), 0);
}

static void integers_small_and_boxed(void **state)
{
    (void)state;
    int64_t v;
    term_t t = term_int(-42);
    assert_true(term_is_smallint(t));
    assert_int_equal(term_get_smallint(t), -42);
    t = term_int(TERM_INT_MAX);
    assert_true(term_is_smallint(t));
    t = term_int(TERM_INT_MAX + 1);
    assert_true(term_is_big(t));
    assert_true(term_get_int64(t, &v));
    assert_true(v == TERM_INT_MAX + 1);
    t = term_int(INT64_MIN);
    assert_true(term_is_big(t));
    assert_true(term_get_int64(t, &v));
    assert_true(v == INT64_MIN);
    size_t n;
    bool neg;
    term_big_limbs(t, &n, &neg);
    assert_int_equal(n, 1);
    assert_true(neg);
}

static void floats_and_strings_are_boxed(void **state)
{
    (void)state;
    term_t f = term_float(2.5);
    assert_true(term_is_float(f));
    assert_true(term_get_float(f) == 2.5);
    assert_int_equal(term_box_cells(f), 2);
    size_t len;
    term_t s = term_string("hi\0there", 8);
    assert_true(term_is_string(s));
    const char *p = term_string_chars(s, &len);
    assert_int_equal(len, 8);
    assert_memory_equal(p, "hi\0there", 9);
    assert_true(term_hdr_is_box(*term_ptr(s)));
}

static void variables_bind_and_deref(void **state)
{
    (void)state;
    term_t x = term_new_var(), y = term_new_var();
    assert_true(term_is_var(term_deref(x)));
    assert_true(x != y);
    term_bind(x, y);
    assert_true(term_deref(x) == y);
    term_bind(y, term_atom(ATOM_true));
    assert_true(term_deref(x) == TERM_TRUE);
}

static void compounds_hold_their_arguments(void **state)
{
    (void)state;
    term_t l = term_cons(term_int(1), term_cons(term_int(2), TERM_NIL));
    assert_true(term_is_list_cell(l));
    assert_int_equal(term_get_smallint(term_arg(l, 1)), 1);
    term_t t = term_deref(term_arg(l, 2));
    assert_int_equal(term_get_smallint(term_arg(t, 1)), 2);
    assert_true(term_arg(t, 2) == TERM_NIL);

    term_t f = term_compound(functor_intern(atom_from_cstr("f"), 3), NULL);
    for (unsigned i = 1; i <= 3; i++)
        assert_true(term_is_var(term_deref(term_arg(f, i))));
    assert_true(term_deref(term_arg(f, 1)) != term_deref(term_arg(f, 2)));
    atom_t name;
    unsigned arity;
    assert_true(term_name_arity(f, &name, &arity));
    assert_string_equal(atom_name(name), "f");
    assert_int_equal(arity, 3);
    assert_false(term_name_arity(term_int(3), &name, &arity));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(predeclared_atoms_have_their_text),
        cmocka_unit_test(atoms_are_interned_once),
        cmocka_unit_test(tables_grow_past_their_first_size),
        cmocka_unit_test(atoms_compare_by_text),
        cmocka_unit_test(integers_small_and_boxed),
        cmocka_unit_test(floats_and_strings_are_boxed),
        cmocka_unit_test(variables_bind_and_deref),
        cmocka_unit_test(compounds_hold_their_arguments),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
