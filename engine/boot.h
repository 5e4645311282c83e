/* boot.h - the library predicates written in Prolog that the engine loads at
 * start: all-solutions (bagof/setof), phrase/2,3, and the common list
 * predicates, until the stdlib's library replaces them. */
#ifndef ENGINE_BOOT_H
#define ENGINE_BOOT_H

/* The boot library's Prolog text (static). */
extern const char boot_text[];

#endif
