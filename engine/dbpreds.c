/* dbpreds.c - assert, retract, clause and declarations on the clause database. */
#include "dbpreds.h"

#include <snap.h>
#include <stdint.h>

#include "control.h"
#include "copy.h"
#include "db.h"
#include "error.h"
#include "solve.h"
#include "stdlib/cyclic.h"
#include "unify.h"

/* Sentinel passed through snap_restore when no clause is left to try. */
#define NO_MORE 1

static term_t pi_of(term_t head)
{
    atom_t name;
    unsigned arity;
    term_name_arity(head, &name, &arity);
    return err_pred_indicator(name, arity);
}

static functor_t functor_of(term_t head)
{
    atom_t name;
    unsigned arity;
    term_name_arity(head, &name, &arity);
    return arity ? term_functor(head) : functor_intern(name, 0);
}

/* A body variable X becomes call(X), so cut inside stays local (ISO 7.6.2). */
static term_t body_convert(term_t b)
{
    b = term_deref(b);
    if (term_is_var(b))
        return term_compound1(FUNCTOR_call1, b);
    if (term_is_compound(b)) {
        functor_t f = term_functor(b);
        if (f == FUNCTOR_comma2 || f == FUNCTOR_semicolon2 || f == FUNCTOR_arrow2 || f == FUNCTOR_softarrow2)
            return term_compound2(f, body_convert(term_arg(b, 1)), body_convert(term_arg(b, 2)));
    }
    if (!term_is_callable(b))
        err_type(ATOM_callable, b);
    return b;
}

term_t dbpreds_body(term_t body) { return body_convert(body); }

/* Module:Term, with one module: Term (a qualified clause or head names
 * the same predicate as the bare one). */
static term_t unqualified(term_t t)
{
    t = term_deref(t);
    while (term_is_compound(t) && term_functor(t) == FUNCTOR_colon2 && term_is_atom(term_deref(term_arg(t, 1))))
        t = term_deref(term_arg(t, 2));
    return t;
}

void dbpreds_split(term_t clause, term_t *head, term_t *body)
{
    term_t c = unqualified(clause);
    if (term_is_var(c))
        err_instantiation();
    if (term_is_compound(c) && term_functor(c) == FUNCTOR_neck2) {
        *head = unqualified(term_arg(c, 1));
        *body = term_deref(term_arg(c, 2));
    } else {
        *head = c;
        *body = TERM_TRUE;
    }
    if (term_is_var(*head))
        err_instantiation();
    if (!term_is_callable(*head))
        err_type(ATOM_callable, *head);
}

static bool do_assert(term_t clause, bool at_end)
{
    term_t head, body;
    dbpreds_split(clause, &head, &body);
    cyclic_need_acyclic(clause);
    body = body_convert(body);
    struct pred *p = db_get(functor_of(head));
    if (!p)
        err_resource(ATOM_memory);
    if ((p->flags & (PRED_SYSTEM | PRED_CONTROL)) || ((p->flags & PRED_DEFINED) && !(p->flags & PRED_DYNAMIC)))
        err_permission(ATOM_modify, ATOM_static_procedure, pi_of(head));
    p->flags |= PRED_DYNAMIC | PRED_DEFINED;
    if (!db_add(head, body, at_end, 0))
        err_resource(ATOM_memory);
    return true;
}

/* assert(+Clause), assertz(+Clause), asserta(+Clause) are det. */
static bool bi_assertz(term_t *a) { return do_assert(a[0], true); }
static bool bi_asserta(term_t *a) { return do_assert(a[0], false); }

/* The predicate a head names, for reading or retracting: NULL when unknown;
 * permission errors for built-ins, and for retract also static ones. */
static struct pred *access_pred(term_t head, bool modify)
{
    struct pred *p = db_lookup(functor_of(head));
    if (!p)
        return NULL;
    if (p->flags & (PRED_SYSTEM | PRED_CONTROL))
        err_permission(modify ? ATOM_modify : ATOM_access, ATOM_private_procedure, pi_of(head));
    if (modify && (p->flags & PRED_DEFINED) && !(p->flags & PRED_DYNAMIC))
        err_permission(ATOM_modify, ATOM_static_procedure, pi_of(head));
    return p;
}

static struct clause *next_live(struct clause *c, term_t key)
{
    return db_next_match(c, key, db_generation());
}

