/* nbarg.h - nb_setarg/3's store: an argument that keeps its value on
 * backtracking.
 *
 * The value is copied (swipl: duplicate_term) into a kept region
 * (snap_register_bump_kept): memory no restore frees, whose cells are
 * backtrackable once there, so a variable of the copy bound later is
 * unbound again by backtracking.  The argument cell is written with
 * snap_write_persistent, so no restore of a live snapshot puts the old
 * value back.  The collector scans the region as old cells.  Copies are
 * never freed (there is no collector for the region yet): an immediate
 * value (small integer, atom) takes no copy at all.
 */
#ifndef STDLIB_NBARG_H
#define STDLIB_NBARG_H

#include "engine/term.h"

/* Set up the region's persistent state: once, before any snapshot. */
void nbarg_init(void);

/* Argument cell (cell) of a heap term becomes a copy of v, for good.
 * Raises resource_error(memory) when the region is full. */
void nbarg_set(term_t *cell, term_t v);

#endif
