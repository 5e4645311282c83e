/* listing.c - portray_clause/1 and listing/1 layout, as swipl 9 prints.
 *
 * The clause is copied and its variables named: A, B, ... in order of first
 * appearance, _ for those that occur once.  Terms are written quoted, with
 * a space after argument commas.  A body goes one goal a line, indented by
 * 4; if-then-else and disjunctions as
 *
 *     (   Cond
 *     ->  Then
 *     ;   Else
 *     )
 *
 * and a goal in canonical form whose arguments hold control constructs
 * (findall(X, (a, b), L), \+ (a, b)) one argument a line, the conjunction
 * in "( ... )" aligned under the argument.  The text is returned to Prolog,
 * which writes it to the stream (stdlib/listing.pl).
 */
#include "listing.h"

#include <stdlib.h>
#include <string.h>

#include "engine/copy.h"
#include "engine/db.h"
#include "engine/error.h"
#include "engine/unify.h"
#include "lang/ops.h"
#include "lang/writer.h"
#include "library.h"

struct pc {
    wr_sink s;
    wr_options o;
};

static size_t column(const wr_sink *s)
{
    size_t i = s->len;
    while (i > 0 && s->buf[i - 1] != '\n')
        i--;
    return s->len - i;
}

static void nl_indent(struct pc *p, size_t col)
{
    wr_puts(&p->s, "\n");
    for (size_t i = 0; i < col; i++)
        wr_puts(&p->s, " ");
}

static bool is_f2(term_t t, functor_t f) { return term_is_compound(t) && term_functor(t) == f; }

static bool is_disj(term_t t)
{
    return is_f2(t, FUNCTOR_semicolon2) || is_f2(t, FUNCTOR_arrow2) || is_f2(t, FUNCTOR_softarrow2);
}

static bool is_control(term_t t)
{
    t = term_deref(t);
    return is_f2(t, FUNCTOR_comma2) || is_disj(t);
}

static void body(struct pc *p, term_t t, size_t col);

/* Cond -> Then (or *->), at col, the "(   " already written. */
static void if_then(struct pc *p, term_t t, size_t col)
{
    body(p, term_arg(t, 1), col + 4);
    nl_indent(p, col);
    wr_puts(&p->s, term_functor(t) == FUNCTOR_arrow2 ? "->  " : "*-> ");
    body(p, term_arg(t, 2), col + 4);
}

/* The alternatives of a disjunction, flattened: a;b;c, a->b;c->d;e. */
static void alternatives(struct pc *p, term_t t, size_t col)
{
    t = term_deref(t);
    if (!is_f2(t, FUNCTOR_semicolon2)) {
        if (is_disj(t))
            if_then(p, t, col);
        else
            body(p, t, col + 4);
        return;
    }
    term_t l = term_deref(term_arg(t, 1));
    if (is_f2(l, FUNCTOR_arrow2) || is_f2(l, FUNCTOR_softarrow2))
        if_then(p, l, col);
    else
        body(p, l, col + 4);
    nl_indent(p, col);
    wr_puts(&p->s, ";   ");
    alternatives(p, term_arg(t, 2), col);
}

static void disjunction(struct pc *p, term_t t, size_t col)
{
    wr_puts(&p->s, "(   ");
    alternatives(p, t, col);
    nl_indent(p, col);
    wr_puts(&p->s, ")");
}

/* A control construct as an argument, at col. */
static void control_arg(struct pc *p, term_t t, size_t col)
{
    t = term_deref(t);
    if (is_f2(t, FUNCTOR_comma2)) {
        wr_puts(&p->s, "( ");
        body(p, t, col + 2);
        nl_indent(p, col);
        wr_puts(&p->s, ")");
    } else {
        disjunction(p, t, col);
    }
}

static bool is_operator_term(term_t t)
{
    unsigned n = functor_arity(term_functor(t));
    atom_t name = functor_name(term_functor(t));
    int pri;
    rd_optype type;
    if (n == 2)
        return rd_op_lookup(name, RD_INFIX, &pri, &type);
    if (n == 1)
        return rd_op_lookup(name, RD_PREFIX, &pri, &type) || rd_op_lookup(name, RD_POSTFIX, &pri, &type);
    return false;
}

