/* text.h - text shared by the atom and string built-ins: getting the text of
 * a term, making terms from text, and UTF-8 positions.
 *
 * Atoms and strings hold UTF-8; every length and position a built-in shows
 * counts characters (code points), never bytes.  A text is a view of bytes:
 * an atom's name (valid forever), a string's bytes (valid as long as the
 * term), or, for a number's digits or a code or char list's characters, a
 * scratch string made on the term heap, valid until the built-in returns
 * and reclaimed like any heap garbage, so an early return or a throw leaks
 * nothing.  text_free is kept for texts that may own a buffer later; today
 * buf is always NULL and it does nothing.
 */
#ifndef STDLIB_TEXT_H
#define STDLIB_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "engine/term.h"

typedef struct text {
    const char *s; /* the bytes, NUL-terminated */
    size_t len;    /* in bytes */
    char *buf;     /* owned malloc'd buffer behind s, or NULL (see above) */
} text;

/* What text_get accepts. */
enum {
    TEXT_ATOM = 1,
    TEXT_STRING = 2,
    TEXT_NUMBER = 4,
    TEXT_LIST = 8, /* a proper list of codes or of one-character atoms */
    TEXT_ATOMIC = TEXT_ATOM | TEXT_STRING | TEXT_NUMBER,
    TEXT_ANY = TEXT_ATOMIC | TEXT_LIST,
};

/* text_get: the text of t (dereferenced here) if it is one of the kinds in
 * accept; raises instantiation_error for a variable (or a partial list when
 * TEXT_LIST is accepted), the list element errors of text_list, and
 * type_error(type, t) for anything else.  Release with text_free. */
void text_get(term_t t, unsigned accept, atom_t type, text *out);
/* text_try: as text_get, but returns false instead of raising for a
 * variable or a term of a kind not in accept (list element errors are still
 * raised). */
bool text_try(term_t t, unsigned accept, text *out);
void text_free(text *t);

/* text_list: the characters of the code or char list l into out (the kind
 * is decided by the first element, as swipl does; a string is taken as its
 * text).  Raises instantiation_error for a partial list or a variable
 * element, type_error(character, E) for a bad element of a char list,
 * type_error(character_code, E) for any other bad element, and
 * type_error(list, l) for something that is not a list. */
void text_list(term_t l, text *out);

/* Making terms.  Each copies the len bytes at s. */
term_t text_atom(const char *s, size_t len);
term_t text_string(const char *s, size_t len);
term_t text_codes(const char *s, size_t len);
term_t text_chars(const char *s, size_t len);
/* The term of kind (ATOM_atom_t, ATOM_string, ATOM_codes, ATOM_chars). */
term_t text_make(atom_t kind, const char *s, size_t len);

/* text_unify: unify out with the text as a term of kind, but compare a bound
 * out as text where swipl's conversions do: a string (atom_codes(abc, "abc")),
 * or any atomic when kind is ATOM_atom_t or ATOM_string (atom_string(abc,
 * abc)).  For a list kind, another atomic than [] is type_error(list, out). */
bool text_unify(term_t out, atom_t kind, const char *s, size_t len);

/* text_list_conv: the built-ins of shape NAME(?Text, ?List) (atom_codes/2,
 * string_chars/2, ...).  a[0] bound: its text (one of the accept kinds, else
 * type_error(type, a[0])) unified with a[1] as a list of kind (ATOM_codes or
 * ATOM_chars); else a[1] must be such a list and a[0] is unified with its
 * text as a term of kind made. */
bool text_list_conv(term_t *a, unsigned accept, atom_t type, atom_t made, atom_t kind);

/* The one-character atom of code point c. */
term_t text_char_atom(int c);
/* The code point of a one-character atom, or -1 if t is not one. */
int text_char_of(term_t t);

/* UTF-8.  An invalid byte counts as one character (the reader does the same). */
size_t text_utf8_count(const char *s, size_t len);
/* Byte offset of character index i (0 .. count) in s. */
size_t text_utf8_offset(const char *s, size_t len, size_t i);
/* Encode c at out (4 bytes room); returns the byte count. */
size_t text_utf8_encode(int c, char *out);
/* The code point at s (n > 0 bytes left); *used its byte length. */
int text_utf8_decode(const char *s, size_t n, size_t *used);

/* The decimal digits of v, NUL-terminated, at b (24 bytes room); returns
 * their count. */
size_t text_int(int64_t v, char *b);

/* text_number: parse s as a Prolog number the way number_codes/2 does
 * (leading layout allowed, a sign, any number syntax).  Returns the number
 * term, or 0 when s is not a number; *syntax gets the reader's syntax
 * error name (a static string) in that case, or NULL when the text read as
 * a term that is not a number. */
term_t text_number(const char *s, size_t len, const char **syntax);

/* text_join: the concatenation of n texts in a malloc'd buffer, with
 * sep (seplen bytes) between them; *len its length.  Caller frees. */
char *text_join(const text *parts, size_t n, const char *sep, size_t seplen, size_t *len);

/* Register every text built-in (atoms.c, chartype.c, strings.c). */
void text_register(void);


/* text_read: the term written in the len bytes at s (term_to_atom/2 and
 * friends); *names gets ['X'=_X, ...] when names is not NULL.  Empty text
 * reads as end_of_file, as in swipl.  Raises the reader's syntax error,
 * error(syntax_error(What), string(Text, Offset)). */
term_t text_read(const char *s, size_t len, term_t *names);

#endif
