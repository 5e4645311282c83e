/* message.h - printing errors and warnings as swipl prints them.
 *
 * "ERROR: " / "Warning: " prefixes, "file:line:" headers for consult, and the
 * text of the ISO error terms (swipl's boot/messages.pl wording for the
 * common cases; anything else as "Unknown message: Term"). */
#ifndef ENGINE_MESSAGE_H
#define ENGINE_MESSAGE_H
#include <stdio.h>

#include "lang/sink.h"
#include "term.h"

/* The message text of an exception term, without prefix, into s. */
void msg_exception_text(wr_sink *s, term_t ball);

/* Print "ERROR: <where>: <text>" (where may be NULL) for ball on stderr. */
void msg_print_error(const char *where, term_t ball);

/* Print a message at file:line, as consult does:
 *   "<Kind>: file:line:\n<Kind>:    text\n" (kind "ERROR" or "Warning"). */
void msg_print_at(const char *kind, const char *file, long line, const char *text);

/* print_message(+Kind, +Term) (message_register adds it). */
void message_register(void);

#endif
