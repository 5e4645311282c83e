/* lang/reader.c: the operator-precedence parser behind read_term.
 *
 * A clause's tokens are collected first (so any lookahead is an index, and
 * an error leaves the source after the clause), then parsed by recursive
 * descent: parse(max) reads a primary term, then folds infix and postfix
 * operators into it while their priority fits under max.  Where swipl is
 * more lenient than ISO and programs rely on it, we follow swipl: arguments
 * and list elements may hold operators up to 1200 (f(a :- b)), with `,`
 * (and `|` in lists) ending them.
 */
#include "reader.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numtext.h"
#include "ops.h"

/* Deeper nesting than this is a syntax error, not a C stack overflow. */
#define MAX_DEPTH 4000

typedef struct ptok {
    rd_tok_kind kind;
    int punct;
    bool layout;
    rd_pos pos;
    atom_t atom;       /* NAME, QNAME */
    int64_t ival;
    double fval;
    int radix;
    size_t off, len;   /* VAR STR BQ BIGINT: text in parser.text */
} ptok;

typedef struct pvar {
    size_t off, len;
    term_t var;
    int count;
} pvar;

/* A pending infix operator whose right operand is being read: chains of
 * operators (a,b,c,... or 1+2+3...) are parsed in a loop over these, not
 * by recursion, so their length is not limited by the C stack. */
typedef struct pframe {
    term_t left;
    atom_t op;
    int max, pri;
    size_t tok; /* the operator's token */
} pframe;

typedef struct parser {
    ptok *toks;
    size_t n, cap, i;
    char *text;
    size_t tlen, tcap;
    pvar *vars;
    size_t nvars, vcap;
    pframe *frames;
    size_t nframes, fcap;
    const rd_options *opt;
    rd_lexer *lx; /* its scratch arrays are the parser's (grow) */
    rd_error err;
    bool failed;
    int depth;
    size_t lop; /* the operator token that gave the last operand its priority */
} parser;

void rd_options_default(rd_options *o)
{
    memset(o, 0, sizeof *o);
    o->double_quotes = RD_Q_STRING;
    o->back_quotes = RD_Q_CODES;
}

static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n);
    if (!q)
        heap_overflow(n / 8 + 1); /* out of memory: the engine raises resource_error */
    return q;
}

/* grow: scratch array slot of the lexer, *a, to hold at least n bytes
 * (*cap its size in bytes).  The lexer always holds the current pointer,
 * so an error thrown in the middle of a read (heap_overflow) leaves nothing
 * dangling: the next read or rd_lex_free takes it from there. */
static void grow(parser *p, int slot, void *a, size_t *cap, size_t n)
{
    void **ap = a;
    size_t c = *cap ? *cap : 256;
    while (c < n)
        c *= 2;
    void *q = p->lx->realloc_fn(*ap, c);
    if (!q)
        heap_overflow(c / 8 + 1);
    *ap = q;
    *cap = c;
    p->lx->scratch[slot] = q;
    p->lx->scratch_cap[slot] = c;
}

static size_t save_text(parser *p, const char *s, size_t len)
{
    if (p->tlen + len + 1 > p->tcap)
        grow(p, 1, &p->text, &p->tcap, p->tlen + len + 1);
    size_t off = p->tlen;
    memcpy(p->text + off, s, len);
    p->text[off + len] = 0;
    p->tlen += len + 1;
    return off;
}

static void fail_at_arg(parser *p, const char *what, int arg, rd_pos pos)
{
    if (!p->failed) {
        p->failed = true;
        p->err.what = what;
        p->err.arg = arg;
        p->err.pos = pos;
    }
}

static void fail_at(parser *p, const char *what, rd_pos pos)
{
    fail_at_arg(p, what, -1, pos);
}

/* after_tok: the position just after a name token (its text unquoted). */
static bool is_name(const ptok *t);

