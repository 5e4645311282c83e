/* lang/reader.h: read_term: Prolog text to terms, with operators.
 *
 * The reader is an operator-precedence parser over the tokens of one clause.
 * It first reads the clause's tokens up to and including its end token, then
 * parses them, so after any syntax error the source already stands after
 * that clause's end: the next rd_read starts at the next clause (consult
 * reports the error and continues; nothing to resynchronise by hand).
 *
 * Memory: terms are built on the term heap through engine/term.h; the
 * parser's scratch (tokens, the variable table) is malloc'd and freed before
 * rd_read returns.  No state survives between calls except what the caller
 * owns (the rd_lexer), so running inside the engine under the write barrier
 * is safe.
 */
#ifndef LANG_READER_H
#define LANG_READER_H

#include <stdbool.h>

#include "engine/term.h"
#include "lex.h"

/* What "..." and `...` read as (flags double_quotes and back_quotes). */
typedef enum rd_quotes { RD_Q_CODES, RD_Q_CHARS, RD_Q_ATOM, RD_Q_STRING } rd_quotes;

typedef struct rd_options {
    rd_quotes double_quotes;  /* default RD_Q_STRING, as swipl (BRIEF point 9) */
    rd_quotes back_quotes;    /* default RD_Q_CODES */
    bool want_variables;      /* fill rd_result.variables */
    bool want_variable_names; /* fill rd_result.variable_names */
    bool want_singletons;     /* fill rd_result.singletons */
} rd_options;

/* rd_options_default: the defaults above, no variable lists. */
void rd_options_default(rd_options *o);

/* A syntax error: what (the name in syntax_error(What), a static string)
 * and where (the token or character at fault). */
typedef struct rd_error {
    const char *what;
    int arg; /* a code point: syntax_error(What(Char)) as swipl, e.g.
              * undefined_char_escape(q); -1 for a plain syntax_error(What) */
    rd_pos pos;
} rd_error;

typedef struct rd_result {
    term_t term;
    term_t variables;      /* [V1, ...] in order of first appearance */
    term_t variable_names; /* ['Name'=V, ...], named variables, that order */
    term_t singletons;     /* ['Name'=V, ...] named variables that occur once (ISO: _X
                            * is named, _ is not; consult warns only of those
                            * not starting with _) */
    rd_pos start;          /* position of the clause's first token (also after an error) */
    rd_error error;        /* when rd_read returned RD_SYNTAX_ERROR */
} rd_result;

typedef enum rd_status {
    RD_OK,           /* res->term is the term read */
    RD_EOF,          /* end of input before a term: res->term is end_of_file */
    RD_SYNTAX_ERROR  /* res->error says what and where; the clause was skipped */
} rd_status;

/* rd_read: read one clause from lx (rd_lex_init'ed by the caller, who
 * keeps it between calls, so lookahead is not lost) with the operators of
 * lang/ops.h.  Terms live on the term heap. */
rd_status rd_read(rd_lexer *lx, const rd_options *opt, rd_result *res);

/* rd_error_message: a sentence for what (for "file:L:C: Syntax error: ..."). */
const char *rd_error_message(const char *what);

/* rd_error_text: the whole message for e into buf (size bytes), as swipl
 * prints it: the sentence, and the character for those that name one
 * ("Unknown character escape in quoted atom or string: `\q'"). */
void rd_error_text(const rd_error *e, char *buf, size_t size);

/* rd_error_term: error(syntax_error(What), Context) where Context is
 * file(File, Line, Column, CharOffset) when file is not (atom_t)-1, else
 * string(Text, CharOffset) when text is not NULL, else a fresh variable. */
term_t rd_error_term(const rd_error *e, atom_t file, const char *text);

/* rd_read_text: read the one term in the len bytes at text, for
 * term_to_atom/2, read_term_from_atom/3 and number_codes/2: a final end
 * token is optional.  Status as rd_read; text after the term is a syntax
 * error (end_of_clause_expected). */
rd_status rd_read_text(const char *text, size_t len, const rd_options *opt, rd_result *res);

/* rd_bigint: the integer written in radix with the len digits at digits
 * (no sign), negated if neg: a small integer or a bignum box, normalised as
 * term.h requires. */
term_t rd_bigint(const char *digits, size_t len, int radix, bool neg);

#endif