/* Where retract/1 and clause/2 stand among the candidates of Head: a
 * clause of the list, or with the low bit set a slot of the switch's run
 * for Head's key (db_candidates); 0 when none is left.  Visible at (gen),
 * the generation of the call's start (the logical update view). */
static long first_cand(struct pred *p, term_t key, uint64_t gen)
{
    struct clause **s = key && p->nlive >= DB_INDEX_MIN ? db_candidates(p, key) : NULL;
    if (s) {
        s = db_next_slot(s, gen);
        return s ? (long)s | 1 : 0;
    }
    return (long)db_next_match(p->first, key, gen);
}

static long next_cand(long at, term_t key, uint64_t gen)
{
    if (at & 1) {
        struct clause **s = db_next_slot((struct clause **)(at & ~1L) + 1, gen);
        return s ? (long)s | 1 : 0;
    }
    return (long)db_next_match(((struct clause *)at)->next, key, gen);
}

static struct clause *cand_clause(long at) { return at & 1 ? *(struct clause **)(at & ~1L) : (struct clause *)at; }

/* Try the candidates from (at) on against Head :- Body, each under a
 * local snapshot so a failed match leaves no binding.  Returns the
 * matching clause (its bindings kept) with its place in *where, or NULL.
 * A clause retracted since the call started is still seen, as in swipl
 * (retract/1 then succeeds without retracting it again). */
static struct clause *match_clause(long at, term_t head, term_t body, uint64_t gen, long *where)
{
    term_t key = db_key(head);
    snap_id id;
    long v = snap_take(&id);
    if (v == -1)
        err_resource(ATOM_memory);
    if (v != 0)
        at = v == NO_MORE ? 0 : v;
    for (; at; at = next_cand(at, key, gen)) {
        struct clause *c = cand_clause(at);
        term_t cl = copy_from_persistent(c->term);
        if (unify(head, term_arg(cl, 1)) && unify(body, term_arg(cl, 2))) {
            snap_drop(id);
            *where = at;
            return c;
        }
        long n = next_cand(at, key, gen);
        snap_restore(id, n ? n : NO_MORE);
    }
    snap_drop(id);
    return NULL;
}

/* retract(+Clause) is nondet. */
static long bi_retract(term_t *a, long alt)
{
    term_t head, body;
    dbpreds_split(a[0], &head, &body);
    struct pred *p = access_pred(head, true);
    if (!p)
        return -1;
    term_t key = db_key(head); /* before the match binds the head */
    uint64_t gen = solve_builtin_generation();
    long at = alt ? alt : first_cand(p, key, gen), where;
    struct clause *c = at ? match_clause(at, head, body, gen, &where) : NULL;
    if (!c)
        return -1;
    db_retract(c);
    long n = next_cand(where, key, gen);
    return n ? n : 0;
}

/* clause(+Head, ?Body) is nondet. */
static long bi_clause(term_t *a, long alt)
{
    term_t head = term_deref(a[0]), body = term_deref(a[1]);
    if (term_is_var(head))
        err_instantiation();
    if (!term_is_callable(head))
        err_type(ATOM_callable, head);
    if (!term_is_var(body) && !term_is_callable(body))
        err_type(ATOM_callable, body);
    struct pred *p = access_pred(head, false);
    if (!p)
        return -1;
    term_t key = db_key(head); /* before the match binds the head */
    uint64_t gen = solve_builtin_generation();
    long at = alt ? alt : first_cand(p, key, gen), where;
    struct clause *c = at ? match_clause(at, head, body, gen, &where) : NULL;
    if (!c)
        return -1;
    long n = next_cand(where, key, gen);
    return n ? n : 0;
}

/* retractall(+Head) is det. */
static bool bi_retractall(term_t *a)
{
    term_t head = term_deref(a[0]);
    if (term_is_var(head))
        err_instantiation();
    if (!term_is_callable(head))
        err_type(ATOM_callable, head);
    struct pred *p = access_pred(head, true);
    if (!p) {
        p = db_get(functor_of(head));
        if (!p)
            err_resource(ATOM_memory);
        p->flags |= PRED_DYNAMIC | PRED_DEFINED;
        return true;
    }
    p->flags |= PRED_DYNAMIC | PRED_DEFINED;
    term_t key = db_key(head);
    for (struct clause *c = next_live(p->first, key); c; c = next_live(c->next, key)) {
        term_t cl = copy_from_persistent(c->term);
        if (control_unifiable(head, term_arg(cl, 1)))
            db_retract(c);
    }
    return true;
}

