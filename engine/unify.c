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

/* The walk over two terms keeps the argument pairs still to unify of the
 * compound pair it is in as a frame in registers: the next a's at pa, the
 * next b's at pb, n of them.  Going into an inner compound pair saves that
 * frame on a stack only when pairs remain (n > 0): a compound in the last
 * argument (a list's tail) reuses it, so lists need no stack, and a pair of
 * structures whose arguments are atoms and variables (zebra's h/5 against
 * h/5) runs without a single store but the bindings. */
struct uframe {
    const term_t *pa, *pb;
    size_t n;
};

#define UFRAMES 32

/* A full stack of n frames: room for 2n, in persistent memory (the walk
 * runs between two snapshot operations, as wstack's).  The caller doubles
 * its count of room (by value: an address taken would put it in memory,
 * and its stores through the barrier's checks, on every call). */
static __attribute__((noinline)) struct uframe *uframes_grow(struct uframe *base, struct uframe *local, size_t n)
{
    struct uframe *p = mem_palloc(2 * n * sizeof *p);
    if (!p)
        heap_overflow(2 * n * sizeof *p / sizeof(term_t));
    memcpy(p, base, n * sizeof *p);
    if (base != local)
        mem_pfree(base);
    return p;
}

/* Not identical words, neither a variable nor a compound: equal only as
 * boxes with the same contents (atoms and small integers are equal only
 * when the words are). */
static inline bool atomic_same(term_t a, term_t b)
{
    unsigned t = term_tag(a);
    return t == term_tag(b) && t != TAG_ATOM && t != TAG_INT && atomic_equal(a, b);
}

/* How a unification went: 1 unified, 0 failed, -1 stopped before binding a
 * variable below the fresh boundary (only with a boundary): at once without
 * a log, when the log is full with one.  Inlined into each entry point, so
 * that the options known there (no occurs check, no boundary) cost nothing. */
static inline __attribute__((always_inline)) int unify_walk(term_t a, term_t b, bool oc, const term_t *fresh,
                                                            struct unify_log *log)
{
    struct uframe local[UFRAMES], *base = local;
    size_t depth = 0, cap = UFRAMES;
    const term_t *pa = NULL, *pb = NULL;
    size_t n = 0;              /* pairs left in the current frame */
    struct wmap *seen = NULL; /* compound pairs assumed equal, past WALK_CYCLE_STEPS */
    size_t steps = 0;
    unsigned nlog = log ? log->n : 0; /* log->n, kept in a register and stored at the end */
    int ok = 1;
    for (;;) {
        a = term_deref(a);
        b = term_deref(b);
        if (a == b) {
            /* identical: nothing to do */
        } else if (term_is_var(a) || term_is_var(b)) {
            /* Bind the younger variable (higher address) to the older
             * term, so a binding never points into newer cells. */
            term_t var = term_is_var(a) && (!term_is_var(b) || a > b) ? a : b;
            term_t val = var == a ? b : a;
            if (fresh && term_ptr(var) < fresh) {
                if (!log || nlog == UNIFY_LOG_CAP) {
                    ok = -1;
                    break;
                }
                log->cells[nlog++] = term_ptr(var);
            }
            if (oc && occurs(var, val)) {
                ok = 0;
                break;
            }
            term_bind(var, val);
        } else if (term_is_compound(a)) {
            term_t h = *term_ptr(a);
            if (!term_is_compound(b) || h != *term_ptr(b)) {
                ok = 0;
                break;
            }
            if (__builtin_expect(steps++ < WALK_CYCLE_STEPS, 1) || walk_seen_new(&seen, a, b)) {
                size_t m = functor_arity((functor_t)(h >> 4));
                if (m) {
                    if (n) {
                        if (depth == cap) {
                            base = uframes_grow(base, local, depth);
                            cap *= 2;
                        }
                        base[depth++] = (struct uframe){pa, pb, n};
                    }
                    pa = term_args(a);
                    pb = term_args(b);
                    n = m;
                }
            }
        } else if (!atomic_same(a, b)) {
            ok = 0;
            break;
        }
        if (!n) {
            if (!depth)
                break;
            struct uframe f = base[--depth];
            pa = f.pa;
            pb = f.pb;
            n = f.n;
        }
        a = *pa++;
        b = *pb++;
        n--;
    }
    if (log)
        log->n = nlog;
    if (base != local)
        mem_pfree(base);
    wmap_free(seen);
    return ok;
}

int unify_fresh(term_t a, term_t b, const void *fresh) { return unify_walk(a, b, false, fresh, NULL); }

int unify_logged(term_t a, term_t b, const void *fresh, struct unify_log *log)
{
    return unify_walk(a, b, false, fresh, log);
}

static __attribute__((noinline)) void log_undo(struct unify_log *log, unsigned to)
{
    /* newest first: a cell bound twice cannot happen (a bound cell is no
     * longer a variable), but the order costs nothing */
    unsigned n = log->n;
    while (n > to) {
        term_t *cell = log->cells[--n];
        *cell = term_mkptr(cell, TAG_REF);
    }
    log->n = n;
}

void unify_log_undo(struct unify_log *log, unsigned to)
{
    /* a third of the calls (zebra's) have nothing to undo: no frame for them */
    if (log->n > to)
        log_undo(log, to);
}

bool unify(term_t a, term_t b) { return unify_walk(a, b, false, NULL, NULL) > 0; }
bool unify_oc(term_t a, term_t b) { return unify_walk(a, b, true, NULL, NULL) > 0; }