static rd_pos after_tok(const ptok *t)
{
    rd_pos pos = t->pos;
    if (!is_name(t)) { /* , or | */
        pos.col++, pos.offset++;
        return pos;
    }
    const char *s = atom_name(t->atom);
    for (size_t i = 0, n = atom_length(t->atom); i < n; i++)
        if (((unsigned char)s[i] & 0xc0) != 0x80)
            pos.col++, pos.offset++;
    return pos;
}

static void fail_tok(parser *p, const char *what)
{
    fail_at(p, what, p->toks[p->i].pos);
}

/* collect: the tokens of one clause, up to and including its end token.
 * eof_ends: end of input also ends the clause (reading from an atom). */
static rd_status collect(parser *p, rd_lexer *lx, bool eof_ends)
{
    for (;;) {
        rd_tok_kind k = rd_lex_next(lx);
        if (k == RD_T_ERROR) {
            fail_at_arg(p, lx->tok.err, lx->tok.err_arg, lx->tok.err_pos);
            rd_lex_skip_clause(lx);
            return RD_SYNTAX_ERROR;
        }
        if (k == RD_T_EOF && p->n == 0)
            return RD_EOF;
        if (k == RD_T_EOF && !eof_ends) {
            fail_at(p, "end_of_file", lx->tok.pos);
            return RD_SYNTAX_ERROR;
        }
        if (p->n == p->cap) {
            size_t bytes = p->cap * sizeof *p->toks;
            grow(p, 0, &p->toks, &bytes, (p->n + 1) * sizeof *p->toks);
            p->cap = bytes / sizeof *p->toks;
        }
        ptok *t = &p->toks[p->n++];
        const rd_token *lt = &lx->tok;
        /* field by field: a struct copy or memset is a call of the
         * barrier's wrapped memcpy/memset, too dear once per token */
        t->kind = k == RD_T_EOF ? RD_T_END : k;
        t->punct = lt->punct;
        t->layout = lt->layout_before;
        t->pos.line = lt->pos.line;
        t->pos.col = lt->pos.col;
        t->pos.offset = lt->pos.offset;
        t->atom = 0;
        t->ival = 0;
        t->fval = 0;
        t->radix = 0;
        t->off = t->len = 0;
        switch (k) {
        case RD_T_NAME:
        case RD_T_QNAME:
            t->atom = atom_intern(lt->text, lt->len);
            if (t->atom == (atom_t)-1)
                heap_overflow(1);
            break;
        case RD_T_VAR:
        case RD_T_STR:
        case RD_T_BQ:
        case RD_T_BIGINT:
            t->off = save_text(p, lt->text, lt->len);
            t->len = lt->len;
            t->radix = lt->radix;
            break;
        case RD_T_INT:
            t->ival = lt->ival;
            break;
        case RD_T_FLOAT:
            t->fval = lt->fval;
            break;
        default:
            break;
        }
        if (t->kind == RD_T_END)
            return RD_OK;
    }
}

static const ptok *cur(parser *p)
{
    return &p->toks[p->i];
}

/* ahead: the token k places after the cursor; past the clause's end token
 * it is that end token again, so lookahead never leaves the array. */
static const ptok *ahead(parser *p, size_t k)
{
    return &p->toks[p->i + k < p->n ? p->i + k : p->n - 1];
}

static bool is_punct(const ptok *t, int c)
{
    return t->kind == RD_T_PUNCT && t->punct == c;
}

static bool is_name(const ptok *t)
{
    return t->kind == RD_T_NAME || t->kind == RD_T_QNAME;
}

static bool starts_term(const ptok *t)
{
    switch (t->kind) {
    case RD_T_PUNCT:
        return t->punct == '(' || t->punct == '[' || t->punct == '{';
    case RD_T_END:
        return false;
    default:
        return true;
    }
}

/* --- numbers ------------------------------------------------------------- */