/* Name/Arity decoded with the ISO errors. */
/* Name/Arity, or Name//Arity (a grammar rule's: Arity + 2). */
static functor_t need_pi(term_t pi)
{
    pi = unqualified(pi); /* M:Name/Arity: one module */
    if (term_is_var(pi))
        err_instantiation();
    bool dcg = term_is_compound(pi) && term_functor(pi) == functor_intern(atom_from_cstr("//"), 2);
    if (!term_is_compound(pi) || (term_functor(pi) != FUNCTOR_slash2 && !dcg))
        err_type(atom_from_cstr("predicate_indicator"), pi);
    term_t n = term_deref(term_arg(pi, 1)), ar = term_deref(term_arg(pi, 2));
    if (term_is_var(n) || term_is_var(ar))
        err_instantiation();
    if (!term_is_atom(n))
        err_type(ATOM_atom_t, n);
    if (!term_is_integer(ar))
        err_type(ATOM_integer, ar);
    int64_t arity;
    if (!term_get_int64(ar, &arity) || arity < 0)
        err_domain(ATOM_not_less_than_zero, ar);
    return functor_intern(term_get_atom(n), (unsigned)arity + (dcg ? 2 : 0));
}

/* abolish(+PI) is det. */
static bool bi_abolish(term_t *a)
{
    functor_t f = need_pi(a[0]);
    struct pred *p = db_lookup(f);
    if (!p)
        return true;
    if ((p->flags & (PRED_SYSTEM | PRED_CONTROL)) || ((p->flags & PRED_DEFINED) && !(p->flags & PRED_DYNAMIC)))
        err_permission(ATOM_modify, ATOM_static_procedure, term_deref(a[0]));
    db_retract_all(p);
    p->flags &= ~(unsigned)(PRED_DYNAMIC | PRED_DEFINED); /* gone: calls raise existence errors again */
    return true;
}

/* Apply a declaration to each PI of a, (b, c) or [a, b]. */
static void declare(term_t spec, unsigned flags)
{
    spec = term_deref(spec);
    if (term_is_compound(spec) && (term_functor(spec) == FUNCTOR_comma2 || term_functor(spec) == FUNCTOR_dot2)) {
        declare(term_arg(spec, 1), flags);
        declare(term_arg(spec, 2), flags);
        return;
    }
    if (spec == TERM_NIL)
        return;
    struct pred *p = db_get(need_pi(spec));
    if (!p)
        err_resource(ATOM_memory);
    if (p->flags & (PRED_SYSTEM | PRED_CONTROL))
        err_permission(ATOM_modify, ATOM_static_procedure, spec);
    p->flags |= flags;
}

/* multifile(+Specs) is det: clauses may come from several files; the
 * predicate is defined from now on (a call fails rather than raising an
 * existence error), as in swipl.  A reconsult of one of the files still
 * replaces all its clauses, not only that file's. */
static bool bi_multifile(term_t *a)
{
    declare(a[0], PRED_DEFINED);
    return true;
}

/* dynamic(+Specs), discontiguous(+Specs) are det. */
static bool bi_dynamic(term_t *a)
{
    declare(a[0], PRED_DYNAMIC | PRED_DEFINED);
    return true;
}

static bool bi_discontiguous(term_t *a)
{
    declare(a[0], PRED_DISCONTIGUOUS);
    return true;
}

void dbpreds_register(void)
{
    db_register_det("assert", 1, bi_assertz);
    db_register_det("assertz", 1, bi_assertz);
    db_register_det("asserta", 1, bi_asserta);
    db_register_nondet("retract", 1, bi_retract);
    db_register_nondet("clause", 2, bi_clause);
    db_get(functor_intern(atom_from_cstr("retract"), 1))->flags |= PRED_CLAUSE_ITER;
    db_get(functor_intern(atom_from_cstr("clause"), 2))->flags |= PRED_CLAUSE_ITER;
    db_register_det("retractall", 1, bi_retractall);
    db_register_det("abolish", 1, bi_abolish);
    db_register_det("dynamic", 1, bi_dynamic);
    db_register_det("discontiguous", 1, bi_discontiguous);
    db_register_det("multifile", 1, bi_multifile);
}
