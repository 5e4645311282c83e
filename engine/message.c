/* message.c - swipl-style error and warning text. */
#include "message.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "error.h"
#include "flags.h"
#include "solve.h"
#include "lang/reader.h"
#include "lang/writer.h"
#include "stdlib/stream.h"
#include "stdlib/text.h"

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
    if (term_is_list_cell(t)) {
        /* a proper list is "a list", a partial or improper one "a
         * compound", a cyclic one (Brent's check) "a cyclic", as swipl says */
        term_t slow = t;
        for (size_t n = 1, lim = 2;; n++) {
            t = term_deref(term_arg(t, 2));
            if (t == TERM_NIL)
                return "a list";
            if (!term_is_list_cell(t))
                return "a compound";
            if (t == slow)
                return "a cyclic";
            if (n == lim) {
                slow = t;
                lim *= 2;
            }
        }
    }
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
    } else if (is(f, "existence_error", 2) && is(arg(f, 1), "matching_rule", 0)) {
        wr_puts(s, "No rule matches ");
        put_term(s, arg(f, 2), true);
    } else if (is(f, "existence_error", 2)) {
        put_term(s, arg(f, 1), false);
        wr_puts(s, " `");
        put_term(s, arg(f, 2), true);
        wr_puts(s, "' does not exist");
    } else if (is(f, "format", 1)) { /* format/2's own errors, as swipl words them */
        wr_puts(s, "Format error: ");
        put_term(s, arg(f, 1), false);
    } else if (is(f, "format_argument_type", 2)) {
        wr_puts(s, "Illegal argument to format sequence ~");
        put_term(s, arg(f, 1), false);
        wr_puts(s, ": ");
        put_term(s, arg(f, 2), true);
    } else if (is(f, "permission_error", 3)) {
        /* swipl's wording: the type as it is, but for these pairs */
        static const struct {
            const char *action, *type, *text;
        } worded[] = {
            {"modify", "static_procedure", "modify static procedure"},
            {"input", "stream", "read from output stream"},
            {"output", "stream", "write to input stream"},
            {"input", "binary_stream", "read characters from binary stream"},
            {"output", "binary_stream", "write characters to binary stream"},
            {"input", "text_stream", "read bytes from TEXT stream"},
            {"output", "text_stream", "write bytes to TEXT stream"},
            {"redefine", "built_in_procedure", "redefine built-in predicate"},
        };
        term_t act = arg(f, 1), ty = arg(f, 2);
        const char *text = NULL;
        for (size_t i = 0; i < sizeof worded / sizeof worded[0] && !text; i++)
            if (is(act, worded[i].action, 0) && is(ty, worded[i].type, 0))
                text = worded[i].text;
        wr_puts(s, "No permission to ");
        if (text) {
            wr_puts(s, text);
        } else {
            put_term(s, act, false);
            wr_puts(s, " ");
            put_term(s, ty, false);
        }
        wr_puts(s, " `");
        put_term(s, arg(f, 3), true);
        wr_puts(s, "'");
        if (is(act, "redefine", 0) && is(ty, "built_in_procedure", 0))
            wr_puts(s, "\nUse :- redefine_system_predicate(+Head) if redefinition is intended");
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

static bool user_defined(const char *name, unsigned arity);
static bool call_once(term_t goal);
static void put_lines(wr_sink *s, term_t lines);

void msg_exception_text(wr_sink *s, term_t ball)
{
    ball = term_deref(ball);
    /* the program's message//1 rules first, as swipl translates a ball */
    if (user_defined("message", 3)) {
        term_t l = term_new_var();
        term_t args[3] = {ball, l, TERM_NIL};
        if (call_once(term_compound(functor_intern(atom_from_cstr("message"), 3), args))) {
            put_lines(s, l);
            return;
        }
    }
    if (!is(ball, "error", 2)) {
        wr_puts(s, "Unknown message: ");
        put_term(s, ball, true);
        return;
    }
    term_t ctx = arg(ball, 2);
    /* a syntax error read from a file or a stream: "Path:Line:Col: " (or
     * "Stream S:Line:Col ") first; from a string: the text after, with
     * "** here **" where the error is, as swipl prints them */
    if (is(arg(ball, 1), "syntax_error", 1) && (is(ctx, "file", 4) || is(ctx, "stream", 4))) {
        if (is(ctx, "file", 4)) {
            put_term(s, arg(ctx, 1), false);
            wr_puts(s, ":");
        } else {
            wr_puts(s, "Stream ");
            put_term(s, arg(ctx, 1), true);
            wr_puts(s, ":");
        }
        put_term(s, arg(ctx, 2), false);
        wr_puts(s, ":");
        put_term(s, arg(ctx, 3), false);
        wr_puts(s, is(ctx, "file", 4) ? ": " : " ");
        formal_text(s, arg(ball, 1));
        return;
    }
    if (is(arg(ball, 1), "syntax_error", 1) && is(ctx, "string", 2) && term_is_string(arg(ctx, 1)) &&
        term_is_smallint(arg(ctx, 2))) {
        formal_text(s, arg(ball, 1));
        size_t len;
        const char *t = term_string_chars(arg(ctx, 1), &len);
        int64_t pos = term_get_smallint(arg(ctx, 2)); /* in characters */
        size_t at = pos <= 0 ? 0 : text_utf8_offset(t, len, (size_t)pos);
        wr_puts(s, "\n");
        wr_put(s, t, at);
        wr_puts(s, "\n** here **\n");
        wr_put(s, t + at, len - at);
        return;
    }
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

/* A message starts on a line of its own: user_error shares user_output's
 * column (stream_pos), and when that is not 0 a newline goes first, as
 * swipl's ~N does; the message ends its line. */
static void begin_message(void)
{
    fflush(stdout);
    stream *pos = stream_pos(stream_user_error());
    if (pos->linepos > 0)
        fputc('\n', stderr);
}

static void end_message(void) { stream_pos(stream_user_error())->linepos = 0; }

/* text on stderr, each of its lines after prefix (swipl's "ERROR: " on
 * every line of a message). */
static void emit_lines(const char *prefix, const char *text)
{
    begin_message();
    for (;;) {
        const char *nl = strchr(text, '\n');
        size_t n = nl ? (size_t)(nl - text) : strlen(text);
        fprintf(stderr, "%s%.*s\n", prefix, (int)n, text);
        if (!nl)
            break;
        text = nl + 1;
    }
    end_message();
}

void msg_print_error(const char *where, term_t ball)
{
    wr_sink s;
    wr_sink_buffer(&s);
    if (where) {
        wr_puts(&s, where);
        wr_puts(&s, ": ");
    }
    msg_exception_text(&s, ball);
    char *text = wr_sink_take(&s, NULL);
    /* an error read from a file: its place on a line of its own first, the
     * message indented under it, as swipl prints it */
    term_t b = term_deref(ball), ctx = is(b, "error", 2) ? arg(b, 2) : 0;
    if (ctx && is(ctx, "file", 4) && term_is_atom(arg(ctx, 1)) && term_is_smallint(arg(ctx, 2))) {
        char head[1200];
        snprintf(head, sizeof head, "ERROR: %s:%lld:", atom_name(term_get_atom(arg(ctx, 1))),
                 (long long)term_get_smallint(arg(ctx, 2)));
        begin_message();
        fprintf(stderr, "%s\n", head);
        end_message();
        emit_lines("ERROR:    ", text ? text : "");
    } else {
        emit_lines("ERROR: ", text ? text : "");
    }
    free(text);
    wr_sink_free(&s);
}

void msg_print_at(const char *kind, const char *file, long line, const char *text)
{
    begin_message();
    fprintf(stderr, "%s: %s:%ld:\n%s:    %s\n", kind, file, line, kind, text);
    end_message();
}

/* Has the program defined name/arity (clauses, or a declaration)? */
static bool user_defined(const char *name, unsigned arity)
{
    struct pred *p = db_lookup(functor_intern(atom_from_cstr(name), arity));
    return p && (p->flags & (PRED_DEFINED | PRED_DYNAMIC)) && !p->fn && !p->nd;
}

/* Call goal once; true when it succeeded (its bindings stay). */
static bool call_once(term_t goal)
{
    term_t ball;
    return solve(goal, NULL, NULL, &ball) == SOLVE_TRUE;
}

/* format(atom(A), Fmt, Args) appended to s; false when it raises. */
static bool put_format(wr_sink *s, term_t fmt, term_t args)
{
    term_t out = term_new_var();
    term_t fa[3] = {term_compound1(functor_intern(atom_from_cstr("atom"), 1), out), fmt, args};
    if (!call_once(term_compound(functor_intern(atom_from_cstr("format"), 3), fa)) || !term_is_atom(term_deref(out)))
        return false;
    wr_puts(s, atom_name(term_get_atom(term_deref(out))));
    return true;
}

/* The lines a message//1 rule produced, as swipl's print_message_lines
 * reads them: Format-Args, Format, nl, ansi(_, Format, Args),
 * url(Location) and flush; anything else is written. */
static void put_lines(wr_sink *s, term_t lines)
{
    for (term_t l = term_deref(lines); term_is_list_cell(l); l = term_deref(term_arg(l, 2))) {
        term_t e = term_deref(term_arg(l, 1));
        if (is(e, "nl", 0))
            wr_puts(s, "\n");
        else if (is(e, "flush", 0) || is(e, "at_same_line", 0))
            ;
        else if (is(e, "-", 2) && put_format(s, arg(e, 1), arg(e, 2)))
            ;
        else if (is(e, "ansi", 3) && put_format(s, arg(e, 2), arg(e, 3)))
            ;
        else if (is(e, "url", 1))
            put_term(s, arg(e, 1), false);
        else if ((term_is_atom(e) || term_is_string(e)) && put_format(s, e, TERM_NIL))
            ;
        else
            put_term(s, e, false);
    }
}

/* The lines message_hook/3 is given for a message no rule translates: the
 * built-in text, a '~w'-[Line] and nl per line, or, for a term it does not
 * know, ['Unknown message: ~p'-[Term]] as swipl gives. */
static term_t builtin_lines(term_t m)
{
    functor_t dash = functor_intern(atom_from_cstr("-"), 2);
    if (!is(m, "error", 2) && !is(m, "format", 2)) {
        term_t e = term_compound2(dash, term_atom(atom_from_cstr("Unknown message: ~p")), term_cons(m, TERM_NIL));
        return term_cons(e, TERM_NIL);
    }
    wr_sink s;
    wr_sink_buffer(&s);
    if (!is(m, "format", 2) || !put_format(&s, arg(m, 1), arg(m, 2)))
        msg_exception_text(&s, m);
    char *text = wr_sink_take(&s, NULL);
    wr_sink_free(&s);
    term_t lines = TERM_NIL, *tail = &lines;
    for (const char *t = text ? text : "";;) {
        const char *nl = strchr(t, '\n');
        size_t n = nl ? (size_t)(nl - t) : strlen(t);
        term_t e = term_compound2(dash, term_atom(atom_from_cstr("~w")), term_cons(text_atom(t, n), TERM_NIL));
        *tail = term_cons(e, TERM_NIL);
        tail = term_ptr(*tail) + 2;
        if (!nl)
            break;
        *tail = term_cons(term_atom(atom_from_cstr("nl")), TERM_NIL);
        tail = term_ptr(*tail) + 2;
        t = nl + 1;
    }
    free(text);
    return lines;
}

/* print_message(+Kind, +Term) is det.  Kind error, warning,
 * informational (and debug(Topic)), help, query, banner, silent.  As in
 * swipl, the program's message//1 rules (prolog:message//1, which the one
 * module makes message/3) translate Term first, and its message_hook/3
 * may take the message over (it succeeds: nothing is printed); else the
 * built-in texts.  Errors and warnings go to stderr, each line after
 * "ERROR: " or "Warning: ", informational ones after "% " unless the
 * verbose flag is silent (-q); format(Fmt, Args) is formatted. */
static bool bi_print_message(term_t *a)
{
    term_t kind = term_deref(a[0]);
    if (term_is_var(kind))
        err_instantiation();
    if (term_is_atom(kind) && term_get_atom(kind) == ATOM_silent)
        return true;
    term_t m = term_deref(a[1]);
    term_t lines = 0;
    if (user_defined("message", 3)) {
        term_t l = term_new_var();
        term_t args[3] = {m, l, TERM_NIL};
        if (call_once(term_compound(functor_intern(atom_from_cstr("message"), 3), args)))
            lines = l;
    }
    if (user_defined("message_hook", 3)) {
        term_t args[3] = {m, kind, lines ? lines : builtin_lines(m)};
        if (call_once(term_compound(functor_intern(atom_from_cstr("message_hook"), 3), args)))
            return true;
    }
    bool info = is(kind, "informational", 0) || is(kind, "debug", 1) || is(kind, "banner", 0);
    if (info && flags_verbose_silent())
        return true;
    const char *prefix = "";
    if (is(kind, "error", 0))
        prefix = "ERROR: ";
    else if (is(kind, "warning", 0))
        prefix = "Warning: ";
    else if (is(kind, "informational", 0) || is(kind, "debug", 1))
        prefix = "% ";
    wr_sink s;
    wr_sink_buffer(&s);
    bool own_newlines = false;
    if (lines) {
        put_lines(&s, lines);
    } else if (is(m, "format", 2)) {
        if (!put_format(&s, arg(m, 1), arg(m, 2)))
            put_term(&s, m, true); /* a format that does not format: the term itself */
        own_newlines = true; /* a newline in the format is the text's own, as in swipl */
    } else {
        msg_exception_text(&s, m);
    }
    char *text = wr_sink_take(&s, NULL);
    if (own_newlines) {
        begin_message();
        fprintf(stderr, "%s%s\n", prefix, text ? text : "");
        end_message();
    } else {
        emit_lines(prefix, text ? text : "");
    }
    free(text);
    wr_sink_free(&s);
    return true;
}

void message_register(void) { db_register_det("print_message", 2, bi_print_message); }
