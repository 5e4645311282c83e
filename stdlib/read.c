/* read.c - the options of read_term and write_term, their syntax-error
 * handling, op/3, current_op/3, and the portray hook of print/1.
 *
 * The reader and the writer are lang/'s; this file decodes the options and
 * raises the ISO errors (as swipl 9 gives them).  The stream layer
 * (stream_read.c, write.c) calls it for read_term/2,3, read/1,2 and
 * write_term/2,3 on any stream.
 */
#include "read.h"

#include <stdio.h>
#include <string.h>

#include "engine/db.h"
#include "engine/error.h"
#include "engine/flags.h"
#include "engine/mem.h"
#include "engine/solve.h"
#include "engine/unify.h"
#include "lang/ops.h"
#include "stdlib/stream.h"

static atom_t atom_of(const char *s) { return atom_from_cstr(s); }

/* next_option: the next element of an option list, or 0 at its end; the
 * errors of a list that is partial or not a list (type_error(list, L)). */
static term_t next_option(term_t *l, term_t whole)
{
    term_t t = term_deref(*l);
    if (t == TERM_NIL)
        return 0;
    if (term_is_var(t))
        err_instantiation();
    if (!term_is_list_cell(t))
        err_type(ATOM_list, whole);
    *l = term_arg(t, 2);
    term_t o = term_deref(term_arg(t, 1));
    if (term_is_var(o))
        err_instantiation();
    return o;
}

static bool is_opt(term_t o, const char *name, unsigned arity)
{
    atom_t n;
    unsigned a;
    return term_name_arity(o, &n, &a) && a == arity && !strcmp(atom_name(n), name);
}

static bool need_bool(term_t v)
{
    v = term_deref(v);
    if (term_is_var(v))
        err_instantiation();
    if (term_is_atom(v) && (term_get_atom(v) == ATOM_true || term_get_atom(v) == ATOM_on))
        return true;
    if (term_is_atom(v) && (term_get_atom(v) == ATOM_false || term_get_atom(v) == ATOM_off))
        return false;
    err_type(atom_of("bool"), v);
}

/* --- read_term ------------------------------------------------------------- */

static rd_quotes quotes_of(atom_t a)
{
    return a == ATOM_codes ? RD_Q_CODES : a == ATOM_chars ? RD_Q_CHARS : a == ATOM_atom_t ? RD_Q_ATOM : RD_Q_STRING;
}

void read_options_default(rd_options *o)
{
    rd_options_default(o);
    o->double_quotes = quotes_of(flags_double_quotes());
    o->back_quotes = quotes_of(flags_back_quotes());
}

void read_opts_parse(term_t opts, read_req *r)
{
    memset(r, 0, sizeof *r);
    read_options_default(&r->o);
    r->syntax_errors = ATOM_error;
    for (term_t l = opts, o; (o = next_option(&l, opts));) {
        if (is_opt(o, "variable_names", 1)) {
            r->o.want_variable_names = true;
            r->variable_names = term_arg(o, 1);
        } else if (is_opt(o, "variables", 1)) {
            r->o.want_variables = true;
            r->variables = term_arg(o, 1);
        } else if (is_opt(o, "singletons", 1)) {
            r->o.want_singletons = true;
            r->singletons = term_arg(o, 1);
        } else if (is_opt(o, "syntax_errors", 1)) {
            term_t v = term_deref(term_arg(o, 1));
            if (term_is_var(v))
                err_instantiation();
            atom_t a = err_need_atom(v);
            const char *n = atom_name(a);
            /* swipl ignores a value it does not know; so do we */
            if (!strcmp(n, "error") || !strcmp(n, "fail") || !strcmp(n, "quiet") || !strcmp(n, "dec10"))
                r->syntax_errors = a;
        } else if (is_opt(o, "double_quotes", 1)) {
            atom_t a = err_need_atom(term_arg(o, 1));
            if (a == ATOM_codes)
                r->o.double_quotes = RD_Q_CODES;
            else if (a == ATOM_chars)
                r->o.double_quotes = RD_Q_CHARS;
            else if (a == ATOM_atom_t)
                r->o.double_quotes = RD_Q_ATOM;
            else if (a == ATOM_string)
                r->o.double_quotes = RD_Q_STRING;
            else
                err_domain(atom_of("double_quotes"), term_arg(o, 1));
        } else if (!term_is_compound(o)) {
            err_type(atom_of("option"), o);
        }
        /* other compound options are swipl's (term_position, ...): ignored, as swipl ignores unknown ones */
    }
}

bool read_term_finish(const read_req *r, term_t term, const rd_result *res)
{
    if (!unify(term, res->term))
        return false;
    if (r->o.want_variable_names && !unify(r->variable_names, res->variable_names))
        return false;
    if (r->o.want_variables && !unify(r->variables, res->variables))
        return false;
    if (r->o.want_singletons && !unify(r->singletons, res->singletons))
        return false;
    return true;
}

/* The error term of a syntax error read from stream: the context is
 * file(Path, Line, LinePos, CharNo) for a file, as swipl gives it, else
 * stream(S, Line, LinePos, CharNo). */
