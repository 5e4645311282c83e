/* lang/writer.c: the term writer.
 *
 * Every token goes through sep(), which puts a space before it exactly when
 * it would otherwise glue to the previous one and read back differently:
 * two alphanumerics, two symbol characters, a digit or symbol after a
 * prefix - (- 1 is -(1), -1 is a number), a bracket after a prefix operator
 * (- (a,b) is not the compound -(a,b)), an embracing bracket after a name.
 * An infix operator that needed a space before it gets one after it too
 * (& - 0, X is 1).  These are swipl 9's rules (its pl-write.c); the corpus
 * in tests/lang checks our output against swipl's, including random terms.
 */
#include "writer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atomtext.h"
#include "engine/wstack.h"
#include "lex.h"
#include "numtext.h"
#include "ops.h"

typedef struct vname {
    term_t var;
    int count, number;
} vname;

typedef struct writer {
    wr_sink *out;
    const wr_options *o;
    unsigned after;     /* AFTER_* : what the last token was, cleared by any output */
    vname *vt;          /* name_vars: variables seen, with occurrence counts */
    size_t nvt, vcap;
    int nnamed;
    int depth;          /* compound levels, for max_depth */
    int nesting;        /* C recursion of write_term */
    char *cl;           /* brackets still to close (push_closer) */
    size_t ncl, clcap;
    struct wmap *cyc;   /* a cyclic term: compound -> 4 * its S_k number */
    term_t defining;    /* the S_k whose definition is about to be written */
} writer;

void wr_options_write(wr_options *o)
{
    memset(o, 0, sizeof *o);
    o->numbervars = true;
    o->brace_terms = true;
}

void wr_options_writeq(wr_options *o)
{
    wr_options_write(o);
    o->quoted = true;
}

bool (*wr_print_portray)(void *ctx, term_t t, wr_sink *out);

void wr_options_print(wr_options *o)
{
    wr_options_writeq(o);
    o->portray = wr_print_portray;
}

void wr_options_canonical(wr_options *o)
{
    memset(o, 0, sizeof *o);
    o->quoted = true;
    o->ignore_ops = true;
    o->name_vars = true;
    o->quote_wide = true;
}

static bool is_digit(int c)
{
    return c >= '0' && c <= '9';
}

enum {
    AFTER_PREFIX_OP = 1,   /* a prefix operator: ( and { need a space */
    AFTER_PREFIX_MINUS = 2, /* prefix -: digits and symbol chars need a space */
    AFTER_INFIX_OP = 4,    /* an infix operator: ( needs none */
};

static bool is_punct(int c)
{
    return c == '(' || c == ')' || c == '[' || c == ']' || c == '{' || c == '}' || c == ',' ||
           c == '|' || c == '!' || c == ';' || c == ' ';
}

/* raw: text that needs no separation check (brackets, commas, the body of
 * quoted text); it ends whatever the last token was. */
static void raw(writer *w, const char *s, size_t len)
{
    w->after = 0;
    wr_put(w->out, s, len);
}

/* sep: a space if a token starting with c would glue to what went before;
 * open: the token is an opening bracket (not functional notation). */
static bool sep(writer *w, int c)
{
    int last = w->out->last;
    unsigned after = w->after;
    bool space = false;
    w->after = 0;
    if (last < 0)
        return false;
    if ((after & AFTER_PREFIX_MINUS) && (is_digit(c) || rd_is_symbol_char(c)))
        space = true;
    else if ((after & AFTER_PREFIX_OP) && (c == '(' || c == '{'))
        space = true;
    else if ((after & AFTER_INFIX_OP) && c == '(')
        space = false;
    else if (rd_is_alnum(last) && rd_is_alnum(c))
        space = true;
    else if (rd_is_symbol_char(last) && rd_is_symbol_char(c))
        space = true;
    else if (c == '(' && !is_punct(last))
        space = true; /* f (x) is not f(x): an embracing bracket after a name */
    else if (is_digit(last) && c == '\'')
        space = true; /* 0'x' would read as a character code */
    else if ((c == '\'' || c == '"') && last == c)
        space = true; /* 'a''b' would read as one atom */
    if (space)
        wr_put(w->out, " ", 1);
    return space;
}