/* {Goals} (a DCG body's plain Prolog): "{ " then the goals one a line under
 * the first, then "}" under the brace, as swipl. */
static void curly(struct pc *p, term_t t, size_t col)
{
    wr_puts(&p->s, "{ ");
    body(p, term_arg(t, 1), col + 2);
    nl_indent(p, col);
    wr_puts(&p->s, "}");
}

/* A goal or a fact, at priority 999 (an operator term above it is
 * bracketed: (dynamic f/1)). */
static void term999(struct pc *p, term_t t)
{
    wr_options o = p->o;
    o.priority = 999;
    wr_term(&p->s, t, &o);
}

static void goal(struct pc *p, term_t t)
{
    t = term_deref(t);
    if (is_f2(t, FUNCTOR_curly1)) {
        curly(p, t, column(&p->s));
        return;
    }
    if (term_is_compound(t)) {
        functor_t f = term_functor(t);
        unsigned n = functor_arity(f);
        bool meta = false;
        for (unsigned i = 1; i <= n; i++)
            meta |= is_control(term_arg(t, i));
        if (f == FUNCTOR_not_provable1) {
            wr_puts(&p->s, "\\+ ");
            if (meta)
                control_arg(p, term_arg(t, 1), column(&p->s));
            else
                goal(p, term_arg(t, 1));
            return;
        }
        if (meta && !is_operator_term(t)) {
            wr_term(&p->s, term_atom(functor_name(f)), &p->o);
            wr_puts(&p->s, "(");
            size_t col = column(&p->s);
            for (unsigned i = 1; i <= n; i++) {
                if (i > 1) {
                    wr_puts(&p->s, ",");
                    nl_indent(p, col);
                }
                if (is_control(term_arg(t, i)))
                    control_arg(p, term_arg(t, i), col);
                else
                    wr_term(&p->s, term_arg(t, i), &p->o);
            }
            wr_puts(&p->s, ")");
            return;
        }
    }
    term999(p, t);
}

static void body(struct pc *p, term_t t, size_t col)
{
    t = term_deref(t);
    if (is_f2(t, FUNCTOR_comma2)) {
        body(p, term_arg(t, 1), col);
        wr_puts(&p->s, ",");
        nl_indent(p, col);
        body(p, term_arg(t, 2), col);
    } else if (is_disj(t)) {
        disjunction(p, t, col);
    } else {
        goal(p, t);
    }
}

/* Name the variables of t (a fresh copy): '$VAR'(N) for those seen twice
 * or more, '$VAR'('_') for singletons. */
static void name_vars(term_t t)
{
    size_t cap = 64, n = 0, top = 0, scap = 64;
    term_t *vars = malloc(cap * sizeof *vars);
    unsigned *count = malloc(cap * sizeof *count);
    term_t *stack = malloc(scap * sizeof *stack);
    if (!vars || !count || !stack)
        err_resource(ATOM_memory);
    stack[top++] = t;
    while (top) {
        term_t x = term_deref(stack[--top]);
        if (term_is_var(x)) {
            size_t i = 0;
            while (i < n && vars[i] != x)
                i++;
            if (i == n) {
                if (n == cap) {
                    cap *= 2;
                    vars = realloc(vars, cap * sizeof *vars);
                    count = realloc(count, cap * sizeof *count);
                    if (!vars || !count)
                        err_resource(ATOM_memory);
                }
                vars[n] = x;
                count[n++] = 0;
            }
            count[i]++;
        } else if (term_is_compound(x)) {
            unsigned a = functor_arity(term_functor(x));
            if (top + a > scap) {
                scap = (top + a) * 2;
                stack = realloc(stack, scap * sizeof *stack);
                if (!stack)
                    err_resource(ATOM_memory);
            }
            for (unsigned i = a; i >= 1; i--)
                stack[top++] = term_arg(x, i);
        }
    }
    functor_t var = functor_intern(atom_from_cstr("$VAR"), 1);
    int64_t k = 0;
    for (size_t i = 0; i < n; i++)
        term_bind(vars[i], term_compound1(var, count[i] > 1 ? term_smallint(k++) : term_atom(atom_from_cstr("_"))));
    free(vars);
    free(count);
    free(stack);
}

