/* cyclic.h - acyclic_term/1 and cyclic_term/1, and the check assert makes. */
#ifndef STDLIB_CYCLIC_H
#define STDLIB_CYCLIC_H

#include "engine/term.h"

/* Raise representation_error(cyclic_term) when t is cyclic: a clause must
 * be a finite tree (assert checks before it stores one, as swipl). */
void cyclic_need_acyclic(term_t t);

void cyclic_register(void);

#endif
