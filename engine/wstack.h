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

static inline term_t wstack_pop(struct wstack *s) { return s->items[--s->n]; }
static inline bool wstack_empty(const struct wstack *s) { return s->n == 0; }

#endif