term_t rd_bigint(const char *digits, size_t len, int radix, bool neg)
{
    if (nt_big_from_text)
        return nt_big_from_text(digits, len, radix, neg);
    /* schoolbook conversion into 64-bit limbs, least significant first */
    size_t cap = len / 8 + 2, n = 1;
    uint64_t *limbs = xrealloc(NULL, cap * sizeof *limbs);
    limbs[0] = 0;
    for (size_t i = 0; i < len; i++) {
        int c = (unsigned char)digits[i];
        unsigned d = c <= '9' ? (unsigned)(c - '0') : c >= 'a' ? (unsigned)(c - 'a' + 10) : (unsigned)(c - 'A' + 10);
        unsigned __int128 carry = d;
        for (size_t k = 0; k < n; k++) {
            unsigned __int128 v = (unsigned __int128)limbs[k] * (unsigned)radix + carry;
            limbs[k] = (uint64_t)v;
            carry = v >> 64;
        }
        if (carry)
            limbs[n++] = (uint64_t)carry;
    }
    term_t t;
    if (n == 1 && limbs[0] <= (uint64_t)INT64_MAX) {
        t = term_int(neg ? -(int64_t)limbs[0] : (int64_t)limbs[0]);
    } else if (n == 1 && neg && limbs[0] == (uint64_t)1 << 63) {
        t = term_int(INT64_MIN);
    } else {
        t = term_big_new(n, neg);
        size_t nn;
        bool sg;
        memcpy(term_big_limbs(t, &nn, &sg), limbs, n * sizeof *limbs);
    }
    free(limbs);
    return t;
}

/* number: the number token at the cursor, negated if neg; advances. */
static term_t number(parser *p, bool neg)
{
    const ptok *t = cur(p);
    p->i++;
    switch (t->kind) {
    case RD_T_INT:
        return term_int(neg ? -t->ival : t->ival);
    case RD_T_FLOAT:
        /* -1.5NaN is NaN: there is one NaN, written 1.5NaN, with no sign */
        return term_float(neg && t->fval == t->fval ? -t->fval : t->fval);
    default:
        return rd_bigint(p->text + t->off, t->len, t->radix, neg);
    }
}

/* --- strings and variables ------------------------------------------------ */

/* char_atom: the one-character atom of code point c. */
static atom_t char_atom(int c)
{
    char b[4];
    size_t n;
    if (c < 0x80) {
        b[0] = (char)c, n = 1;
    } else if (c < 0x800) {
        b[0] = (char)(0xc0 | (c >> 6)), b[1] = (char)(0x80 | (c & 0x3f)), n = 2;
    } else if (c < 0x10000) {
        b[0] = (char)(0xe0 | (c >> 12)), b[1] = (char)(0x80 | ((c >> 6) & 0x3f));
        b[2] = (char)(0x80 | (c & 0x3f)), n = 3;
    } else {
        b[0] = (char)(0xf0 | (c >> 18)), b[1] = (char)(0x80 | ((c >> 12) & 0x3f));
        b[2] = (char)(0x80 | ((c >> 6) & 0x3f)), b[3] = (char)(0x80 | (c & 0x3f)), n = 4;
    }
    atom_t a = atom_intern(b, n);
    if (a == (atom_t)-1)
        heap_overflow(1);
    return a;
}

