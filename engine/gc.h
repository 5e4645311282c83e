/* gc.h - garbage collection of the young term heap.
 *
 * Only the cells allocated since the newest snapshot are collected: nothing
 * in an older snapshot can refer to them, and writing them is never logged,
 * so the collection costs no undo-log traffic and a restore simply discards
 * it.  Older cells are never moved; they are scanned for pointers into the
 * young region (bindings made since the snapshot), which are updated like
 * any other root (those writes are logged, so a restore undoes them too).
 * Mark with a bitmap, then slide the live cells down in address order.
 */
#ifndef ENGINE_GC_H
#define ENGINE_GC_H
#include <stddef.h>

#include "term.h"

/* Set up the collector's persistent state; once, before any snapshot. */
bool gc_init(void);

/* Collect [young, heap_top): roots[0..nroots-1] are updated in place, and so
 * are the registered roots.  The heap must be parseable (term.h layout). */
void gc_collect(char *young, term_t **roots, size_t nroots);

/* A global term_t the collector must treat as a root (forever). */
void gc_register_root(term_t *root);

/* Cells outside the heap, [lo, *top), that may hold pointers into it
 * (nb_setarg/3's kept copies): scanned and updated like the old heap.  At
 * most two; *top must stay readable forever. */
void gc_register_old_range(term_t *lo, char *const *top);

/* Collections so far, cells reclaimed (persistent counters). */
struct gc_stats {
    unsigned long collections;
    unsigned long cells_freed;
};
void gc_get_stats(struct gc_stats *out);

#endif
