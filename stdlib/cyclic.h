/* cyclic.h - acyclic_term/1 and cyclic_term/1. */
#ifndef STDLIB_CYCLIC_H
#define STDLIB_CYCLIC_H

void cyclic_register(void);

#endif
