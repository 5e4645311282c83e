/* reflect.c - what a program may ask about its own predicates:
 * current_predicate/1,2 and predicate_property/2.
 *
 * ISO 8.8.2 current_predicate/1 is about user-defined procedures, and so is
 * the enumeration here: a predicate with clauses, or declared dynamic, that
 * is neither a built-in nor part of the boot library.  As in swipl, a fully
 * specified Name/Arity of a built-in or library predicate also succeeds
 * (swipl: current_predicate(write/1) is true, X/1 does not enumerate it).
 *
 * The enumerators never bind before they know the answer unifies: each
 * candidate is tested against the bound parts first, so a nondeterministic
 * alternative binds only on success (its value: the next index + 1). */
#include "reflect.h"

#include "consult.h"
#include "control.h"
#include "copy.h"
#include "db.h"
#include "error.h"
#include "stdlib/library.h"
#include "unify.h"

/* Loaded from the library (consult_text: file system), not from the user's files. */
static bool from_library(const struct pred *p) { return p->file == ATOM_system; }

/* A predicate the user defined: clauses or a dynamic declaration, not a
 * C built-in, not a control construct, not loaded from the boot text. */
static bool user_defined(const struct pred *p)
{
    if (p->flags & (PRED_BUILTIN | PRED_CONTROL | PRED_SYSTEM))
        return false;
    if (!(p->flags & PRED_DEFINED))
        return false;
    if (from_library(p))
        return false;
    return (p->flags & PRED_DYNAMIC) || p->nlive > 0;
}

/* Known to a call: defined by the user, the library or a built-in. */
static bool visible(const struct pred *p)
{
    if (p->flags & (PRED_BUILTIN | PRED_CONTROL))
        return true;
    return (p->flags & PRED_DEFINED) && ((p->flags & PRED_DYNAMIC) || p->nlive > 0);
}

static bool c_coded(const struct pred *p) { return (p->flags & (PRED_BUILTIN | PRED_CONTROL)) != 0; }

/* The module p belongs to, as swipl names it: system for built-ins and the
 * boot text, the library's own module (lists) for a library predicate,
 * else user (there is one module for programs). */
static atom_t module_of(const struct pred *p)
{
    if (c_coded(p) || from_library(p))
        return ATOM_system;
    atom_t m = lib_module_of_file(p->file);
    return m ? m : ATOM_user;
}

/* t without its module qualifier M: (M an atom or a variable: *m is the
 * atom, or 0 and *mvar the variable; both 0 when there is none). */
static term_t strip_module(term_t t, atom_t *m, term_t *mvar)
{
    *m = 0;
    *mvar = 0;
    t = term_deref(t);
    if (term_is_compound(t) && term_functor(t) == FUNCTOR_colon2) {
        term_t q = term_deref(term_arg(t, 1));
        if (term_is_atom(q)) {
            *m = term_get_atom(q);
            return term_deref(term_arg(t, 2));
        }
        if (term_is_var(q)) {
            *mvar = q;
            return term_deref(term_arg(t, 2));
        }
    }
    return t;
}

/* Is p current in module m?  In user: what a call there reaches (the
 * library once loaded, as swipl imports it); in system: the built-ins; in
 * a library's module: that library's predicates once it is loaded. */
static bool current_in(const struct pred *p, atom_t m)
{
    if (!visible(p))
        return false;
    if (m == ATOM_user)
        return true;
    return module_of(p) == m;
}

/* The most general goal of p: name(_, ..., _). */
static term_t general_goal(const struct pred *p)
{
    unsigned n = functor_arity(p->f);
    if (n == 0)
        return term_atom(functor_name(p->f));
    term_t args[n];
    for (unsigned i = 0; i < n; i++)
        args[i] = term_new_var();
    return term_compound(p->f, args);
}

/* Name/Arity, checked as ISO 8.8.2.3 says: a variable, or a term
 * Name/Arity whose Name is a variable or an atom and whose Arity is a
 * variable or an integer; anything else is type_error(predicate_indicator,
 * culprit), culprit being the argument with its module qualifier. */
