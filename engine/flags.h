/* flags.h - Prolog flags: current_prolog_flag/2, set_prolog_flag/2.
 * Flags are persistent (not undone by backtracking, DESIGN section 5). */
#ifndef ENGINE_FLAGS_H
#define ENGINE_FLAGS_H

#include "term.h"

/* Set the argv flag: argv[0..argc-1] as a list of atoms.  At start. */
void flags_set_argv(int argc, char **argv);
/* The value of the unknown flag: ATOM_error, ATOM_fail or ATOM_warning. */
atom_t flags_unknown(void);
/* The double_quotes and back_quotes flags: ATOM_codes, ATOM_chars,
 * ATOM_atom_t or ATOM_string (what the reader makes of "..." and `...`). */
atom_t flags_double_quotes(void);
atom_t flags_back_quotes(void);

void flags_register(void);

#endif
