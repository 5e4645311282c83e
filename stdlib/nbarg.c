/* nbarg.c - nb_setarg/3's kept copies and persistent argument stores (see
 * nbarg.h and docs/snapshots.md, "Stores that survive a restore"). */
#include "nbarg.h"

#include <snap.h>

#include "engine/copy.h"
#include "engine/error.h"
#include "engine/gc.h"
#include "engine/mem.h"

enum { NB_REGION = 64 << 20, NB_LINE = 64 };

/* Persistent (set up by nbarg_init before any snapshot): the region is
 * reserved on first use, and a restore must not forget that it was. */
struct nbregion {
    char *lo, *top, *hi;
};
static struct nbregion *NB;

void nbarg_init(void)
{
    if (!NB)
        NB = mem_pzalloc(sizeof *NB);
}

static void reserve(void)
{
    char *raw = mem_reserve(NB_REGION + NB_LINE);
    if (!raw)
        err_resource(ATOM_memory);
    /* whole lines: a line shared with older cells would be logged, and a
     * restore would take back the cells added to it */
    char *lo = (char *)(((uintptr_t)raw + NB_LINE - 1) & ~(uintptr_t)(NB_LINE - 1));
    NB->lo = NB->top = lo;
    NB->hi = lo + NB_REGION;
    if (snap_register_bump_kept((void **)&NB->top, lo, NB->hi) != 0) {
        NB->lo = NB->top = NB->hi = NULL;
        err_resource(ATOM_memory);
    }
    gc_register_old_range((term_t *)lo, &NB->top);
}

/* v itself when it needs no memory, else its copy in the region. */
static term_t keep(term_t v)
{
    v = term_deref(v);
    if (term_is_atom(v) || term_is_smallint(v))
        return v;
    if (!NB->lo)
        reserve();
    struct pterm *p = copy_to_persistent(v);
    if (!p)
        err_resource(ATOM_memory);
    size_t bytes = (p->ncells * sizeof(term_t) + NB_LINE - 1) & ~(size_t)(NB_LINE - 1);
    if (bytes > (size_t)(NB->hi - NB->top)) {
        copy_free(p);
        err_resource(ATOM_memory);
    }
    term_t *base = (term_t *)NB->top;
    term_t root = copy_from_persistent_at(p, base);
    for (size_t i = p->ncells; i < bytes / sizeof(term_t); i++)
        base[i] = term_smallint(0); /* padding the collector can parse */
    NB->top += bytes;
    copy_free(p);
    /* from now on, a store to the copy (a binding) is undone by backtracking */
    snap_kept_publish((void **)&NB->top);
    return root;
}

void nbarg_set(term_t *cell, term_t v)
{
    term_t k = keep(v);
    snap_write_persistent(cell, &k, sizeof k);
}
