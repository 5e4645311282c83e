/* lang/atomtext.h: when writeq must quote an atom, and how it quotes.
 *
 * The rule is the reader's token syntax run backwards: an atom goes out bare
 * exactly when the tokenizer would read the bare text back as that one name
 * token (a letter-digit name starting lower case, a run of symbol
 * characters that is not the end token and does not open a comment, a solo
 * atom, [] or {}).  Escapes are swipl's: \n \t ... for the named controls,
 * \xHH\ for the other controls, \\ and the quote escaped with a backslash.
 */
#ifndef LANG_ATOMTEXT_H
#define LANG_ATOMTEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "sink.h"

/* wr_atom_needs_quotes: whether the len bytes of UTF-8 at s need quotes to
 * read back as the same atom. */
bool wr_atom_needs_quotes(const char *s, size_t len);

/* wr_atom_is_symbolic: the atom is a run of symbol characters (a graphic
 * token), which glues with a neighbouring graphic token. */
bool wr_atom_is_symbolic(const char *s, size_t len);

/* wr_put_quoted: text between quote characters q (' " or `), escaped. */
void wr_put_quoted(wr_sink *out, const char *s, size_t len, int q);

/* wr_utf8_decode: the code point at s (of n > 0 bytes), *used its length;
 * an invalid byte decodes as itself. */
int wr_utf8_decode(const char *s, size_t n, size_t *used);

#endif
