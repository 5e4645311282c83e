/* copy.c - copying terms into a relocatable block (layout in copy.h).
 *
 * Source variables are marked while a copy runs by storing, in their own
 * cell, a TAG_HDR word holding the index of their copy; a variable cell never
 * holds a header otherwise, so term_deref stops at the mark.  The marks are
 * taken off before returning: this is local bookkeeping, not a trail.
 */
#include "copy.h"

#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "wstack.h"

/* Scratch block the copy is built in: persistent memory reached through a
 * pointer set once at copy_init, so growing it is never rolled back. */
struct scratch {
    term_t *cells;
    size_t n, cap;
    term_t **marked;
    size_t nmarked, markcap;
};

static struct scratch *S;

bool copy_init(void)
{
    if (!S)
        S = mem_pzalloc(sizeof *S);
    return S != NULL;
}

static size_t scratch_alloc(size_t n)
{
    if (S->n + n > S->cap) {
        size_t cap = S->cap ? S->cap * 2 : 1024;
        while (cap < S->n + n)
            cap *= 2;
        term_t *p = mem_prealloc(S->cells, cap * sizeof *p);
        if (!p)
            heap_overflow(n);
        S->cells = p;
        S->cap = cap;
    }
    size_t k = S->n;
    S->n += n;
    return k;
}

static void mark(term_t *cell)
{
    if (S->nmarked == S->markcap) {
        size_t cap = S->markcap ? S->markcap * 2 : 256;
        term_t **p = mem_prealloc(S->marked, cap * sizeof *p);
        if (!p)
            heap_overflow(cap);
        S->marked = p;
        S->markcap = cap;
    }
    S->marked[S->nmarked++] = cell;
}

static void unmark_all(void)
{
    for (size_t i = 0; i < S->nmarked; i++)
        *S->marked[i] = term_mkptr(S->marked[i], TAG_REF);
    S->nmarked = 0;
}

static term_t rel(size_t k, unsigned tag) { return (term_t)k << 3 | tag; }

/* Copy t into S->cells[0..S->n) with relative pointers; returns nvars.
 * Past WALK_CYCLE_STEPS compounds the copy starts again, mapping every
 * source compound to its copy, so that a cyclic term gets a cyclic copy of
 * its own size (and shared subterms stay shared). */
static unsigned build(term_t t)
{
    struct wstack w;
    wstack_init(&w);
    struct wmap *copies = NULL; /* source compound -> offset of its copy */
    size_t steps = 0;
    unsigned nvars;
    S->nmarked = 0; /* an exhausted copy's marks were undone by the restore */
restart:
    nvars = 0;
    S->n = 0;
    scratch_alloc(1);
    wstack_push(&w, t);
    wstack_push(&w, 0);
    while (!wstack_empty(&w)) {
        size_t dst = (size_t)wstack_pop(&w);
        term_t src = term_deref(wstack_pop(&w));
        term_t out;
        switch (term_tag(src)) {
        case TAG_HDR: /* a variable already copied */
            out = rel((size_t)(src >> 4), TAG_REF);
            break;
        case TAG_REF: /* a new variable: it lives in the slot it was met in */
            out = rel(dst, TAG_REF);
            mark(term_ptr(src));
            *term_ptr(src) = (term_t)dst << 4 | TAG_HDR;
            nvars++;
            break;
        case TAG_ATOM:
        case TAG_INT:
            out = src;
            break;
        case TAG_STR: {
            size_t *copied = NULL;
            if (steps++ >= WALK_CYCLE_STEPS) {
                if (!copies) { /* from the start, with the map */
                    unmark_all();
                    w.n = 0;
                    copies = wmap_new();
                    goto restart;
                }
                bool fresh;
                copied = wmap_get(copies, src, 0, &fresh);
                if (!fresh) {
                    out = rel(*copied, TAG_STR);
                    break;
                }
            }
            unsigned n = functor_arity(term_functor(src));
            size_t k = scratch_alloc(n + 1);
            if (copied)
                *copied = k;
            S->cells[k] = *term_ptr(src);
            for (unsigned i = n; i >= 1; i--) {
                wstack_push(&w, term_arg(src, i));
                wstack_push(&w, k + i);
            }
            out = rel(k, TAG_STR);
            break;
        }
        default: { /* boxes */
            size_t n = term_box_cells(src);
            size_t k = scratch_alloc(n);
            memcpy(&S->cells[k], term_ptr(src), n * sizeof(term_t));
            out = rel(k, term_tag(src));
            break;
        }
        }
        S->cells[dst] = out;
    }
    wstack_fini(&w);
    wmap_free(copies);
    unmark_all();
    return nvars;
}

