/* write.h - term output built-ins on user_output and user_error:
 * write/1,2 print/1,2 writeln/1,2 writeq/1,2 write_canonical/1,2 nl/0,1
 * tab/1,2 put_char/1,2 format/1,2,3, flush_output/0,1.
 * A minimal stream model (two aliases) until the stdlib's streams arrive. */
#ifndef STDLIB_WRITE_H
#define STDLIB_WRITE_H
#include <stdio.h>

#include "engine/term.h"
#include "lang/sink.h"
#include "lang/writer.h"

void write_register(void);

/* A sink writing to f (stdout or stderr). */
void write_sink_file(wr_sink *s, FILE *f);
/* writeq of t to f, with portray and numbervars. */
void write_term_to(FILE *f, term_t t, bool quoted);

#endif
