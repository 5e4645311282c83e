/* global.c - global variables, one namespace of atom keys as in swipl.
 *
 * nb_setval copies the value to persistent memory: it survives every
 * restore.  b_setval keeps the value itself (no copy) in a heap list held
 * by a C global; both the list and the global are backtrackable memory, so
 * backtracking undoes b_setval with no code here.  The heap list is also
 * where a value read by nb_getval is kept (a copy made on the first read
 * after the last nb_setval), so reads of one key return the same term, as
 * swipl's do, until backtracking forgets the copy.
 *
 * A key's value: its entry in the heap list when there is one (not
 * '$gv_none'), else its persistent value, else an existence error.
 */
#include "global.h"

#include "engine/copy.h"
#include "engine/db.h"
#include "engine/error.h"
#include "engine/gc.h"
#include "engine/mem.h"
#include "engine/unify.h"

struct nb_entry {
    atom_t key;
    struct pterm *value;
};

/* Persistent: the nb_setval values. */
struct nb_table {
    struct nb_entry *e;
    size_t n, cap;
};

static struct nb_table *NB;
/* Backtrackable: a list of '$gv'(Key, Value) on the heap (a GC root). */
static term_t overlay = TERM_NIL;

static functor_t gv_functor(void) { return functor_intern(atom_from_cstr("$gv"), 2); }
static term_t gv_none(void) { return term_atom(atom_from_cstr("$gv_none")); }

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

/* The value cell of key's heap entry, or NULL. */
static term_t *overlay_cell(atom_t key)
{
    for (term_t l = term_deref(overlay); term_is_list_cell(l); l = term_deref(term_arg(l, 2))) {
        term_t e = term_deref(term_arg(l, 1));
        if (term_get_atom(term_deref(term_arg(e, 1))) == key)
            return &term_args(e)[1];
    }
    return NULL;
}

static void overlay_set(atom_t key, term_t value)
{
    term_t *cell = overlay_cell(key);
    if (cell) {
        *cell = value;
        return;
    }
    overlay = term_cons(term_compound2(gv_functor(), term_atom(key), value), overlay);
}

/* b_setval(+Key, +Value) is det. */
static bool bi_b_setval(term_t *a)
{
    overlay_set(need_key(a[0]), term_deref(a[1]));
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
    /* the new value hides an older b_setval or cached read */
    term_t *cell = overlay_cell(key);
    if (cell)
        *cell = gv_none();
    return true;
}

/* b_getval(+Key, -Value), nb_getval(+Key, -Value) are det. */
static bool bi_getval(term_t *a)
{
    atom_t key = need_key(a[0]);
    term_t *cell = overlay_cell(key);
    if (cell && term_deref(*cell) != gv_none())
        return unify(a[1], *cell);
    struct nb_entry *e = nb_find(key);
    if (!e)
        err_existence(atom_from_cstr("variable"), term_atom(key));
    term_t v = copy_from_persistent(e->value);
    overlay_set(key, v);
    return unify(a[1], v);
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
}
