/* lists.h - list and term-variable built-ins in C: length/2, msort/2,
 * sort/2, keysort/2, term_variables/2, =@=/2, \=@=/2, and the free-variable
 * analysis bagof/setof need ('$free_variables'/4). */
#ifndef STDLIB_LISTS_H
#define STDLIB_LISTS_H

#include <stdbool.h>

#include "engine/term.h"

void lists_register(void);

/* Are a and b variants of each other (=@=)? */
bool term_variant(term_t a, term_t b);

#endif
