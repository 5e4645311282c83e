/* write.c - writing terms to streams: the write family and write_term. */
#include "write.h"

#include <string.h>

#include "engine/db.h"
#include "engine/error.h"
#include "lang/writer.h"
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

/* A boolean option value, or type_error(bool, V) (swipl). */
static bool flag(term_t o)
{
    term_t v = term_deref(term_arg(o, 1));
    if (term_is_var(v))
        err_instantiation();
    if (v == TERM_TRUE)
        return true;
    if (term_is_atom(v) && term_get_atom(v) == ATOM_false)
        return false;
    err_type(atom_from_cstr("bool"), v);
}

/* write_term(+T, +Options), write_term(+S, +T, +Options). */
static bool write_term(stream *s, term_t t, term_t opts)
{
    wr_options o;
    memset(&o, 0, sizeof o);
    o.brace_terms = true;
    bool nl = false, fullstop = false;
    term_t whole = opts;
    for (term_t l = term_deref(opts); l != TERM_NIL; l = term_deref(term_arg(l, 2))) {
        if (term_is_var(l))
            err_instantiation();
        if (!term_is_list_cell(l))
            err_type(ATOM_list, whole);
        term_t e = term_deref(term_arg(l, 1));
        if (term_is_var(e))
            err_instantiation();
        atom_t n;
        unsigned ar;
        if (!term_is_compound(e) || !term_name_arity(e, &n, &ar) || ar != 1)
            err_type(atom_from_cstr("option"), e);
        const char *name = atom_name(n);
        if (!strcmp(name, "quoted"))
            o.quoted = flag(e);
        else if (!strcmp(name, "ignore_ops"))
            o.ignore_ops = flag(e);
        else if (!strcmp(name, "numbervars"))
            o.numbervars = flag(e);
        else if (!strcmp(name, "brace_terms"))
            o.brace_terms = flag(e);
        else if (!strcmp(name, "portray") || !strcmp(name, "portrayed"))
            (void)flag(e);
        else if (!strcmp(name, "nl"))
            nl = flag(e);
        else if (!strcmp(name, "fullstop"))
            fullstop = flag(e);
        else if (!strcmp(name, "max_depth"))
            o.max_depth = (int)err_need_int(term_arg(e, 1));
        else if (!strcmp(name, "spacing")) {
            atom_t v = err_need_atom(term_arg(e, 1));
            if (v == atom_from_cstr("next_argument"))
                o.spacing = true;
            else if (v != atom_from_cstr("standard"))
                err_domain(atom_from_cstr("spacing"), term_arg(e, 1));
        }
        /* other options (attributes, cycles, variable_names, ...) are accepted */
    }
    out(s, t, &o, false);
    if (fullstop)
        stream_write(s, nl ? ".\n" : ".", nl ? 2 : 1);
    else if (nl)
        stream_write(s, "\n", 1);
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