static void options(struct pc *p)
{
    wr_options_writeq(&p->o);
    p->o.numbervars = true;
    p->o.spacing = true;
}

/* One clause, with its full stop and newline, into p's sink. */
static void clause_text(struct pc *p, term_t cl)
{
    cl = copy_term(cl);
    name_vars(cl);
    cl = term_deref(cl);
    term_t head = cl, b = TERM_TRUE;
    const char *neck = " :-";
    if (is_f2(cl, FUNCTOR_neck2)) {
        head = term_arg(cl, 1);
        b = term_deref(term_arg(cl, 2));
    } else if (is_f2(cl, functor_intern(atom_from_cstr("-->"), 2))) {
        head = term_arg(cl, 1);
        b = term_deref(term_arg(cl, 2));
        neck = " -->";
    }
    if (is_f2(cl, FUNCTOR_neck1)) { /* a directive: its goals under the first */
        wr_puts(&p->s, ":- ");
        body(p, term_arg(cl, 1), 3);
    } else if (head == cl && (is_f2(cl, FUNCTOR_comma2) || is_disj(cl) || is_f2(cl, FUNCTOR_curly1))) {
        body(p, cl, 0); /* a term that is a body: laid out as one */
    } else {
        term999(p, head);
        if (b != TERM_TRUE || neck[1] == '-') {
            wr_puts(&p->s, neck);
            nl_indent(p, 4);
            body(p, b, 4);
        }
    }
    wr_puts(&p->s, ".\n");
}

static bool give_text(struct pc *p, term_t out)
{
    size_t len;
    char *text = wr_sink_take(&p->s, &len);
    wr_sink_free(&p->s);
    if (!text)
        err_resource(ATOM_memory);
    term_t s = term_string(text, len);
    free(text);
    return unify(out, s);
}

/* '$portray_clause_text'(+Clause, -Text) is det. */
static bool bi_portray_text(term_t *a)
{
    struct pc p;
    wr_sink_buffer(&p.s);
    options(&p);
    clause_text(&p, a[0]);
    return give_text(&p, a[1]);
}

static void list_pred(struct pc *p, struct pred *pr)
{
    if (pr->flags & PRED_DYNAMIC) {
        wr_puts(&p->s, ":- dynamic ");
        wr_term(&p->s, err_pred_indicator(functor_name(pr->f), functor_arity(pr->f)), &p->o);
        wr_puts(&p->s, ".\n\n");
    }
    uint64_t gen = db_generation();
    for (struct clause *c = db_next_match(pr->first, 0, gen); c; c = db_next_match(c->next, 0, gen))
        clause_text(p, copy_from_persistent(c->term));
    wr_puts(&p->s, "\n");
}

/* '$listing_text'(?Spec, -Text) is det: the predicates Spec names (Name or
 * Name/Arity), or every user predicate when Spec is unbound. */
static bool bi_listing_text(term_t *a)
{
    term_t spec = term_deref(a[0]);
    atom_t name = 0;
    int64_t arity = -1;
    if (!term_is_var(spec)) {
        if (is_f2(spec, FUNCTOR_slash2)) {
            name = err_need_atom(term_arg(spec, 1));
            arity = err_need_int(term_arg(spec, 2));
        } else {
            name = err_need_atom(spec);
        }
    }
    struct pc p;
    wr_sink_buffer(&p.s);
    options(&p);
    bool more = true;
    for (size_t i = 0; more; i++) {
        struct pred *pr = db_pred_at(i, &more);
        if (!pr || (pr->flags & (PRED_BUILTIN | PRED_CONTROL)) || !(pr->flags & (PRED_DEFINED | PRED_DYNAMIC)))
            continue;
        if (name ? functor_name(pr->f) != name || (arity >= 0 && functor_arity(pr->f) != arity)
                 : lib_is_file(pr->file))
            continue;
        list_pred(&p, pr);
    }
    return give_text(&p, a[1]);
}

void listing_register(void)
{
    db_register_det("$portray_clause_text", 2, bi_portray_text);
    db_register_det("$listing_text", 2, bi_listing_text);
}
