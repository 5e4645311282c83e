/* unify.c - unification of tagged terms, iterative over a work stack. */
#include "unify.h"

#include <string.h>

#include "wstack.h"

bool unify_same_number(term_t a, term_t b)
{
    if (term_tag(a) != term_tag(b))
        return false;
    if (term_is_float(a)) {
        double x = term_get_float(a), y = term_get_float(b);
        /* identical representation: 0.0 and -0.0 differ, a NaN equals itself */
        return memcmp(&x, &y, sizeof x) == 0;
    }
    if (term_is_big(a)) {
        size_t na = term_box_cells(a);
        return na == term_box_cells(b) && memcmp(term_ptr(a) + 1, term_ptr(b) + 1, (na - 1) * 8) == 0;
    }
    return a == b;
}

static bool atomic_equal(term_t a, term_t b)
{
    if (a == b)
        return true;
    if (term_tag(a) != term_tag(b))
        return false;
    switch (term_tag(a)) {
    case TAG_FLT:
    case TAG_BIG:
        return unify_same_number(a, b);
    case TAG_STRG: {
        size_t la, lb;
        const char *sa = term_string_chars(a, &la), *sb = term_string_chars(b, &lb);
        return la == lb && memcmp(sa, sb, la) == 0;
    }
    default:
        return false; /* atoms and small integers are equal only when the words are */
    }
}

/* Does the unbound variable v occur in t? */
static bool occurs(term_t v, term_t t)
{
    struct wstack s;
    wstack_init(&s);
    wstack_push(&s, t);
    struct wmap *seen = NULL; /* compounds visited, past WALK_CYCLE_STEPS */
    size_t steps = 0;
    bool found = false;
    while (!found && !wstack_empty(&s)) {
        t = term_deref(wstack_pop(&s));
        if (t == v) {
            found = true;
        } else if (term_is_compound(t) && walk_enter(&seen, &steps, t, 0)) {
            unsigned n = functor_arity(term_functor(t));
            for (unsigned i = 1; i <= n; i++)
                wstack_push(&s, term_arg(t, i));
        }
    }
    wstack_fini(&s);
    wmap_free(seen);
    return found;
}

/* How a unification went: 1 unified, 0 failed, -1 stopped before binding a
 * variable below the fresh boundary (only with a boundary): at once without
 * a log, when the log is full with one. */
static int unify_walk3(term_t a, term_t b, bool oc, const term_t *fresh, struct unify_log *log)
{
    struct wstack s;
    wstack_init(&s);
    struct wmap *seen = NULL; /* compound pairs assumed equal, past WALK_CYCLE_STEPS */
    size_t steps = 0;
    int ok = 1;
    for (;;) {
        a = term_deref(a);
        b = term_deref(b);
        if (a != b) {
            if (term_is_var(a) || term_is_var(b)) {
                term_t var = term_is_var(a) && (!term_is_var(b) || a > b) ? a : b;
                term_t val = var == a ? b : a;
                if (fresh && term_ptr(var) < fresh) {
                    if (!log || log->n == UNIFY_LOG_CAP) {
                        ok = -1;
                        break;
                    }
                    log->cells[log->n++] = term_ptr(var);
                }
                if (oc && occurs(var, val)) {
                    ok = 0;
                    break;
                }
                term_bind(var, val);
            } else if (term_is_compound(a)) {
                if (!term_is_compound(b) || *term_ptr(a) != *term_ptr(b)) {
                    ok = 0;
                    break;
                }
                if (walk_enter(&seen, &steps, a, b)) {
                    wstack_push_arg_pairs(&s, a, b, functor_arity(term_functor(a)));
                    a = term_arg(a, 1);
                    b = term_arg(b, 1);
                    continue;
                }
            } else if (!atomic_equal(a, b)) {
                ok = 0;
                break;
            }
        }
        if (wstack_empty(&s))
            break;
        b = wstack_pop(&s);
        a = wstack_pop(&s);
    }
    wstack_fini(&s);
    wmap_free(seen);
    return ok;
}

int unify_fresh(term_t a, term_t b, const void *fresh) { return unify_walk3(a, b, false, fresh, NULL); }

int unify_logged(term_t a, term_t b, const void *fresh, struct unify_log *log)
{
    return unify_walk3(a, b, false, fresh, log);
}

void unify_log_undo(struct unify_log *log, unsigned to)
{
    /* newest first: a cell bound twice cannot happen (a bound cell is no
     * longer a variable), but the order costs nothing */
    while (log->n > to) {
        term_t *cell = log->cells[--log->n];
        *cell = term_mkptr(cell, TAG_REF);
    }
}

static bool unify_walk(term_t a, term_t b, bool oc)
{
    struct wstack s;
    wstack_init(&s);
    struct wmap *seen = NULL; /* compound pairs assumed equal, past WALK_CYCLE_STEPS */
    size_t steps = 0;
    bool ok = true;
    for (;;) {
        a = term_deref(a);
        b = term_deref(b);
        if (a != b) {
            if (term_is_var(a) || term_is_var(b)) {
                /* Bind the younger variable (higher address) to the older
                 * term, so a binding never points into newer cells. */
                if (term_is_var(a) && (!term_is_var(b) || a > b)) {
                    if (oc && occurs(a, b)) {
                        ok = false;
                        break;
                    }
                    term_bind(a, b);
                } else {
                    if (oc && occurs(b, a)) {
                        ok = false;
                        break;
                    }
                    term_bind(b, a);
                }
            } else if (term_is_compound(a)) {
                if (!term_is_compound(b) || *term_ptr(a) != *term_ptr(b)) {
                    ok = false;
                    break;
                }
                if (walk_enter(&seen, &steps, a, b)) {
                    wstack_push_arg_pairs(&s, a, b, functor_arity(term_functor(a)));
                    a = term_arg(a, 1);
                    b = term_arg(b, 1);
                    continue;
                }
            } else if (!atomic_equal(a, b)) {
                ok = false;
                break;
            }
        }
        if (wstack_empty(&s))
            break;
        b = wstack_pop(&s);
        a = wstack_pop(&s);
    }
    wstack_fini(&s);
    wmap_free(seen);
    return ok;
}

bool unify(term_t a, term_t b) { return unify_walk(a, b, false); }
bool unify_oc(term_t a, term_t b) { return unify_walk(a, b, true); }
