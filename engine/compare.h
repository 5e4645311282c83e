/* compare.h - the standard order of terms (ISO 7.2, as swipl orders them).
 *
 * Var < Number < String < Atom < Compound, as swipl 9.0.4 orders them (its
 * manual puts atoms first; the system does not).  Variables by age (heap
 * address); numbers by value, a float before an integer of equal value,
 * -0.0 before 0.0; strings byte-wise; atoms alphabetically; compounds by
 * arity, then name, then arguments left to right.
 */
#ifndef ENGINE_COMPARE_H
#define ENGINE_COMPARE_H

#include "term.h"

/* -1, 0 or 1 as a is before, identical to, or after b. */
int compare_terms(term_t a, term_t b);
/* Arithmetic-free ordering of two numbers (dereferenced) by value, as the
 * standard order sees them: an integer against a float is compared as the
 * nearest double (swipl 9), NaN comes before every other number and is
 * equal to itself; ties (1 and 1.0, 0.0 and -0.0) return 0. */
int compare_numbers(term_t a, term_t b);
/* The integer with magnitude l[0..n-1] (least significant limb first,
 * l[n-1] != 0 unless n == 0) and sign neg as the nearest double, ties to
 * even; +-inf beyond the double range. */
double compare_limbs_to_double(const uint64_t *l, size_t n, bool neg);

#endif
