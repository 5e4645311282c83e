/* lists.c - sorting, length, term variables and variants. */
#include "lists.h"

#include <snap.h>
#include <string.h>

#include "engine/compare.h"
#include "engine/copy.h"
#include "engine/db.h"
#include "engine/error.h"
#include "engine/mem.h"
#include "engine/unify.h"
#include "engine/wstack.h"

/* A growable array of terms in persistent memory: it survives the local
 * restores used to unmark variables. */
struct tvec {
    term_t *v;
    size_t n, cap;
};

static void tvec_push(struct tvec *a, term_t t)
{
    if (a->n == a->cap) {
        size_t cap = a->cap ? a->cap * 2 : 64;
        term_t *p = mem_prealloc(a->v, cap * sizeof *p);
        if (!p)
            err_resource(ATOM_memory);
        a->v = p;
        a->cap = cap;
    }
    a->v[a->n++] = t;
}

/* The elements of a proper list into a; type errors for partial or
 * improper lists. */
static void list_to_vec(term_t l, struct tvec *a)
{
    size_t n;
    if (!walk_list_tail(l, &n)) /* cyclic: type_error(list, L), as swipl */
        err_type(ATOM_list, l);
    term_t t = term_deref(l);
    for (; term_is_list_cell(t); t = term_deref(term_arg(t, 2)))
        tvec_push(a, term_arg(t, 1));
    if (term_is_var(t)) {
        mem_pfree(a->v);
        err_instantiation();
    }
    if (t != TERM_NIL) {
        mem_pfree(a->v);
        err_type(ATOM_list, l);
    }
}

/* The list of a's elements ending in tail. */
static term_t vec_to_list_tail(const struct tvec *a, term_t tail)
{
    term_t l = tail;
    for (size_t i = a->n; i-- > 0;)
        l = term_cons(a->v[i], l);
    return l;
}

static term_t vec_to_list(const struct tvec *a)
{
    return vec_to_list_tail(a, TERM_NIL);
}

/* How a sort compares: by the whole element (key 0) or its argument key,
 * ascending or descending. */
struct sort_by {
    unsigned key;
    bool descending;
};

static int sort_cmp(term_t a, term_t b, const struct sort_by *by)
{
    if (by->key) {
        a = term_arg(term_deref(a), by->key);
        b = term_arg(term_deref(b), by->key);
    }
    int c = compare_terms(a, b);
    return by->descending ? -c : c;
}

/* Stable merge sort of v[0..n-1]. */
static void merge_sort(term_t *v, term_t *tmp, size_t n, const struct sort_by *by)
{
    if (n < 2)
        return;
    size_t h = n / 2;
    merge_sort(v, tmp, h, by);
    merge_sort(v + h, tmp, n - h, by);
    if (sort_cmp(v[h], v[h - 1], by) >= 0)
        return; /* already in order: sorted input costs one compare a merge */
    size_t i = 0, j = h, k = 0;
    while (i < h && j < n)
        tmp[k++] = sort_cmp(v[j], v[i], by) < 0 ? v[j++] : v[i++];
    while (i < h)
        tmp[k++] = v[i++];
    memcpy(v, tmp, k * sizeof *v);
}

/* The element check of a keyed sort: p must have argument key (a Key-Value
 * pair when pairs: keysort/2). */
static void check_keyed(term_t p, const struct sort_by *by, bool pairs)
{
    p = term_deref(p);
    if (term_is_var(p))
        err_instantiation();
    if (pairs) {
        if (!term_is_compound(p) || term_functor(p) != FUNCTOR_minus2)
            err_type(atom_from_cstr("pair"), p);
        return;
    }
    if (!term_is_compound(p))
        err_type(ATOM_compound, p);
    if (functor_arity(term_functor(p)) < by->key)
        err_throw_formal(term_compound(functor_intern(atom_from_cstr("existence_error"), 3),
                                       (term_t[]){term_atom(atom_from_cstr("argument")), term_smallint(by->key), p}));
}

/* Sort the list a[0] into a[1]; dedup drops elements equal (by key) to the
 * one before. */
