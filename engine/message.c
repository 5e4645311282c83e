/* message.c - swipl-style error and warning text. */
#include "message.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "error.h"
#include "lang/reader.h"
#include "lang/writer.h"

static void put_term(wr_sink *s, term_t t, bool quoted)
{
    wr_options o;
    if (quoted)
        wr_options_writeq(&o);
    else
        wr_options_write(&o);
    wr_term(s, t, &o);
}

static bool is(term_t t, const char *name, unsigned arity)
{
    t = term_deref(t);
    atom_t n;
    unsigned a;
    return term_name_arity(t, &n, &a) && a == arity && !strcmp(atom_name(n), name);
}

static term_t arg(term_t t, unsigned i) { return term_deref(term_arg(term_deref(t), i)); }

/* "an atom", "an integer", ... as swipl describes a culprit. */
static const char *type_phrase(term_t t)
{
    t = term_deref(t);
    if (term_is_var(t))
        return "an unbound variable";
    if (term_is_integer(t))
        return "an integer";
    if (term_is_float(t))
        return "a float";
    if (term_is_atom(t))
        return t == TERM_NIL ? "an empty_list" : "an atom";
    if (term_is_string(t))
        return "a string";
    if (term_is_list_cell(t))
        return "a list";
    return "a compound";
}

static void formal_text(wr_sink *s, term_t f)
{
    f = term_deref(f);
    if (is(f, "instantiation_error", 0)) {
        wr_puts(s, "Arguments are not sufficiently instantiated");
    } else if (is(f, "type_error", 2) && is(arg(f, 1), "evaluable", 0)) {
        wr_puts(s, "Arithmetic: `");
        put_term(s, arg(f, 2), true);
        wr_puts(s, "' is not a function");
    } else if (is(f, "type_error", 2)) {
        wr_puts(s, "Type error: `");
        put_term(s, arg(f, 1), false);
        wr_puts(s, "' expected, found `");
        put_term(s, arg(f, 2), true);
        wr_puts(s, "' (");
        wr_puts(s, type_phrase(arg(f, 2)));
        wr_puts(s, ")");
    } else if (is(f, "domain_error", 2)) {
        wr_puts(s, "Domain error: `");
        put_term(s, arg(f, 1), false);
        wr_puts(s, "' expected, found `");
        put_term(s, arg(f, 2), true);
        wr_puts(s, "'");
    } else if (is(f, "existence_error", 2) && is(arg(f, 1), "procedure", 0)) {
        wr_puts(s, "Unknown procedure: ");
        put_term(s, arg(f, 2), true);
    } else if (is(f, "existence_error", 2)) {
        wr_puts(s, "Unknown ");
        put_term(s, arg(f, 1), false);
        wr_puts(s, ": ");
        put_term(s, arg(f, 2), true);
    } else if (is(f, "permission_error", 3)) {
        wr_puts(s, "No permission to ");
        put_term(s, arg(f, 1), false);
        wr_puts(s, " ");
        wr_sink t;
        wr_sink_buffer(&t);
        put_term(&t, arg(f, 2), false);
        char *ty = wr_sink_take(&t, NULL);
        for (char *c = ty; *c; c++)
            if (*c == '_')
                *c = ' ';
        wr_puts(s, ty);
        free(ty);
        wr_sink_free(&t);
        wr_puts(s, " `");
        put_term(s, arg(f, 3), true);
        wr_puts(s, "'");
    } else if (is(f, "evaluation_error", 1)) {
        wr_puts(s, "Arithmetic: evaluation error: `");
        put_term(s, arg(f, 1), false);
        wr_puts(s, "'");
    } else if (is(f, "representation_error", 1)) {
        wr_puts(s, "Cannot represent due to `");
        put_term(s, arg(f, 1), false);
        wr_puts(s, "'");
    } else if (is(f, "resource_error", 1)) {
        wr_puts(s, "Not enough resources: ");
        put_term(s, arg(f, 1), false);
    } else if (is(f, "syntax_error", 1)) {
        wr_puts(s, "Syntax error: ");
        term_t what = arg(f, 1);
        if (term_is_atom(what)) /* the reader's names, as the reader words them */
            wr_puts(s, rd_error_message(atom_name(term_get_atom(what))));
        else
            put_term(s, what, false);
    } else if (is(f, "uninstantiation_error", 1)) {
        wr_puts(s, "Cannot unify ");
        put_term(s, arg(f, 1), true);
        wr_puts(s, " with a fresh variable");
    } else if (is(f, "shared_object", 2)) { /* a plugin that cannot be loaded: the loader's message */
        put_term(s, arg(f, 2), false);
    } else {
        wr_puts(s, "Unknown error term: ");
        put_term(s, f, true);
    }
}