/* emit: a token; true when a space went before it */
static bool emit(writer *w, const char *s, size_t len)
{
    if (len == 0)
        return false;
    size_t used;
    bool spaced = sep(w, wr_utf8_decode(s, len, &used));
    wr_put(w->out, s, len);
    return spaced;
}

static void emits(writer *w, const char *s)
{
    emit(w, s, strlen(s));
}

static bool has_wide(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0xc4) /* lead bytes of code points from 0x100 on */
            return true;
    return false;
}

static bool write_atom(writer *w, atom_t a)
{
    const char *s = atom_name(a);
    size_t len = atom_length(a);
    if (w->o->quoted && (wr_atom_needs_quotes(s, len) || (w->o->quote_wide && has_wide(s, len)))) {
        bool spaced = sep(w, '\'');
        wr_put_quoted(w->out, s, len, '\'');
        return spaced;
    }
    return emit(w, s, len);
}

/* --- numbers ----------------------------------------------------------------- */

char *wr_bigint_text(term_t t)
{
    size_t n;
    bool neg;
    const uint64_t *limbs = term_big_limbs(t, &n, &neg);
    if (nt_big_to_text)
        return nt_big_to_text(limbs, n, neg);
    uint64_t *q = malloc(n * sizeof *q);
    /* 20 decimal digits per limb is enough, plus sign and NUL */
    char *buf = malloc(n * 20 + 3);
    if (!q || !buf) {
        free(q);
        free(buf);
        return NULL;
    }
    memcpy(q, limbs, n * sizeof *q);
    /* repeated division by 10^19, collecting 19-digit chunks backwards */
    const uint64_t base = 10000000000000000000u;
    size_t len = 0, top = n;
    char *rev = buf + n * 20 + 2;
    *rev = 0;
    while (top > 0) {
        unsigned __int128 r = 0;
        for (size_t i = top; i-- > 0;) {
            unsigned __int128 cur = (r << 64) | q[i];
            q[i] = (uint64_t)(cur / base);
            r = cur % base;
        }
        while (top > 0 && q[top - 1] == 0)
            top--;
        uint64_t chunk = (uint64_t)r;
        for (int d = 0; d < 19 && (top > 0 || chunk > 0); d++) {
            *--rev = (char)('0' + chunk % 10);
            chunk /= 10;
            len++;
        }
    }
    if (len == 0)
        *--rev = '0', len = 1;
    if (neg)
        *--rev = '-', len++;
    memmove(buf, rev, len + 1);
    free(q);
    return buf;
}

static void write_number(writer *w, term_t t)
{
    if (term_is_float(t)) {
        char b[WR_FLOAT_MAX];
        size_t n = wr_format_float(term_get_float(t), b);
        emit(w, b, n);
    } else if (term_is_smallint(t)) {
        char b[WR_INT_MAX];
        size_t n = wr_format_int(term_get_smallint(t), b);
        emit(w, b, n);
    } else {
        char *b = wr_bigint_text(t);
        if (b)
            emits(w, b);
        free(b);
    }
}

/* --- variables ----------------------------------------------------------------- */

/* The variable table is open addressing on the variable's address (vcap a
 * power of two, at most half full); var 0 marks an empty slot. */
static vname *vt_slot(const writer *w, term_t v)
{
    size_t mask = w->vcap - 1, i = (size_t)((v >> 3) * 0x9e3779b97f4a7c15u) >> 16 & mask;
    while (w->vt[i].var != 0 && w->vt[i].var != v)
        i = (i + 1) & mask;
    return &w->vt[i];
}

static vname *vt_find(writer *w, term_t v)
{
    if (w->vcap == 0)
        return NULL;
    vname *e = vt_slot(w, v);
    return e->var == v ? e : NULL;
}

static bool vt_grow(writer *w)
{
    size_t oldcap = w->vcap, cap = oldcap ? oldcap * 2 : 64;
    vname *old = w->vt, *nv = calloc(cap, sizeof *nv);
    if (!nv)
        return false;
    w->vt = nv;
    w->vcap = cap;
    for (size_t i = 0; i < oldcap; i++)
        if (old[i].var != 0)
            *vt_slot(w, old[i].var) = old[i];
    free(old);
    return true;
}

/* count_vars: occurrences of each variable of t, for write_canonical's
 * A/_ naming; an explicit stack, so any depth is fine. */
