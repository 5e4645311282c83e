/* dcg.c - translating grammar rules. */
#include "dcg.h"

#include <string.h>

#include "db.h"
#include "error.h"
#include "unify.h"

static term_t eq(term_t a, term_t b) { return term_compound2(FUNCTOR_equals2, a, b); }
static term_t conj(term_t a, term_t b) { return term_compound2(FUNCTOR_comma2, a, b); }

/* Append s to a proper list: [a,b] + S = [a,b|S]; false if not a list. */
static bool list_onto(term_t l, term_t s, term_t *out)
{
    l = term_deref(l);
    if (l == TERM_NIL) {
        *out = s;
        return true;
    }
    if (!term_is_list_cell(l))
        return false;
    term_t rest;
    if (!list_onto(term_arg(l, 2), s, &rest))
        return false;
    *out = term_cons(term_arg(l, 1), rest);
    return true;
}

static term_t add2(term_t t, term_t s0, term_t s)
{
    atom_t name;
    unsigned arity;
    if (!term_name_arity(t, &name, &arity))
        err_type(ATOM_callable, t);
    term_t c = term_compound(functor_intern(name, arity + 2), NULL);
    term_t *a = term_args(c);
    for (unsigned i = 0; i < arity; i++)
        a[i] = term_arg(t, i + 1);
    a[arity] = s0;
    a[arity + 1] = s;
    return c;
}

term_t dcg_body(term_t b, term_t s0, term_t s)
{
    b = term_deref(b);
    if (term_is_var(b))
        return term_compound(functor_intern(atom_from_cstr("phrase"), 3), (term_t[]){b, s0, s});
    if (term_is_compound(b)) {
        functor_t f = term_functor(b);
        if (f == FUNCTOR_comma2) {
            term_t mid = term_new_var();
            return conj(dcg_body(term_arg(b, 1), s0, mid), dcg_body(term_arg(b, 2), mid, s));
        }
        if (f == FUNCTOR_semicolon2 || f == FUNCTOR_bar2)
            return term_compound2(FUNCTOR_semicolon2, dcg_body(term_arg(b, 1), s0, s), dcg_body(term_arg(b, 2), s0, s));
        if (f == FUNCTOR_arrow2) {
            term_t mid = term_new_var();
            return term_compound2(FUNCTOR_arrow2, dcg_body(term_arg(b, 1), s0, mid), dcg_body(term_arg(b, 2), mid, s));
        }
        if (f == FUNCTOR_not_provable1)
            return conj(term_compound1(FUNCTOR_not_provable1, dcg_body(term_arg(b, 1), s0, term_new_var())), eq(s0, s));
        if (f == FUNCTOR_curly1)
            return conj(term_arg(b, 1), eq(s0, s));
        if (f == FUNCTOR_dot2) {
            term_t l;
            if (list_onto(b, s, &l))
                return eq(s0, l);
            err_type(ATOM_list, b);
        }
        if (functor_name(f) == ATOM_call) {
            unsigned n = functor_arity(f);
            term_t c = term_compound(functor_intern(ATOM_call, n + 2), NULL);
            term_t *a = term_args(c);
            for (unsigned i = 0; i < n; i++)
                a[i] = term_arg(b, i + 1);
            a[n] = s0;
            a[n + 1] = s;
            return c;
        }
    }
    if (b == TERM_NIL)
        return eq(s0, s);
    if (term_is_atom(b) && term_get_atom(b) == ATOM_cut)
        return conj(b, eq(s0, s));
    if (term_is_string(b)) {
        size_t n;
        const char *p = term_string_chars(b, &n);
        term_t l = s;
        for (size_t i = n; i-- > 0;)
            l = term_cons(term_smallint((unsigned char)p[i]), l);
        return eq(s0, l);
    }
    return add2(b, s0, s);
}

bool dcg_translate(term_t rule, term_t *clause)
{
    term_t head = term_deref(term_arg(rule, 1)), body = term_arg(rule, 2);
    term_t s0 = term_new_var(), s = term_new_var();
    term_t pushback = 0;
    if (term_is_compound(head) && term_functor(head) == FUNCTOR_comma2) {
        pushback = term_arg(head, 2);
        head = term_deref(term_arg(head, 1));
    }
    /* M:H --> B is M:(H, S0, S) :- B' (prolog:message//1 rules) */
    term_t module = 0;
    if (term_is_compound(head) && term_functor(head) == FUNCTOR_colon2 && term_is_atom(term_deref(term_arg(head, 1)))) {
        module = term_deref(term_arg(head, 1));
        head = term_deref(term_arg(head, 2));
    }
    if (!term_is_callable(head))
        return false;
    term_t goal;
    if (pushback) {
        /* H, PB --> B: after B, the rest of the input gets PB in front */
        term_t mid = term_new_var(), l;
        if (!list_onto(pushback, mid, &l))
            return false;
        goal = conj(dcg_body(body, s0, mid), eq(s, l));
    } else {
        goal = dcg_body(body, s0, s);
    }
    term_t h = add2(head, s0, s);
    *clause = term_compound2(FUNCTOR_neck2, module ? term_compound2(FUNCTOR_colon2, module, h) : h, goal);
    return true;
}

/* '$dcg_body'(+Body, ?S0, ?S, -Goal) is det (phrase/3 is built on it). */
static bool bi_dcg_body(term_t *a)
{
    term_t b = term_deref(a[0]);
    if (term_is_var(b))
        err_instantiation();
    return unify(a[3], dcg_body(b, a[1], a[2]));
}

/* dcg_translate_rule(+Rule, -Clause) is semidet. */
static bool bi_dcg_translate(term_t *a)
{
    term_t c;
    term_t r = term_deref(a[0]);
    if (!term_is_compound(r) || strcmp(atom_name(functor_name(term_functor(r))), "-->") != 0)
        return false;
    return dcg_translate(r, &c) && unify(a[1], c);
}

void dcg_register(void)
{
    db_register_det("$dcg_body", 4, bi_dcg_body);
    db_register_det("dcg_translate_rule", 2, bi_dcg_translate);
}
