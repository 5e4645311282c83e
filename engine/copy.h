/* copy.h - copying terms: on the heap (copy_term/2) and out to persistent
 * memory and back (assert, findall collectors, thrown balls).
 *
 * A persistent copy is a relocatable block: its pointer words hold offsets
 * from the block start, so bringing it back is one memcpy onto the heap and
 * one linear relocation pass.  Variables keep their sharing within a copy;
 * each copy back gets fresh variables.
 */
#ifndef ENGINE_COPY_H
#define ENGINE_COPY_H
#include <stddef.h>

#include "term.h"

struct pterm {
    size_t ncells;  /* cells[0] is the root word */
    unsigned nvars; /* distinct variables in the term */
    term_t cells[];
};

/* Set up the scratch block; once, before any snapshot. */
bool copy_init(void);
/* A persistent copy of t; the caller owns it (copy_free).  NULL when
 * persistent memory is exhausted. */
struct pterm *copy_to_persistent(term_t t);
void copy_free(struct pterm *p);
/* A fresh heap instance of p (p stays valid). */
term_t copy_from_persistent(const struct pterm *p);
/* copy_term/2 without attributes: a heap copy of t with fresh variables. */
term_t copy_term(term_t t);
/* Is t ground? */
bool copy_is_ground(term_t t);

#endif
