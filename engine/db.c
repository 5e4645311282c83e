/* db.c - the persistent clause database. */
#include "db.h"

#include <string.h>

#include "clause.h"
#include "mem.h"

struct db *db_state;
#define D db_state

/* For compiled guards (clause.h): the function of a test built-in. */
static void *test_fn(functor_t f)
{
    struct pred *p = db_lookup(f);
    return p && (p->flags & PRED_TEST) && p->fn ? (void *)p->fn : NULL;
}

bool db_init(void)
{
    if (!D)
        D = mem_pzalloc(sizeof *D);
    cl_set_test_lookup(test_fn);
    return D != NULL && cl_init();
}


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
    p->cmp = (unsigned char)cl_cmp_kind(p->f);
}

void db_register_nondet(const char *name, unsigned arity, builtin_nondet fn) { register_builtin(name, arity)->nd = fn; }

void db_register_nondet_probe(const char *name, unsigned arity, builtin_nondet fn)
{
    struct pred *p = register_builtin(name, arity);
    p->nd = fn;
    p->flags |= PRED_ND_PROBE;
}


/* --- the first-argument switch -------------------------------------------- */

/* A run of candidate clauses in clause order: a[lo..hi), a[hi] == NULL, in
 * a block of cap slots.  A dynamic predicate's runs grow in place at both
 * ends (asserta writes below lo, assertz at hi): a call walking one from
 * a slot it took earlier never sees an entry move, and an entry added
 * after it started is invisible to it by its generation. */
struct cands {
    struct clause **a;
    size_t lo, hi, cap;
};

struct ibucket {
    term_t key; /* 0: an empty slot */
    struct cands c;
};

struct pindex {
    uint64_t built;         /* p->changed it is up to date with: stale when they differ */
    uint64_t made;          /* the generation it was built at: it has no clause that died before */
    size_t mask, nkeys;     /* table size - 1 (a power of two) and keys in it */
    struct ibucket *table;  /* NULL: not worth it (too many clauses with a variable first) */
    struct cands varonly;   /* for a key no clause has: the clauses with a variable first */
    size_t keyed, vars;     /* clauses in the runs with a key, with a variable first */
    size_t dead;            /* of them retracted since it was built (dynamic) */
    size_t nmade;           /* p->nlive when built or when the table was dropped */
};

/* Memory a call that started before generation gen may still read (a run
 * replaced by a bigger one, a switch replaced by a rebuilt one): freed
 * once no live choice point is older (db_set_oldest). */
struct retired {
    struct retired *next;
    uint64_t gen;
    void *mem;
};

static uint64_t (*oldest_hook)(void);

void db_set_oldest(uint64_t (*fn)(void)) { oldest_hook = fn; }

/* The oldest generation a live call may still run at: 0 (nothing is safe
 * to free) when the solve loop has not said. */
static uint64_t oldest(void) { return oldest_hook ? oldest_hook() : 0; }

static size_t key_hash(term_t key, size_t mask) { return (size_t)((key * 0x9E3779B97F4A7C15u) >> 32) & mask; }

/* Keep (mem) until no call older than now can read it; freed at once when
 * memory for the note is short would be unsafe, so it is then kept for ever. */
static void retire(struct pred *p, void *mem)
{
    if (!mem)
        return;
    struct retired *r = mem_palloc(sizeof *r);
    if (!r)
        return;
    *r = (struct retired){p->retired, D->generation + 1, mem};
    p->retired = r;
}

/* A fresh run of the n clauses from (from), with room for one more at the
 * front (front) or the back; false when memory is short. */
static bool cands_grow(struct cands *k, bool front)
{
    size_t n = k->hi - k->lo, cap = 2 * n + 8, lo = front ? (cap - n - 2) / 2 + 1 : 0;
    struct clause **a = mem_palloc(cap * sizeof *a);
    if (!a)
        return false;
    for (size_t i = 0; i < n; i++)
        a[lo + i] = k->a[k->lo + i];
    a[lo + n] = NULL;
    *k = (struct cands){a, lo, lo + n, cap};
    return true;
}

/* c added to the run at the front or the back; the replaced block is
 * retired.  False when memory is short. */
static bool cands_put(struct pred *p, struct cands *k, struct clause *c, bool at_end)
{
    if (at_end ? k->hi + 1 >= k->cap : k->lo == 0) {
        struct clause **old = k->a;
        if (!cands_grow(k, !at_end))
            return false;
        retire(p, old);
    }
    if (at_end) {
        k->a[k->hi + 1] = NULL;
        k->a[k->hi++] = c;
    } else {
        k->a[--k->lo] = c;
    }
    return true;
}

