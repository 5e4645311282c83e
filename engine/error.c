/* error.c - building ISO error terms, all thrown through solve_throw. */
#include "error.h"

#include "solve.h"

term_t err_pred_indicator(atom_t name, unsigned arity)
{
    return term_compound2(FUNCTOR_slash2, term_atom(name), term_smallint(arity));
}

/* error(Formal, context(system:Name/Arity, Extra)) for the running
 * built-in, or error(Formal, _) outside one. */
static _Noreturn void throw_with(term_t formal, term_t extra)
{
    term_t ctx = term_new_var();
    functor_t f = solve_current_functor();
    if (f != (functor_t)-1) {
        term_t pi = term_compound2(FUNCTOR_colon2, term_atom(ATOM_system),
                                   err_pred_indicator(functor_name(f), functor_arity(f)));
        ctx = term_compound2(FUNCTOR_context2, pi, extra);
    }
    solve_throw(term_compound2(FUNCTOR_error2, formal, ctx));
}

_Noreturn void err_throw_formal(term_t formal) { throw_with(formal, term_new_var()); }

_Noreturn void err_throw_formal_msg(term_t formal, const char *msg)
{
    throw_with(formal, term_atom(atom_from_cstr(msg)));
}

_Noreturn void err_instantiation(void) { err_throw_formal(term_atom(ATOM_instantiation_error)); }

_Noreturn void err_type(atom_t type, term_t culprit)
{
    err_throw_formal(term_compound2(FUNCTOR_type_error2, term_atom(type), culprit));
}

_Noreturn void err_domain(atom_t domain, term_t culprit)
{
    err_throw_formal(term_compound2(FUNCTOR_domain_error2, term_atom(domain), culprit));
}

_Noreturn void err_existence(atom_t kind, term_t what)
{
    err_throw_formal(term_compound2(FUNCTOR_existence_error2, term_atom(kind), what));
}

_Noreturn void err_permission(atom_t action, atom_t type, term_t culprit)
{
    term_t a[3] = {term_atom(action), term_atom(type), culprit};
    err_throw_formal(term_compound(FUNCTOR_permission_error3, a));
}

_Noreturn void err_representation(atom_t what)
{
    err_throw_formal(term_compound1(FUNCTOR_representation_error1, term_atom(what)));
}

_Noreturn void err_evaluation(atom_t what)
{
    err_throw_formal(term_compound1(FUNCTOR_evaluation_error1, term_atom(what)));
}

_Noreturn void err_resource(atom_t what)
{
    err_throw_formal(term_compound1(FUNCTOR_resource_error1, term_atom(what)));
}

_Noreturn void err_uninstantiation(term_t culprit)
{
    err_throw_formal(term_compound1(FUNCTOR_uninstantiation_error1, culprit));
}

term_t err_need_callable(term_t t)
{
    t = term_deref(t);
    if (term_is_var(t))
        err_instantiation();
    if (!term_is_callable(t))
        err_type(ATOM_callable, t);
    return t;
}

atom_t err_need_atom(term_t t)
{
    t = term_deref(t);
    if (term_is_var(t))
        err_instantiation();
    if (!term_is_atom(t))
        err_type(ATOM_atom_t, t);
    return term_get_atom(t);
}

int64_t err_need_int(term_t t)
{
    t = term_deref(t);
    if (term_is_var(t))
        err_instantiation();
    if (!term_is_integer(t))
        err_type(ATOM_integer, t);
    int64_t v;
    if (!term_get_int64(t, &v))
        err_representation(ATOM_integer);
    return v;
}