static void count_vars(writer *w, term_t t)
{
    size_t n = 0, cap = 64;
    term_t *st = malloc(cap * sizeof *st);
    if (!st)
        return;
    st[n++] = t;
    while (n > 0) {
        t = term_deref(st[--n]);
        if (term_is_var(t)) {
            if ((w->nvt + 1) * 2 > w->vcap && !vt_grow(w))
                break;
            vname *e = vt_slot(w, t);
            if (e->var == 0) {
                e->var = t;
                e->count = 0;
                e->number = -1;
                w->nvt++;
            }
            e->count++;
        } else if (term_is_compound(t)) {
            unsigned ar = functor_arity(term_functor(t));
            if (n + ar > cap) {
                while (n + ar > cap)
                    cap *= 2;
                term_t *ns = realloc(st, cap * sizeof *ns);
                if (!ns)
                    break;
                st = ns;
            }
            for (unsigned i = ar; i >= 1; i--)
                st[n++] = term_arg(t, i);
        }
    }
    free(st);
}

static void write_letter_name(writer *w, long n)
{
    char b[32];
    if (n < 26)
        snprintf(b, sizeof b, "%c", (int)('A' + n));
    else
        snprintf(b, sizeof b, "%c%ld", (int)('A' + n % 26), n / 26);
    emits(w, b);
}

/* The name (var_names) gives v, or NULL. */
static const char *given_name(const writer *w, term_t v)
{
    for (term_t l = term_deref(w->o->var_names); term_is_list_cell(l); l = term_deref(term_arg(l, 2))) {
        term_t e = term_deref(term_arg(l, 1));
        if (term_deref(term_arg(e, 2)) != v)
            continue;
        const char *name = atom_name(term_get_atom(term_deref(term_arg(e, 1))));
        if (strcmp(name, "_"))
            return name;
    }
    return NULL;
}

static void write_var(writer *w, term_t v)
{
    if (w->o->var_names) {
        const char *name = given_name(w, v);
        if (name) {
            emits(w, name);
            return;
        }
    }
    if (w->o->name_vars) {
        vname *e = vt_find(w, v);
        if (e && e->count > 1) {
            if (e->number < 0)
                e->number = w->nnamed++;
            write_letter_name(w, e->number);
        } else {
            emits(w, "_");
        }
        return;
    }
    char b[32];
    long off = (long)(term_ptr(v) - (term_t *)(void *)heap_start); /* swipl: _123 */
    snprintf(b, sizeof b, off < 0 ? "_G%ld" : "_%ld", off < 0 ? -off : off); /* below: nb_setarg's copies */
    emits(w, b);
}

/* --- terms ----------------------------------------------------------------------- */

static void write_term(writer *w, term_t t, int max, bool operand);

static void open_paren(writer *w)
{
    sep(w, '(');
    raw(w, "(", 1);
}

/* A cyclic term is written as swipl writes it, @(Template, [S_1=..., ...]):
 * every compound a cycle comes back to is named S_k, written by its name
 * wherever it occurs except at the head of its own definition. */
static size_t cycle_number(writer *w, term_t t)
{
    bool fresh;
    size_t *v = wmap_get(w->cyc, t, 0, &fresh);
    return *v / 4;
}

static bool write_cycle_name(writer *w, term_t t)
{
    size_t k = cycle_number(w, t);
    if (!k)
        return false;
    if (t == w->defining) {
        w->defining = 0;
        return false;
    }
    char buf[32];
    snprintf(buf, sizeof buf, "S_%zu", k);
    emits(w, buf);
    return true;
}

/* Name the compounds of t that a cycle comes back to, in the order met
 * depth first; their list goes to *targets (malloc'd); returns how many. */
