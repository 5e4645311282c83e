/* vset.c - sets of terms up to variance that backtracking does not undo,
 * for distinct/1,2 (library(solution_sequences)) and tabling's tables of
 * calls and of answers (library(tabling)):
 *
 *   '$vset_new'(-Set)        a new empty set (a small integer handle)
 *   '$vset_add'(+Set, @Term) semidet: adds a copy of Term, or fails when a
 *                            variant of Term is in the set already
 *   '$vset_index'(+Set, @Term, -I, -New)  det: I is the position (from 0,
 *                            in the order added) of Term's variant in the
 *                            set, added if it was not there (New true) or
 *                            found (New false)
 *   '$vset_has'(+Set, @Term) semidet: a variant of Term is a member
 *   '$vset_size'(+Set, -N)   det: how many members
 *   '$vset_list'(+Set, +From, -List)  det: fresh copies of the members from
 *                            position From on, in the order added
 *   '$vset_nth'(+Set, +I, -Term)  semidet: a fresh copy of the member at
 *                            position I; fails when there is none (yet)
 *   '$vset_free'(+Set)       det: the set and its copies are freed
 *
 * and term_hash/2, from the same hash of a term's shape: for a ground term
 * an integer in [0, 2^31) that == terms share (not swipl's numbers), for
 * any other the hash is left unbound, as in swipl.
 *
 * A set lives in persistent memory, like the database: a solution found,
 * then backtracked over, stays recorded, which is what distinct needs.
 * Each member is kept as a persistent copy (copy.h), in an open-addressed
 * table keyed on a hash of the term's shape that ignores which variable is
 * which, so variants hash alike.  Two copies of variants are usually the
 * same cells word for word (the copy numbers variables by first
 * occurrence); when they are not (a large term whose copy shares
 * subterms), the member is brought back to the heap and compared with =@=.
 */
#include "vset.h"

#include <stdint.h>
#include <string.h>

#include "engine/copy.h"
#include "engine/db.h"
#include "engine/error.h"
#include "engine/mem.h"
#include "engine/unify.h"
#include "engine/wstack.h"
#include "lists.h"

struct vmember {
    uint64_t hash;
    struct pterm *copy; /* NULL: an empty slot */
    size_t pos;         /* in order[] */
};

struct vset {
    struct vmember *slots;
    size_t n, cap;        /* members, slots (a power of two) */
    struct pterm **order; /* the members in the order added */
    size_t ocap;
};

/* Persistent: the sets by handle; a freed handle is reused.  The pointer
 * is set at registration, before any snapshot, so no restore resets it. */
static struct vsets {
    struct vset **v;
    size_t n, cap;
} *V;

/* The hash looks at this many nodes at most: enough to tell terms apart,
 * and a cyclic term's walk ends. */
#define VSET_HASH_NODES 4096

static uint64_t mix(uint64_t h, uint64_t w)
{
    h ^= w + 0x9e3779b97f4a7c15u + (h << 6) + (h >> 2);
    return h * 0xff51afd7ed558ccdu;
}

static uint64_t shape_hash(term_t t)
{
    struct wstack w;
    wstack_init(&w);
    wstack_push(&w, t);
    uint64_t h = 0x5bd1e995u;
    for (size_t nodes = 0; !wstack_empty(&w) && nodes < VSET_HASH_NODES; nodes++) {
        term_t x = term_deref(wstack_pop(&w));
        switch (term_tag(x)) {
        case TAG_REF:
            h = mix(h, 0x76617221u); /* any variable */
            break;
        case TAG_ATOM:
        case TAG_INT:
            h = mix(h, x);
            break;
        case TAG_STR: {
            term_t hdr = *term_ptr(x);
            h = mix(h, hdr);
            for (unsigned i = functor_arity(term_functor(x)); i >= 1; i--)
                wstack_push(&w, term_arg(x, i));
            break;
        }
        default: { /* a box: its cells, header included */
            const term_t *c = term_ptr(x);
            for (size_t i = 0, n = term_box_cells(x); i < n; i++)
                h = mix(h, c[i]);
            break;
        }
        }
    }
    wstack_fini(&w);
    return h;
}

static struct vset *need_set(term_t t)
{
    int64_t k = err_need_int(t);
    if (!V || k < 0 || (size_t)k >= V->n || !V->v[k])
        err_existence(atom_from_cstr("variant_set"), term_deref(t));
    return V->v[k];
}

/* Is the member c a variant of t (whose copy is tc)? */
static bool same(const struct pterm *c, const struct pterm *tc, term_t t)
{
    if (c->ncells == tc->ncells && c->nvars == tc->nvars &&
        !memcmp(c->cells, tc->cells, c->ncells * sizeof(term_t)))
        return true;
    return term_variant(copy_from_persistent(c), t);
}

static bool grow(struct vset *s)
{
    size_t cap = s->cap ? s->cap * 2 : 64;
    struct vmember *slots = mem_pzalloc(cap * sizeof *slots);
    if (!slots)
        return false;
    for (size_t i = 0; i < s->cap; i++) {
        if (!s->slots[i].copy)
            continue;
        size_t j = s->slots[i].hash & (cap - 1);
        while (slots[j].copy)
            j = (j + 1) & (cap - 1);
        slots[j] = s->slots[i];
    }
    mem_pfree(s->slots);
    s->slots = slots;
    s->cap = cap;
    return true;
}

