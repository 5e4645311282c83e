/* toplevel.c - the REPL and -g/-t goals. */
#include "toplevel.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <snap.h>

#include "compare.h"
#include "db.h"
#include "error.h"
#include "flags.h"
#include "lang/reader.h"
#include "lang/writer.h"
#include "mem.h"
#include "message.h"
#include "solve.h"
#include "stdlib/library.h"
#include "stdlib/os.h"
#include "stdlib/read.h"
#include "stdlib/stream.h"
#include "unify.h"
#include "vmm/guest/plat.h"

/* catch(G, E, print_message(error, E)) */
static term_t catch_printed(term_t g)
{
    term_t e = term_new_var();
    term_t pm = term_compound2(functor_intern(atom_from_cstr("print_message"), 2), term_atom(ATOM_error), e);
    return term_compound(FUNCTOR_catch3, (term_t[]){g, e, pm});
}

void toplevel_halt_hook(int status)
{
    (void)status;
    /* at_halt/1's goals (stdlib/compat.pl), each once, an error printed */
    struct pred *p = db_lookup(functor_intern(atom_from_cstr("$compat_at_halt"), 1));
    if (p && p->nlive) {
        term_t g = term_new_var(), ball;
        term_t run = term_compound2(FUNCTOR_comma2, term_compound1(functor_intern(atom_from_cstr("$compat_at_halt"), 1), g),
                                    term_compound2(FUNCTOR_comma2,
                                                   term_compound1(FUNCTOR_ignore1,
                                                                  catch_printed(g)),
                                                   term_atom(ATOM_fail)));
        solve(run, NULL, NULL, &ball);
    }
    fflush(stdout);
    fflush(stderr);
}

