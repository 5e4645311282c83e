/* read.h - the option decoding of read_term/2,3 and write_term/2,3 for the
 * stream layer, op/3, current_op/3, and print/1's portray hook. */
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

/* read_syntax_error: what read_term does with the syntax error in res
 * under r's syntax_errors option: raises it (error; the context is
 * stream(Stream, Line, LinePos, CharNo)), or prints it (dec10, fail) or
 * not (quiet); then true when the next clause is to be read (dec10), false
 * when read_term fails. */
bool read_syntax_error(const read_req *r, const rd_result *res, term_t stream);

/* write_opts_parse: decode a write_term option list into o (quoted,
 * ignore_ops, numbervars, portray, max_depth, brace_terms, spacing). */
void write_opts_parse(term_t opts, wr_options *o);

/* read_portray_hook: the wr_options portray hook that calls the user's
 * portray/1 (when it has clauses); print/1 and portray(true) use it. */
bool read_portray_hook(void *ctx, term_t t, wr_sink *out);

void read_register(void);

#endif