static term_t quoted_text(parser *p, const ptok *t, rd_quotes how)
{
    const char *s = p->text + t->off;
    size_t len = t->len;
    if (how == RD_Q_STRING)
        return term_string(s, len);
    if (how == RD_Q_ATOM) {
        atom_t a = atom_intern(s, len);
        if (a == (atom_t)-1)
            heap_overflow(1);
        return term_atom(a);
    }
    /* a list of codes or chars, built back to front */
    size_t ncp = 0, cap = 16;
    int *cps = xrealloc(NULL, cap * sizeof *cps);
    for (size_t i = 0; i < len;) {
        const unsigned char *u = (const unsigned char *)s + i;
        int c = u[0];
        size_t k = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
        if (k > len - i)
            k = 1;
        if (k > 1) {
            int v = c & (0x3f >> (k - 1));
            for (size_t j = 1; j < k; j++)
                v = (v << 6) | (u[j] & 0x3f);
            c = v;
        }
        if (ncp == cap)
            cps = xrealloc(cps, (cap *= 2) * sizeof *cps);
        cps[ncp++] = c;
        i += k;
    }
    term_t list = TERM_NIL;
    for (size_t i = ncp; i-- > 0;) {
        term_t e;
        if (how == RD_Q_CODES) {
            e = term_smallint(cps[i]);
        } else {
            e = term_atom(char_atom(cps[i]));
        }
        list = term_cons(e, list);
    }
    free(cps);
    return list;
}

static term_t variable(parser *p)
{
    const ptok *t = cur(p);
    p->i++;
    const char *name = p->text + t->off;
    bool anon = t->len == 1 && name[0] == '_';
    for (size_t k = 0; k < p->nvars && !anon; k++) {
        pvar *v = &p->vars[k];
        if (v->len == t->len && memcmp(p->text + v->off, name, t->len) == 0) {
            v->count++;
            return v->var;
        }
    }
    if (p->nvars == p->vcap) {
        size_t bytes = p->vcap * sizeof *p->vars;
        grow(p, 2, &p->vars, &bytes, (p->nvars + 1) * sizeof *p->vars);
        p->vcap = bytes / sizeof *p->vars;
    }
    pvar *v = &p->vars[p->nvars++];
    v->off = t->off;
    v->len = t->len;
    v->var = term_new_var();
    v->count = 1;
    return v->var;
}

/* --- the parser ------------------------------------------------------------ */

/* Contexts that end a term at a token which is an operator elsewhere. */
enum { CTX_TOP, CTX_ARG, CTX_LIST };

static term_t parse(parser *p, int max, int ctx, int *prec);

static bool expect(parser *p, int punct)
{
    if (p->failed)
        return false;
    if (is_punct(cur(p), punct)) {
        p->i++;
        return true;
    }
    const ptok *t = cur(p);
    if (t->kind == RD_T_END)
        fail_tok(p, "operator_expected"); /* a term was read: (a. [a. {a. as swipl */
    else if (starts_term(t))
        fail_tok(p, "operator_expected");
    else
        fail_tok(p, punct == ')' ? "cannot_start_term" : punct == ']' ? "list_rest" : "cannot_start_term");
    return false;
}

/* args: ( arg, ... ) after a functor name; the cursor is on '('. */
static term_t compound(parser *p, atom_t name)
{
    p->i++;
    size_t cap = 8, n = 0;
    term_t small[8], *args = small;
    for (;;) {
        int pr;
        term_t a = parse(p, 1200, CTX_ARG, &pr);
        if (p->failed)
            break;
        if (n == cap) {
            term_t *na = xrealloc(args == small ? NULL : args, cap * 2 * sizeof *na);
            if (args == small)
                memcpy(na, small, sizeof small);
            args = na;
            cap *= 2;
        }
        args[n++] = a;
        if (is_punct(cur(p), ','))
            p->i++;
        else
            break;
    }
    term_t t = 0;
    if (expect(p, ')')) {
        functor_t f = functor_intern(name, (unsigned)n);
        if (f == (functor_t)-1)
            heap_overflow(1);
        t = term_compound(f, args);
    }
    if (args != small)
        free(args);
    return t;
}

/* list: [ e, ... | tail ]; the cursor is on '[' and the list is not []. */
static term_t list(parser *p)
{
    p->i++;
    term_t head = TERM_NIL, *tailp = &head;
    for (;;) {
        int pr;
        term_t e = parse(p, 1200, CTX_LIST, &pr);
        if (p->failed)
            return 0;
        term_t cell = term_cons(e, TERM_NIL);
        *tailp = cell;
        tailp = term_args(cell) + 1;
        if (is_punct(cur(p), ','))
            p->i++;
        else
            break;
    }
    if (is_punct(cur(p), '|')) {
        p->i++;
        int pr;
        term_t tail = parse(p, 1200, CTX_LIST, &pr);
        if (p->failed)
            return 0;
        *tailp = tail;
    }
    return expect(p, ']') ? head : 0;
}