static size_t find_cycles(struct wmap *m, term_t t, term_t **targets)
{
    struct wstack st;
    wstack_init(&st);
    size_t n = 0, cap = 0;
    bool fresh;
    *targets = NULL;
    *wmap_get(m, t, 0, &fresh) = 1;
    wstack_push(&st, t);
    wstack_push(&st, 1);
    while (!wstack_empty(&st)) {
        unsigned i = (unsigned)wstack_pop(&st);
        term_t u = wstack_pop(&st);
        if (i > functor_arity(term_functor(u))) {
            size_t *v = wmap_get(m, u, 0, &fresh);
            *v = (*v & ~(size_t)3) | 2; /* done */
            continue;
        }
        wstack_push(&st, u);
        wstack_push(&st, i + 1);
        term_t c = term_deref(term_arg(u, i));
        if (!term_is_compound(c))
            continue;
        size_t *v = wmap_get(m, c, 0, &fresh);
        if ((*v & 3) == 1 && *v / 4 == 0) { /* back to one on the path */
            if (n == cap) {
                cap = cap ? 2 * cap : 8;
                term_t *g = realloc(*targets, cap * sizeof *g);
                if (!g)
                    abort();
                *targets = g;
            }
            (*targets)[n++] = c;
            *v |= n * 4;
        } else if (!*v) {
            *v = 1;
            wstack_push(&st, c);
            wstack_push(&st, 1);
        }
    }
    wstack_fini(&st);
    return n;
}

/* write_list: with max_depth, as swipl: the k-th element stands one level
 * deeper than the one before it, and the rest is |... once k passes the
 * limit ([1,2|...] at max_depth(3)). */
static void write_list(writer *w, term_t t)
{
    int d = w->depth; /* the list's own depth */
    raw(w, "[", 1);
    write_term(w, term_arg(t, 1), 999, false);
    t = term_deref(term_arg(t, 2));
    int k = 1;
    while (term_is_list_cell(t) && !(w->cyc && cycle_number(w, t))) {
        if (w->o->max_depth && d + k + 1 > w->o->max_depth) {
            w->depth = d;
            raw(w, "|...]", 5);
            return;
        }
        raw(w, ", ", w->o->spacing ? 2 : 1);
        if (w->o->max_depth)
            w->depth = d + k;
        write_term(w, term_arg(t, 1), 999, false);
        t = term_deref(term_arg(t, 2));
        k++;
    }
    w->depth = d;
    if (t != TERM_NIL) {
        raw(w, "|", 1);
        write_term(w, t, 999, false);
    }
    raw(w, "]", 1);
}

/* numbervar: '$VAR'(N) or '$VAR'('Name') written as a variable name. */
static bool numbervar(writer *w, term_t t)
{
    /* a cache, not state: if a restore resets it, it is looked up again */
    static functor_t fvar = (functor_t)-1;
    if (fvar == (functor_t)-1)
        fvar = functor_intern(atom_from_cstr("$VAR"), 1);
    if (term_functor(t) != fvar)
        return false;
    term_t a = term_deref(term_arg(t, 1));
    if (term_is_smallint(a) && term_get_smallint(a) >= 0) {
        write_letter_name(w, (long)term_get_smallint(a));
        return true;
    }
    if (term_is_atom(a)) {
        const char *s = atom_name(term_get_atom(a));
        size_t used;
        if (atom_length(term_get_atom(a)) > 0 && rd_is_var_start(wr_utf8_decode(s, atom_length(term_get_atom(a)), &used))) {
            emits(w, s);
            return true;
        }
    }
    return false;
}

/* Terms can be deeper than the C stack: a conjunction of 100,000 goals,
 * s(s(...)) numbers, 1+2+...+n.  So the tail of a term (the right operand
 * of an infix operator, the operand of a prefix one, the last argument,
 * the inside of {}) is written by looping, with the brackets still to
 * close kept on a stack, and a left-nested chain of infix operators is
 * walked down first and written bottom-up.  Only other nesting recurses,
 * and beyond WR_MAX_NESTING the writer stops with out->err = WR_ERR_DEEP. */
#define WR_MAX_NESTING 5000 /* C frames: ~150 bytes each, ~900 with ASan */

/* push_closer: a bracket to write when the current loop ends; one stack
 * for the whole write, each write_term owning the part above its base. */
static void push_closer(writer *w, char c)
{
    if (w->ncl == w->clcap) {
        size_t cap = w->clcap ? w->clcap * 2 : 256;
        char *nc = realloc(w->cl, cap);
        if (!nc)
            abort(); /* one byte per nesting level: the heap is gone */
        w->cl = nc;
        w->clcap = cap;
    }
    w->cl[w->ncl++] = c;
}

/* infix_op: t (a compound) as an infix operator term: its priority and
 * the maximum priorities of its operands. */
