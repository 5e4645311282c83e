/* stream_read.c - read_term/2,3 and read/1,2 from any input stream, through
 * the reader (lang/reader.h).
 *
 * The reader's lexer pulls one character at a time from the stream, so it
 * consumes exactly the clause and the layout character after its end; what
 * it looked at beyond that (at most a %) is pushed back into the stream.
 * The next read, get_char or the toplevel on user_input therefore starts
 * exactly where this read stopped.
 */
#include <string.h>

#include "engine/db.h"
#include "engine/error.h"
#include "engine/solve.h"
#include "engine/unify.h"
#include "lang/reader.h"
#include "read.h"
#include "stream.h"

struct src_ctx {
    stream *s;
    unsigned char buf[4];
    int hist[8]; /* the last code points handed to the lexer */
    unsigned nhist;
};

static size_t fill(void *ctx, const unsigned char **out)
{
    struct src_ctx *c = ctx;
    /* peek first: the end of the file ends the clause but is not read
     * past (end_of_stream stays not, as in swipl) */
    enum stream_at at = c->s->at;
    int next = stream_peek_code(c->s);
    c->s->at = at;
    if (next < 0)
        return 0;
    int cp = stream_get_code(c->s);
    c->hist[c->nhist++ % 8] = cp;
    wr_sink k;
    wr_sink_buffer(&k);
    wr_put_cp(&k, cp);
    size_t n = k.len;
    memcpy(c->buf, k.buf, n);
    wr_sink_free(&k);
    *out = c->buf;
    return n;
}

/* The stream as a syntax error's context names it: by its alias when it
 * has one (swipl: stream(user_input, Line, LinePos, CharNo)). */
static term_t context_name(stream *s)
{
    atom_t a = stream_alias_at(s, 0);
    return a ? term_atom(a) : stream_term(s);
}

static bool do_read(stream *s, term_t t, term_t opts)
{
    read_req r;
    read_opts_parse(opts, &r); /* the flags (double_quotes...) and the options, swipl's errors */
    if (s->binary)
        err_permission(atom_from_cstr("input"), atom_from_cstr("binary_stream"), stream_term(s));
    struct src_ctx ctx = {.s = s};
    rd_src src = {.p = NULL, .end = NULL, .fill = fill, .ctx = &ctx};
    rd_lexer lx;
    rd_lex_init(&lx, &src);
    rd_result res;
    rd_status st;
    /* a syntax error raises (syntax_errors(error)), fails, or (dec10) skips
     * the clause for the next one */
    while ((st = rd_read(&lx, &r.o, &res)) == RD_SYNTAX_ERROR && read_syntax_error(&r, &res, context_name(s)))
        ;
    /* give back what the lexer read ahead: bytes not yet decoded, then the
     * lookahead ring, newest first (the stream's pushback is a stack) */
    while (src.end > src.p)
        stream_unget_byte(s, *--src.end);
    for (int k = lx.nlook - 1; k >= 0; k--)
        stream_unread_code(s, lx.look[(lx.look_head + k) % RD_LOOK]);
    /* the layout character after the end token stays in the stream (swipl) */
    unsigned used = ctx.nhist - (unsigned)lx.nlook;
    if (st == RD_OK && used > 0 && lx.nlook < 8) {
        int last = ctx.hist[(used - 1) % 8];
        if (last == ' ' || last == '\t' || last == '\n' || last == '\r')
            stream_unread_code(s, last);
    }
    rd_lex_free(&lx);
    if (st == RD_SYNTAX_ERROR)
        return false; /* syntax_errors(fail), (quiet) */
    if (st == RD_EOF) {
        /* reading end_of_file moves past the end; with eof_action(error)
         * a second read raises */
        stream_get_code(s);
    }
    return read_term_finish(&r, t, &res);
}

/* read(-T), read(+S, -T), read_term(-T, +Opts), read_term(+S, -T, +Opts). */
static bool bi_read1(term_t *a) { return do_read(stream_current_input(), a[0], TERM_NIL); }
static bool bi_read2(term_t *a) { return do_read(stream_get_input(a[0]), a[1], TERM_NIL); }
static bool bi_read_term2(term_t *a) { return do_read(stream_current_input(), a[0], a[1]); }
static bool bi_read_term3(term_t *a) { return do_read(stream_get_input(a[0]), a[1], a[2]); }

void stream_read_register(void)
{
    db_register_det("read", 1, bi_read1);
    db_register_det("read", 2, bi_read2);
    db_register_det("read_term", 2, bi_read_term2);
    db_register_det("read_term", 3, bi_read_term3);
}