/* prefix_as_atom: whether the prefix operator at the cursor stands alone as
 * an atom: nothing follows that could be its operand. */
static bool prefix_as_atom(parser *p)
{
    const ptok *next = ahead(p, 1);
    if (!starts_term(next))
        return true;
    if (is_name(next)) {
        int pri;
        rd_optype ty;
        bool infix = rd_op_lookup(next->atom, RD_INFIX, &pri, &ty) ||
                     rd_op_lookup(next->atom, RD_POSTFIX, &pri, &ty);
        if (!infix)
            return false;
        /* `- = x` is =(-, x); but `\+ -1` and `- - a` apply the prefix op */
        bool functional = is_punct(ahead(p, 2), '(') && !ahead(p, 2)->layout;
        return !(rd_op_lookup(next->atom, RD_PREFIX, &pri, &ty) || functional ||
                 (next->atom == ATOM_minus && !ahead(p, 2)->layout &&
                  (ahead(p, 2)->kind == RD_T_INT || ahead(p, 2)->kind == RD_T_FLOAT ||
                   ahead(p, 2)->kind == RD_T_BIGINT)));
    }
    return false;
}

static term_t primary(parser *p, int max, int ctx, int *prec)
{
    const ptok *t = cur(p);
    *prec = 0;
    switch (t->kind) {
    case RD_T_INT:
    case RD_T_FLOAT:
    case RD_T_BIGINT:
        return number(p, false);
    case RD_T_VAR:
        return variable(p);
    case RD_T_STR:
        p->i++;
        return quoted_text(p, t, p->opt->double_quotes);
    case RD_T_BQ:
        p->i++;
        return quoted_text(p, t, p->opt->back_quotes);
    case RD_T_PUNCT:
        if (t->punct == '(') {
            p->i++;
            int pr;
            term_t in = parse(p, 1200, CTX_TOP, &pr);
            return expect(p, ')') ? in : 0;
        }
        if (t->punct == '[') {
            if (is_punct(ahead(p, 1), ']')) {
                p->i += 2;
                if (is_punct(cur(p), '(') && !cur(p)->layout)
                    return compound(p, ATOM_nil);
                return TERM_NIL;
            }
            return list(p);
        }
        if (t->punct == '{') {
            if (is_punct(ahead(p, 1), '}')) {
                p->i += 2;
                if (is_punct(cur(p), '(') && !cur(p)->layout)
                    return compound(p, ATOM_curly);
                return term_atom(ATOM_curly);
            }
            p->i++;
            int pr;
            term_t in = parse(p, 1200, CTX_TOP, &pr);
            return expect(p, '}') ? term_compound1(FUNCTOR_curly1, in) : 0;
        }
        /* a bare , or | where a term must start: f(,) (swipl's name) */
        fail_tok(p, t->punct == ',' || t->punct == '|' ? "quoted_punctuation" : "cannot_start_term");
        return 0;
    case RD_T_END:
        fail_tok(p, "end_of_clause");
        return 0;
    default:
        break;
    }
    /* a name: functional notation, a negative number, a prefix operator, an atom */
    atom_t a = t->atom;
    const ptok *next = ahead(p, 1);
    if (is_punct(next, '(') && !next->layout) {
        p->i++;
        return compound(p, a);
    }
    if (t->kind == RD_T_NAME && a == ATOM_minus && !next->layout &&
        (next->kind == RD_T_INT || next->kind == RD_T_FLOAT || next->kind == RD_T_BIGINT)) {
        p->i++;
        return number(p, true);
    }
    int pri;
    rd_optype ty;
    if (t->kind == RD_T_NAME && rd_op_lookup(a, RD_PREFIX, &pri, &ty) && !prefix_as_atom(p)) {
        if (pri > max) {
            fail_tok(p, "operator_clash");
            return 0;
        }
        size_t optok = p->i++;
        int argmax = ty == RD_FY ? pri : pri - 1, pr;
        term_t arg = parse(p, argmax, ctx, &pr);
        if (p->failed)
            return 0;
        *prec = pri;
        p->lop = optok;
        functor_t f = functor_intern(a, 1);
        if (f == (functor_t)-1)
            heap_overflow(1);
        return term_compound1(f, arg);
    }
    p->i++;
    /* An operator standing as an atom is an operand of priority 0, as in
     * swipl (ISO gives it 1201, forcing brackets): `- = x`, `= = =`. */
    return term_atom(a);
}

