/* clause.c - compiled clauses: heads matched in place, bodies built (clause.h).
 *
 * A compiled clause has the layout of a struct pterm after a prefix of
 * CL_META words (below): relative STR and box words, headers, atoms and
 * integers as they are, but each variable occurrence is TAG_REF with the
 * variable's number (not a cell offset) and a mark on its first occurrence
 * (CL_FIRST), and nvars is the number of variables.  slots[n] holds what
 * variable n stands for in the current call, from its first occurrence on.
 *
 * Matching recurses on every argument but the last, which it walks in a
 * loop (lists, s(s(...)) chains), so the C stack grows with the nesting of
 * non-last arguments only; cl_compile refuses clauses nested deeper than
 * MAX_DEPTH that way.
 */
#include "clause.h"

#include <string.h>


#include "mem.h"
#include "unify.h"

#define MAX_DEPTH 1000

/* A variable occurrence: its number << 4 | CL_FIRST when it is the first
 * occurrence in the order matching and building visit the clause (head
 * arguments left to right, each depth first, then the body), so the
 * first one stores the slot and a later one reads it: the slots need no
 * clearing per call. */
#define CL_FIRST ((term_t)8)
#define VAR_NO(w) ((size_t)((w) >> 4))

/* A compiled clause's cells start with CL_META words: arity << 32 | nvars,
 * the offset of the head's first argument in the code, the body word; the
 * code (offsets relative to its first cell) follows. */
#define CL_META 3

/* Persistent scratch (a pointer set once by cl_init): its contents need not
 * survive a restore, but its growth must not be rolled back. */
struct cl_scratch {
    term_t *slots;
    size_t cap;
    struct unify_log log; /* older variables a shallow try bound */
};
static struct cl_scratch *X;

bool cl_init(void)
{
    if (!X)
        X = mem_pzalloc(sizeof *X);
    return X != NULL;
}

static inline unsigned hdr_arity(term_t h) { return functor_arity((functor_t)(h >> 4)); }

/* --- compiling ------------------------------------------------------------ */

/* Set CL_FIRST on the first occurrence of each variable in the term at
 * (*w), visited as match and build visit it: the arguments but the last
 * depth first (recursion bounded by MAX_DEPTH), the last by a loop. */
static void mark_first(term_t *base, term_t *w, uint32_t *seen)
{
    for (;;) {
        switch (term_tag(*w)) {
        case TAG_REF:
            if (!seen[VAR_NO(*w)]) {
                seen[VAR_NO(*w)] = 1;
                *w |= CL_FIRST;
            }
            return;
        case TAG_STR: {
            term_t *t = base + (*w >> 3);
            unsigned m = hdr_arity(t[0]);
            for (unsigned j = 1; j < m; j++)
                mark_first(base, &t[j], seen);
            w = &t[m];
            continue;
        }
        default:
            return;
        }
    }
}

