/* stream.h - Prolog streams: the stream table, aliases, current input and
 * output, buffered byte and character I/O with position counting.
 *
 * Everything here is persistent memory (DESIGN section 5): the table, each
 * stream's state, its pushed-back bytes and an in-memory stream's text are
 * allocated with mem_palloc and written by instrumented code that the
 * barrier does not log, so a snapshot restore leaves them as they are.
 * Output written before a failure appears exactly once; input read is not
 * read again after backtracking.
 *
 * A stream is a file (a stdio FILE: user_input, user_output and user_error
 * are stdin, stdout and stderr, which the toplevel and the messages also
 * write, so all output interleaves in order), or an in-memory output buffer
 * (with_output_to/2, format/3 to atom(A) and friends).  A stream is named by
 * the term '$stream'(N) or by an alias atom.
 */
#ifndef STDLIB_STREAM_H
#define STDLIB_STREAM_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "engine/term.h"
#include "lang/sink.h"

enum stream_eof { EOF_ACTION_ERROR, EOF_ACTION_CODE, EOF_ACTION_RESET };
enum stream_at { AT_NOT, AT_AT, AT_PAST };

typedef struct stream {
    unsigned id;      /* '$stream'(id); index in the table */
    bool live;
    bool input, output;
    bool binary;      /* type(binary): bytes, no characters */
    bool octet;       /* encoding(octet) or iso_latin_1: one byte per character */
    bool std;         /* stdin/stdout/stderr: never fclose'd */
    bool tty;         /* user streams on a terminal */
    enum stream_eof eof_action;
    enum stream_at at; /* end_of_stream: not, at, past (input) */
    atom_t mode;      /* read, write, append */
    atom_t file_name; /* 0 when none */
    FILE *fp;         /* NULL for an in-memory stream */
    char *fbuf;       /* fp's stdio buffer (persistent), or NULL */
    char *mem;        /* in-memory output text (persistent), mem_len bytes */
    size_t mem_len, mem_cap;
    unsigned char back[32]; /* pushed-back bytes of a stream without a FILE, back[nback-1] next */
    int nback;
    int64_t chars, lines, linepos, bytes; /* position: counted as consumed/produced */
    int64_t prev_linepos; /* input: the line position before the last newline */
    int err;          /* a write failed */
    unsigned prev_out; /* with_output_to: the output to put back */
} stream;

/* Set up the table with user_input, user_output, user_error; once, before
 * any snapshot (stream_register does it). */
void stream_init(void);

/* The term '$stream'(N) for s. */
term_t stream_term(const stream *s);

/* Decoding a stream argument: a '$stream'(N) term or an alias.  Raises
 * instantiation_error, domain_error(stream_or_alias, T) and
 * existence_error(stream, T).  stream_get_output/input also raise
 * permission_error(output|input, stream, T) for a stream of the other
 * direction. */
stream *stream_get(term_t t);
stream *stream_get_output(term_t t);
stream *stream_get_input(term_t t);

/* The current input and output streams (never NULL). */
stream *stream_current_input(void);
stream *stream_current_output(void);
void stream_set_current_output(stream *s);
stream *stream_user_error(void);

/* The stream whose counters hold s's position: user_error shares
 * user_output's, as in swipl (both are the terminal's column). */
stream *stream_pos(stream *s);

/* Output of n bytes (UTF-8 for a text stream) to s, counting positions. */
void stream_write(stream *s, const char *p, size_t n);
void stream_put_code(stream *s, int c);
/* A writer's sink onto s (callback sink). */
void stream_sink(wr_sink *k, stream *s);
void stream_flush(stream *s);
/* Flush every output stream (halt, before reading user_input). */
void stream_flush_all(void);

/* Input.  stream_get_code: the next character of a text stream (a byte of
 * an octet one), or -1 at end of file; with eof_action(error) a read past
 * the end raises permission_error(input, past_end_of_stream, S).  peek
 * leaves it unread.  Bytes: the same for binary streams. */
int stream_get_code(stream *s);
int stream_peek_code(stream *s);
int stream_get_byte(stream *s);
int stream_peek_byte(stream *s);
/* Put byte b back: it is read next (the reader's lookahead, peeking). */
void stream_unget_byte(stream *s, int b);

/* In-memory output streams: open one (not current), take its text (valid
 * until stream_close), close it. */
stream *stream_open_memory(void);
const char *stream_memory_text(const stream *s, size_t *len);
/* Close s (a user stream is not closed: closing user_output only flushes;
 * closing the current input or output resets it to the user stream). */
void stream_close(stream *s);

/* The table, for the built-ins (stream_preds.c). */
stream *stream_at_index(unsigned i); /* the live stream i, or NULL */
unsigned stream_count(void);         /* indexes are below this */
/* Aliases: add a (rebinding it if it names another stream); the i-th alias
 * of s or 0; the live stream named a or NULL. */
void stream_alias_add(stream *s, atom_t a);
atom_t stream_alias_at(const stream *s, unsigned i);
stream *stream_alias_lookup(atom_t a);
void stream_set_current_input(stream *s);
/* Give back a character the reader looked at but did not consume. */
void stream_unread_code(stream *s, int c);
/* An input stream over a copy of text (open_string/2); NULL when memory
 * is out. */
stream *stream_open_text(const char *text, size_t len);
/* Unify an output spec of format/3 and with_output_to/2 (atom(A),
 * string(S), codes(C), codes(C, T), chars(C), chars(C, T)) with the len
 * bytes of text at p. */
bool stream_unify_output(term_t spec, const char *p, size_t len);
/* fopen path with mode (read, write, append); NULL and errno on failure. */
stream *stream_open_file(const char *path, atom_t mode, bool binary);

/* Register the stream built-ins (stream.c, stream_char.c, stream_read.c,
 * format.c, write.c). */
void stream_register(void);
void stream_char_register(void);
void stream_read_register(void);
void format_register(void);

/* Errors on a stream term t of stream s. */
_Noreturn void stream_permission(const char *action, const char *type, stream *s);

#endif