static bool infix_op(const writer *w, term_t t, int *pri, int *lmax, int *rmax)
{
    functor_t f = term_functor(t);
    rd_optype ty;
    if (w->o->ignore_ops || functor_arity(f) != 2 || f == FUNCTOR_dot2 ||
        !rd_op_lookup(functor_name(f), RD_INFIX, pri, &ty))
        return false;
    *lmax = ty == RD_YFX ? *pri : *pri - 1;
    *rmax = ty == RD_XFY ? *pri : *pri - 1;
    return true;
}

static void write_infix_name(writer *w, atom_t name)
{
    if (name == ATOM_comma) {
        raw(w, ", ", w->o->spacing ? 2 : 1); /* swipl: spacing(next_argument) spaces (a, b) too */
    } else if (name == ATOM_bar) {
        raw(w, "|", 1);
    } else if (write_atom(w, name)) {
        raw(w, " ", 1); /* spaced before, so spaced after: X is 1, & - 0 */
    }
    w->after = AFTER_INFIX_OP;
}

/* write_left_chain: the left operand l of an infix term, at lmax; a chain
 * of infix terms nested to the left (1+2+3) is collected and written
 * bottom-up instead of by recursion.  Not with portray or max_depth, which
 * must see each subterm on the way down. */
static void write_left_chain(writer *w, term_t l, int lmax)
{
    term_t *spine = NULL;
    size_t n = 0, cap = 0;
    int pri, ll, lr;
    for (;;) {
        l = term_deref(l);
        if (w->o->portray || w->o->max_depth || !term_is_compound(l) || (w->cyc && cycle_number(w, l)) ||
            (w->o->numbervars && functor_arity(term_functor(l)) == 1) ||
            !infix_op(w, l, &pri, &ll, &lr) || pri > lmax)
            break;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            term_t *ns = realloc(spine, cap * sizeof *ns);
            if (!ns)
                abort();
            spine = ns;
        }
        spine[n++] = l;
        l = term_arg(l, 1);
        lmax = ll;
    }
    write_term(w, l, lmax, true);
    while (n-- > 0) {
        term_t node = spine[n];
        infix_op(w, node, &pri, &ll, &lr);
        write_infix_name(w, functor_name(term_functor(node)));
        write_term(w, term_arg(node, 2), lr, true);
    }
    free(spine);
}