static void check_pi(term_t pi, term_t culprit, term_t *name, term_t *arity)
{
    pi = term_deref(pi);
    *name = *arity = 0;
    if (term_is_var(pi))
        return;
    if (!term_is_compound(pi) || term_functor(pi) != FUNCTOR_slash2)
        err_type(atom_from_cstr("predicate_indicator"), culprit);
    term_t n = term_deref(term_arg(pi, 1)), a = term_deref(term_arg(pi, 2));
    if ((!term_is_var(n) && !term_is_atom(n)) || (!term_is_var(a) && !term_is_integer(a)))
        err_type(atom_from_cstr("predicate_indicator"), culprit);
    *name = term_is_var(n) ? 0 : n;
    *arity = term_is_var(a) ? 0 : a;
}

static bool pi_agrees(const struct pred *p, term_t name, term_t arity)
{
    if (name && term_get_atom(name) != functor_name(p->f))
        return false;
    if (arity) {
        int64_t v;
        if (!term_get_int64(arity, &v) || v != (int64_t)functor_arity(p->f))
            return false;
    }
    return true;
}

/* current_predicate(?PI) is nondet; PI may be Module:PI.  Unqualified (or
 * user:) it enumerates the user's predicates and tests any visible one; a
 * library module (lists:append/3) holds that library's predicates once it
 * is loaded; an unbound module is bound to the predicate's. */
static long bi_current_predicate1(term_t *a, long alt)
{
    atom_t m;
    term_t mvar, name, arity;
    term_t pi0 = strip_module(a[0], &m, &mvar);
    check_pi(pi0, a[0], &name, &arity);
    if (name && arity) { /* a test: no enumeration */
        int64_t v;
        if (!term_get_int64(arity, &v) || v < 0)
            return -1;
        struct pred *p = db_lookup(functor_intern(term_get_atom(name), (unsigned)v));
        if (!p || !current_in(p, m ? m : mvar ? module_of(p) : ATOM_user))
            return -1;
        return !mvar || unify(mvar, term_atom(module_of(p))) ? 0 : -1;
    }
    bool more = true;
    for (size_t i = (size_t)alt; more; i++) {
        struct pred *p = db_pred_at(i, &more);
        if (!p || !pi_agrees(p, name, arity))
            continue;
        if (m && m != ATOM_user ? c_coded(p) || !current_in(p, m) : !user_defined(p))
            continue;
        term_t pi = err_pred_indicator(functor_name(p->f), functor_arity(p->f));
        if (!unify(pi0, pi) || (mvar && !unify(mvar, term_atom(module_of(p)))))
            return -1;
        return more ? (long)i + 1 : 0;
    }
    return -1;
}

/* current_predicate(?Name, ?Head) is nondet (swipl's, not ISO): Head is
 * the most general goal of a user predicate called Name.  As in swipl, a
 * Name that is not an atom or a Head that is not callable fails. */
static long bi_current_predicate2(term_t *a, long alt)
{
    term_t name = term_deref(a[0]), head = term_deref(a[1]);
    if ((!term_is_var(name) && !term_is_atom(name)) || (!term_is_var(head) && !term_is_callable(head)))
        return -1;
    if (!term_is_var(head)) { /* a test */
        atom_t hn;
        unsigned ha;
        term_name_arity(head, &hn, &ha);
        struct pred *p = db_lookup(functor_intern(hn, ha));
        if (!p || !visible(p) || (!term_is_var(name) && term_get_atom(name) != hn))
            return -1;
        return unify(name, term_atom(hn)) ? 0 : -1;
    }
    bool more = true;
    for (size_t i = (size_t)alt; more; i++) {
        struct pred *p = db_pred_at(i, &more);
        if (!p || !user_defined(p) || (!term_is_var(name) && term_get_atom(name) != functor_name(p->f)))
            continue;
        if (!unify(name, term_atom(functor_name(p->f))) || !unify(head, general_goal(p)))
            return -1;
        return more ? (long)i + 1 : 0;
    }
    return -1;
}

