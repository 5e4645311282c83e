/* lang/writer.h: terms to text: write, print, writeq, write_canonical, write_term.
 *
 * The writer walks a term through engine/term.h and sends tokens to a
 * wr_sink (sink.h).  Output matches swipl 9's: operators with the fewest
 * brackets that read back as the same term, a space exactly where two tokens
 * would glue (a- -1, - 1, \+ \+a, - (-)), atoms quoted exactly when needed,
 * floats shortest round-trip.  It allocates only a scratch table for
 * write_canonical's variable names (malloc, freed before returning).
 */
#ifndef LANG_WRITER_H
#define LANG_WRITER_H

#include <stdbool.h>

#include "engine/term.h"
#include "sink.h"

typedef struct wr_options {
    bool quoted;       /* quote atoms and strings that need it */
    bool ignore_ops;   /* operators in canonical form +(1,2) (lists stay lists) */
    bool brace_terms;  /* {}(X) as {X} (true unless write_canonical) */
    bool numbervars;   /* '$VAR'(N) as A, B, ... Z, A1 ... */
    bool name_vars;    /* variables as A, B (twice or more) and _ (once): write_canonical */
    bool spacing;      /* a space after argument and list commas (swipl's spacing(next_argument), the toplevel) */
    bool quote_wide;   /* quote atoms with code points above 0xFF (swipl's write_canonical) */
    int max_depth;     /* 0: no limit; else deeper terms and longer lists print as ... */
    int priority;      /* the context's priority, 0 for 1200: an operator term above it is bracketed */
    bool operand;      /* the term is an operand: an atom that is an operator is bracketed, (-),
                        * as swipl's toplevel writes an answer (with priority 699) */
    /* portray: called for every non-variable subterm when set (print/1); if
     * it returns true it has written the term itself to out. */
    bool (*portray)(void *ctx, term_t t, wr_sink *out);
    void *portray_ctx;
    /* var_names: ['Name'=Var, ...] (0: none): an unbound variable in the
     * list is written as the first name it has there (write_term's
     * variable_names; '_' names none) */
    term_t var_names;
    bool fullstop; /* end with ".", spaced from a symbol char, then a space or (nl) a newline */
    bool nl;       /* end with a newline */
} wr_options;

/* wr_print_portray: the portray hook print/1 uses (NULL: none).  Set once
 * by the engine at start, before any snapshot (it calls portray/1). */
extern bool (*wr_print_portray)(void *ctx, term_t t, wr_sink *out);

/* wr_options_write etc.: the option sets of the standard predicates. */
void wr_options_write(wr_options *o);     /* write/1: numbervars */
void wr_options_writeq(wr_options *o);    /* writeq/1: quoted, numbervars */
void wr_options_print(wr_options *o);     /* print/1: writeq + portray (wr_print_portray) */
void wr_options_canonical(wr_options *o); /* write_canonical/1: quoted, ignore_ops, no braces, named vars */

/* wr_term: write t to out with options o (whose portray hook, if any, may
 * write to out too).  Sink errors are in out->err; WR_ERR_DEEP there means
 * the term nests deeper than the writer's limit in a way it cannot loop
 * over (the engine raises resource_error): output stopped at that point. */
#define WR_ERR_DEEP (-1000)
void wr_term(wr_sink *out, term_t t, const wr_options *o);

/* wr_term_to_text: t as text in a malloc'd NUL-terminated buffer (the
 * caller frees it), *len its length if len is not NULL; NULL when the
 * writer failed (out of memory, WR_ERR_DEEP). */
char *wr_term_to_text(term_t t, const wr_options *o, size_t *len);

/* wr_bigint_text: the decimal text of a bignum term into a malloc'd buffer
 * (caller frees). */
char *wr_bigint_text(term_t t);

#endif
