/* gc.c - sliding mark-compact collection of the young heap (see gc.h). */
#include "gc.h"

#include <string.h>
#include <snap.h>

#include "heap.h"
#include "mem.h"
#include "wstack.h"

/* Persistent: the statistics and the registered roots must not be rolled
 * back by a restore. */
struct gc_state {
    struct gc_stats stats;
    term_t *roots[16];
    size_t nroots;
    uint64_t *bits; /* mark bitmap scratch */
    size_t bitcap;  /* in words */
    uint32_t *rank; /* live cells before each bitmap word */
    size_t rankcap;
    struct {
        term_t *lo;
        char *const *top;
    } ranges[2]; /* gc_register_old_range */
    size_t nranges;
};

static struct gc_state *G;

bool gc_init(void)
{
    if (!G)
        G = mem_pzalloc(sizeof *G);
    return G != NULL;
}

void gc_register_root(term_t *root)
{
    if (gc_init() && G->nroots < sizeof G->roots / sizeof G->roots[0])
        G->roots[G->nroots++] = root;
}

void gc_register_old_range(term_t *lo, char *const *top)
{
    if (gc_init() && G->nranges < sizeof G->ranges / sizeof G->ranges[0]) {
        G->ranges[G->nranges].lo = lo;
        G->ranges[G->nranges++].top = top;
    }
}

void gc_get_stats(struct gc_stats *out)
{
    if (gc_init())
        *out = G->stats;
}

/* The collection's view of the young region. */
struct region {
    term_t *lo, *hi;
};

static bool young(const struct region *r, term_t w)
{
    term_t *p = term_ptr(w);
    return term_tag(w) != TAG_ATOM && term_tag(w) != TAG_INT && term_tag(w) != TAG_HDR && p >= r->lo && p < r->hi;
}

static bool marked(const struct region *r, const term_t *p)
{
    size_t i = (size_t)(p - r->lo);
    return G->bits[i / 64] >> (i % 64) & 1;
}

static void set_marks(const struct region *r, const term_t *p, size_t n)
{
    for (size_t i = (size_t)(p - r->lo), e = i + n; i < e; i++)
        G->bits[i / 64] |= (uint64_t)1 << (i % 64);
}

static void mark_from(const struct region *r, struct wstack *s, term_t w)
{
    wstack_push(s, w);
    while (!wstack_empty(s)) {
        w = wstack_pop(s);
        if (!young(r, w))
            continue;
        term_t *p = term_ptr(w);
        if (marked(r, p))
            continue;
        switch (term_tag(w)) {
        case TAG_REF:
            set_marks(r, p, 1);
            wstack_push(s, *p);
            break;
        case TAG_STR: {
            unsigned n = functor_arity(term_functor(w));
            set_marks(r, p, n + 1);
            for (unsigned i = 1; i <= n; i++)
                wstack_push(s, p[i]);
            break;
        }
        default:
            set_marks(r, p, term_box_cells(w));
        }
    }
}

static term_t forward(const struct region *r, term_t w)
{
    if (!young(r, w))
        return w;
    size_t i = (size_t)(term_ptr(w) - r->lo);
    uint64_t below = G->bits[i / 64] & (((uint64_t)1 << (i % 64)) - 1);
    size_t rank = G->rank[i / 64] + (size_t)__builtin_popcountll(below);
    return term_mkptr(r->lo + rank, term_tag(w));
}

/* The first term word of an old region at or after p, below hi: functor
 * headers are stepped over, box payloads by their header. */
static inline term_t *term_word(term_t *p, term_t *hi)
{
    while (p < hi && term_tag(*p) == TAG_HDR)
        p += term_hdr_is_box(*p) ? term_hdr_box_cells(*p) : 1;
    return p;
}

/* Update every pointer word of the old region [lo, hi) (all of it: it is
 * never collected). */
