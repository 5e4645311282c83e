/* atoms.h - atom built-ins: atom_codes/2 ... atomic_list_concat/3,
 * term_to_atom/2, and the enumerating cores that the string built-ins share. */
#ifndef STDLIB_ATOMS_H
#define STDLIB_ATOMS_H

#include "engine/term.h"

/* The cores of atom_concat/3 and string_concat/3 (args as the built-in's,
 * kind ATOM_atom_t or ATOM_string for what they make), and of sub_atom/5 and
 * sub_string/5.  Nondeterministic built-ins (db.h contract). */
long atoms_concat(term_t *args, long alt, atom_t kind);
long atoms_sub(term_t *args, long alt, atom_t kind);

/* atoms_parse_number: the number written in the text of t (one of the
 * kinds in accept, else type_error(type, t)), read as number_codes/2 reads
 * it; raises syntax_error(illegal_number) when the text is not a number. */
term_t atoms_parse_number(term_t t, unsigned accept, atom_t type);

void atoms_register(void);

#endif