static void write_term(writer *w, term_t t, int max, bool operand)
{
    if (++w->nesting > WR_MAX_NESTING) {
        if (!w->out->err)
            w->out->err = WR_ERR_DEEP;
        w->nesting--;
        return;
    }
    size_t base = w->ncl;
    int levels = 0; /* max_depth levels entered by this loop */
    for (;;) {
        t = term_deref(t);
        if (w->o->max_depth && w->depth >= w->o->max_depth) {
            emits(w, "..."); /* any term below the limit, atomic too (swipl) */
            break;
        }
        if (term_is_var(t)) {
            write_var(w, t);
            break;
        }
        if (w->cyc && term_is_compound(t) && write_cycle_name(w, t))
            break;
        if (w->o->portray && w->o->portray(w->o->portray_ctx, t, w->out)) {
            w->after = 0;
            break;
        }
        if (term_is_atom(t)) {
            atom_t a = term_get_atom(t);
            /* an operator standing as an operand is bracketed: - (-), 1=(=) */
            if (operand && !w->o->ignore_ops && rd_op_is_any(a)) {
                open_paren(w);
                write_atom(w, a);
                raw(w, ")", 1);
            } else {
                write_atom(w, a);
            }
            break;
        }
        if (term_is_number(t)) {
            write_number(w, t);
            break;
        }
        if (term_is_string(t)) {
            size_t len;
            const char *s = term_string_chars(t, &len);
            /* strings go out without a separation check, as swipl writes them */
            w->after = 0;
            if (w->o->quoted)
                wr_put_quoted(w->out, s, len, '"');
            else
                wr_put(w->out, s, len);
            break;
        }
        w->depth++;
        levels++;
        functor_t f = term_functor(t);
        atom_t name = functor_name(f);
        unsigned n = functor_arity(f);
        int pri, lmax, rmax;
        rd_optype ty;
        if (f == FUNCTOR_dot2) {
            write_list(w, t);
            break;
        }
        if (w->o->numbervars && n == 1 && numbervar(w, t))
            break;
        if (f == FUNCTOR_curly1 && w->o->brace_terms) {
            emits(w, "{");
            push_closer(w, '}');
            t = term_arg(t, 1), max = 1200, operand = false;
            continue;
        }
        if (infix_op(w, t, &pri, &lmax, &rmax)) {
            if (pri > max) {
                open_paren(w);
                push_closer(w, ')');
            }
            write_left_chain(w, term_arg(t, 1), lmax);
            write_infix_name(w, name);
            t = term_arg(t, 2), max = rmax, operand = true;
            continue;
        }
        if (!w->o->ignore_ops && n == 1 && rd_op_lookup(name, RD_PREFIX, &pri, &ty)) {
            if (pri > max) {
                open_paren(w);
                push_closer(w, ')');
            }
            write_atom(w, name);
            /* - 1 is -(1) but -1 is a number; +1 is +(1), so + needs no care */
            w->after = AFTER_PREFIX_OP | (name == ATOM_minus ? AFTER_PREFIX_MINUS : 0);
            t = term_arg(t, 1), max = ty == RD_FY ? pri : pri - 1, operand = true;
            continue;
        }
        if (!w->o->ignore_ops && n == 1 && rd_op_lookup(name, RD_POSTFIX, &pri, &ty)) {
            bool embrace = pri > max;
            if (embrace)
                open_paren(w);
            write_term(w, term_arg(t, 1), ty == RD_YF ? pri : pri - 1, true);
            write_atom(w, name);
            if (embrace)
                raw(w, ")", 1);
            break;
        }
        /* canonical f(A1,...,An): the last argument is the tail */
        write_atom(w, name);
        raw(w, "(", 1); /* functional notation: right after the name */
        for (unsigned i = 1; i < n; i++) {
            write_term(w, term_arg(t, i), 999, false);
            raw(w, ", ", w->o->spacing ? 2 : 1);
        }
        push_closer(w, ')');
        t = term_arg(t, n), max = 999, operand = false;
    }
    while (w->ncl > base) {
        w->ncl--;
        raw(w, &w->cl[w->ncl], 1);
    }
    w->depth -= levels;
    w->nesting--;
}

/* What fullstop and nl add after the term. */
static void end_term(writer *w)
{
    if (w->o->fullstop) {
        emits(w, ".");
        raw(w, w->o->nl ? "\n" : " ", 1);
    } else if (w->o->nl) {
        raw(w, "\n", 1);
    }
}

void wr_term(wr_sink *out, term_t t, const wr_options *o)
{
    writer w;
    memset(&w, 0, sizeof w);
    w.out = out;
    w.o = o;
    t = term_deref(t);
    if (!walk_is_acyclic(t)) {
        /* @(Template, [S_1=..., ...]), as swipl writes a cyclic term; without
         * the variable naming, whose count walks the whole term */
        wr_options plain = *o;
        plain.name_vars = false;
        w.o = &plain;
        struct wmap m;
        wmap_init(&m);
        w.cyc = &m;
        term_t *targets;
        size_t n = find_cycles(&m, t, &targets);
        emits(&w, "@(");
        write_term(&w, t, 999, false);
        raw(&w, ",[", 2);
        for (size_t k = 0; k < n; k++) {
            char buf[32];
            snprintf(buf, sizeof buf, k ? ",S_%zu=" : "S_%zu=", k + 1);
            raw(&w, buf, strlen(buf));
            w.after = AFTER_INFIX_OP; /* S_1=(a:-b): no space before ( */
            w.defining = targets[k];
            write_term(&w, targets[k], 699, true);
        }
        raw(&w, "])", 2);
        end_term(&w);
        free(targets);
        wmap_fini(&m);
        free(w.vt);
        free(w.cl);
        return;
    }
    if (o->name_vars)
        count_vars(&w, t);
    write_term(&w, t, o->priority ? o->priority : 1200, o->operand);
    end_term(&w);
    free(w.vt);
    free(w.cl);
}

char *wr_term_to_text(term_t t, const wr_options *o, size_t *len)
{
    wr_sink s;
    wr_sink_buffer(&s);
    wr_term(&s, t, o);
    if (s.err) {
        wr_sink_free(&s);
        return NULL;
    }
    return wr_sink_take(&s, len);
}