static void update_old(const struct region *r, term_t *lo, term_t *hi)
{
    for (term_t *p = term_word(lo, hi); p < hi; p = term_word(p + 1, hi)) {
        term_t f = forward(r, *p);
        if (f != *p) /* a store to an unchanged old cell would only be logged */
            *p = f;
    }
}

/* Update the live young cells and slide them down, visiting set bits only
 * (a collection costs in proportion to what survives, plus the bitmap). */
static term_t *update_and_slide(const struct region *r, size_t words)
{
    size_t skip_until = 0;
    for (size_t wi = 0; wi < words; wi++)
        for (uint64_t b = G->bits[wi]; b; b &= b - 1) {
            size_t i = wi * 64 + (size_t)__builtin_ctzll(b);
            if (i < skip_until)
                continue;
            term_t w = r->lo[i];
            if (term_tag(w) == TAG_HDR) {
                if (term_hdr_is_box(w))
                    skip_until = i + term_hdr_box_cells(w);
                continue;
            }
            r->lo[i] = forward(r, w);
        }
    term_t *dst = r->lo;
    for (size_t wi = 0; wi < words; wi++)
        for (uint64_t b = G->bits[wi]; b; b &= b - 1)
            *dst++ = r->lo[wi * 64 + (size_t)__builtin_ctzll(b)];
    return dst;
}

static bool ensure_scratch(size_t words)
{
    if (words > G->bitcap) {
        uint64_t *b = mem_prealloc(G->bits, words * sizeof *b);
        if (!b)
            return false;
        G->bits = b;
        G->bitcap = words;
    }
    if (words > G->rankcap) {
        uint32_t *k = mem_prealloc(G->rank, words * sizeof *k);
        if (!k)
            return false;
        G->rank = k;
        G->rankcap = words;
    }
    return true;
}

static void mark_old(const struct region *r, struct wstack *s, term_t *lo, term_t *hi)
{
    for (term_t *p = term_word(lo, hi); p < hi; p = term_word(p + 1, hi))
        if (young(r, *p))
            mark_from(r, s, *p);
}

void gc_collect(char *young_start, term_t **roots, size_t nroots)
{
    struct region r = {(term_t *)young_start, (term_t *)heap_top};
    size_t ncells = (size_t)(r.hi - r.lo), words = (ncells + 63) / 64;
    if (!ncells || !gc_init() || !ensure_scratch(words))
        return; /* no memory for the bitmap: go on uncollected */
    memset(G->bits, 0, words * sizeof *G->bits);
    /* the young cells are rewritten below: none of it is old to any snapshot */
    snap_bump_reclaim((void **)&heap_top, young_start);

    struct wstack s;
    wstack_init(&s);
    for (size_t i = 0; i < nroots; i++)
        mark_from(&r, &s, *roots[i]);
    for (size_t i = 0; i < G->nroots; i++)
        mark_from(&r, &s, *G->roots[i]);
    /* old cells bound since the snapshot may point into the young region */
    term_t *old = (term_t *)heap_start;
    mark_old(&r, &s, old, r.lo);
    for (size_t i = 0; i < G->nranges; i++)
        mark_old(&r, &s, G->ranges[i].lo, (term_t *)*G->ranges[i].top);
    wstack_fini(&s);

    size_t live = 0;
    for (size_t i = 0; i < words; i++) {
        G->rank[i] = (uint32_t)live;
        live += (size_t)__builtin_popcountll(G->bits[i]);
    }

    for (size_t i = 0; i < nroots; i++)
        *roots[i] = forward(&r, *roots[i]);
    for (size_t i = 0; i < G->nroots; i++)
        *G->roots[i] = forward(&r, *G->roots[i]);
    update_old(&r, old, r.lo);
    for (size_t i = 0; i < G->nranges; i++)
        update_old(&r, G->ranges[i].lo, (term_t *)*G->ranges[i].top);
    /* slide down: destinations never pass their sources */
    heap_top = (char *)update_and_slide(&r, words);
    G->stats.collections++;
    G->stats.cells_freed += ncells - live;
}
