/* wstack.h - a work stack of term words for the iterative term walkers
 * (unify, compare, copy), so deep terms never overflow the C stack.
 *
 * It starts in a small array inside the struct (on the caller's C stack) and
 * moves to persistent memory when it outgrows it.  The walkers run between
 * two snapshot operations, so the stack never has to survive a restore; a
 * walk abandoned by an exception leaks at most the grown block.
 */
#ifndef ENGINE_WSTACK_H
#define ENGINE_WSTACK_H
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "heap.h"
#include "mem.h"
#include "term.h"

struct wstack {
    term_t *items;
    size_t n, cap;
    term_t local[128];
};

static inline void wstack_init(struct wstack *s)
{
    s->items = s->local;
    s->n = 0;
    s->cap = sizeof s->local / sizeof s->local[0];
}

static inline void wstack_fini(struct wstack *s)
{
    if (s->items != s->local)
        mem_pfree(s->items);
}

/* Out of memory while walking is a heap-style exhaustion. */
static inline void wstack_grow(struct wstack *s)
{
    size_t cap = s->cap * 2;
    term_t *p = mem_palloc(cap * sizeof *p);
    if (!p)
        heap_overflow(cap);
    memcpy(p, s->items, s->n * sizeof *p);
    wstack_fini(s);
    s->items = p;
    s->cap = cap;
}

static inline void wstack_push(struct wstack *s, term_t t)
{
    if (s->n == s->cap)
        wstack_grow(s);
    s->items[s->n++] = t;
}

/* For a walk over two compounds of the same functor of arity n: push the
 * argument pairs n .. 2 (b's above a's), so that the caller goes on with
 * the first pair and lists walk their tail last. */
static inline void wstack_push_arg_pairs(struct wstack *s, term_t a, term_t b, unsigned n)
{
    for (unsigned i = n; i >= 2; i--) {
        wstack_push(s, term_arg(a, i));
        wstack_push(s, term_arg(b, i));
    }
}

static inline term_t wstack_pop(struct wstack *s) { return s->items[--s->n]; }
static inline bool wstack_empty(const struct wstack *s) { return s->n == 0; }

/* Cyclic terms (X = f(X)) make the plain walks endless.  A walker counts the
 * compounds it visits and, past WALK_CYCLE_STEPS, switches to a cycle-aware
 * mode that remembers the compounds (or pairs of compounds) it has met in a
 * wmap, so that every one is visited once.  Acyclic terms of ordinary size
 * never pay for it. */
#define WALK_CYCLE_STEPS ((size_t)1 << 20)

/* Open addressing from a pair of words (b is 0 for a single key) to a
 * value; in persistent memory, freed by wmap_fini (a walk abandoned by an
 * exception leaks it, as it does a grown wstack). */
struct wmap {
    term_t *keys; /* 2 words a slot, a == 0: empty */
    size_t *vals;
    size_t n, cap;
};

static inline void wmap_init(struct wmap *m)
{
    m->keys = NULL;
    m->vals = NULL;
    m->n = m->cap = 0;
}

static inline void wmap_fini(struct wmap *m)
{
    if (m->keys) {
        mem_pfree(m->keys);
        mem_pfree(m->vals);
    }
    wmap_init(m);
}

static inline size_t wmap_slot(const struct wmap *m, term_t a, term_t b)
{
    size_t h = (size_t)(((a >> 3) * 0x9e3779b97f4a7c15ULL) ^ ((b >> 3) * 0xc2b2ae3d27d4eb4fULL));
    h = (h ^ h >> 29) & (m->cap - 1);
    while (m->keys[2 * h] && (m->keys[2 * h] != a || m->keys[2 * h + 1] != b))
        h = (h + 1) & (m->cap - 1);
    return h;
}

/* The value slot of (a, b), a != 0; *fresh tells whether it was just added
 * (its value is then 0). */
static inline size_t *wmap_get(struct wmap *m, term_t a, term_t b, bool *fresh)
{
    if (2 * (m->n + 1) > m->cap) {
        struct wmap g = {.cap = m->cap ? 2 * m->cap : 1024};
        g.keys = mem_pzalloc(g.cap * 2 * sizeof *g.keys);
        g.vals = mem_pzalloc(g.cap * sizeof *g.vals);
        if (!g.keys || !g.vals)
            heap_overflow(g.cap);
        for (size_t i = 0; i < m->cap; i++)
            if (m->keys[2 * i]) {
                size_t j = wmap_slot(&g, m->keys[2 * i], m->keys[2 * i + 1]);
                g.keys[2 * j] = m->keys[2 * i];
                g.keys[2 * j + 1] = m->keys[2 * i + 1];
                g.vals[j] = m->vals[i];
            }
        g.n = m->n;
        wmap_fini(m);
        *m = g;
    }
    size_t h = wmap_slot(m, a, b);
    *fresh = !m->keys[2 * h];
    if (*fresh) {
        m->keys[2 * h] = a;
        m->keys[2 * h + 1] = b;
        m->n++;
    }
    return &m->vals[h];
}