static bool sort_list(term_t *a, const struct sort_by *by, bool pairs, bool dedup)
{
    struct tvec v = {0};
    list_to_vec(a[0], &v);
    /* v is persistent memory: free it before an error escapes */
    if (by->key)
        for (size_t i = 0; i < v.n; i++) {
            term_t p = term_deref(v.v[i]);
            bool bad = term_is_var(p) || !term_is_compound(p) ||
                       (pairs ? term_functor(p) != FUNCTOR_minus2 : functor_arity(term_functor(p)) < by->key);
            if (bad) {
                mem_pfree(v.v);
                check_keyed(p, by, pairs);
            }
        }
    term_t *tmp = mem_palloc((v.n + 1) * sizeof *tmp);
    if (!tmp) {
        mem_pfree(v.v);
        err_resource(ATOM_memory);
    }
    merge_sort(v.v, tmp, v.n, by);
    mem_pfree(tmp);
    if (dedup && v.n) {
        size_t k = 1;
        for (size_t i = 1; i < v.n; i++)
            if (sort_cmp(v.v[i], v.v[k - 1], by) != 0)
                v.v[k++] = v.v[i];
        v.n = k;
    }
    term_t l = vec_to_list(&v);
    mem_pfree(v.v);
    return unify(a[1], l);
}

/* msort(+List, -Sorted), sort(+List, -Sorted), keysort(+Pairs, -Sorted) are det. */
static bool bi_msort(term_t *a) { return sort_list(a, &(struct sort_by){0, false}, false, false); }
static bool bi_sort(term_t *a) { return sort_list(a, &(struct sort_by){0, false}, false, true); }
static bool bi_keysort(term_t *a) { return sort_list(a, &(struct sort_by){1, false}, true, false); }

/* sort(+Key, +Order, +List, -Sorted) is det: by the whole term (Key 0) or
 * argument Key; Order @< and @> drop elements with equal keys (the first
 * stays), @=< and @>= keep them in their order (stable). */
static bool bi_sort4(term_t *a)
{
    int64_t key = err_need_int(a[0]);
    if (key < 0) /* swipl's name for it, though 0 is allowed */
        err_domain(atom_from_cstr("not_less_than_one"), a[0]);
    const char *n = atom_name(err_need_atom(a[1]));
    bool desc, dedup;
    if (!strcmp(n, "@<"))
        desc = false, dedup = true;
    else if (!strcmp(n, "@=<"))
        desc = false, dedup = false;
    else if (!strcmp(n, "@>"))
        desc = true, dedup = true;
    else if (!strcmp(n, "@>="))
        desc = true, dedup = false;
    else
        err_domain(atom_from_cstr("order"), a[1]);
    struct sort_by by = {(unsigned)key, desc};
    return sort_list(a + 2, &by, false, dedup);
}

/* length(?List, ?N) is nondet when both are partial. alt: next length + 1. */
static long bi_length(term_t *a, long alt)
{
    size_t cells;
    term_t t = walk_list_tail(a[0], &cells);
    if (!t) /* a cyclic list */
        err_type(ATOM_list, a[0]);
    int64_t k = (int64_t)cells;
    term_t n = term_deref(a[1]);
    if (t == TERM_NIL)
        return unify(n, term_int(k)) ? 0 : -1;
    if (!term_is_var(t))
        err_type(ATOM_list, a[0]);
    if (!term_is_var(n)) {
        int64_t want = err_need_int(n);
        if (want < 0)
            err_domain(ATOM_not_less_than_zero, n);
        if (want < k)
            return -1;
        term_t l = TERM_NIL;
        for (int64_t i = k; i < want; i++)
            l = term_cons(term_new_var(), l);
        return unify(t, l) ? 0 : -1;
    }
    if (alt == ND_PROBE) /* a partial list and a variable: more than one answer */
        return ND_PROBE;
    int64_t extra = alt ? alt - 1 : 0;
    term_t l = TERM_NIL;
    for (int64_t i = 0; i < extra; i++)
        l = term_cons(term_new_var(), l);
    if (!unify(t, l) || !unify(n, term_int(k + extra)))
        return -1;
    return (long)extra + 2;
}

/* The unbound variables of t in depth-first, left-to-right order, each once,
 * into the empty vector out. */
static void collect_vars(term_t t, struct tvec *out)
{
    /* mark found variables by binding them to a marker under a local
     * snapshot, then restore: the list, and its header, live in persistent
     * memory (the restore rolls back the C stack segment, out included) */
    struct tvec *found = mem_pzalloc(sizeof *found);
    if (!found)
        err_resource(ATOM_memory);
    snap_id id;
    long v = snap_take(&id);
    if (v == -1)
        err_resource(ATOM_memory);
    if (v == 0) {
        struct wstack s;
        wstack_init(&s);
        wstack_push(&s, t);
        struct wmap *seen = NULL; /* compounds visited, past WALK_CYCLE_STEPS */
        size_t steps = 0;
        term_t mark = term_atom(ATOM_s_frame);
        while (!wstack_empty(&s)) {
            term_t x = term_deref(wstack_pop(&s));
            if (term_is_var(x)) {
                tvec_push(found, x);
                term_bind(x, mark);
            } else if (term_is_compound(x) && walk_enter(&seen, &steps, x, 0)) {
                for (unsigned i = functor_arity(term_functor(x)); i >= 1; i--)
                    wstack_push(&s, term_arg(x, i));
            }
        }
        wstack_fini(&s);
        wmap_free(seen); /* persistent: the restore would not free it */
        snap_restore(id, 1);
    }
    snap_drop(id);
    *out = *found;
    mem_pfree(found);
}