static term_t read_stream_error(const rd_error *e, term_t stream_arg)
{
    term_t t = rd_error_term(e, (atom_t)-1, NULL);
    stream *st = NULL;
    term_t sd = term_deref(stream_arg);
    if (term_is_compound(sd) || term_is_atom(sd))
        st = stream_get(sd);
    bool file = st && st->file_name;
    term_t a[4] = {file ? term_atom(st->file_name) : sd, term_int(e->pos.line), term_int(e->pos.col - 1),
                   term_int(e->pos.offset)};
    unify(term_arg(t, 2), term_compound(functor_intern(atom_of(file ? "file" : "stream"), 4), a));
    return t;
}

bool read_syntax_error(const read_req *r, const rd_result *res, term_t stream)
{
    if (r->syntax_errors == ATOM_error)
        solve_throw(read_stream_error(&res->error, stream));
    if (!strcmp(atom_name(r->syntax_errors), "dec10") || r->syntax_errors == ATOM_fail) {
        char msg[256];
        rd_error_text(&res->error, msg, sizeof msg);
        const char *name = term_is_atom(term_deref(stream)) ? atom_name(term_get_atom(term_deref(stream))) : "stream";
        fflush(stdout);
        fprintf(stderr, "ERROR: %s:%ld:%ld: Syntax error: %s\n", name, res->error.pos.line, res->error.pos.col - 1,
                msg);
    }
    /* dec10: the clause was skipped, read the next one; fail (with the
     * message) and quiet: fail */
    return r->syntax_errors == atom_of("dec10");
}

/* --- op/3, current_op/3 ---------------------------------------------------- */

static void op_one(int64_t pri, rd_optype ty, term_t spec, term_t name)
{
    name = term_deref(name);
    if (term_is_var(name))
        err_instantiation();
    if (!term_is_atom(name))
        err_type(ATOM_atom_t, name);
    atom_t a = term_get_atom(name);
    switch (rd_op_check((long)pri, ty, a)) {
    case RD_OPE_OK:
        break;
    case RD_OPE_PRIORITY:
        err_domain(atom_of("operator_priority"), term_int(pri));
    case RD_OPE_SPECIFIER:
        err_domain(atom_of("operator_specifier"), spec);
    case RD_OPE_MODIFY:
        err_permission(ATOM_modify, atom_of("operator"), name);
    case RD_OPE_CREATE:
        err_permission(atom_of("create"), atom_of("operator"), name);
    }
    if (!rd_op_set((int)pri, ty, a))
        err_resource(ATOM_memory);
}

/* op(+Priority, +Type, +NameOrNames) is det. */
static bool bi_op(term_t *a)
{
    term_t p = term_deref(a[0]), t = term_deref(a[1]), names = term_deref(a[2]);
    if (term_is_var(p) || term_is_var(t) || term_is_var(names))
        err_instantiation();
    if (!term_is_integer(p))
        err_type(ATOM_integer, p);
    if (!term_is_atom(t))
        err_type(ATOM_atom_t, t);
    int64_t pri;
    if (!term_get_int64(p, &pri) || pri < 0 || pri > 1200)
        err_domain(atom_of("operator_priority"), p);
    rd_optype ty = rd_optype_parse(atom_name(term_get_atom(t)));
    if (ty == RD_OP_NONE)
        err_domain(atom_of("operator_specifier"), t);
    if (term_is_atom(names) && names != TERM_NIL) {
        op_one(pri, ty, t, names);
        return true;
    }
    /* a list of names: checked whole before any is defined */
    term_t l = names;
    for (; term_is_list_cell(l); l = term_deref(term_arg(l, 2))) {
        term_t n = term_deref(term_arg(l, 1));
        if (term_is_var(n))
            err_instantiation();
        if (!term_is_atom(n))
            err_type(ATOM_atom_t, n);
    }
    if (term_is_var(l))
        err_instantiation();
    if (l != TERM_NIL)
        err_type(ATOM_list, names);
    for (l = names; term_is_list_cell(l); l = term_deref(term_arg(l, 2)))
        op_one(pri, ty, t, term_arg(l, 1));
    return true;
}

/* current_op(?Priority, ?Type, ?Name) is nondet. */
static long bi_current_op(term_t *a, long alt)
{
    term_t p = term_deref(a[0]), t = term_deref(a[1]), n = term_deref(a[2]);
    if (alt == 0) {
        int64_t v;
        if (!term_is_var(p) && !term_is_integer(p))
            err_type(ATOM_integer, p);
        if (!term_is_var(p) && (!term_get_int64(p, &v) || v < 0 || v > 1200))
            err_domain(atom_of("operator_priority"), p);
        if (!term_is_var(t) && !term_is_atom(t))
            err_type(ATOM_atom_t, t);
        if (!term_is_var(t) && rd_optype_parse(atom_name(term_get_atom(t))) == RD_OP_NONE)
            err_domain(atom_of("operator_specifier"), t);
        if (!term_is_var(n) && !term_is_atom(n))
            err_type(ATOM_atom_t, n);
    }
    size_t cursor = (size_t)alt;
    atom_t name;
    int pri;
    rd_optype ty;
    while (rd_op_next(&cursor, &name, &pri, &ty)) {
        if (!term_is_var(n) && term_get_atom(n) != name)
            continue;
        if (!term_is_var(t) && strcmp(atom_name(term_get_atom(t)), rd_optype_name(ty)) != 0)
            continue;
        if (!term_is_var(p) && !(term_is_smallint(p) && term_get_smallint(p) == pri))
            continue;
        unify(p, term_int(pri));
        unify(t, term_atom(atom_of(rd_optype_name(ty))));
        unify(n, term_atom(name));
        return (long)cursor; /* more may follow; the next call ends with -1 */
    }
    return -1;
}

