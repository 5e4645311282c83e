/* terms.c - type checks, standard order and term construction built-ins. */
#include "terms.h"

#include "engine/compare.h"
#include "engine/control.h"
#include "engine/copy.h"
#include "engine/db.h"
#include "engine/error.h"
#include "engine/unify.h"
#include "engine/wstack.h"
#include "nbarg.h"

static bool is_list(term_t t);

#define TYPECHECK(name, test)                                                                                          \
    static bool bi_##name(term_t *a)                                                                                   \
    {                                                                                                                  \
        term_t t = term_deref(a[0]);                                                                                   \
        return test;                                                                                                   \
    }
TYPECHECK(var, term_is_var(t))
TYPECHECK(nonvar, !term_is_var(t))
TYPECHECK(atom, term_is_atom(t))
TYPECHECK(number, term_is_number(t))
TYPECHECK(integer, term_is_integer(t))
TYPECHECK(float, term_is_float(t))
TYPECHECK(atomic, term_is_atomic(t))
TYPECHECK(compound, term_is_compound(t))
TYPECHECK(callable, term_is_callable(t))
TYPECHECK(string, term_is_string(t))
TYPECHECK(is_list, is_list(t))
TYPECHECK(ground, copy_is_ground(t))

static bool is_list(term_t t)
{
    size_t n;
    return walk_list_tail(t, &n) == TERM_NIL; /* a cyclic list is not a list */
}

/* ==, \==, @<, @>, @=<, @>= (+T1, +T2) are semidet. */
static bool bi_eq(term_t *a) { return compare_terms(a[0], a[1]) == 0; }
static bool bi_ne(term_t *a) { return compare_terms(a[0], a[1]) != 0; }
static bool bi_lt(term_t *a) { return compare_terms(a[0], a[1]) < 0; }
static bool bi_gt(term_t *a) { return compare_terms(a[0], a[1]) > 0; }
static bool bi_le(term_t *a) { return compare_terms(a[0], a[1]) <= 0; }
static bool bi_ge(term_t *a) { return compare_terms(a[0], a[1]) >= 0; }

/* compare(?Order, +T1, +T2) is semidet. */
static bool bi_compare(term_t *a)
{
    term_t o = term_deref(a[0]);
    if (!term_is_var(o)) {
        if (!term_is_atom(o))
            err_type(ATOM_atom_t, o);
        const char *s = atom_name(term_get_atom(o));
        if (!((s[0] == '<' || s[0] == '>' || s[0] == '=') && s[1] == 0))
            err_domain(atom_from_cstr("order"), o);
    }
    int c = compare_terms(a[1], a[2]);
    return unify(o, term_atom(atom_from_cstr(c < 0 ? "<" : c > 0 ? ">" : "=")));
}

/* functor(?Term, ?Name, ?Arity) is semidet. */
static bool bi_functor(term_t *a)
{
    term_t t = term_deref(a[0]);
    if (!term_is_var(t)) {
        if (term_is_compound(t)) {
            functor_t f = term_functor(t);
            return unify(a[1], term_atom(functor_name(f))) && unify(a[2], term_smallint(functor_arity(f)));
        }
        return unify(a[1], t) && unify(a[2], term_smallint(0));
    }
    term_t name = term_deref(a[1]), ar = term_deref(a[2]);
    if (term_is_var(name) || term_is_var(ar))
        err_instantiation();
    int64_t n = err_need_int(ar);
    if (n < 0)
        err_domain(ATOM_not_less_than_zero, ar);
    if (n == 0) {
        if (!term_is_atomic(name))
            err_type(ATOM_atomic, name);
        return unify(t, name);
    }
    if (term_is_compound(name))
        err_type(ATOM_atomic, name);
    if (!term_is_atom(name))
        err_type(ATOM_atom_t, name);
    return unify(t, term_compound(functor_intern(term_get_atom(name), (unsigned)n), NULL));
}

/* arg(?N, +Term, ?Arg) is nondet: with N unbound, each argument in turn.
 * alt: the next argument's number. */
static long bi_arg(term_t *a, long alt)
{
    term_t n = term_deref(a[0]);
    term_t t = term_deref(a[1]);
    if (term_is_var(t))
        err_instantiation();
    if (!term_is_compound(t))
        err_type(ATOM_compound, t);
    unsigned arity = functor_arity(term_functor(t));
    if (!term_is_var(n)) {
        int64_t i = err_need_int(n);
        if (i < 0)
            err_domain(ATOM_not_less_than_zero, n);
        if (i < 1 || i > arity)
            return -1;
        return unify(a[2], term_arg(t, (unsigned)i)) ? 0 : -1;
    }
    for (unsigned i = alt ? (unsigned)alt : 1; i <= arity; i++) {
        if (control_unifiable(a[2], term_arg(t, i))) {
            unify(a[2], term_arg(t, i));
            term_bind(n, term_smallint(i));
            return i < arity ? (long)i + 1 : 0;
        }
    }
    return -1;
}

