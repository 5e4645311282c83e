/* lang/writer.c: the term writer.
 *
 * Every token goes through sep(), which puts a space before it exactly when
 * it would otherwise glue to the previous one and read back differently:
 * two alphanumerics, two symbol characters, a digit after a prefix -
 * (- 1 is -(1), -1 is a number), a bracket after a prefix operator (- (a,b)
 * is not the compound -(a,b)).  Those are swipl 9's rules, and the corpus in
 * tests/lang checks our output against swipl's.
 */
#include "writer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atomtext.h"
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
    bool pending_num;   /* after a prefix - or +: a digit must not follow directly */
    bool after_prefix;  /* after a prefix operator: an opening bracket needs a space */
    vname *vt;          /* name_vars: variables seen, with occurrence counts */
    size_t nvt, vcap;
    int nnamed;
    int depth;
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

void wr_options_print(wr_options *o)
{
    wr_options_writeq(o);
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

/* sep: a space if a token starting with c would glue to what went before;
 * open: the token is an opening bracket (not functional notation). */
static void sep(writer *w, int c, bool open)
{
    int last = w->out->last;
    bool space = false;
    if (last >= 0) {
        if (rd_is_alnum(last) && rd_is_alnum(c))
            space = true;
        else if (rd_is_symbol_char(last) && rd_is_symbol_char(c))
            space = true;
        else if (w->pending_num && is_digit(c))
            space = true;
        else if (w->after_prefix && open)
            space = true;
        else if (is_digit(last) && c == '\'')
            space = true; /* 0'x' would read as a character code */
        else if (last == '\'' && c == '\'')
            space = true; /* 'a''b' would read as one atom */
    }
    w->pending_num = w->after_prefix = false;
    if (space)
        wr_put(w->out, " ", 1);
}

static void emit(writer *w, const char *s, size_t len, bool open)
{
    if (len == 0)
        return;
    size_t used;
    sep(w, wr_utf8_decode(s, len, &used), open);
    wr_put(w->out, s, len);
}

static void emits(writer *w, const char *s)
{
    emit(w, s, strlen(s), false);
}

static bool has_wide(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0xc4) /* lead bytes of code points from 0x100 on */
            return true;
    return false;
}

static void write_atom(writer *w, atom_t a)
{
    const char *s = atom_name(a);
    size_t len = atom_length(a);
    if (w->o->quoted && (wr_atom_needs_quotes(s, len) || (w->o->quote_wide && has_wide(s, len)))) {
        sep(w, '\'', false);
        wr_put_quoted(w->out, s, len, '\'');
    } else {
        emit(w, s, len, false);
    }
}

/* --- numbers ----------------------------------------------------------------- */

char *wr_bigint_text(term_t t)
{
    size_t n;
    bool neg;
    const uint64_t *limbs = term_big_limbs(t, &n, &neg);
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
        emit(w, b, n, false);
    } else if (term_is_smallint(t)) {
        char b[WR_INT_MAX];
        size_t n = wr_format_int(term_get_smallint(t), b);
        emit(w, b, n, false);
    } else {
        char *b = wr_bigint_text(t);
        if (b)
            emits(w, b);
        free(b);
    }
}

/* --- variables ----------------------------------------------------------------- */

static vname *vt_find(writer *w, term_t v)
{
    for (size_t i = 0; i < w->nvt; i++)
        if (w->vt[i].var == v)
            return &w->vt[i];
    return NULL;
}

/* count_vars: occurrences of each variable of t, for write_canonical's
 * A/_ naming.  Iterative over the last argument, so long lists do not
 * recurse. */
