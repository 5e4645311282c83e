/* dbpreds.h - the database built-ins: assert/1, asserta/1, assertz/1,
 * retract/1, retractall/1, abolish/1, clause/2, dynamic/1, discontiguous/1,
 * multifile/1.
 * They change persistent memory, so backtracking does not undo them (ISO). */
#ifndef ENGINE_DBPREDS_H
#define ENGINE_DBPREDS_H

#include "term.h"

void dbpreds_register(void);

/* Split a clause term into head and body (true for a fact), checking the
 * head is callable and the body a callable or variable; raises the ISO
 * errors. */
void dbpreds_split(term_t clause, term_t *head, term_t *body);

/* A body with variables as call(V) (ISO 7.6.2); type_error(callable) for
 * a body that is not callable. */
term_t dbpreds_body(term_t body);

#endif
