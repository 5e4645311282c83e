/* arith.h - arithmetic: is/2 and the comparisons, over small integers and
 * floats.  Integers that overflow 64 bits raise
 * evaluation_error(int_overflow) until the GMP-backed bignums arrive
 * (stdlib issue).  arith_register adds the built-ins. */
#ifndef STDLIB_ARITH_H
#define STDLIB_ARITH_H

#include "engine/term.h"

void arith_register(void);
/* Evaluate an arithmetic expression to a number term (on the heap). */
term_t arith_eval(term_t expr);

#endif
