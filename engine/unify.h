/* unify.h - unification, with and without the occurs check.
 *
 * There is no trail: a unification that fails halfway leaves its bindings
 * behind, and the caller fails, which restores the snapshot taken before the
 * bindings were made.  Callers that must undo a failed unification without
 * failing (\=, for instance) run it under a snapshot of their own.
 */
#ifndef ENGINE_UNIFY_H
#define ENGINE_UNIFY_H
#include <stdbool.h>

#include "term.h"

/* Unify a and b; true on success.  Partial bindings stay on failure. */
bool unify(term_t a, term_t b);
/* Unify with the occurs check: never creates a cyclic term. */
bool unify_oc(term_t a, term_t b);
/* Unify binding only variables at or above fresh (cells allocated since
 * then): 1 when unified, 0 when the terms do not unify, -1 when a binding
 * of an older variable would be needed (nothing older was written).  Lets
 * the solve loop try a clause head without a snapshot. */
int unify_fresh(term_t a, term_t b, const void *fresh);

/* Do numbers a and b (dereferenced) have identical representations? */
bool unify_same_number(term_t a, term_t b);

#endif