/* --- write_term, and the portray hook ---------------------------------------- */

static functor_t f_portray;

bool read_portray_hook(void *ctx, term_t t, wr_sink *out)
{
    (void)ctx;
    (void)out; /* portray/1 writes to the current output, where out writes */
    if (!f_portray)
        f_portray = functor_intern(atom_of("portray"), 1);
    struct pred *p = db_lookup(f_portray);
    if (!p || !p->nlive)
        return false;
    fflush(stdout);
    term_t ball;
    /* portray/1 succeeding means it wrote the term itself; an error in it
     * counts as failure (the term is written as usual) */
    return solve(term_compound1(f_portray, t), NULL, NULL, &ball) == SOLVE_TRUE;
}

/* A variable name as the reader reads one: a capital letter or _, then
 * letters, digits and _. */
static bool is_var_name(const char *s)
{
    if (!((*s >= 'A' && *s <= 'Z') || *s == '_'))
        return false;
    for (s++; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') || *s == '_'))
            return false;
    return true;
}

/* variable_names(L): a list of Name = Var with Name a variable name, as
 * swipl checks it (a bound Var is allowed, and names nothing). */
static term_t need_var_names(term_t names)
{
    term_t l = term_deref(names);
    for (; term_is_list_cell(l); l = term_deref(term_arg(l, 2))) {
        term_t e = term_deref(term_arg(l, 1));
        if (term_is_var(e))
            err_instantiation();
        if (!term_is_compound(e) || term_functor(e) != functor_intern(atom_of("="), 2))
            err_type(atom_of("variable_assignment"), e);
        term_t n = term_deref(term_arg(e, 1));
        if (term_is_var(n))
            err_instantiation();
        if (!term_is_atom(n))
            err_type(atom_of("atom"), n);
        if (!is_var_name(atom_name(term_get_atom(n))))
            err_domain(atom_of("variable_name"), n);
    }
    if (term_is_var(l))
        err_instantiation();
    if (l != TERM_NIL)
        err_type(ATOM_list, names);
    return names;
}

void write_opts_parse(term_t opts, wr_options *o)
{
    wr_options_write(o);
    o->numbervars = false; /* write_term: only when asked (ISO, swipl) */
    for (term_t l = opts, x; (x = next_option(&l, opts));) {
        if (is_opt(x, "quoted", 1)) {
            o->quoted = need_bool(term_arg(x, 1));
        } else if (is_opt(x, "ignore_ops", 1)) {
            o->ignore_ops = need_bool(term_arg(x, 1));
        } else if (is_opt(x, "numbervars", 1)) {
            o->numbervars = need_bool(term_arg(x, 1));
        } else if (is_opt(x, "portray", 1) || is_opt(x, "portrayed", 1)) {
            o->portray = need_bool(term_arg(x, 1)) ? read_portray_hook : NULL;
            if (o->portray)
                o->numbervars = true; /* implied, as in swipl */
        } else if (is_opt(x, "max_depth", 1)) {
            int64_t d = err_need_int(term_arg(x, 1));
            o->max_depth = d < 0 || d > 1000000000 ? 0 : (int)d;
        } else if (is_opt(x, "brace_terms", 1)) {
            o->brace_terms = need_bool(term_arg(x, 1));
        } else if (is_opt(x, "spacing", 1)) {
            atom_t s = err_need_atom(term_arg(x, 1));
            if (!strcmp(atom_name(s), "next_argument"))
                o->spacing = true;
            else if (!strcmp(atom_name(s), "standard"))
                o->spacing = false;
            else
                err_domain(atom_of("spacing"), term_arg(x, 1));
        } else if (is_opt(x, "variable_names", 1)) {
            o->var_names = need_var_names(term_arg(x, 1));
        } else if (is_opt(x, "fullstop", 1)) {
            o->fullstop = need_bool(term_arg(x, 1));
        } else if (is_opt(x, "nl", 1)) {
            o->nl = need_bool(term_arg(x, 1));
        } else if (!term_is_compound(x)) {
            err_type(atom_of("option"), x);
        }
        /* other compound options are ignored, as swipl ignores unknown ones */
    }
}

void read_register(void)
{
    wr_print_portray = read_portray_hook;
    db_register_det("op", 3, bi_op);
    db_register_nondet("current_op", 3, bi_current_op);
}