/* An array of *cap elements of size elem, grown to twice as many (init at
 * first); out of memory is resource_error(memory). */
static void *grow_array(void *p, size_t *cap, size_t init, size_t elem)
{
    size_t c = *cap ? *cap * 2 : init;
    void *q = mem_prealloc(p, c * elem);
    if (!q)
        err_resource(ATOM_memory);
    *cap = c;
    return q;
}

static bool bi_vset_new(term_t *a)
{
    if (!V)
        err_resource(ATOM_memory);
    size_t k = 0;
    while (k < V->n && V->v[k])
        k++;
    if (k == V->cap)
        V->v = grow_array(V->v, &V->cap, 16, sizeof *V->v);
    struct vset *s = mem_pzalloc(sizeof *s);
    if (!s)
        err_resource(ATOM_memory);
    V->v[k] = s;
    if (k == V->n)
        V->n++;
    return unify(a[0], term_int((int64_t)k));
}

/* Find t's variant in s, or add it: its position, *added telling which. */
static size_t find_or_add(struct vset *s, term_t t, bool *added)
{
    if (2 * (s->n + 1) > s->cap && !grow(s))
        err_resource(ATOM_memory);
    if (s->n == s->ocap)
        s->order = grow_array(s->order, &s->ocap, 64, sizeof *s->order);
    uint64_t h = shape_hash(t);
    struct pterm *tc = copy_to_persistent(t);
    if (!tc)
        err_resource(ATOM_memory);
    size_t j = h & (s->cap - 1);
    for (; s->slots[j].copy; j = (j + 1) & (s->cap - 1)) {
        if (s->slots[j].hash == h && same(s->slots[j].copy, tc, t)) {
            copy_free(tc);
            *added = false;
            return s->slots[j].pos;
        }
    }
    s->slots[j].hash = h;
    s->slots[j].copy = tc;
    s->slots[j].pos = s->n;
    s->order[s->n] = tc;
    *added = true;
    return s->n++;
}

static bool bi_vset_add(term_t *a)
{
    bool added;
    find_or_add(need_set(a[0]), a[1], &added);
    return added;
}

static bool bi_vset_index(term_t *a)
{
    bool added;
    size_t i = find_or_add(need_set(a[0]), a[1], &added);
    return unify(a[2], term_int((int64_t)i)) && unify(a[3], term_atom(added ? ATOM_true : ATOM_false));
}

static bool bi_vset_has(term_t *a)
{
    struct vset *s = need_set(a[0]);
    if (!s->n)
        return false;
    uint64_t h = shape_hash(a[1]);
    struct pterm *tc = copy_to_persistent(a[1]);
    if (!tc)
        err_resource(ATOM_memory);
    bool found = false;
    for (size_t j = h & (s->cap - 1); s->slots[j].copy && !found; j = (j + 1) & (s->cap - 1))
        found = s->slots[j].hash == h && same(s->slots[j].copy, tc, a[1]);
    copy_free(tc);
    return found;
}

static bool bi_vset_size(term_t *a) { return unify(a[1], term_int((int64_t)need_set(a[0])->n)); }

static bool bi_vset_nth(term_t *a)
{
    struct vset *s = need_set(a[0]);
    int64_t i = err_need_int(a[1]);
    if (i < 0 || (size_t)i >= s->n)
        return false;
    return unify(a[2], copy_from_persistent(s->order[i]));
}

static bool bi_vset_list(term_t *a)
{
    struct vset *s = need_set(a[0]);
    int64_t from = err_need_int(a[1]);
    term_t list = TERM_NIL;
    for (size_t i = s->n; i > (size_t)(from < 0 ? 0 : from); i--)
        list = term_cons(copy_from_persistent(s->order[i - 1]), list);
    return unify(a[2], list);
}

static bool bi_vset_free(term_t *a)
{
    struct vset *s = need_set(a[0]);
    for (size_t i = 0; i < s->cap; i++)
        if (s->slots[i].copy)
            copy_free(s->slots[i].copy);
    mem_pfree(s->slots);
    mem_pfree(s->order);
    mem_pfree(s);
    V->v[err_need_int(a[0])] = NULL;
    return true;
}

static bool bi_term_hash(term_t *a)
{
    if (!copy_is_ground(a[0]))
        return true;
    return unify(a[1], term_int((int64_t)(shape_hash(a[0]) >> 33)));
}

void vset_register(void)
{
    V = mem_pzalloc(sizeof *V);
    db_register_det("$vset_new", 1, bi_vset_new);
    db_register_det("$vset_add", 2, bi_vset_add);
    db_register_det("$vset_index", 4, bi_vset_index);
    db_register_det("$vset_has", 2, bi_vset_has);
    db_register_det("$vset_size", 2, bi_vset_size);
    db_register_det("$vset_list", 3, bi_vset_list);
    db_register_det("$vset_nth", 3, bi_vset_nth);
    db_register_det("$vset_free", 1, bi_vset_free);
    db_register_det("term_hash", 2, bi_term_hash);
}