static void count_vars(writer *w, term_t t)
{
    for (;;) {
        t = term_deref(t);
        if (term_is_var(t)) {
            vname *e = vt_find(w, t);
            if (!e) {
                if (w->nvt == w->vcap) {
                    w->vcap = w->vcap ? w->vcap * 2 : 16;
                    vname *nv = realloc(w->vt, w->vcap * sizeof *nv);
                    if (!nv)
                        return;
                    w->vt = nv;
                }
                e = &w->vt[w->nvt++];
                e->var = t;
                e->count = 0;
                e->number = -1;
            }
            e->count++;
            return;
        }
        if (!term_is_compound(t))
            return;
        unsigned n = functor_arity(term_functor(t));
        for (unsigned i = 1; i < n; i++)
            count_vars(w, term_arg(t, i));
        t = term_arg(t, n);
    }
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

static void write_var(writer *w, term_t v)
{
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
    snprintf(b, sizeof b, "_G%ld", (long)(term_ptr(v) - (term_t *)(void *)heap_start));
    emits(w, b);
}

/* --- terms ----------------------------------------------------------------------- */

static void write_term(writer *w, term_t t, int max, bool operand);

static void open_paren(writer *w)
{
    sep(w, '(', true);
    wr_put(w->out, "(", 1);
}

static void write_args(writer *w, term_t t, unsigned n)
{
    wr_put(w->out, "(", 1); /* functional notation: right after the name */
    w->after_prefix = w->pending_num = false;
    for (unsigned i = 1; i <= n; i++) {
        if (i > 1)
            wr_put(w->out, ", ", w->o->spacing ? 2 : 1);
        write_term(w, term_arg(t, i), 999, false);
    }
    wr_put(w->out, ")", 1);
}

static void write_list(writer *w, term_t t)
{
    emit(w, "[", 1, false);
    write_term(w, term_arg(t, 1), 999, false);
    t = term_deref(term_arg(t, 2));
    int k = 1;
    while (term_is_list_cell(t)) {
        if (w->o->max_depth && k >= w->o->max_depth - w->depth) {
            wr_put(w->out, "|...]", 5);
            return;
        }
        wr_put(w->out, ", ", w->o->spacing ? 2 : 1);
        write_term(w, term_arg(t, 1), 999, false);
        t = term_deref(term_arg(t, 2));
        k++;
    }
    if (t != TERM_NIL) {
        wr_put(w->out, "|", 1);
        write_term(w, t, 999, false);
    }
    wr_put(w->out, "]", 1);
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

static bool write_op(writer *w, term_t t, atom_t name, unsigned n, int max)
{
    int pri;
    rd_optype ty;
    if (n == 2 && rd_op_lookup(name, RD_INFIX, &pri, &ty)) {
        int lmax = ty == RD_YFX ? pri : pri - 1, rmax = ty == RD_XFY ? pri : pri - 1;
        bool embrace = pri > max;
        if (embrace)
            open_paren(w);
        write_term(w, term_arg(t, 1), lmax, true);
        if (name == ATOM_comma) {
            wr_put(w->out, ",", 1);
        } else if (name == ATOM_bar) {
            wr_put(w->out, "|", 1);
        } else {
            const char *s = atom_name(name);
            size_t used;
            /* unquoted letter operators stand between spaces: a mod b;
             * quoted ones do not (swipl): a'x y'b */
            bool alpha = rd_is_alnum(wr_utf8_decode(s, atom_length(name), &used)) &&
                         !(w->o->quoted && wr_atom_needs_quotes(s, atom_length(name)));
            if (alpha)
                wr_put(w->out, " ", 1);
            write_atom(w, name);
            if (alpha)
                wr_put(w->out, " ", 1);
        }
        write_term(w, term_arg(t, 2), rmax, true);
        if (embrace)
            wr_put(w->out, ")", 1);
        return true;
    }
    if (n == 1 && rd_op_lookup(name, RD_PREFIX, &pri, &ty)) {
        int amax = ty == RD_FY ? pri : pri - 1;
        bool embrace = pri > max;
        if (embrace)
            open_paren(w);
        write_atom(w, name);
        w->after_prefix = true;
        w->pending_num = name == ATOM_minus; /* - 1 is -(1), but +1 is +(1) */
        write_term(w, term_arg(t, 1), amax, true);
        if (embrace)
            wr_put(w->out, ")", 1);
        return true;
    }
    if (n == 1 && rd_op_lookup(name, RD_POSTFIX, &pri, &ty)) {
        int amax = ty == RD_YF ? pri : pri - 1;
        bool embrace = pri > max;
        if (embrace)
            open_paren(w);
        write_term(w, term_arg(t, 1), amax, true);
        write_atom(w, name);
        if (embrace)
            wr_put(w->out, ")", 1);
        return true;
    }
    return false;
}

static void write_compound(writer *w, term_t t, int max)
{
    functor_t f = term_functor(t);
    atom_t name = functor_name(f);
    unsigned n = functor_arity(f);
    if (f == FUNCTOR_dot2) {
        write_list(w, t);
        return;
    }
    if (w->o->numbervars && n == 1 && numbervar(w, t))
        return;
    if (f == FUNCTOR_curly1 && w->o->brace_terms) {
        emit(w, "{", 1, true);
        write_term(w, term_arg(t, 1), 1200, false);
        wr_put(w->out, "}", 1);
        return;
    }
    if (!w->o->ignore_ops && write_op(w, t, name, n, max))
        return;
    write_atom(w, name);
    write_args(w, t, n);
}

static void write_term(writer *w, term_t t, int max, bool operand)
{
    t = term_deref(t);
    if (term_is_var(t)) {
        write_var(w, t);
        return;
    }
    if (w->o->portray && w->o->portray(w->o->portray_ctx, t, w->out)) {
        w->pending_num = w->after_prefix = false;
        return;
    }
    switch (term_tag(t)) {
    case TAG_ATOM: {
        atom_t a = term_get_atom(t);
        /* an operator standing as an operand is bracketed: - (-), 1=(=) */
        if (operand && !w->o->ignore_ops && rd_op_is_any(a)) {
            open_paren(w);
            write_atom(w, a);
            wr_put(w->out, ")", 1);
        } else {
            write_atom(w, a);
        }
        return;
    }
    case TAG_INT:
    case TAG_FLT:
    case TAG_BIG:
        write_number(w, t);
        return;
    case TAG_STRG: {
        size_t len;
        const char *s = term_string_chars(t, &len);
        if (w->o->quoted) {
            sep(w, '"', false);
            wr_put_quoted(w->out, s, len, '"');
        } else {
            emit(w, s, len, false);
        }
        return;
    }
    default:
        break;
    }
    if (w->o->max_depth && w->depth >= w->o->max_depth) {
        emits(w, "...");
        return;
    }
    w->depth++;
    write_compound(w, t, max);
    w->depth--;
}

void wr_term(wr_sink *out, term_t t, const wr_options *o)
{
    writer w;
    memset(&w, 0, sizeof w);
    w.out = out;
    w.o = o;
    if (o->name_vars)
        count_vars(&w, t);
    write_term(&w, t, 1200, false);
    free(w.vt);
}

char *wr_term_to_text(term_t t, const wr_options *o, size_t *len)
{
    wr_sink s;
    wr_sink_buffer(&s);
    wr_term(&s, t, o);
    return wr_sink_take(&s, len);
}
