/* arith.h - arithmetic: is/2, the comparisons, succ/2 and plus/3, over
 * unbounded integers (GMP, stdlib/bigint.h) and floats, with swipl's
 * functions, results and errors (docs/arith.md).  arith_register adds the
 * built-ins; once, before any snapshot. */
#ifndef STDLIB_ARITH_H
#define STDLIB_ARITH_H

#include "engine/term.h"

void arith_register(void);
/* Evaluate an arithmetic expression to a number term (on the heap); raises
 * the ISO errors.  Not re-entrant: it frees GMP's scratch when it ends. */
term_t arith_eval(term_t expr);

#endif
