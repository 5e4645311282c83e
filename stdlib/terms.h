/* terms.h - type checking and term inspection built-ins: var/1 ... callable/1,
 * ==/2, @</2 ..., compare/3, functor/3, arg/3, =../2, copy_term/2.
 * The minimal set the engine's tests need; the full library is the stdlib's. */
#ifndef STDLIB_TERMS_H
#define STDLIB_TERMS_H

void terms_register(void);

#endif
