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

/* The older variables a shallow try bound, so that it can unbind them
 * without a snapshot: a variable is unbound by making it refer to itself
 * again, which is exactly what it held before.  Owned by the caller. */
#define UNIFY_LOG_CAP 64
struct unify_log {
    unsigned n;
    term_t *cells[UNIFY_LOG_CAP];
};
/* unify_fresh that binds older variables too, recording each in log:
 * -1 only when log is full (what was bound is in log: undo it). */
int unify_logged(term_t a, term_t b, const void *fresh, struct unify_log *log);
/* Unbind the variables in log from position (to) on, and cut it there. */
void unify_log_undo(struct unify_log *log, unsigned to);

/* Do numbers a and b (dereferenced) have identical representations? */
bool unify_same_number(term_t a, term_t b);

#endif