struct pterm *cl_compile(const struct pterm *p)
{
    size_t n = p->ncells;
    /* is_hdr: which cells are functor headers (box payloads look like
     * anything, so only a forward scan can tell); var: the number + 1 of
     * the variable whose home cell this is; depth: recursion a match of
     * the structure at this header needs */
    uint32_t *var = mem_pzalloc(n * sizeof *var), *depth = mem_pzalloc(n * sizeof *depth);
    unsigned char *is_hdr = mem_pzalloc(n);
    struct pterm *c = mem_palloc(sizeof *c + (CL_META + n) * sizeof(term_t));
    if (!var || !depth || !is_hdr || !c)
        goto fail;
    unsigned nv = 0;
    term_t *base = c->cells + CL_META;
    for (size_t i = 0; i < n; i++) {
        term_t w = p->cells[i];
        base[i] = w;
        switch (term_tag(w)) {
        case TAG_HDR:
            if (term_hdr_is_box(w)) {
                size_t k = term_hdr_box_cells(w);
                memcpy(&base[i], &p->cells[i], k * sizeof(term_t));
                i += k - 1;
            } else {
                is_hdr[i] = 1;
            }
            break;
        case TAG_REF: {
            size_t home = (size_t)(w >> 3);
            if (home >= n)
                goto fail;
            if (!var[home])
                var[home] = ++nv;
            base[i] = (term_t)(var[home] - 1) << 4 | TAG_REF;
            break;
        }
        default:
            break;
        }
    }
    /* children lie above their parents in a pterm (copy.c allocates a
     * structure's cells when it first visits it), so one backward pass
     * sees every child before its parent */
    uint32_t max = 0;
    for (size_t i = n; i-- > 0;) {
        if (!is_hdr[i])
            continue;
        unsigned m = hdr_arity(p->cells[i]);
        uint32_t d = 0;
        for (unsigned j = 1; j <= m && i + j < n; j++) {
            term_t w = p->cells[i + j];
            if (term_tag(w) != TAG_STR)
                continue;
            uint32_t dj = depth[w >> 3] + (j < m);
            if (dj > d)
                d = dj;
        }
        depth[i] = d;
        if (d > max)
            max = d;
    }
    if (max > MAX_DEPTH)
        goto fail;
    /* mark the first occurrences (var is reused: which variables were seen) */
    memset(var, 0, n * sizeof *var);
    const term_t *nk = base + (base[0] >> 3);
    if (term_tag(nk[1]) == TAG_STR) {
        term_t *h = base + (nk[1] >> 3);
        for (unsigned j = 1, m = hdr_arity(h[0]); j <= m; j++)
            mark_first(base, &h[j], var);
    }
    mark_first(base, (term_t *)&nk[2], var);
    c->ncells = CL_META + n;
    c->nvars = nv;
    /* the prefix: what every call needs, one load away */
    const term_t *neck = base + (base[0] >> 3);
    unsigned arity = term_tag(neck[1]) == TAG_STR ? hdr_arity(base[neck[1] >> 3]) : 0;
    c->cells[0] = (term_t)arity << 32 | nv;
    c->cells[1] = arity ? (neck[1] >> 3) + 1 : 0;
    c->cells[2] = neck[2];
    if (nv > X->cap) {
        term_t *s = mem_prealloc(X->slots, nv * sizeof *s);
        if (!s)
            goto fail;
        X->slots = s;
        X->cap = nv;
    }
    mem_pfree(var);
    mem_pfree(depth);
    mem_pfree(is_hdr);
    return c;
fail:
    mem_pfree(var);
    mem_pfree(depth);
    mem_pfree(is_hdr);
    mem_pfree(c);
    return NULL;
}

/* --- building ------------------------------------------------------------ */

/* Building writes only fresh heap cells (above the top, which no snapshot
 * can see) and the persistent slots, so it runs without the write barrier
 * (snap.h, snap_register_bump): the caller passes the heap top in and
 * stores it back itself, with the barrier.  Nothing here may call the
 * instrumented helpers of term.h and heap.h, which clang would not inline
 * across the attribute: the few it needs are spelled out. */
#define FRESH_ONLY __attribute__((no_sanitize("kernel-address")))

/* What building reads again and again, in locals: the heap top and limit,
 * the variable slots and the functor table (which a store through a
 * term_t pointer could alias, as far as the compiler knows). */
struct hp {
    term_t *top, *limit;
    term_t *slots;
    const struct functor_entry *functors;
};

FRESH_ONLY static inline unsigned fresh_arity(const struct hp *h, term_t hdr) { return h->functors[hdr >> 4].arity; }

FRESH_ONLY static inline term_t *fresh_alloc(struct hp *h, size_t n)
{
    if ((size_t)(h->limit - h->top) < n)
        heap_overflow(n);
    term_t *p = h->top;
    h->top += n;
    return p;
}

FRESH_ONLY static inline term_t ptr_word(const term_t *p, unsigned tag) { return (term_t)(uintptr_t)p | tag; }

FRESH_ONLY static term_t build(const term_t *code, term_t w, struct hp *h);

/* The word for argument (w) of a structure being built into (cell): a
 * variable met for the first time lives in the cell itself. */
FRESH_ONLY static inline term_t arg_word(const term_t *code, term_t w, term_t *cell, struct hp *h)
{
    switch (w & TAG_MASK) {
    case TAG_REF: {
        term_t *s = &h->slots[VAR_NO(w)];
        if (w & CL_FIRST)
            *s = ptr_word(cell, TAG_REF);
        return *s;
    }
    case TAG_ATOM:
    case TAG_INT:
        return w;
    default:
        return build(code, w, h);
    }
}

