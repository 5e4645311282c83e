/* toplevel.c - the REPL and -g/-t goals. */
#include "toplevel.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "compare.h"
#include "lang/reader.h"
#include "lang/writer.h"
#include "mem.h"
#include "message.h"
#include "solve.h"
#include "unify.h"

void toplevel_halt_hook(int status)
{
    (void)status;
    fflush(stdout);
    fflush(stderr);
}

int toplevel_run_text(const char *text, const char *what)
{
    rd_options opt;
    rd_options_default(&opt);
    rd_result res;
    rd_status st = rd_read_text(text, strlen(text), &opt, &res);
    if (st != RD_OK) {
        fflush(stdout);
        fprintf(stderr, "ERROR: %s: Syntax error: %s\n", what,
                st == RD_EOF ? "Unexpected end of file" : rd_error_message(res.error.what));
        return 2;
    }
    term_t ball;
    switch (solve(res.term, NULL, NULL, &ball)) {
    case SOLVE_TRUE:
        return 0;
    case SOLVE_FALSE:
        fflush(stdout);
        fprintf(stderr, "Warning: %s: goal (%s) failed\n", what, what[0] == '-' ? "-g" : "initialization");
        return 1;
    default:
        msg_print_error(what, ball);
        return 2;
    }
}

/* --- answers ----------------------------------------------------------- */

struct query {
    term_t names; /* ['X'=V, ...] */
    bool tty;
    bool stop;
};

static void put(const char *s) { fputs(s, stdout); }

static void write_value(term_t t)
{
    wr_options o;
    wr_options_print(&o);
    o.spacing = true;
    o.numbervars = true;
    wr_sink s;
    wr_sink_buffer(&s);
    wr_term(&s, t, &o);
    size_t n;
    char *text = wr_sink_take(&s, &n);
    fwrite(text, 1, n, stdout);
    free(text);
    wr_sink_free(&s);
}

/* Count occurrences of unbound variables in t into a small table. */
struct occ {
    term_t var;
    int count;
};

static void count_vars(term_t t, struct occ *o, int *n, int max)
{
    t = term_deref(t);
    if (term_is_var(t)) {
        for (int i = 0; i < *n; i++)
            if (o[i].var == t) {
                o[i].count++;
                return;
            }
        if (*n < max)
            o[(*n)++] = (struct occ){t, 1};
        return;
    }
    if (term_is_compound(t)) {
        unsigned a = functor_arity(term_functor(t));
        for (unsigned i = 1; i <= a; i++)
            count_vars(term_arg(t, i), o, n, max);
    }
}

/* Print the bindings of an answer; true if anything was printed. */
static bool print_bindings(term_t names)
{
    enum { MAXV = 256 };
    term_t vars[MAXV], vals[MAXV];
    atom_t nm[MAXV];
    int nv = 0;
    for (term_t l = term_deref(names); term_is_list_cell(l) && nv < MAXV; l = term_deref(term_arg(l, 2))) {
        term_t eq = term_deref(term_arg(l, 1));
        atom_t a = term_get_atom(term_deref(term_arg(eq, 1)));
        if (atom_name(a)[0] == '_')
            continue;
        nm[nv] = a;
        vars[nv] = term_deref(term_arg(eq, 2));
        vals[nv] = vars[nv];
        nv++;
    }
    /* Name the other variables of the values: _ once, _A, _B ... when shared;
     * a query variable left unbound keeps its own name. */
    bool unbound[MAXV];
    for (int i = 0; i < nv; i++)
        unbound[i] = term_is_var(vals[i]);
    struct occ occ[MAXV];
    int no = 0;
    for (int i = 0; i < nv; i++)
        if (!term_is_var(vals[i]))
            count_vars(vals[i], occ, &no, MAXV);
    functor_t fvar = functor_intern(atom_from_cstr("$VAR"), 1);
    int letter = 0;
    for (int i = 0; i < no; i++) {
        const char *name = NULL;
        for (int j = 0; j < nv; j++)
            if (vars[j] == occ[i].var) {
                name = atom_name(nm[j]);
                break;
            }
        char buf[32];
        if (!name) {
            if (occ[i].count == 1) {
                name = "_";
            } else {
                snprintf(buf, sizeof buf, "_%c%.0d", 'A' + letter % 26, letter / 26);
                letter++;
                name = buf;
            }
        }
        term_bind(occ[i].var, term_compound1(fvar, term_atom(atom_from_cstr(name))));
    }
    bool any = false;
    for (int i = 0; i < nv; i++) {
        term_t v = term_deref(vals[i]);
        /* an unbound query variable: shown only as an alias of an earlier one */
        if (unbound[i]) {
            int first = -1;
            for (int j = 0; j < i && first < 0; j++)
                if (vars[j] == vars[i])
                    first = j;
            if (first < 0)
                continue;
            if (any)
                put(",\n");
            printf("%s = %s", atom_name(nm[first]), atom_name(nm[i]));
            any = true;
            continue;
        }
        if (any)
            put(",\n");
        printf("%s = ", atom_name(nm[i]));
        write_value(v);
        any = true;
    }
    return any;
}

