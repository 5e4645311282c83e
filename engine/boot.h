/* boot.h - the Prolog text the engine loads at start: all-solutions
 * (bagof/setof, ^/2), repeat/0 and phrase/2,3.  Everything else written in
 * Prolog is the library (stdlib/library.h), loaded when first needed. */
#ifndef ENGINE_BOOT_H
#define ENGINE_BOOT_H

/* The boot library's Prolog text (static). */
extern const char boot_text[];

#endif