/* --- predicate_property/2 ------------------------------------------------ */

enum prop {
    PROP_INTERPRETED,
    PROP_VISIBLE,
    PROP_BUILT_IN,
    PROP_FOREIGN,
    PROP_DYNAMIC,
    PROP_STATIC,
    PROP_DISCONTIGUOUS,
    PROP_IMPORTED_FROM,
    PROP_FILE,
    PROP_LINE_COUNT,
    PROP_NUMBER_OF_CLAUSES,
    PROP_NUMBER_OF_RULES,
    PROP_DEFINED,
    PROP_COUNT
};

static size_t count_rules(const struct pred *p)
{
    uint64_t gen = db_generation();
    size_t n = 0;
    for (struct clause *c = db_next_match(p->first, 0, gen); c; c = db_next_match(c->next, 0, gen))
        if (term_deref(term_arg(copy_from_persistent(c->term), 2)) != TERM_TRUE)
            n++;
    return n;
}

/* Property k of p as a term, or 0 when p does not have it.  In swipl's
 * order: interpreted, visible, built_in, foreign, dynamic or static,
 * discontiguous, imported_from, file, line_count, number_of_clauses, number_of_rules,
 * defined.  Library predicates are interpreted and static, not built_in:
 * a program may define its own member/2, as in swipl. */
static term_t property(const struct pred *p, enum prop k)
{
    bool c_code = (p->flags & (PRED_BUILTIN | PRED_CONTROL)) != 0;
    bool consulted = !c_code && p->line > 0 && p->file != ATOM_user && !from_library(p);
    switch (k) {
    case PROP_INTERPRETED:
        return c_code ? 0 : term_atom(atom_from_cstr("interpreted"));
    case PROP_VISIBLE:
        return term_atom(atom_from_cstr("visible"));
    case PROP_BUILT_IN:
        return c_code ? term_atom(atom_from_cstr("built_in")) : 0;
    case PROP_FOREIGN:
        return p->flags & PRED_BUILTIN ? term_atom(atom_from_cstr("foreign")) : 0;
    case PROP_DYNAMIC:
        return p->flags & PRED_DYNAMIC ? term_atom(atom_from_cstr("dynamic")) : 0;
    case PROP_STATIC:
        return p->flags & PRED_DYNAMIC ? 0 : term_atom(atom_from_cstr("static"));
    case PROP_DISCONTIGUOUS:
        return p->flags & PRED_DISCONTIGUOUS ? term_atom(atom_from_cstr("discontiguous")) : 0;
    case PROP_IMPORTED_FROM: {
        atom_t m = module_of(p);
        return m == ATOM_user ? 0 : term_compound1(functor_intern(atom_from_cstr("imported_from"), 1), term_atom(m));
    }
    case PROP_FILE:
        return consulted ? term_compound1(functor_intern(atom_from_cstr("file"), 1), term_atom(p->file)) : 0;
    case PROP_LINE_COUNT:
        return consulted ? term_compound1(functor_intern(atom_from_cstr("line_count"), 1), term_int(p->line)) : 0;
    case PROP_NUMBER_OF_CLAUSES:
        return c_code ? 0 : term_compound1(functor_intern(atom_from_cstr("number_of_clauses"), 1), term_int((int64_t)p->nlive));
    case PROP_NUMBER_OF_RULES:
        return c_code ? 0 : term_compound1(functor_intern(atom_from_cstr("number_of_rules"), 1), term_int((int64_t)count_rules(p)));
    case PROP_DEFINED:
        return term_atom(atom_from_cstr("defined"));
    case PROP_COUNT:
        break;
    }
    return 0;
}

/* Does property k of p match Prop by name and arity (a test that binds
 * nothing: the argument of a compound property is a number or an atom,
 * so unify then either binds a variable or compares)? */
