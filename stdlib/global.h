/* global.h - global variables: b_setval/2, b_getval/2 (backtrackable) and
 * nb_setval/2, nb_getval/2 (persistent, DESIGN section 5). */
#ifndef STDLIB_GLOBAL_H
#define STDLIB_GLOBAL_H

void global_register(void);

#endif
