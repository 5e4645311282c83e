/* tests/lang/lang_rt.c: lang-rt, a host tool for the reader/writer tests.
 *
 *   lang-rt [--names] [MODE...] < FILE     MODE: writeq print write canonical roundtrip
 *
 * --names binds each variable to '$VAR'(Name) ('$VAR'('_') for _) before
 * printing, as listing/1 does, so the output does not depend on addresses.
 *
 * Reads clauses from stdin with the reader and prints each term once per
 * MODE, one line each (default: writeq).  A clause `:- op(P, T, N).` is
 * executed (the op table is the reader's), printing `op: ok` or the ISO
 * error it would raise.  A syntax error prints
 * `syntax_error(What) at LINE:COL` and reading goes on after the clause.
 * `roundtrip` writes with writeq, reads the text back and prints `same` or
 * `DIFFERENT: <text>`.  Built only for the tests; not installed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine/term.h"
#include "lang/ops.h"
#include "lang/reader.h"
#include "lang/writer.h"
#include "variant.h"

static unsigned char inbuf[1 << 16];

static size_t fill_stdin(void *ctx, const unsigned char **buf)
{
    (void)ctx;
    ssize_t n = read(0, inbuf, sizeof inbuf);
    *buf = inbuf;
    return n > 0 ? (size_t)n : 0;
}

static void out_term(term_t t, const wr_options *o)
{
    size_t len;
    char *s = wr_term_to_text(t, o, &len);
    fwrite(s, 1, len, stdout);
    putchar('\n');
    free(s);
}

/* do_op: op(P, T, N) as the op/3 built-in would do it (N an atom). */
static void do_op(term_t goal)
{
    term_t p = term_deref(term_arg(goal, 1)), t = term_deref(term_arg(goal, 2));
    term_t n = term_deref(term_arg(goal, 3));
    if (!term_is_smallint(p) || !term_is_atom(t) || !term_is_atom(n)) {
        printf("op: type_error\n");
        return;
    }
    rd_optype ty = rd_optype_parse(atom_name(term_get_atom(t)));
    static const char *const names[] = {
        "ok", "domain_error(operator_priority)", "domain_error(operator_specifier)",
        "permission_error(modify,operator)", "permission_error(create,operator)"};
    rd_op_error e = rd_op_check((long)term_get_smallint(p), ty, term_get_atom(n));
    if (e == RD_OPE_OK && !rd_op_set((int)term_get_smallint(p), ty, term_get_atom(n)))
        printf("op: resource_error\n");
    else
        printf("op: %s\n", names[e]);
}

/* bind_var_names: each named variable to '$VAR'(Name), the others to
 * '$VAR'('_'), so that output does not depend on variable addresses (the
 * swipl side of the corpus does the same). */
static void bind_var_names(const rd_result *res)
{
    functor_t fvar = functor_intern(atom_from_cstr("$VAR"), 1);
    for (term_t l = term_deref(res->variable_names); term_is_list_cell(l); l = term_deref(term_arg(l, 2))) {
        term_t eq = term_deref(term_arg(l, 1));
        term_t v = term_deref(term_arg(eq, 2));
        if (term_is_var(v))
            term_bind(v, term_compound1(fvar, term_deref(term_arg(eq, 1))));
    }
    for (term_t l = term_deref(res->variables); term_is_list_cell(l); l = term_deref(term_arg(l, 2))) {
        term_t v = term_deref(term_arg(l, 1));
        if (term_is_var(v))
            term_bind(v, term_compound1(fvar, term_atom(atom_from_cstr("_"))));
    }
}

int main(int argc, char **argv)
{
    if (!term_init(1u << 24) || !rd_ops_init()) {
        fprintf(stderr, "lang-rt: cannot initialise the term layer\n");
        return 2;
    }
    const char *dflt[] = {"writeq"};
    bool bind_names = argc > 1 && strcmp(argv[1], "--names") == 0;
    if (bind_names)
        argc--, argv++;
    const char **modes = argc > 1 ? (const char **)argv + 1 : dflt;
    int nmodes = argc > 1 ? argc - 1 : 1;
    rd_src src = {.fill = fill_stdin};
    rd_lexer lx;
    rd_lex_init(&lx, &src);
    rd_options ro;
    rd_options_default(&ro);
    ro.want_variables = ro.want_variable_names = true;
    functor_t op3 = functor_intern(atom_from_cstr("op"), 3);
    for (;;) {
        rd_result res;
        rd_status st = rd_read(&lx, &ro, &res);
        if (st == RD_EOF)
            break;
        if (st == RD_SYNTAX_ERROR) {
            printf("syntax_error(%s) at %ld:%ld\n", res.error.what, res.error.pos.line,
                   res.error.pos.col);
            continue;
        }
        term_t t = term_deref(res.term);
        if (bind_names)
            bind_var_names(&res);
        if (term_is_compound(t) && term_functor(t) == FUNCTOR_neck1) {
            term_t g = term_deref(term_arg(t, 1));
            if (term_is_compound(g) && term_functor(g) == op3) {
                do_op(g);
                continue;
            }
        }
        for (int m = 0; m < nmodes; m++) {
            wr_options o;
            if (strcmp(modes[m], "writeq") == 0) {
                wr_options_writeq(&o);
            } else if (strcmp(modes[m], "print") == 0) {
                wr_options_print(&o);
            } else if (strcmp(modes[m], "write") == 0) {
                wr_options_write(&o);
            } else if (strcmp(modes[m], "canonical") == 0) {
                wr_options_canonical(&o);
            } else if (strcmp(modes[m], "roundtrip") == 0) {
                wr_options_writeq(&o);
                o.numbervars = false;
                size_t len;
                char *s = wr_term_to_text(t, &o, &len);
                rd_result back;
                rd_status bs = rd_read_text(s, len, &ro, &back);
                if (bs == RD_OK && lt_variant(t, back.term))
                    printf("same\n");
                else
                    printf("DIFFERENT: %s\n", s);
                free(s);
                continue;
            } else {
                fprintf(stderr, "lang-rt: unknown mode %s\n", modes[m]);
                return 2;
            }
            out_term(t, &o);
        }
        fflush(stdout);
    }
    rd_lex_free(&lx);
    return 0;
}