/* c appended to a run no call has seen yet (a switch being built): grown
 * in place; false when memory is short. */
static bool run_append(struct cands *k, struct clause *c)
{
    if (k->hi + 1 >= k->cap) {
        size_t cap = 2 * k->cap + 8;
        struct clause **a = mem_prealloc(k->a, cap * sizeof *a);
        if (!a)
            return false;
        k->a = a;
        k->cap = cap;
    }
    k->a[k->hi++] = c;
    k->a[k->hi] = NULL;
    return true;
}

/* Retire x whole: a call may still be walking any of its runs. */
static void index_retire(struct pred *p, struct pindex *x)
{
    for (size_t i = 0; x->table && i <= x->mask; i++)
        retire(p, x->table[i].c.a);
    mem_pfree(x->table); /* calls hold slots of runs, never of the table */
    retire(p, x->varonly.a);
    retire(p, x);
}

/* Each key's run repeats the clauses with a variable first: with many of
 * those and many keys, the table would be quadratic. */
static bool worth_a_table(size_t keyed, size_t vars) { return vars * keyed <= 8 * (keyed + vars) + 64; }

/* The slot of key in x's table: its bucket, or the empty one it would take. */
static struct ibucket *bucket(struct pindex *x, term_t key)
{
    size_t i = key_hash(key, x->mask);
    while (x->table[i].key && x->table[i].key != key)
        i = (i + 1) & x->mask;
    return &x->table[i];
}

/* Room for one more key (a table at most half full); false when memory is short. */
static bool table_room(struct pindex *x)
{
    if (2 * (x->nkeys + 1) <= x->mask + 1)
        return true;
    size_t size = 2 * (x->mask + 1);
    struct ibucket *old = x->table, *t = mem_pzalloc(size * sizeof *t);
    if (!t)
        return false;
    size_t omask = x->mask;
    x->table = t;
    x->mask = size - 1;
    for (size_t i = 0; i <= omask; i++)
        if (old[i].key)
            *bucket(x, old[i].key) = old[i];
    mem_pfree(old);
    return true;
}

/* Free what no live call can reach any more: retired blocks older than
 * every live choice point, then, when none is left, the unlinked clauses
 * the current switch does not hold either (one built after they died). */
static void reclaim(struct pred *p)
{
    if (!p->retired && !p->grave)
        return;
    uint64_t old = oldest();
    for (struct retired **r = &p->retired; *r;) {
        if ((*r)->gen <= old) {
            struct retired *dead = *r;
            *r = dead->next;
            mem_pfree(dead->mem);
            mem_pfree(dead);
        } else {
            r = &(*r)->next;
        }
    }
    if (p->retired)
        return;
    for (struct clause **g = &p->grave; *g;) {
        struct clause *c = *g;
        if (!p->index || c->died <= p->index->made) {
            *g = c->next;
            copy_free(c->term);
            mem_pfree(c->code);
            mem_pfree(c);
        } else {
            g = &c->next;
        }
    }
}

/* Unlink from p's clause list the retracted clauses no live call can see
 * (died at or before the oldest generation a call runs at): a call is
 * always at a clause it sees, so none is at them, and a call at a clause
 * before them follows the new link.  They wait in p->grave until no run
 * of a switch holds them (reclaim). */
static void compact(struct pred *p)
{
    uint64_t old = oldest();
    struct clause *prev = NULL;
    for (struct clause **l = &p->first; *l;) {
        struct clause *c = *l;
        if (c->died < old) {
            *l = c->next;
            c->next = p->grave;
            p->grave = c;
            p->ndead--;
        } else {
            prev = c;
            l = &c->next;
        }
    }
    p->last = prev;
    p->compact_at = 2 * (p->ndead > p->nlive ? p->ndead : p->nlive) + 16;
    reclaim(p);
}