void msg_exception_text(wr_sink *s, term_t ball)
{
    ball = term_deref(ball);
    if (!is(ball, "error", 2)) {
        wr_puts(s, "Unknown message: ");
        put_term(s, ball, true);
        return;
    }
    term_t ctx = arg(ball, 2);
    /* context(Module:Name/Arity, Extra): "name/arity: " first */
    if (is(ctx, "context", 2)) {
        term_t pi = arg(ctx, 1);
        if (is(pi, ":", 2))
            pi = arg(pi, 2);
        if (is(pi, "/", 2) && term_is_atom(arg(pi, 1))) {
            /* is/2, not (is)/2 as the writer would bracket an operator */
            wr_puts(s, atom_name(term_get_atom(arg(pi, 1))));
            wr_puts(s, "/");
            put_term(s, arg(pi, 2), false);
            wr_puts(s, ": ");
        } else if (!term_is_var(pi)) {
            put_term(s, pi, true);
            wr_puts(s, ": ");
        }
    }
    formal_text(s, arg(ball, 1));
    if (is(ctx, "context", 2)) {
        term_t extra = arg(ctx, 2);
        if (!term_is_var(extra)) {
            wr_puts(s, " (");
            put_term(s, extra, false);
            wr_puts(s, ")");
        }
    }
}

static int to_stderr(void *ctx, const char *p, size_t n)
{
    (void)ctx;
    return fwrite(p, 1, n, stderr) == n ? 0 : 1;
}

void msg_print_error(const char *where, term_t ball)
{
    wr_sink s;
    fflush(stdout);
    wr_sink_callback(&s, to_stderr, NULL);
    wr_puts(&s, "ERROR: ");
    if (where) {
        wr_puts(&s, where);
        wr_puts(&s, ": ");
    }
    msg_exception_text(&s, ball);
    wr_puts(&s, "\n");
}

void msg_print_at(const char *kind, const char *file, long line, const char *text)
{
    fflush(stdout);
    fprintf(stderr, "%s: %s:%ld:\n%s:    %s\n", kind, file, line, kind, text);
}

/* print_message(+Kind, +Term) is det: errors and warnings go to stderr. */
static bool bi_print_message(term_t *a)
{
    term_t kind = term_deref(a[0]);
    if (term_is_atom(kind) && (term_get_atom(kind) == ATOM_silent || term_get_atom(kind) == atom_from_cstr("informational")))
        return true;
    wr_sink s;
    fflush(stdout);
    wr_sink_callback(&s, to_stderr, NULL);
    if (term_is_atom(kind) && term_get_atom(kind) == ATOM_error)
        wr_puts(&s, "ERROR: ");
    else if (term_is_atom(kind) && term_get_atom(kind) == ATOM_warning)
        wr_puts(&s, "Warning: ");
    term_t m = term_deref(a[1]);
    if (is(m, "format", 2)) {
        /* format(Fmt, Args): leave it to format/3 semantics would need
         * streams; print the pieces plainly */
        put_term(&s, arg(m, 1), false);
    } else {
        msg_exception_text(&s, m);
    }
    wr_puts(&s, "\n");
    return true;
}

void message_register(void) { db_register_det("print_message", 2, bi_print_message); }
