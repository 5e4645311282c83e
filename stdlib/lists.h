/* lists.h - list and term-variable built-ins in C: length/2, msort/2,
 * sort/2, keysort/2, term_variables/2, =@=/2, \=@=/2, and the free-variable
 * analysis bagof/setof need ('$free_variables'/4). */
#ifndef STDLIB_LISTS_H
#define STDLIB_LISTS_H

void lists_register(void);

#endif