/* term_variables(+T, -Vars) is det. */
static bool bi_term_variables(term_t *a)
{
    struct tvec v = {0};
    collect_vars(a[0], &v);
    term_t l = vec_to_list(&v);
    mem_pfree(v.v);
    return unify(a[1], l);
}

/* term_variables(+T, -Vars, ?Tail) is det: Vars is the variables of T
 * ending in Tail. */
static bool bi_term_variables3(term_t *a)
{
    struct tvec v = {0};
    collect_vars(a[0], &v);
    term_t l = vec_to_list_tail(&v, a[2]);
    mem_pfree(v.v);
    return unify(a[1], l);
}

static bool in_vec(const struct tvec *v, term_t x)
{
    for (size_t i = 0; i < v->n; i++)
        if (v->v[i] == x)
            return true;
    return false;
}

/* '$free_variables'(+Template, +Goal, -Witness, -Stripped): the variables of
 * Goal not in Template nor bound by V^ as '$w'(V1, ...). */
static bool bi_free_variables(term_t *a)
{
    term_t g = term_deref(a[1]);
    term_t bound = a[0];
    while (term_is_compound(g) && term_functor(g) == FUNCTOR_hat2) {
        bound = term_compound2(FUNCTOR_minus2, bound, term_arg(g, 1));
        g = term_deref(term_arg(g, 2));
    }
    struct tvec bv = {0}, gv = {0}, free = {0};
    collect_vars(bound, &bv);
    collect_vars(g, &gv);
    for (size_t i = 0; i < gv.n; i++)
        if (!in_vec(&bv, gv.v[i]))
            tvec_push(&free, gv.v[i]);
    term_t w;
    if (free.n == 0) {
        w = term_atom(atom_from_cstr("$w"));
    } else {
        w = term_compound(functor_intern(atom_from_cstr("$w"), (unsigned)free.n), free.v);
    }
    mem_pfree(bv.v);
    mem_pfree(gv.v);
    mem_pfree(free.v);
    return unify(a[2], w) && unify(a[3], g);
}

/* Number the variables of t '$VAR'(k), k from *n up. */
static void number_vars(term_t t, int64_t *n)
{
    struct tvec v = {0};
    collect_vars(t, &v);
    functor_t f = functor_intern(atom_from_cstr("$VAR"), 1);
    for (size_t i = 0; i < v.n; i++)
        term_bind(term_deref(v.v[i]), term_compound1(f, term_int((*n)++)));
    mem_pfree(v.v);
}

/* numbervars(!Term, +Start, -End) is det: the variables of Term, left to
 * right, bound to '$VAR'(Start), '$VAR'(Start+1), ... */
static bool bi_numbervars(term_t *a)
{
    int64_t n = err_need_int(a[1]);
    number_vars(a[0], &n);
    return unify(a[2], term_int(n));
}

/* =@=(+A, +B), \=@=(+A, +B) are semidet: variants of each other. */
bool term_variant(term_t a, term_t b)
{
    snap_id id;
    long v = snap_take(&id);
    if (v == -1)
        err_resource(ATOM_memory);
    if (v == 0) {
        term_t bc = copy_term(b);
        int64_t na = 0, nb = 0;
        number_vars(a, &na);
        number_vars(bc, &nb);
        snap_restore(id, na == nb && compare_terms(a, bc) == 0 ? 2 : 3);
    }
    snap_drop(id);
    return v == 2;
}

static bool bi_variant(term_t *a) { return term_variant(a[0], a[1]); }
static bool bi_not_variant(term_t *a) { return !term_variant(a[0], a[1]); }

void lists_register(void)
{
    db_register_det("msort", 2, bi_msort);
    db_register_det("sort", 2, bi_sort);
    db_register_det("keysort", 2, bi_keysort);
    db_register_det("sort", 4, bi_sort4);
    db_register_det("numbervars", 3, bi_numbervars);
    db_register_nondet_probe("length", 2, bi_length);
    db_register_det("term_variables", 2, bi_term_variables);
    db_register_det("term_variables", 3, bi_term_variables3);
    db_register_det("$free_variables", 4, bi_free_variables);
    db_register_det("=@=", 2, bi_variant);
    db_register_det("\\=@=", 2, bi_not_variant);
}
