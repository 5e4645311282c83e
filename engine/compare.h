/* compare.h - the standard order of terms (ISO 7.2, as swipl orders them).
 *
 * Var < Number < Atom < String < Compound.  Variables by age (heap address);
 * numbers by value, a float before an integer of equal value; atoms
 * alphabetically; strings byte-wise; compounds by arity, then name, then
 * arguments left to right.
 */
#ifndef ENGINE_COMPARE_H
#define ENGINE_COMPARE_H

#include "term.h"

/* -1, 0 or 1 as a is before, identical to, or after b. */
int compare_terms(term_t a, term_t b);
/* Arithmetic-free ordering of two numbers (dereferenced) by value; ties
 * (1 and 1.0) return 0. */
int compare_numbers(term_t a, term_t b);

#endif
