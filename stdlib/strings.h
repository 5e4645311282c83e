/* strings.h - the string type's built-ins as swipl 7+ has them:
 * string_concat/3, sub_string/5, split_string/4, string_code/3,
 * string_chars/2 ... text_concat/3, term_string/2, read_term_from_atom/3,
 * atom_to_term/3, normalize_space/2.  (string_upper/2 and string_lower/2
 * live with upcase_atom/2 in atoms.c.) */
#ifndef STDLIB_STRINGS_H
#define STDLIB_STRINGS_H

void strings_register(void);

#endif