/* infix_here: the token at the cursor as an infix (or postfix, post set)
 * operator usable in ctx; its atom in *a. */
static bool op_here(parser *p, int ctx, rd_opclass cls, atom_t *a, int *pri, rd_optype *ty)
{
    const ptok *t = cur(p);
    if (is_name(t)) {
        *a = t->atom;
    } else if (is_punct(t, ',') && ctx == CTX_TOP) {
        *a = ATOM_comma;
    } else if (is_punct(t, '|') && ctx != CTX_LIST) {
        *a = ATOM_bar;
    } else {
        return false;
    }
    return rd_op_lookup(*a, cls, pri, ty);
}

static term_t parse(parser *p, int max, int ctx, int *prec)
{
    if (++p->depth > MAX_DEPTH) {
        fail_tok(p, "nesting_too_deep");
        p->depth--;
        return 0;
    }
    size_t base = p->nframes;
    int lp;
    term_t left = primary(p, max, ctx, &lp);
    for (;;) {
        while (!p->failed) {
            atom_t a;
            int pri;
            rd_optype ty;
            if (op_here(p, ctx, RD_INFIX, &a, &pri, &ty)) {
                int lmax = ty == RD_YFX ? pri : pri - 1;
                int rmax = ty == RD_XFY ? pri : pri - 1;
                if (pri <= max && lp <= lmax && starts_term(ahead(p, 1))) {
                    /* read the right operand at rmax; fold when it ends */
                    p->i++;
                    if (p->nframes == p->fcap) {
                        size_t bytes = p->fcap * sizeof *p->frames;
                        grow(p, 3, &p->frames, &bytes, (p->nframes + 1) * sizeof *p->frames);
                        p->fcap = bytes / sizeof *p->frames;
                    }
                    p->frames[p->nframes++] = (pframe){left, a, max, pri, p->i - 1};
                    max = rmax;
                    left = primary(p, max, ctx, &lp);
                    continue;
                }
                if (pri <= max && lp <= lmax && !rd_op_lookup(a, RD_POSTFIX, &pri, &ty)) {
                    /* an infix operator with nothing after it, at the end
                     * or before a closing bracket (swipl's operator_balance);
                     * blame what follows */
                    p->i++;
                    const ptok *nx = cur(p);
                    bool closing = is_punct(nx, ')') || is_punct(nx, ']') || is_punct(nx, '}');
                    fail_tok(p, nx->kind == RD_T_END || (closing && p->depth > 1) ? "operator_balance"
                                                                                   : "cannot_start_term");
                    break;
                }
                if (lp > lmax && pri <= max) {
                    /* fits here but not after this left operand: a = b = c;
                     * reported just after the operator of that operand, as
                     * swipl does */
                    fail_at(p, "operator_clash", after_tok(&p->toks[p->lop]));
                    break;
                }
            }
            if (op_here(p, ctx, RD_POSTFIX, &a, &pri, &ty)) {
                int lmax = ty == RD_YF ? pri : pri - 1;
                if (pri <= max && lp <= lmax) {
                    p->i++;
                    functor_t f = functor_intern(a, 1);
                    if (f == (functor_t)-1)
                        heap_overflow(1);
                    left = term_compound1(f, left);
                    lp = pri;
                    p->lop = p->i - 1;
                    continue;
                }
            }
            break;
        }
        if (p->failed || p->nframes == base)
            break;
        pframe fr = p->frames[--p->nframes];
        functor_t f = functor_intern(fr.op, 2);
        if (f == (functor_t)-1)
            heap_overflow(1);
        left = term_compound2(f, fr.left, left);
        lp = fr.pri;
        p->lop = fr.tok;
        max = fr.max;
    }
    p->nframes = base;
    p->depth--;
    *prec = lp;
    return p->failed ? 0 : left;
}