/* A map of its own in persistent memory, so that a walker keeps only a
 * pointer (NULL until the cycle-aware mode begins) on its fast path. */
static inline struct wmap *wmap_new(void)
{
    struct wmap *m = mem_pzalloc(sizeof *m);
    if (!m)
        heap_overflow(sizeof *m);
    return m;
}

static inline void wmap_free(struct wmap *m)
{
    if (m) {
        wmap_fini(m);
        mem_pfree(m);
    }
}

/* Add (a, b); false when it was there already. */
static inline bool wmap_add(struct wmap *m, term_t a, term_t b)
{
    bool fresh;
    wmap_get(m, a, b, &fresh);
    return fresh;
}

/* Should a walker go into the compound (a, b) (b is 0 for a walk over one
 * term)?  Within the first WALK_CYCLE_STEPS calls always; past them only
 * when the pair is new to *seen (made here on the first such call, freed by
 * the walker with wmap_free): a pair met before is assumed equal
 * (co-inductively), which is what makes the walks end on cyclic terms.
 * walk_seen_new is the part past the budget, out of line: true when (a, b)
 * is new to *seen. */
static __attribute__((noinline, unused)) bool walk_seen_new(struct wmap **seen, term_t a, term_t b)
{
    if (!*seen)
        *seen = wmap_new();
    return wmap_add(*seen, a, b);
}

static inline bool walk_enter(struct wmap **seen, size_t *steps, term_t a, term_t b)
{
    return __builtin_expect((*steps)++ < WALK_CYCLE_STEPS, 1) || walk_seen_new(seen, a, b);
}

/* Walk the list cells from t: the tail dereferenced (TERM_NIL, an unbound
 * variable or another term), with the number of cells in *n; 0 for a cyclic
 * list (L = [a|L]).  Brent's cycle finding: the walk compares each cell
 * with one remembered at the last power of two, so it costs a compare per
 * cell and ends within about three times the length of a cycle. */
static inline term_t walk_list_tail(term_t t, size_t *n)
{
    t = term_deref(t);
    term_t mark = t;
    size_t k = 0, power = 1, since = 0;
    while (term_is_list_cell(t)) {
        t = term_deref(term_arg(t, 2));
        k++;
        if (t == mark) {
            *n = k;
            return 0;
        }
        if (++since == power) {
            mark = t;
            power *= 2;
            since = 0;
        }
    }
    *n = k;
    return t;
}

/* Is t a finite tree?  (A header function so that the writer, built
 * without the rest of the engine in its tests, can use it.) */
static inline bool walk_is_acyclic(term_t t)
{
    struct wstack w;
    wstack_init(&w);
    /* first a plain walk, which ends on every acyclic term: within the step
     * budget, the term is acyclic */
    wstack_push(&w, t);
    size_t steps = 0;
    while (!wstack_empty(&w) && steps < WALK_CYCLE_STEPS) {
        term_t u = term_deref(wstack_pop(&w));
        if (term_is_compound(u)) {
            steps++;
            unsigned n = functor_arity(term_functor(u));
            for (unsigned i = 1; i <= n; i++)
                wstack_push(&w, term_arg(u, i));
        }
    }
    bool acyclic = true;
    if (!wstack_empty(&w)) {
        /* depth first, compounds on the path 1, finished 2: coming back to
         * one on the path is a cycle; the stack holds (compound, next arg) */
        struct wmap state;
        wmap_init(&state);
        bool fresh;
        w.n = 0;
        t = term_deref(t);
        *wmap_get(&state, t, 0, &fresh) = 1;
        wstack_push(&w, t);
        wstack_push(&w, 1);
        while (acyclic && !wstack_empty(&w)) {
            unsigned i = (unsigned)wstack_pop(&w);
            term_t u = wstack_pop(&w);
            if (i > functor_arity(term_functor(u))) {
                *wmap_get(&state, u, 0, &fresh) = 2;
                continue;
            }
            wstack_push(&w, u);
            wstack_push(&w, i + 1);
            term_t c = term_deref(term_arg(u, i));
            if (!term_is_compound(c))
                continue;
            size_t *st = wmap_get(&state, c, 0, &fresh);
            if (*st == 1) {
                acyclic = false;
            } else if (*st == 0) {
                *st = 1;
                wstack_push(&w, c);
                wstack_push(&w, 1);
            }
        }
        wmap_fini(&state);
    }
    wstack_fini(&w);
    return acyclic;
}

#endif
