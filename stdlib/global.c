/* global.c - global variables, one namespace of atom keys as in swipl.
 *
 * nb_setval copies the value to persistent memory: it survives every
 * restore.  b_setval keeps the value itself (no copy) in a heap list held
 * by a C global; both the list and the global are backtrackable memory, so
 * backtracking undoes b_setval with no code here.  The heap list is also
 * where a value read by nb_getval is kept (a copy made on the first read
 * after an nb_setval), so reads of one key return the same term, as
 * swipl's do, until backtracking forgets the copy.
 *
 * swipl has one value slot per key, which b_setval writes with a trail
 * entry and nb_setval without.  Here every write takes a stamp from a
 * persistent counter: a key's value is its heap entry when that entry is
 * at least as new as the persistent value, else the persistent value.  So
 * an nb_setval is never hidden by an older b_setval that backtracking
 * brings back, and backtracking over a b_setval shows the value before it.
 */
#include "global.h"

#include "engine/control.h"
#include "engine/copy.h"
#include "engine/db.h"
#include "engine/error.h"
#include "engine/gc.h"
#include "engine/mem.h"
#include "engine/unify.h"

struct nb_entry {
    atom_t key;
    struct pterm *value;
    int64_t stamp;
};

/* Persistent: the nb_setval values. */
struct nb_table {
    struct nb_entry *e;
    size_t n, cap;
    int64_t clock; /* the last stamp given */
};

static struct nb_table *NB;
/* Backtrackable: a list of '$gv'(Key, Value, Stamp) on the heap (a GC root). */
static term_t overlay = TERM_NIL;

static functor_t gv_functor(void) { return functor_intern(atom_from_cstr("$gv"), 3); }

static atom_t need_key(term_t t)
{
    t = term_deref(t);
    if (term_is_var(t))
        err_instantiation();
    if (!term_is_atom(t))
        err_type(ATOM_atom_t, t);
    return term_get_atom(t);
}

static struct nb_entry *nb_find(atom_t key)
{
    for (size_t i = 0; NB && i < NB->n; i++)
        if (NB->e[i].key == key)
            return &NB->e[i];
    return NULL;
}

/* key's heap entry '$gv'(Key, Value, Stamp), or 0. */
static term_t overlay_entry(atom_t key)
{
    for (term_t l = term_deref(overlay); term_is_list_cell(l); l = term_deref(term_arg(l, 2))) {
        term_t e = term_deref(term_arg(l, 1));
        if (term_get_atom(term_deref(term_arg(e, 1))) == key)
            return e;
    }
    return 0;
}

static void overlay_set(atom_t key, term_t value, int64_t stamp)
{
    term_t e = overlay_entry(key);
    if (e) {
        term_args(e)[1] = value;
        term_args(e)[2] = term_smallint(stamp);
        return;
    }
    term_t args[3] = {term_atom(key), value, term_smallint(stamp)};
    overlay = term_cons(term_compound(gv_functor(), args), overlay);
}

/* b_setval(+Key, +Value) is det. */
static bool bi_b_setval(term_t *a)
{
    overlay_set(need_key(a[0]), term_deref(a[1]), ++NB->clock);
    return true;
}

/* nb_setval(+Key, +Value) is det. */
static bool bi_nb_setval(term_t *a)
{
    atom_t key = need_key(a[0]);
    struct pterm *p = copy_to_persistent(a[1]);
    if (!p)
        err_resource(ATOM_memory);
    struct nb_entry *e = nb_find(key);
    if (!e) {
        if (NB->n == NB->cap) {
            size_t cap = NB->cap ? NB->cap * 2 : 16;
            struct nb_entry *n = mem_prealloc(NB->e, cap * sizeof *n);
            if (!n) {
                copy_free(p);
                err_resource(ATOM_memory);
            }
            NB->e = n;
            NB->cap = cap;
        }
        e = &NB->e[NB->n++];
        e->key = key;
        e->value = NULL;
    }
    if (e->value)
        copy_free(e->value);
    e->value = p;
    e->stamp = ++NB->clock; /* newer than every heap entry: it hides them */
    return true;
}

/* b_getval(+Key, -Value), nb_getval(+Key, -Value) are det. */
static bool bi_getval(term_t *a)
{
    atom_t key = need_key(a[0]);
    term_t o = overlay_entry(key);
    struct nb_entry *e = nb_find(key);
    if (o && (!e || term_get_smallint(term_deref(term_arg(o, 3))) >= e->stamp))
        return unify(a[1], term_arg(o, 2));
    if (!e || !e->value) /* never set, or nb_delete'd */
        err_existence(atom_from_cstr("variable"), term_atom(key));
    term_t v = copy_from_persistent(e->value);
    overlay_set(key, v, e->stamp); /* the cache: as new as the value it copies */
    return unify(a[1], v);
}

/* nb_current(?Key, ?Value) is nondet: the global variables that have a
 * value, as swipl's (no existence error: an unknown key fails). */
static long bi_nb_current(term_t *a, long alt)
{
    term_t k = term_deref(a[0]);
    if (term_is_atom(k)) {
        atom_t key = term_get_atom(k);
        term_t o = overlay_entry(key);
        struct nb_entry *e = nb_find(key);
        bool overlay_newer = o && (!e || term_get_smallint(term_deref(term_arg(o, 3))) >= e->stamp);
        if (!overlay_newer && (!e || !e->value))
            return -1;
        return bi_getval(a) ? 0 : -1;
    }
    if (!term_is_var(k))
        return -1;
    for (size_t i = (size_t)alt; i < NB->n; i++) {
        if (!NB->e[i].value)
            continue;
        term_t v = copy_from_persistent(NB->e[i].value);
        if (control_unifiable(a[1], v)) {
            unify(k, term_atom(NB->e[i].key));
            unify(a[1], v);
            return i + 1 < NB->n ? (long)i + 1 : 0;
        }
    }
    return -1;
}

/* nb_delete(+Key) is det: Key has no global value any more (nothing
 * happens when it had none).  The entry stays, empty, with a new stamp, so
 * that a cached copy on the heap does not bring the value back. */
static bool bi_nb_delete(term_t *a)
{
    struct nb_entry *e = nb_find(need_key(a[0]));
    if (e && e->value) {
        copy_free(e->value);
        e->value = NULL;
        e->stamp = ++NB->clock;
    }
    return true;
}

void global_register(void)
{
    if (!NB) {
        NB = mem_pzalloc(sizeof *NB);
        gc_register_root(&overlay);
    }
    db_register_det("b_setval", 2, bi_b_setval);
    db_register_det("nb_setval", 2, bi_nb_setval);
    db_register_det("b_getval", 2, bi_getval);
    db_register_det("nb_getval", 2, bi_getval);
    db_register_nondet("nb_current", 2, bi_nb_current);
    db_register_det("nb_delete", 1, bi_nb_delete);
}
