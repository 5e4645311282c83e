/* control.h - built-ins of control that are not dispatched by the solve loop
 * itself: throw/1, halt/0,1, between/3, =/2, \=/2, and the helpers
 * bagof/setof are built on.  control_register adds them to the database. */
#ifndef ENGINE_CONTROL_H
#define ENGINE_CONTROL_H
#include <stdbool.h>

#include "term.h"

void control_register(void);

/* Would a and b unify?  Leaves no binding (a local snapshot undoes them). */
bool control_unifiable(term_t a, term_t b);

/* The exit hook halt/1 calls before exiting (flushes streams). */
void control_set_halt_hook(void (*hook)(int status));

#endif
