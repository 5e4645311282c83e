/* db.c - the persistent clause database. */
#include "db.h"

#include <string.h>

#include "clause.h"
#include "mem.h"

struct db {
    struct pred **by_functor; /* indexed by functor_t */
    size_t cap;
    uint64_t generation;
};

static struct db *D;

bool db_init(void)
{
    if (!D)
        D = mem_pzalloc(sizeof *D);
    return D != NULL && cl_init();
}

struct pred *db_lookup(functor_t f) { return f < D->cap ? D->by_functor[f] : NULL; }

struct pred *db_get(functor_t f)
{
    if (f >= D->cap) {
        size_t cap = D->cap ? D->cap : 1024;
        while (cap <= f)
            cap *= 2;
        struct pred **n = mem_prealloc(D->by_functor, cap * sizeof *n);
        if (!n)
            return NULL;
        memset(n + D->cap, 0, (cap - D->cap) * sizeof *n);
        D->by_functor = n;
        D->cap = cap;
    }
    if (!D->by_functor[f]) {
        struct pred *p = mem_pzalloc(sizeof *p);
        if (!p)
            return NULL;
        p->f = f;
        p->file = ATOM_user;
        D->by_functor[f] = p;
    }
    return D->by_functor[f];
}

static struct pred *register_builtin(const char *name, unsigned arity)
{
    atom_t a = atom_from_cstr(name);
    struct pred *p = db_get(arity ? functor_intern(a, arity) : functor_intern(a, 0));
    p->flags |= PRED_BUILTIN | PRED_SYSTEM | PRED_DEFINED;
    return p;
}

void db_register_det(const char *name, unsigned arity, builtin_det fn) { register_builtin(name, arity)->fn = fn; }
void db_register_test(const char *name, unsigned arity, builtin_det fn)
{
    struct pred *p = register_builtin(name, arity);
    p->fn = fn;
    p->flags |= PRED_TEST;
}

void db_register_nondet(const char *name, unsigned arity, builtin_nondet fn) { register_builtin(name, arity)->nd = fn; }

void db_register_nondet_probe(const char *name, unsigned arity, builtin_nondet fn)
{
    struct pred *p = register_builtin(name, arity);
    p->nd = fn;
    p->flags |= PRED_ND_PROBE;
}

uint64_t db_generation(void) { return D->generation; }

/* --- the first-argument switch -------------------------------------------- */

struct ibucket {
    term_t key; /* 0: an empty slot */
    struct clause **cands;
};

struct pindex {
    struct pindex *older;   /* the one this replaced: kept, calls may resume from its arrays */
    uint64_t built;         /* p->changed when built: stale after any change */
    size_t mask;            /* table size - 1 (a power of two), or none when table is NULL */
    struct ibucket *table;  /* NULL: not worth it (too many clauses with a variable first) */
    struct clause **varonly; /* for a key no clause has: the clauses with a variable first */
};

static size_t key_hash(term_t key, size_t mask) { return (size_t)((key * 0x9E3779B97F4A7C15u) >> 32) & mask; }

/* The candidates for key: the live clauses with key key or 0, in order, into
 * a fresh NULL-terminated array; NULL when memory is short. */
static struct clause **candidates_for(const struct pred *p, term_t key, size_t n)
{
    struct clause **a = mem_palloc((n + 1) * sizeof *a), **e = a;
    if (!a)
        return NULL;
    for (struct clause *c = p->first; c; c = c->next)
        if (c->died == UINT64_MAX && (c->key == key || !c->key))
            *e++ = c;
    *e = NULL;
    return a;
}

static void index_free(struct pindex *x)
{
    for (size_t i = 0; x->table && i <= x->mask; i++)
        mem_pfree(x->table[i].cands);
    mem_pfree(x->table);
    mem_pfree(x->varonly);
    mem_pfree(x);
}

/* Build p's index; false when memory is short (the caller walks the list). */
static bool index_build(struct pred *p)
{
    struct pindex *x = mem_pzalloc(sizeof *x);
    if (!x)
        return false;
    x->older = p->index;
    x->built = p->changed;
    size_t keyed = 0, vars = 0;
    for (struct clause *c = p->first; c; c = c->next)
        if (c->died == UINT64_MAX)
            c->key ? keyed++ : vars++;
    /* each key's array repeats the clauses with a variable first: with
     * many of those and many keys, the table would be quadratic */
    if (vars * keyed <= 8 * (keyed + vars) + 64) {
        size_t size = 16;
        while (size < 2 * keyed)
            size *= 2;
        x->table = mem_pzalloc(size * sizeof *x->table);
        x->mask = size - 1;
        x->varonly = candidates_for(p, (term_t)-1, vars); /* no key is -1: only the 0s */
        if (!x->table || !x->varonly) {
            index_free(x);
            return false;
        }
        for (struct clause *c = p->first; c; c = c->next) {
            if (c->died != UINT64_MAX || !c->key)
                continue;
            size_t i = key_hash(c->key, x->mask);
            while (x->table[i].key && x->table[i].key != c->key)
                i = (i + 1) & x->mask;
            if (x->table[i].key)
                continue; /* this key has its array already */
            x->table[i].cands = candidates_for(p, c->key, keyed + vars);
            if (!x->table[i].cands) {
                index_free(x);
                return false;
            }
            x->table[i].key = c->key;
        }
    }
    p->index = x; /* the old one stays reachable from it (older) */
    return true;
}

struct clause **db_candidates(struct pred *p, term_t key)
{
    if (p->nlive < DB_INDEX_MIN || (p->flags & PRED_DYNAMIC))
        return NULL;
    if ((!p->index || p->index->built != p->changed) && !index_build(p))
        return NULL;
    struct pindex *x = p->index;
    if (!x->table)
        return NULL;
    for (size_t i = key_hash(key, x->mask);; i = (i + 1) & x->mask) {
        if (x->table[i].key == key)
            return x->table[i].cands;
        if (!x->table[i].key)
            return x->varonly;
    }
}

struct clause *db_add(term_t head, term_t body, bool at_end, unsigned line)
{
    atom_t name;
    unsigned arity;
    head = term_deref(head);
    if (!term_name_arity(head, &name, &arity))
        return NULL;
    struct pred *p = db_get(arity ? term_functor(head) : functor_intern(name, 0));
    if (!p)
        return NULL;
    struct clause *c = mem_pzalloc(sizeof *c);
    if (!c)
        return NULL;
    c->term = copy_to_persistent(term_compound2(FUNCTOR_neck2, head, body));
    if (!c->term) {
        mem_pfree(c);
        return NULL;
    }
    c->code = cl_compile(c->term); /* NULL: calls copy the clause whole */
    c->key = db_key(head);
    c->born = ++D->generation;
    c->died = UINT64_MAX;
    p->changed = c->born;
    c->pred = p;
    c->line = line;
    if (at_end) {
        if (p->last)
            p->last->next = c;
        else
            p->first = c;
        p->last = c;
    } else {
        c->next = p->first;
        p->first = c;
        if (!p->last)
            p->last = c;
    }
    p->nlive++;
    p->flags |= PRED_DEFINED;
    return c;
}

void db_retract(struct clause *c)
{
    if (c->died != UINT64_MAX)
        return;
    c->died = ++D->generation;
    c->pred->changed = c->died;
    c->pred->nlive--;
}

void db_retract_all(struct pred *p)
{
    for (struct clause *c = p->first; c; c = c->next)
        db_retract(c);
}

struct pred *db_pred_at(size_t i, bool *more)
{
    *more = i + 1 < D->cap;
    return i < D->cap ? D->by_functor[i] : NULL;
}
