/* atom.h - the persistent atom and functor tables.
 *
 * Atoms and functors are small integers indexing tables in persistent memory
 * (DESIGN section 5): an atom created inside a branch that is later undone
 * stays valid, so a term copied out of the branch (findall, assert, a thrown
 * ball) may name it.  Entries are never freed (no atom GC yet).
 */
#ifndef ENGINE_ATOM_H
#define ENGINE_ATOM_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint32_t atom_t;
typedef uint32_t functor_t;

#define A(id, text) ATOM_##id,
enum atom_predeclared {
#include "atoms.def"
    ATOM_PREDECLARED_COUNT
};
#undef A

#define F(id, name, arity) FUNCTOR_##id,
enum functor_predeclared {
#include "functors.def"
    FUNCTOR_PREDECLARED_COUNT
};
#undef F

/* Set up both tables with the predeclared entries.  Once, before any
 * snapshot; false when persistent memory is exhausted. */
bool atom_init(void);

/* The atom named by the len bytes at name (UTF-8, may hold NUL), created if
 * new.  The bytes are copied.  Returns (atom_t)-1 when memory is exhausted. */
atom_t atom_intern(const char *name, size_t len);
/* atom_intern of a NUL-terminated string. */
atom_t atom_from_cstr(const char *name);
/* The atom named by name if it exists: true and *a set; never creates. */
bool atom_lookup(const char *name, size_t len, atom_t *a);
/* Text of an atom, NUL-terminated, valid forever; *len gets the length. */
const char *atom_name(atom_t a);
size_t atom_length(atom_t a);
/* Number of atoms so far (atoms are 0 .. atom_count()-1). */
size_t atom_count(void);

/* The functor name/arity, created if new; (functor_t)-1 on exhaustion. */
functor_t functor_intern(atom_t name, unsigned arity);
/* The functor table, for the inline accessors below: *functor_entries is
 * the array (persistent; it moves as the table grows, the pointer to it is
 * set once by atom_init). */
struct functor_entry {
    atom_t name;
    unsigned arity;
};
extern struct functor_entry *const *functor_entries;
static inline atom_t functor_name(functor_t f) { return (*functor_entries)[f].name; }
static inline unsigned functor_arity(functor_t f) { return (*functor_entries)[f].arity; }

/* Standard order of atoms: by their text, byte-wise (UTF-8 sorts by code point). */
int atom_compare(atom_t a, atom_t b);

#endif