static bool on_answer(void *ctx)
{
    struct query *q = ctx;
    if (!print_bindings(q->names))
        put("true");
    bool more = solve_has_alternatives();
    if (!more) {
        put(".\n\n");
        fflush(stdout);
        return false;
    }
    if (!q->tty) {
        put(" ;\n");
        fflush(stdout);
        return true;
    }
    put(" ");
    fflush(stdout);
    for (;;) {
        int c = getchar();
        if (c == ';' || c == ' ' || c == 'n' || c == 'r') {
            put(";\n");
            while (c != '\n' && c != EOF && c != ';' && c != ' ')
                c = getchar();
            return true;
        }
        if (c == '\n' || c == 'c' || c == 'a' || c == '.' || c == EOF) {
            put(".\n\n");
            return false;
        }
    }
}

/* Input: a line at a time from stdin, for the lexer. */
struct stdin_src {
    char *buf;
    size_t cap;
    bool tty;
    bool fresh; /* at the start of a query: print the prompt */
};

static size_t fill_line(void *ctx, const unsigned char **out)
{
    struct stdin_src *s = ctx;
    if (s->tty) {
        fputs(s->fresh ? "?- " : "|    ", stdout);
        fflush(stdout);
    }
    s->fresh = false;
    if (!fgets(s->buf, (int)s->cap, stdin))
        return 0;
    *out = (const unsigned char *)s->buf;
    return strlen(s->buf);
}

static void on_sigint(int sig)
{
    (void)sig;
    solve_interrupt();
}

int toplevel_repl(void)
{
    /* Ctrl-C stops the running goal and returns to the prompt */
    struct sigaction sa = {.sa_handler = on_sigint, .sa_flags = SA_RESTART};
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    struct stdin_src in = {.cap = 1 << 16, .tty = isatty(0) != 0, .fresh = true};
    in.buf = mem_palloc(in.cap); /* fgets is not seen by the barrier */
    if (!in.buf)
        return 1;
    rd_src src = {.fill = fill_line, .ctx = &in};
    rd_lexer lx;
    rd_lex_init(&lx, &src);
    rd_options opt;
    rd_options_default(&opt);
    opt.want_variable_names = true;
    for (;;) {
        in.fresh = true;
        rd_result res;
        rd_status st = rd_read(&lx, &opt, &res);
        if (st == RD_EOF)
            break;
        if (st == RD_SYNTAX_ERROR) {
            fflush(stdout);
            fprintf(stderr, "ERROR: Syntax error: %s\n", rd_error_message(res.error.what));
            continue;
        }
        struct query q = {.names = res.variable_names, .tty = in.tty};
        term_t ball;
        switch (solve(res.term, on_answer, &q, &ball)) {
        case SOLVE_TRUE:
            break;
        case SOLVE_FALSE:
            put("false.\n\n");
            break;
        case SOLVE_ERROR: {
            term_t b = term_deref(ball);
            if (term_is_atom(b) && !strcmp(atom_name(term_get_atom(b)), "$aborted")) {
                fflush(stdout);
                fputs("% Execution Aborted\n", stderr);
                break;
            }
            bool is_error = term_is_compound(b) && term_functor(b) == FUNCTOR_error2;
            if (is_error) {
                msg_print_error(NULL, b);
            } else {
                fflush(stdout);
                fputs("ERROR: Unhandled exception: ", stderr);
                wr_sink s;
                wr_sink_buffer(&s);
                msg_exception_text(&s, b);
                fprintf(stderr, "%s\n", s.buf ? s.buf : "");
                wr_sink_free(&s);
            }
            break;
        }
        }
        fflush(stdout);
    }
    rd_lex_free(&lx);
    if (in.tty)
        put("\n");
    fflush(stdout);
    return 0;
}