/* --- the entry points ------------------------------------------------------ */

static term_t var_list(parser *p, int which)
{
    term_t head = TERM_NIL, *tailp = &head;
    functor_t eq = FUNCTOR_equals2;
    for (size_t k = 0; k < p->nvars; k++) {
        pvar *v = &p->vars[k];
        const char *name = p->text + v->off;
        term_t e = v->var;
        bool anon = v->len == 1 && name[0] == '_';
        if ((which == 1 && anon) || (which == 2 && (v->count > 1 || anon)))
            continue;
        if (which != 0) {
            atom_t a = atom_intern(name, v->len);
            if (a == (atom_t)-1)
                heap_overflow(1);
            e = term_compound2(eq, term_atom(a), v->var);
        }
        term_t cell = term_cons(e, TERM_NIL);
        *tailp = cell;
        tailp = term_args(cell) + 1;
    }
    return head;
}

static rd_status read_clause(rd_lexer *lx, const rd_options *opt, rd_result *res, bool eof_ends)
{
    parser p;
    memset(&p, 0, sizeof p);
    p.opt = opt;
    p.lx = lx;
    /* the scratch of the last read, reused (so a clause allocates nothing,
     * and in a persistent lexer nothing of it is logged by the barrier) */
    p.toks = lx->scratch[0], p.cap = lx->scratch_cap[0] / sizeof *p.toks;
    p.text = lx->scratch[1], p.tcap = lx->scratch_cap[1];
    p.vars = lx->scratch[2], p.vcap = lx->scratch_cap[2] / sizeof *p.vars;
    p.frames = lx->scratch[3], p.fcap = lx->scratch_cap[3] / sizeof *p.frames;
    memset(res, 0, sizeof *res);
    res->term = res->variables = res->variable_names = res->singletons = TERM_NIL;
    rd_status st = collect(&p, lx, eof_ends);
    if (st == RD_OK) {
        res->start = p.toks[0].pos;
        int pr;
        term_t t = parse(&p, 1200, CTX_TOP, &pr);
        if (!p.failed && cur(&p)->kind != RD_T_END)
            fail_tok(&p, starts_term(cur(&p)) ? "operator_expected" : "end_of_clause_expected");
        if (p.failed) {
            st = RD_SYNTAX_ERROR;
        } else {
            res->term = t;
            if (opt->want_variables)
                res->variables = var_list(&p, 0);
            if (opt->want_variable_names)
                res->variable_names = var_list(&p, 1);
            if (opt->want_singletons)
                res->singletons = var_list(&p, 2);
        }
    } else if (st == RD_EOF) {
        res->term = term_atom(ATOM_end_of_file);
        res->start = lx->tok.pos;
    }
    if (st == RD_SYNTAX_ERROR) {
        res->error = p.err;
        res->start = p.n > 0 ? p.toks[0].pos : lx->tok.pos;
    }
    /* the scratch stays with the lexer (grow keeps it there) */
    return st;
}

rd_status rd_read(rd_lexer *lx, const rd_options *opt, rd_result *res)
{
    return read_clause(lx, opt, res, false);
}

