/* lang/sink.h: where the writer's text goes: a callback, or a growable buffer.
 *
 * Streams belong to the engine; the writer only needs "append these bytes"
 * and "what was the last character written" (to decide whether two tokens
 * would glue, as in a- -1).  The sink is plain data owned by the caller; a
 * buffer sink's memory is malloc'd (backtrackable under the barrier, like any
 * other engine malloc) and belongs to the caller after wr_sink_take.
 */
#ifndef LANG_SINK_H
#define LANG_SINK_H

#include <stdbool.h>
#include <stddef.h>

typedef struct wr_sink {
    /* callback mode: write(ctx, p, n) returns 0 on success, else an error
     * code that the sink remembers in err (later writes are dropped) */
    int (*write)(void *ctx, const char *p, size_t n);
    void *ctx;
    /* buffer mode (write == NULL): text in buf[0..len), NUL-terminated */
    char *buf;
    size_t len, cap;
    int last;   /* last code point written, -1 if nothing yet */
    int err;    /* first error returned by write, 0 if none */
} wr_sink;

/* wr_sink_buffer: an empty buffer sink. */
void wr_sink_buffer(wr_sink *s);
/* wr_sink_callback: a sink that forwards every write to write(ctx, ...). */
void wr_sink_callback(wr_sink *s, int (*write)(void *ctx, const char *p, size_t n), void *ctx);
/* wr_sink_take: a buffer sink's text (NUL-terminated, malloc'd, now owned by
 * the caller, *len gets its length if len is not NULL); the sink is empty again. */
char *wr_sink_take(wr_sink *s, size_t *len);
void wr_sink_free(wr_sink *s);

/* Appending.  wr_put_cp encodes a code point as UTF-8. */
void wr_put(wr_sink *s, const char *p, size_t n);
void wr_puts(wr_sink *s, const char *str);
void wr_put_cp(wr_sink *s, int c);

#endif