/* The argument cell of setarg/nb_setarg: N in 1..arity of compound T, or
 * NULL (fail) when N is out of range or T is atomic (as swipl). */
static term_t *arg_cell(term_t *a)
{
    int64_t n = err_need_int(a[0]);
    term_t t = term_deref(a[1]);
    if (term_is_var(t))
        err_instantiation();
    if (!term_is_compound(t) || n < 1 || n > functor_arity(term_functor(t)))
        return NULL;
    return &term_args(t)[n - 1];
}

/* setarg(+N, +Term, +Value) is semidet: argument N of Term becomes Value, in
 * place.  Backtracking undoes it with no code of ours: the cell is heap
 * memory, which a restore puts back. */
static bool bi_setarg(term_t *a)
{
    term_t *cell = arg_cell(a);
    if (!cell)
        return false;
    *cell = term_deref(a[2]);
    return true;
}

/* nb_setarg(+N, +Term, +Value) is semidet: as setarg/3 with a copy of
 * Value, and not undone by backtracking (nbarg.c). */
static bool bi_nb_setarg(term_t *a)
{
    term_t *cell = arg_cell(a);
    if (!cell)
        return false;
    nbarg_set(cell, a[2]);
    return true;
}

/* ?=(@A, @B) is semidet: A and B are identical, or cannot unify (whether
 * they are equal is decided now). */
static bool bi_can_compare(term_t *a) { return compare_terms(a[0], a[1]) == 0 || !control_unifiable(a[0], a[1]); }

/* =..(?Term, ?List) is semidet. */
static bool bi_univ(term_t *a)
{
    term_t t = term_deref(a[0]);
    if (!term_is_var(t)) {
        term_t l = TERM_NIL;
        if (term_is_compound(t)) {
            functor_t f = term_functor(t);
            for (unsigned i = functor_arity(f); i >= 1; i--)
                l = term_cons(term_arg(t, i), l);
            l = term_cons(term_atom(functor_name(f)), l);
        } else {
            l = term_cons(t, TERM_NIL);
        }
        return unify(a[1], l);
    }
    term_t l = term_deref(a[1]);
    if (term_is_var(l))
        err_instantiation();
    if (l == TERM_NIL)
        err_domain(atom_from_cstr("non_empty_list"), l);
    if (!term_is_list_cell(l))
        err_type(ATOM_list, l);
    term_t head = term_deref(term_arg(l, 1));
    unsigned n = 0;
    term_t p;
    for (p = term_deref(term_arg(l, 2)); term_is_list_cell(p); p = term_deref(term_arg(p, 2)))
        n++;
    if (term_is_var(p))
        err_instantiation();
    if (p != TERM_NIL)
        err_type(ATOM_list, l);
    if (term_is_var(head))
        err_instantiation();
    if (n == 0) {
        if (term_is_compound(head))
            err_type(ATOM_atomic, head);
        return unify(t, head);
    }
    if (!term_is_atom(head))
        err_type(ATOM_atom_t, head);
    term_t c = term_compound(functor_intern(term_get_atom(head), n), NULL);
    term_t *args = term_args(c);
    p = term_deref(term_arg(l, 2));
    for (unsigned i = 0; i < n; i++, p = term_deref(term_arg(p, 2)))
        args[i] = term_arg(p, 1);
    return unify(t, c);
}

/* copy_term(+In, -Out) is det. */
static bool bi_copy_term(term_t *a) { return unify(a[1], copy_term(a[0])); }

void terms_register(void)
{
    nbarg_init();
    db_register_test("var", 1, bi_var);
    db_register_test("nonvar", 1, bi_nonvar);
    db_register_test("atom", 1, bi_atom);
    db_register_test("number", 1, bi_number);
    db_register_test("integer", 1, bi_integer);
    db_register_test("float", 1, bi_float);
    db_register_test("atomic", 1, bi_atomic);
    db_register_test("compound", 1, bi_compound);
    db_register_test("callable", 1, bi_callable);
    db_register_test("string", 1, bi_string);
    db_register_test("is_list", 1, bi_is_list);
    db_register_test("ground", 1, bi_ground);
    db_register_test("==", 2, bi_eq);
    db_register_test("\\==", 2, bi_ne);
    db_register_test("@<", 2, bi_lt);
    db_register_test("@>", 2, bi_gt);
    db_register_test("@=<", 2, bi_le);
    db_register_test("@>=", 2, bi_ge);
    db_register_det("compare", 3, bi_compare);
    db_register_det("functor", 3, bi_functor);
    db_register_nondet("arg", 3, bi_arg);
    db_register_det("setarg", 3, bi_setarg);
    db_register_det("nb_setarg", 3, bi_nb_setarg);
    db_register_test("?=", 2, bi_can_compare);
    db_register_det("=..", 2, bi_univ);
    db_register_det("copy_term", 2, bi_copy_term);
}