static bool prop_agrees(term_t want, term_t have)
{
    want = term_deref(want);
    if (term_is_var(want))
        return true;
    if (term_is_atom(want) || term_is_atom(have))
        return want == have;
    if (term_functor(want) != term_functor(have))
        return false;
    term_t w = term_deref(term_arg(want, 1));
    return term_is_var(w) || control_unifiable(w, term_arg(have, 1));
}

/* predicate_property(?Head, ?Prop) is nondet (swipl's, not ISO; like
 * swipl it fails, raising nothing, when Head is not callable or Prop is no
 * property).  alt = (predicate index << 4 | property) + 1; with Head bound
 * only its predicate is looked at, autoloaded first if a library exports
 * it (swipl: predicate_property(append(_,_,_), defined) is true before any
 * call).  A module qualifier on Head is accepted and not looked at. */
static long bi_predicate_property(term_t *a, long alt)
{
    atom_t m;
    term_t mvar;
    term_t head = strip_module(a[0], &m, &mvar), want = term_deref(a[1]);
    if (!term_is_var(head) && !term_is_callable(head))
        return -1;
    if (!term_is_var(want) && !term_is_atom(want)
        && !(term_is_compound(want) && functor_arity(term_functor(want)) == 1))
        return -1;
    struct pred *only = NULL;
    if (!term_is_var(head)) {
        atom_t hn;
        unsigned ha;
        term_name_arity(head, &hn, &ha);
        functor_t f = functor_intern(hn, ha);
        only = db_lookup(f);
        if ((!only || !visible(only)) && alt == 0 && consult_autoload(f)) /* as swipl */
            only = db_lookup(f);
        if (!only || !visible(only))
            return -1;
    }
    size_t i = alt ? (size_t)(alt - 1) >> 4 : 0;
    unsigned k = alt ? (unsigned)((alt - 1) & 15) : 0;
    bool more = true;
    for (; more; i++, k = 0) {
        struct pred *p = only ? only : db_pred_at(i, &more);
        if (only)
            more = false;
        if (!p || !visible(p) || (!only && !user_defined(p)))
            continue;
        for (; k < PROP_COUNT; k++) {
            term_t t = property(p, (enum prop)k);
            if (!t || !prop_agrees(a[1], t))
                continue;
            if ((!only && !unify(head, general_goal(p))) || !unify(a[1], t))
                return -1;
            /* the next candidate: a later property of p, else the next predicate */
            return (long)((i << 4) | (k + 1)) + 1;
        }
    }
    return -1;
}

/* The control constructs the solve loop runs itself (engine/solve.c) have
 * no built-in of their own; their database entries are marked here, so
 * that reflection sees them as built-in (predicate_property(once(_),
 * built_in)), a program cannot redefine them, and the toplevel knows them
 * as defined. */
static void mark_control(void)
{
    static const struct {
        const char *name;
        unsigned arity;
    } cc[] = {{"true", 0},  {"fail", 0},  {"false", 0},  {"!", 0},       {",", 2},      {";", 2},
              {"->", 2},    {"*->", 2},   {"\\+", 1},   {"not", 1},     {"call", 1},   {"call", 2},
              {"call", 3},  {"call", 4},  {"call", 5},   {"call", 6},    {"call", 7},   {"call", 8},
              {"catch", 3}, {":", 2},     {"findall", 3}, {"findall", 4}, {"forall", 2}, {"ignore", 1},
              {"once", 1}};
    for (size_t i = 0; i < sizeof cc / sizeof cc[0]; i++) {
        struct pred *p = db_get(functor_intern(atom_from_cstr(cc[i].name), cc[i].arity));
        if (p)
            p->flags |= PRED_CONTROL | PRED_SYSTEM;
    }
}

void reflect_register(void)
{
    mark_control();
    db_register_nondet("current_predicate", 1, bi_current_predicate1);
    db_register_nondet("current_predicate", 2, bi_current_predicate2);
    db_register_nondet("predicate_property", 2, bi_predicate_property);
}
