/* write.c - writing terms to streams: the write family and write_term. */
#include "write.h"


#include "engine/db.h"
#include "engine/error.h"
#include "lang/writer.h"
#include "read.h"
#include "stream.h"

static void out(stream *s, term_t t, const wr_options *o, bool newline)
{
    wr_sink k;
    stream_sink(&k, s);
    wr_term(&k, t, o);
    if (k.err == WR_ERR_DEEP)
        err_resource(atom_from_cstr("stack"));
    if (newline)
        stream_write(s, "\n", 1);
}

static bool with(stream *s, term_t t, void (*opts)(wr_options *), bool newline)
{
    wr_options o;
    opts(&o);
    out(s, t, &o, newline);
    return true;
}

#define WRITE_PREDS(name, opts, newline)                                                              \
    static bool bi_##name##1(term_t *a) { return with(stream_current_output(), a[0], opts, newline); } \
    static bool bi_##name##2(term_t *a) { return with(stream_get_output(a[0]), a[1], opts, newline); }

/* write(+T), print(+T), writeq(+T), write_canonical(+T), writeln(+T); and
 * the same with a stream first. */
WRITE_PREDS(write, wr_options_write, false)
WRITE_PREDS(print, wr_options_print, false)
WRITE_PREDS(writeq, wr_options_writeq, false)
WRITE_PREDS(canon, wr_options_canonical, false)
WRITE_PREDS(writeln, wr_options_write, true)

/* write_term(+T, +Options), write_term(+S, +T, +Options): the options as
 * read.c decodes them (swipl's nl(Bool) and fullstop(Bool) among them). */
static bool write_term(stream *s, term_t t, term_t opts)
{
    wr_options o;
    write_opts_parse(opts, &o);
    out(s, t, &o, false);
    return true;
}

static bool bi_write_term2(term_t *a) { return write_term(stream_current_output(), a[0], a[1]); }
static bool bi_write_term3(term_t *a) { return write_term(stream_get_output(a[0]), a[1], a[2]); }

void write_register(void)
{
    db_register_det("write", 1, bi_write1);
    db_register_det("write", 2, bi_write2);
    db_register_det("print", 1, bi_print1);
    db_register_det("print", 2, bi_print2);
    db_register_det("writeq", 1, bi_writeq1);
    db_register_det("writeq", 2, bi_writeq2);
    db_register_det("write_canonical", 1, bi_canon1);
    db_register_det("write_canonical", 2, bi_canon2);
    db_register_det("writeln", 1, bi_writeln1);
    db_register_det("writeln", 2, bi_writeln2);
    db_register_det("write_term", 2, bi_write_term2);
    db_register_det("write_term", 3, bi_write_term3);
}
