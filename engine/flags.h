/* flags.h - Prolog flags: current_prolog_flag/2, set_prolog_flag/2.
 * Flags are persistent (not undone by backtracking, DESIGN section 5). */
#ifndef ENGINE_FLAGS_H
#define ENGINE_FLAGS_H

#include "term.h"

/* Set the argv flag: argv[0..argc-1] as a list of atoms.  At start. */
void flags_set_argv(int argc, char **argv);
/* The value of the unknown flag: ATOM_error, ATOM_fail or ATOM_warning. */
atom_t flags_unknown(void);
/* The double_quotes flag: codes, chars, atom or string (what the reader
 * makes of "text" in the clauses consult reads).  consult saves and
 * restores it around each file, so a directive in a file sets it for the
 * rest of that file only, as in swipl. */
atom_t flags_double_quotes(void);
void flags_set_double_quotes(atom_t value);
/* The back_quotes flag: codes, chars, string or symbol_char (what the
 * reader makes of `text`). */
atom_t flags_back_quotes(void);
/* The occurs_check flag: false, true or error (stored; unification does
 * not consult it yet). */
atom_t flags_occurs_check(void);

/* The verbose flag: normal, or silent (-q: no informational messages). */
bool flags_verbose_silent(void);
void flags_set_verbose_silent(void);

void flags_register(void);

#endif
