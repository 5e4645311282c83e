/* chartype.h - character classes and case: char_type/2, code_type/2, and the
 * case mapping behind upcase_atom/2 and string_upper/2.
 *
 * The classes and case pairs cover ASCII, Latin-1, Latin Extended-A, Greek
 * and Cyrillic (the scripts the tests use) from our own tables, not the C
 * library's locale (the engine runs in the C locale, statically linked);
 * other code points are letters when they lie in the main letter blocks and
 * have no case.
 */
#ifndef STDLIB_CHARTYPE_H
#define STDLIB_CHARTYPE_H

#include <stdbool.h>
#include <stddef.h>

int chartype_lower(int c);
int chartype_upper(int c);

/* chartype_recase: the len bytes of UTF-8 at s with every character mapped
 * to upper (or lower) case, in a malloc'd NUL-terminated buffer the caller
 * frees; *outlen its length. */
char *chartype_recase(const char *s, size_t len, bool upper, size_t *outlen);

void chartype_register(void);

#endif
