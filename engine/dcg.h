/* dcg.h - DCG translation (Head --> Body into a clause), as swipl does it
 * for ordinary grammars: two extra arguments, terminals as list
 * unification, {}/1 goals, !, \+, call//N, and control constructs. */
#ifndef ENGINE_DCG_H
#define ENGINE_DCG_H
#include <stdbool.h>

#include "term.h"

/* The clause for rule (a -->/2 term); false when the head is not callable. */
bool dcg_translate(term_t rule, term_t *clause);
/* The goal for body B between lists S0 and S (for phrase/3). */
term_t dcg_body(term_t b, term_t s0, term_t s);

void dcg_register(void);

#endif