/* Turn offsets into addresses for a block now at base. */
static void relocate(term_t *base, size_t n)
{
    term_t delta = (term_t)(uintptr_t)base;
    for (size_t i = 0; i < n; i++) {
        term_t w = base[i];
        switch (term_tag(w)) {
        case TAG_HDR:
            if (term_hdr_is_box(w))
                i += term_hdr_box_cells(w) - 1;
            break;
        case TAG_ATOM:
        case TAG_INT:
            break;
        default:
            base[i] = w + delta;
        }
    }
}

struct pterm *copy_to_persistent(term_t t)
{
    unsigned nvars = build(t);
    struct pterm *p = mem_palloc(sizeof *p + S->n * sizeof(term_t));
    if (!p)
        return NULL;
    p->ncells = S->n;
    p->nvars = nvars;
    memcpy(p->cells, S->cells, S->n * sizeof(term_t));
    return p;
}

void copy_free(struct pterm *p) { mem_pfree(p); }

term_t copy_from_persistent(const struct pterm *p)
{
    /* an atomic root needs no heap at all */
    if (p->ncells == 1 && (term_is_atom(p->cells[0]) || term_is_smallint(p->cells[0])))
        return p->cells[0];
    return copy_from_persistent_at(p, heap_alloc(p->ncells));
}

term_t copy_from_persistent_at(const struct pterm *p, term_t *base)
{
    /* copy and relocate in one pass, with plain stores rather than memcpy:
     * the cells are fresh, and an instrumented store to a fresh cell costs
     * one shadow check where the memcpy wrapper would log the range */
    term_t delta = (term_t)(uintptr_t)base;
    const term_t *src = p->cells;
    for (size_t i = 0, n = p->ncells; i < n; i++) {
        term_t w = src[i];
        switch (term_tag(w)) {
        case TAG_ATOM:
        case TAG_INT:
            base[i] = w;
            break;
        case TAG_HDR:
            base[i] = w;
            if (term_hdr_is_box(w)) {
                size_t k = term_hdr_box_cells(w);
                for (size_t j = 1; j < k; j++)
                    base[i + j] = src[i + j];
                i += k - 1;
            }
            break;
        default:
            base[i] = w + delta;
        }
    }
    return base[0];
}

term_t copy_term(term_t t)
{
    t = term_deref(t);
    if (term_is_atomic(t))
        return t;
    build(t);
    term_t *base = heap_alloc(S->n);
    memcpy(base, S->cells, S->n * sizeof(term_t));
    relocate(base, S->n);
    return base[0];
}

bool copy_is_ground(term_t t)
{
    struct wstack w;
    wstack_init(&w);
    wstack_push(&w, t);
    struct wmap *seen = NULL; /* compounds visited, past WALK_CYCLE_STEPS */
    size_t steps = 0;
    bool ground = true;
    while (ground && !wstack_empty(&w)) {
        t = term_deref(wstack_pop(&w));
        if (term_is_var(t)) {
            ground = false;
        } else if (term_is_compound(t) && walk_enter(&seen, &steps, t, 0)) {
            unsigned n = functor_arity(term_functor(t));
            for (unsigned i = 1; i <= n; i++)
                wstack_push(&w, term_arg(t, i));
        }
    }
    wstack_fini(&w);
    wmap_free(seen);
    return ground;
}