/* Build p's index; false when memory is short (the caller walks the list). */
static bool index_build(struct pred *p)
{
    struct pindex *x = mem_pzalloc(sizeof *x);
    if (!x)
        return false;
    x->built = p->changed;
    x->made = D->generation;
    x->nmade = p->nlive;
    for (struct clause *c = p->first; c; c = c->next)
        if (c->died == UINT64_MAX)
            c->key ? x->keyed++ : x->vars++;
    if (worth_a_table(x->keyed, x->vars)) {
        size_t size = 16;
        while (size < 2 * x->keyed)
            size *= 2;
        x->table = mem_pzalloc(size * sizeof *x->table);
        x->mask = size - 1;
        if (!x->table || !run_append(&x->varonly, NULL))
            goto fail;
        x->varonly.hi = 0; /* an empty run, NULL-terminated */
        /* one pass: a key's run starts as the clauses with a variable
         * first seen so far; each later one joins every run (as many
         * steps as worth_a_table allows) */
        for (struct clause *c = p->first; c; c = c->next) {
            if (c->died != UINT64_MAX)
                continue;
            if (!c->key) {
                if (!run_append(&x->varonly, c))
                    goto fail;
                for (size_t i = 0; i <= x->mask; i++)
                    if (x->table[i].key && !run_append(&x->table[i].c, c))
                        goto fail;
                continue;
            }
            struct ibucket *b = bucket(x, c->key);
            if (!b->key) {
                b->c = (struct cands){NULL, 0, 0, 0};
                for (size_t i = x->varonly.lo; i < x->varonly.hi; i++)
                    if (!run_append(&b->c, x->varonly.a[i]))
                        goto fail;
                b->key = c->key;
                x->nkeys++;
            }
            if (!run_append(&b->c, c))
                goto fail;
        }
    }
    if (p->index)
        index_retire(p, p->index);
    p->index = x;
    reclaim(p);
    return true;
fail:
    for (size_t i = 0; x->table && i <= x->mask; i++)
        mem_pfree(x->table[i].c.a);
    mem_pfree(x->table);
    mem_pfree(x->varonly.a);
    mem_pfree(x);
    return false;
}

/* Keep the up-to-date switch of a dynamic predicate so after adding c:
 * false when it cannot (memory), and the caller leaves it stale. */
static bool index_add(struct pred *p, struct pindex *x, struct clause *c, bool at_end)
{
    if (c->key) {
        x->keyed++;
        if (!x->table)
            return true;
        if (!table_room(x))
            return false;
        struct ibucket *b = bucket(x, c->key);
        if (!b->key) { /* a new key: its run starts as the clauses with a variable first */
            struct cands k = x->varonly;
            if (!cands_grow(&k, !at_end))
                return false;
            b->key = c->key;
            b->c = k;
            x->nkeys++;
        }
        return cands_put(p, &b->c, c, at_end);
    }
    x->vars++;
    if (!x->table)
        return true;
    if (!worth_a_table(x->keyed, x->vars)) { /* the list walk from now on */
        index_retire(p, x);
        struct pindex *y = mem_pzalloc(sizeof *y);
        if (!y) {
            p->index = NULL;
            return false;
        }
        *y = (struct pindex){.made = x->made, .keyed = x->keyed, .vars = x->vars, .nmade = p->nlive};
        p->index = y;
        return true;
    }
    if (!cands_put(p, &x->varonly, c, at_end))
        return false;
    for (size_t i = 0; i <= x->mask; i++)
        if (x->table[i].key && !cands_put(p, &x->table[i].c, c, at_end))
            return false;
    return true;
}

struct clause **db_candidates(struct pred *p, term_t key)
{
    if (p->nlive < DB_INDEX_MIN)
        return NULL;
    struct pindex *x = p->index;
    /* rebuilt when stale; db_add and db_retract make a dynamic
     * predicate's switch stale when its runs hold more retracted clauses
     * than live ones, or when one without a table has doubled since it was
     * judged (each rebuild pays for the changes since the last) */
    if (!x || x->built != p->changed) {
        if (!index_build(p))
            return NULL;
        x = p->index;
    }
    if (!x->table)
        return NULL;
    struct ibucket *b = bucket(x, key);
    return b->key ? b->c.a + b->c.lo : x->varonly.a + x->varonly.lo;
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
    /* a dynamic predicate's switch is kept up to date (a static one is
     * rebuilt at its next call: consult adds its clauses in a row) */
    bool keep = (p->flags & PRED_DYNAMIC) && p->index && p->index->built == p->changed;
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
    p->nvarkey += !c->key;
    p->flags |= PRED_DEFINED;
    if (keep && index_add(p, p->index, c, at_end) && p->index &&
        (p->index->table || p->nlive < 2 * p->index->nmade + 8))
        p->index->built = p->changed;
    return c;
}

void db_retract(struct clause *c)
{
    if (c->died != UINT64_MAX)
        return;
    struct pred *p = c->pred;
    struct pindex *x = p->index;
    bool keep = (p->flags & PRED_DYNAMIC) && x && x->built == p->changed;
    c->died = ++D->generation;
    p->changed = c->died;
    p->nlive--;
    p->nvarkey -= !c->key;
    p->ndead++;
    if (keep && ++x->dead <= p->nlive + 8) /* its runs still hold c, invisible from now on */
        x->built = p->changed;
    if (p->ndead > p->compact_at)
        compact(p);
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