FRESH_ONLY static term_t build(const term_t *code, term_t w, struct hp *h)
{
    switch (w & TAG_MASK) {
    case TAG_REF: {
        term_t *s = &h->slots[VAR_NO(w)];
        if (w & CL_FIRST) {
            term_t *v = fresh_alloc(h, 1);
            *v = *s = ptr_word(v, TAG_REF);
        }
        return *s;
    }
    case TAG_ATOM:
    case TAG_INT:
        return w;
    case TAG_STR:
        break;
    default: { /* a box: copied whole */
        const term_t *src = code + (w >> 3);
        size_t k = (size_t)(src[0] >> 4);
        term_t *b = fresh_alloc(h, k);
        for (size_t i = 0; i < k; i++)
            b[i] = src[i];
        return ptr_word(b, w & TAG_MASK);
    }
    }
    term_t result, *dst = &result;
    for (;;) {
        const term_t *src = code + (w >> 3);
        unsigned m = fresh_arity(h, src[0]);
        term_t *t = fresh_alloc(h, m + 1);
        t[0] = src[0];
        *dst = ptr_word(t, TAG_STR);
        for (unsigned i = 1; i < m; i++)
            t[i] = arg_word(code, src[i], &t[i], h);
        w = src[m];
        if ((w & TAG_MASK) != TAG_STR) {
            t[m] = arg_word(code, w, &t[m], h);
            return result;
        }
        dst = &t[m]; /* the last argument: a loop, not a recursion */
    }
}

/* build() with the heap top taken and given back by instrumented code. */
static term_t build_on_heap(const term_t *code, term_t w)
{
    struct hp h = {(term_t *)heap_top, (term_t *)heap_limit, X->slots, *functor_entries};
    term_t t = build(code, w, &h);
    heap_top = (char *)h.top;
    return t;
}

term_t cl_body(const struct pterm *code)
{
    return build_on_heap(code->cells + CL_META, code->cells[2]);
}

/* --- matching ------------------------------------------------------------ */

static int match(const term_t *code, term_t w, term_t a, const char *fresh, const struct functor_entry *fe)
{
    for (;;) {
        if (term_tag(w) == TAG_REF) {
            term_t *s = &X->slots[VAR_NO(w)];
            if (w & CL_FIRST) {
                *s = a;
                return 1;
            }
            return fresh ? unify_logged(*s, a, fresh, &X->log) : unify(*s, a);
        }
        a = term_deref(a);
        if (term_is_var(a)) {
            if (fresh && (const char *)term_ptr(a) < fresh) {
                if (X->log.n == UNIFY_LOG_CAP)
                    return -1;
                X->log.cells[X->log.n++] = term_ptr(a);
            }
            term_bind(a, build_on_heap(code, w));
            return 1;
        }
        switch (term_tag(w)) {
        case TAG_ATOM:
        case TAG_INT:
            return a == w;
        case TAG_STR:
            break;
        default: /* a box: equal as unify compares atomic terms (no write) */
            return term_tag(a) == term_tag(w) && unify(term_mkptr(code + (w >> 3), term_tag(w)), a);
        }
        const term_t *src = code + (w >> 3);
        if (!term_is_compound(a) || *term_ptr(a) != src[0])
            return 0;
        unsigned m = fe[src[0] >> 4].arity;
        const term_t *args = term_args(a);
        for (unsigned i = 1; i < m; i++) {
            term_t wi = src[i];
            if (term_tag(wi) == TAG_REF && (wi & CL_FIRST)) { /* a first occurrence: no call */
                X->slots[VAR_NO(wi)] = args[i - 1];
                continue;
            }
            int r = match(code, wi, args[i - 1], fresh, fe);
            if (r <= 0)
                return r;
        }
        w = src[m];
        a = args[m - 1];
    }
}

int cl_match(const struct pterm *code, const term_t *args, const char *fresh)
{
    term_t meta = code->cells[0];
    unsigned m0 = X->log.n;
    unsigned m = (unsigned)(meta >> 32); /* 0: an atom, nothing to match */
    const term_t *base = code->cells + CL_META, *h = base + code->cells[1];
    term_t *slots = X->slots;
    for (unsigned i = 0; i < m; i++) {
        term_t w = h[i];
        /* the common cases inline: a variable's first occurrence takes the
         * argument, an atom or small integer meets a bound one */
        if (term_tag(w) == TAG_REF && (w & CL_FIRST)) {
            slots[VAR_NO(w)] = args[i];
            continue;
        }
        if (term_tag(w) == TAG_ATOM || term_tag(w) == TAG_INT) {
            term_t a = term_deref(args[i]);
            if (a == w)
                continue;
            if (!term_is_var(a)) {
                unify_log_undo(&X->log, m0);
                return 0;
            }
        }
        int r = match(base, w, args[i], fresh, *functor_entries);
        if (r <= 0) {
            unify_log_undo(&X->log, m0);
            return r;
        }
    }
    return 1;
}

unsigned cl_log_mark(void) { return X->log.n; }

int cl_unify_logged(term_t a, term_t b, const char *fresh) { return unify_logged(a, b, fresh, &X->log); }

void cl_undo_to(unsigned mark) { unify_log_undo(&X->log, mark); }

void cl_log_reset(void) { X->log.n = 0; }
