/* read.h - read_term/2,3, read/1,2, op/3, current_op/3, write_term/2,3 and
 * print/1's portray hook.  The option decoding is exported for the stream
 * layer, which will call it for streams other than user_input/user_output. */
#ifndef STDLIB_READ_H
#define STDLIB_READ_H

#include <stdbool.h>

#include "engine/term.h"
#include "lang/reader.h"
#include "lang/writer.h"

/* What read_term's options ask for: reader options, and the terms to unify
 * the answers with. */
typedef struct read_req {
    rd_options o;
    term_t variable_names, variables, singletons;
    atom_t syntax_errors; /* error, fail, quiet or dec10 */
} read_req;

/* read_options_default: rd_options_default with the double_quotes and
 * back_quotes flags (consult, read_term and term_to_atom read with them). */
void read_options_default(rd_options *o);

/* read_opts_parse: decode a read_term option list into r; raises
 * instantiation_error, type_error(list, Opts), type_error(option, O) as
 * swipl does (unknown compound options are ignored, as swipl ignores them). */
void read_opts_parse(term_t opts, read_req *r);

/* read_term_finish: unify the term and the lists r asks for with res. */
bool read_term_finish(const read_req *r, term_t term, const rd_result *res);

/* read_term_lexer: read_term(Stream, Term, Opts) from lx, the lexer the
 * stream keeps; stream is the term named in error contexts
 * (stream(S, Line, LinePos, CharNo)).  Handles syntax_errors(_). */
bool read_term_lexer(rd_lexer *lx, term_t stream, term_t term, term_t opts);

/* write_opts_parse: decode a write_term option list into o (quoted,
 * ignore_ops, numbervars, portray, max_depth, brace_terms, spacing). */
void write_opts_parse(term_t opts, wr_options *o);

/* read_portray_hook: the wr_options portray hook that calls the user's
 * portray/1 (when it has clauses); print/1 and portray(true) use it. */
bool read_portray_hook(void *ctx, term_t t, wr_sink *out);

void read_register(void);

#endif