int toplevel_run_text(const char *text, const char *what)
{
    rd_options opt;
    read_options_default(&opt); /* the flags as earlier goals left them */
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
        /* as swipl: a -g goal that fails says so unless -q; -t does not */
        if (!strncmp(what, "-g", 2) && !flags_verbose_silent()) {
            fflush(stdout);
            fprintf(stderr, "ERROR: %s: false\n", what);
        }
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

/* An answer starts on a line of its own: a newline first when the goal
 * left user_output's line open (swipl: "hello\ntrue."); put() bypasses
 * the stream's counters, so the answer's end sets the column back. */
static void answer_begin(void)
{
    if (stream_pos(stream_user_error())->linepos > 0)
        put("\n");
}

static void answer_end(void) { stream_pos(stream_user_error())->linepos = 0; }

static void write_value(term_t t)
{
    wr_options o;
    wr_options_print(&o);
    o.spacing = true;
    o.numbervars = true;
    o.priority = 699; /* the right side of X = Value, as swipl: X = (a, b), X = (-) */
    o.operand = true;
    wr_sink s;
    wr_sink_buffer(&s);
    wr_term(&s, t, &o);
    size_t n;
    char *text = wr_sink_take(&s, &n);
    fwrite(text, 1, n, stdout);
    free(text);
    wr_sink_free(&s);
}

/* --- answers as swipl prints them ---------------------------------------
 *
 * The bindings are printed inside a snapshot of their own, so that the
 * printer may rewrite the terms it prints and the restore puts them back:
 *  - query variables with identical values (==, on the values as they are)
 *    form a group, printed as a chain (X = Y, Y = 1) with the value of its
 *    last member;
 *  - the groups' values are walked in order, depth first, and each compound
 *    a cycle comes back to (a target) is replaced, where the cycle closes
 *    and where its parent points to it, by one term '$VAR'(Name).  When a
 *    value's walk finds one target and it is the value itself, Name is the
 *    group's (X = f(X)); otherwise the walk's targets are _S1, _S2 ... in
 *    the order their cycles close, defined after `% where`.  A later value
 *    that reaches a named compound shows the name (Y = g(X), Z = h(_S1)):
 *    the factorization swipl 9.0.4 makes, binding after binding;
 *  - the other variables of the values are named: _ once, _A, _B ... when
 *    shared.
 * The text goes to stdout, flushed before the restore (the stdio buffer is
 * backtrackable memory). */

/* Compound cells met by the walks: open addressing on their address. */
struct seen {
    term_t *key;
    unsigned char *state; /* 1 on the current path (grey), 2 done */
    term_t *name;         /* the '$VAR' term standing for a target, or 0 */
    size_t cap, n;
};

static size_t seen_slot(struct seen *m, term_t t)
{
    size_t h = (size_t)((t >> 3) * 0x9e3779b97f4a7c15ULL) & (m->cap - 1);
    while (m->key[h] && m->key[h] != t)
        h = (h + 1) & (m->cap - 1);
    return h;
}

/* The slot of t, added if new (state 0); valid until the next call. */
static size_t seen_find(struct seen *m, term_t t)
{
    if (2 * (m->n + 1) > m->cap) {
        struct seen g = {.cap = m->cap ? 2 * m->cap : 256};
        g.key = calloc(g.cap, sizeof *g.key);
        g.state = calloc(g.cap, 1);
        g.name = calloc(g.cap, sizeof *g.name);
        if (!g.key || !g.state || !g.name)
            err_resource(ATOM_memory);
        for (size_t i = 0; i < m->cap; i++)
            if (m->key[i]) {
                size_t j = seen_slot(&g, m->key[i]);
                g.key[j] = m->key[i];
                g.state[j] = m->state[i];
                g.name[j] = m->name[i];
                g.n++;
            }
        free(m->key);
        free(m->state);
        free(m->name);
        *m = g;
    }
    size_t h = seen_slot(m, t);
    if (!m->key[h]) {
        m->key[h] = t;
        m->n++;
    }
    return h;
}

/* The targets named _S<k>, listed after the value they were found in. */
struct where {
    term_t t;    /* the compound */
    term_t name; /* its '$VAR' term */
    int root;    /* the binding whose walk found it */
};

struct answer {
    struct where *w;
    int nwhere, cap;
    int nsnames; /* _S names given so far */
};

static term_t var_term(const char *name)
{
    return term_compound1(functor_intern(atom_from_cstr("$VAR"), 1), term_atom(atom_from_cstr(name)));
}

static void var_term_rename(term_t v, atom_t name) { term_ptr(v)[1] = term_atom(name); }

/* Cut the cycles of r, the value of binding root named rname.  Returns the
 * name the value itself is shown as when it is one of several targets
 * (X = _S1, % where ...), else 0. */
struct frame {
    term_t t;       /* a compound on the current path */
    term_t *parent; /* the argument cell that led here (NULL for a root) */
    unsigned next;  /* next argument to visit */
};

static term_t cut_cycles(struct answer *a, int root, term_t r, atom_t rname, struct seen *m)
{
    if (!term_is_compound(r))
        return 0;
    size_t h0 = seen_find(m, r);
    if (m->state[h0])
        return 0;
    int first_where = a->nwhere;
    size_t cap = 64, n = 0;
    struct frame *st = malloc(cap * sizeof *st);
    if (!st)
        err_resource(ATOM_memory);
    m->state[h0] = 1;
    st[n++] = (struct frame){r, NULL, 1};
    while (n) {
        struct frame *f = &st[n - 1];
        if (f->next > functor_arity(term_functor(f->t))) {
            size_t h = seen_find(m, f->t);
            m->state[h] = 2;
            if (m->name[h] && f->parent)
                *f->parent = m->name[h];
            n--;
            continue;
        }
        term_t *cell = &term_ptr(f->t)[f->next++];
        term_t t = term_deref(*cell);
        if (!term_is_compound(t))
            continue;
        size_t h = seen_find(m, t);
        if (m->state[h] == 2) { /* done: named if a target of an earlier walk */
            if (m->name[h])
                *cell = m->name[h];
            continue;
        }
        if (m->state[h] == 1) { /* back to a compound on the path: a cycle */
            if (!m->name[h]) {
                if (a->nwhere == a->cap) {
                    a->cap = a->cap ? 2 * a->cap : 16;
                    struct where *g = realloc(a->w, (size_t)a->cap * sizeof *g);
                    if (!g)
                        err_resource(ATOM_memory);
                    a->w = g;
                }
                term_t v = var_term("_");
                m->name[h] = v;
                a->w[a->nwhere++] = (struct where){t, v, root};
            }
            *cell = m->name[h];
            continue;
        }
        m->state[h] = 1;
        if (n == cap) {
            cap *= 2;
            struct frame *g = realloc(st, cap * sizeof *st);
            if (!g)
                err_resource(ATOM_memory);
            st = g;
        }
        st[n++] = (struct frame){t, cell, 1};
    }
    free(st);
    term_t shown = 0;
    if (a->nwhere == first_where + 1 && a->w[first_where].t == r) { /* X = f(X) */
        var_term_rename(a->w[first_where].name, rname);
        a->nwhere--;
    } else {
        for (int w = first_where; w < a->nwhere; w++) {
            char buf[24];
            snprintf(buf, sizeof buf, "_S%d", ++a->nsnames);
            var_term_rename(a->w[w].name, atom_from_cstr(buf));
            if (a->w[w].t == r)
                shown = a->w[w].name;
        }
    }
    return shown;
}

/* Count occurrences of unbound variables in t (now acyclic) into o. */
struct occ {
    term_t var;
    int count;
};

static void count_vars(term_t t, struct occ *o, int *n, int max)
{
    size_t cap = 64, k = 0;
    term_t *st = malloc(cap * sizeof *st);
    if (!st)
        err_resource(ATOM_memory);
    st[k++] = t;
    while (k) {
        t = term_deref(st[--k]);
        if (term_is_var(t)) {
            int i = 0;
            while (i < *n && o[i].var != t)
                i++;
            if (i < *n)
                o[i].count++;
            else if (*n < max)
                o[(*n)++] = (struct occ){t, 1};
            continue;
        }
        if (!term_is_compound(t))
            continue;
        unsigned ar = functor_arity(term_functor(t));
        if (k + ar > cap) {
            cap = 2 * (k + ar);
            term_t *g = realloc(st, cap * sizeof *st);
            if (!g)
                err_resource(ATOM_memory);
            st = g;
        }
        for (unsigned i = ar; i >= 1; i--) /* left to right: the first occurrence names first */
            st[k++] = term_arg(t, i);
    }
    free(st);
}

/* Print the bindings, the snapshot already taken; true if anything was. */
static bool print_bindings_now(term_t names)
{
    enum { MAXV = 256 };
    term_t vals[MAXV];
    atom_t nm[MAXV];
    int nv = 0;
    for (term_t l = term_deref(names); term_is_list_cell(l) && nv < MAXV; l = term_deref(term_arg(l, 2))) {
        term_t eq = term_deref(term_arg(l, 1));
        nm[nv] = term_get_atom(term_deref(term_arg(eq, 1)));
        vals[nv] = term_deref(term_arg(eq, 2));
        nv++;
    }
    /* query variables with identical values form a group, printed as a
     * chain (X = Y, Y = 1) with the value of its last member; decided by ==
     * on the values as they are, before any cycle is cut (X = f(X),
     * Y = f(Y) is one group, as in swipl) */
    bool unbound[MAXV];
    int first[MAXV]; /* the group's first member */
    int last[MAXV];  /* for a first member: the group's last */
    for (int i = 0; i < nv; i++) {
        unbound[i] = term_is_var(vals[i]);
        first[i] = last[i] = i;
        for (int j = 0; j < i; j++)
            if (first[j] == j && unbound[i] == unbound[j] &&
                (unbound[i] ? vals[i] == vals[j] : compare_terms(vals[i], vals[j]) == 0)) {
                first[i] = j;
                last[j] = i;
                break;
            }
    }
    struct answer a = {0};
    struct seen m = {0};
    term_t shown[MAXV]; /* for a first member: what the group's value is shown as */
    for (int i = 0; i < nv; i++)
        if (first[i] == i) {
            shown[i] = cut_cycles(&a, last[i], vals[last[i]], nm[last[i]], &m);
            if (!shown[i])
                shown[i] = vals[last[i]];
        }
    /* a query variable still unbound keeps its name; a variable met in the
     * values that is another query variable is printed by that name */
    struct occ occ[MAXV];
    int no = 0;
    for (int i = 0; i < nv; i++)
        if (first[i] == i && !unbound[i])
            count_vars(vals[last[i]], occ, &no, MAXV);
    for (int i = 0; i < a.nwhere; i++)
        count_vars(a.w[i].t, occ, &no, MAXV);
    int letter = 0;
    for (int i = 0; i < no; i++) {
        const char *name = NULL; /* X = Y, Y = Z: Z stands for them in other values */
        for (int j = nv - 1; j >= 0 && !name; j--)
            if (vals[j] == occ[i].var)
                name = atom_name(nm[j]);
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
        term_bind(occ[i].var, var_term(name));
    }
    bool any = false;
    for (int i = 0; i < nv; i++) {
        if (first[i] != i)
            continue;
        int group[MAXV], ng = 0;
        for (int j = i; j < nv; j++)
            if (first[j] == i)
                group[ng++] = j;
        if (unbound[i] && ng == 1)
            continue; /* X = _: nothing to say */
        if (any)
            put(",\n");
        for (int k = 0; k + 1 < ng; k++)
            printf("%s%s = %s", k ? ", " : "", atom_name(nm[group[k]]), atom_name(nm[group[k + 1]]));
        if (!unbound[i]) {
            printf("%s%s = ", ng > 1 ? ", " : "", atom_name(nm[group[ng - 1]]));
            write_value(shown[i]);
        }
        /* the cycles first met in this group's value, as swipl: after it */
        bool head = true;
        for (int w = 0; w < a.nwhere; w++) {
            if (a.w[w].root != last[i])
                continue;
            put(head ? ", % where\n" : ",\n");
            printf("    %s = ", atom_name(term_get_atom(term_arg(a.w[w].name, 1))));
            write_value(a.w[w].t);
            head = false;
        }
        any = true;
    }
    free(a.w);
    free(m.key);
    free(m.state);
    free(m.name);
    return any;
}

/* Print the bindings of an answer; true if anything was printed. */
static bool print_bindings(term_t names)
{
    fflush(stdout);
    snap_id id;
    long v = snap_take(&id);
    if (v == -1)
        err_resource(ATOM_memory);
    if (v == 0) {
        bool any = print_bindings_now(names);
        fflush(stdout);
        snap_restore(id, any ? 2 : 3);
    }
    snap_drop(id);
    return v == 2;
}

static bool on_answer(void *ctx)
{
    struct query *q = ctx;
    answer_begin();
    if (!print_bindings(q->names))
        put("true");
    bool more = solve_has_alternatives();
    answer_end();
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
    int c = os_read_key();
    for (;;) {
        if (c == ';' || c == ' ' || c == 'n' || c == 'r') {
            put(";\n");
            return true;
        }
        if (c == '\n' || c == '\r' || c == 'c' || c == 'a' || c == '.' || c == EOF) {
            put(".\n\n");
            return false;
        }
        c = os_read_key();
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
        /* line editing and history through the platform layer (readline
         * on the host side under snapvm or the launcher; a plain read
         * otherwise) */
        fflush(stdout);
        long n = plat_readline(s->fresh ? "?- " : "|    ", s->buf, s->cap - 1);
        s->fresh = false;
        if (n < 0)
            return 0;
        s->buf[n] = '\n';
        *out = (const unsigned char *)s->buf;
        return (size_t)n + 1;
    }
    s->fresh = false;
    if (!fgets(s->buf, (int)s->cap, stdin))
        return 0;
    *out = (const unsigned char *)s->buf;
    return strlen(s->buf);
}

/* The query crashed and its guard put everything back: say what happened. */
static void report_crash(void)
{
    struct plat_fault f;
    plat_coarse_fault(&f);
    const char *what = f.sig == SIGSEGV ? "segmentation fault"
                       : f.sig == SIGBUS ? "bus error"
                       : f.sig == SIGFPE ? "arithmetic exception"
                       : f.sig == SIGILL ? "illegal instruction"
                                         : "trap";
    fflush(stdout);
    if (f.addr || f.sig == SIGSEGV)
        fprintf(stderr, "ERROR: the query crashed in C code: %s at address 0x%lx (pc 0x%lx)\n", what, f.addr,
                f.rip);
    else
        fprintf(stderr, "ERROR: the query crashed in C code: %s (pc 0x%lx)\n", what, f.rip);
    fputs("ERROR: everything it did was undone; the engine is as it was before it\n", stderr);
}

/* Can a call of f run: a built-in, a control construct, a predicate with
 * clauses or declared, or one a library exports (autoloaded)? */
static bool callable_functor(functor_t f)
{
    struct pred *p = db_lookup(f);
    if (p && (p->flags & (PRED_DEFINED | PRED_DYNAMIC | PRED_BUILTIN | PRED_CONTROL)))
        return true;
    return lib_exporter(f) >= 0;
}

/* The first goal of a query, through , ; -> *-> \+ and Module:, whose
 * predicate does not exist; 0 when there is none. */
static term_t undefined_goal(term_t g, atom_t *module)
{
    g = term_deref(g);
    if (term_is_var(g) || !term_is_callable(g))
        return 0;
    if (term_is_compound(g)) {
        functor_t f = term_functor(g);
        if (f == FUNCTOR_comma2 || f == FUNCTOR_semicolon2 || f == FUNCTOR_arrow2 || f == FUNCTOR_softarrow2) {
            term_t u = undefined_goal(term_arg(g, 1), module);
            return u ? u : undefined_goal(term_arg(g, 2), module);
        }
        if (f == FUNCTOR_not_provable1)
            return undefined_goal(term_arg(g, 1), module);
        if (f == FUNCTOR_colon2 && term_is_atom(term_deref(term_arg(g, 1)))) {
            term_t u = undefined_goal(term_arg(g, 2), module);
            if (u && !*module)
                *module = term_get_atom(term_deref(term_arg(g, 1)));
            return u;
        }
    }
    atom_t name;
    unsigned arity;
    term_name_arity(g, &name, &arity);
    return callable_functor(functor_intern(name, arity)) ? 0 : g;
}

/* As swipl's DWIM before a query runs: a goal of the query whose
 * predicate does not exist (with the unknown flag at error) is reported,
 * and the query is not run.  When the name is defined with other arities
 * they are listed and the answer is false; else "(DWIM could not correct
 * goal)".  Returns true when it reported. */
static bool dwim_report(term_t query)
{
    if (flags_unknown() != ATOM_error)
        return false;
    atom_t module = 0;
    term_t g = undefined_goal(query, &module);
    if (!g)
        return false;
    atom_t name;
    unsigned arity;
    term_name_arity(g, &name, &arity);
    char qual[512] = "";
    if (module)
        snprintf(qual, sizeof qual, "%s:", atom_name(module));
    unsigned others[64], n = 0;
    bool more = true;
    for (size_t i = 0; more && n < 64; i++) {
        struct pred *p = db_pred_at(i, &more);
        if (p && functor_name(p->f) == name && functor_arity(p->f) != arity && callable_functor(p->f))
            others[n++] = functor_arity(p->f);
    }
    for (unsigned i = 1; i < n; i++) /* by arity, as swipl lists them */
        for (unsigned k = i; k > 0 && others[k - 1] > others[k]; k--) {
            unsigned t = others[k];
            others[k] = others[k - 1];
            others[k - 1] = t;
        }
    fflush(stdout);
    if (n == 0) {
        fprintf(stderr, "ERROR: Unknown procedure: %s%s/%u (DWIM could not correct goal)\n", qual, atom_name(name), arity);
        return true;
    }
    fprintf(stderr, "ERROR: Unknown procedure: %s%s/%u\nERROR:     However, there are definitions for:\n", qual,
            atom_name(name), arity);
    for (unsigned k = 0; k < n; k++)
        fprintf(stderr, "ERROR:         %s/%u\n", atom_name(name), others[k]);
    answer_begin();
    put("false.\n\n");
    answer_end();
    return true;
}

int toplevel_repl(bool quiet)
{
    /* Ctrl-C stops the running goal and returns to the prompt: a flag the
     * dispatch loop polls, set by a handler natively and by the monitor
     * under snapvm (which ends the guest on SIGINT otherwise) */
    plat_on_interrupt(solve_interrupt_word());
    struct stdin_src in = {.cap = 1 << 16, .tty = isatty(0) != 0, .fresh = true};
    in.buf = mem_palloc(in.cap); /* fgets is not seen by the barrier */
    if (!in.buf)
        return 1;
    rd_src src = {.fill = fill_line, .ctx = &in};
    rd_lexer lx;
    rd_lex_init(&lx, &src);
    rd_options opt;
    for (;;) {
        /* each query with the flags as the previous one left them
         * (double_quotes, back_quotes), as swipl */
        read_options_default(&opt);
        opt.want_variable_names = true;
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
        if (dwim_report(res.term))
            continue;
        struct query q = {.names = res.variable_names, .tty = in.tty};
        *solve_interrupt_word() = 0; /* a Ctrl-C at the prompt is not for this query */
        /* The query runs under a coarse guard snapshot: a crash in C code (a
         * bad pointer, a C stack overflow) puts the whole engine back as it
         * was before the query instead of ending it. */
        long guard = 0;
        long g = plat_coarse_snapshot(PLAT_COARSE_GUARD, &guard);
        if (g == 2) {
            report_crash();
            continue;
        }
        term_t ball;
        switch (solve(res.term, on_answer, &q, &ball)) {
        case SOLVE_TRUE:
            break;
        case SOLVE_FALSE:
            answer_begin();
            put("false.\n\n");
            answer_end();
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
        if (g == 0)
            plat_coarse_snapshot(PLAT_COARSE_DROP, &guard);
    }
    rd_lex_free(&lx);
    put("\n"); /* as swipl at the end of its input, terminal or not */
    fflush(stdout);
    if (!quiet)
        fputs("% halt\n", stderr);
    return 0;
}