rd_status rd_read_text(const char *text, size_t len, const rd_options *opt, rd_result *res)
{
    rd_src src;
    rd_lexer lx;
    rd_src_buffer(&src, text, len);
    rd_lex_init(&lx, &src);
    rd_status st = read_clause(&lx, opt, res, true);
    if (st == RD_OK && lx.tok.kind != RD_T_EOF && rd_lex_next(&lx) != RD_T_EOF) {
        st = RD_SYNTAX_ERROR;
        res->error.what = "end_of_clause_expected";
        res->error.arg = -1;
        res->error.pos = lx.tok.pos;
    }
    rd_lex_free(&lx);
    return st;
}

static const struct {
    const char *what, *msg;
} messages[] = {
    {"operator_expected", "Operator expected"},
    {"operator_clash", "Operator priority clash"},
    {"cannot_start_term", "Illegal start of term"},
    {"end_of_clause", "Unexpected end of clause"},
    {"operator_balance", "Unbalanced operator"},
    {"end_of_clause_expected", "End of clause expected"},
    {"end_of_file", "Unexpected end of file"},
    {"list_rest", "Unexpected comma or bar in rest of list"},
    {"nesting_too_deep", "Terms nested too deeply"},
    {"end_of_file_in_quoted", "End of file in quoted item"},
    {"end_of_file_in_block_comment", "End of file in /* ... */ comment"},
    {"undefined_char_escape", "Unknown character escape in quoted atom or string"},
    {"illegal_character_code", "Illegal character code"},
    {"illegal_uU_sequence", "Illegal \\u or \\U sequence"},
    {"illegal_character", "Illegal character"},
    {"illegal_number", "Illegal number"},
    {"quoted_punctuation", "Operand expected, unquoted comma or bar found"},
    {"float_overflow", "Float overflow"},
};

const char *rd_error_message(const char *what)
{
    for (size_t i = 0; i < sizeof messages / sizeof messages[0]; i++)
        if (strcmp(messages[i].what, what) == 0)
            return messages[i].msg;
    return what;
}

void rd_error_text(const rd_error *e, char *buf, size_t size)
{
    const char *m = rd_error_message(e->what);
    if (e->arg >= 0 && !strcmp(e->what, "end_of_file_in_quoted"))
        snprintf(buf, size, "End of file in quoted %s",
                 e->arg == '"' ? "string" : e->arg == '`' ? "codes" : "atom");
    else if (e->arg >= 0 && !strcmp(e->what, "undefined_char_escape"))
        snprintf(buf, size, "%s: `\\%s'", m, atom_name(char_atom(e->arg)));
    else
        snprintf(buf, size, "%s", m);
}

term_t rd_error_term(const rd_error *e, atom_t file, const char *text)
{
    atom_t w = atom_from_cstr(e->what);
    term_t what = term_atom(w);
    if (e->arg >= 0) {
        what = term_compound1(functor_intern(w, 1), term_atom(char_atom(e->arg)));
    }
    what = term_compound1(FUNCTOR_syntax_error1, what);
    term_t ctx;
    if (file != (atom_t)-1) {
        term_t a[4] = {term_atom(file), term_int(e->pos.line), term_int(e->pos.col),
                       term_int(e->pos.offset)};
        ctx = term_compound(functor_intern(atom_from_cstr("file"), 4), a);
    } else if (text) {
        /* the text with the " . " swipl's term_to_atom/2 reads it with */
        size_t n = strlen(text);
        char *t = malloc(n + 4);
        if (t) {
            memcpy(t, text, n);
            memcpy(t + n, " . ", 4);
        }
        ctx = term_compound2(functor_intern(atom_from_cstr("string"), 2),
                             t ? term_string(t, n + 3) : term_string(text, n), term_int(e->pos.offset));
        free(t);
    } else {
        ctx = term_new_var();
    }
    return term_compound2(FUNCTOR_error2, what, ctx);
}
