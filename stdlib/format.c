/* format.c - format/1,2,3 with swipl's directives.
 *
 * The text is built in a pending buffer (malloc'd, so backtrackable like any
 * scratch): column stops (~| ~+) need the text since the previous stop to
 * insert fill (~t) into it.  The pending text goes to the stream at the end;
 * when a directive raises an error, what was formatted before it is written
 * first, as swipl does.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "engine/db.h"
#include "engine/error.h"
#include "engine/solve.h"
#include "engine/unify.h"
#include "lang/writer.h"
#include "stdlib/arith.h"
#include "stdlib/fmtfloat.h"
#include "stdlib/read.h"
#include "stdlib/text.h"
#include "stream.h"

#define MAX_FILL 32

struct fmt {
    wr_sink buf;         /* pending text */
    size_t seg;          /* byte offset where the current column segment starts */
    int64_t seg_col;     /* its column */
    size_t fill_at[MAX_FILL]; /* ~t fill points in the segment (byte offsets) */
    int fill_ch[MAX_FILL];
    int nfill;
    stream *out;         /* NULL: keep everything in buf (format/3 to text) */
    term_t args;         /* the arguments not used yet */
};

static atom_t A(const char *s) { return atom_from_cstr(s); }

/* Atoms every call needs, interned once at registration (before any
 * snapshot, so no restore resets them). */
static atom_t a_text;
static functor_t f_stream;

/* The pending text to the stream: once, at the end (or before an error),
 * so that a line costs one stream write, not one per column stop. */
static void emit(struct fmt *f)
{
    if (f->out && f->buf.len) {
        stream_write(f->out, f->buf.buf, f->buf.len);
        f->buf.len = 0;
        f->seg = 0;
    }
}

/* Raise formal after writing the text formatted so far. */
static _Noreturn void fail_with(struct fmt *f, term_t formal)
{
    emit(f);
    wr_sink_free(&f->buf);
    err_throw_formal(formal);
}

static _Noreturn void format_error(struct fmt *f, const char *msg)
{
    fail_with(f, term_compound1(functor_intern(A("format"), 1), term_atom(A(msg))));
}

static _Noreturn void arg_type(struct fmt *f, char d, term_t t)
{
    char n[2] = {d, 0};
    fail_with(f, term_compound2(functor_intern(A("format_argument_type"), 2), term_atom(A(n)), t));
}

static term_t next_arg(struct fmt *f)
{
    term_t l = term_deref(f->args);
    if (!term_is_list_cell(l))
        format_error(f, "not enough arguments");
    f->args = term_arg(l, 2);
    return term_deref(term_arg(l, 1));
}

/* The column at the end of the pending text. */
static int64_t column(const struct fmt *f)
{
    int64_t col = f->seg_col;
    for (size_t i = f->seg; i < f->buf.len; i++) {
        unsigned char c = (unsigned char)f->buf.buf[i];
        if (c == '\n')
            col = 0;
        else if ((c & 0xc0) != 0x80)
            col++;
    }
    return col;
}

/* A column stop at target: pad the segment at its fill points (at its end
 * when it has none), the pad shared out evenly, the rightmost points taking
 * what does not divide. */
static void column_stop(struct fmt *f, int64_t target)
{
    int64_t col = column(f);
    if (col < target) {
        size_t pad = (size_t)(target - col);
        if (f->nfill == 0) {
            f->fill_at[0] = f->buf.len;
            f->fill_ch[0] = ' ';
            f->nfill = 1;
        }
        /* each fill point's share, in bytes (a fill character may be
         * wider than one byte) */
        char fc[MAX_FILL][4];
        size_t fl[MAX_FILL], share[MAX_FILL], grow = 0;
        for (int i = 0; i < f->nfill; i++) {
            fl[i] = text_utf8_encode(f->fill_ch[i], fc[i]);
            share[i] = pad / (size_t)f->nfill + ((size_t)i >= (size_t)f->nfill - pad % (size_t)f->nfill ? 1 : 0);
            grow += share[i] * fl[i];
        }
        /* make room at the end, then move the pieces right, last first */
        static const char room[64] = {0};
        size_t old = f->buf.len;
        for (size_t i = 0; i < grow; i += sizeof room)
            wr_put(&f->buf, room, grow - i < sizeof room ? grow - i : sizeof room);
        if (f->buf.err)
            err_resource(ATOM_memory);
        char *b = f->buf.buf;
        size_t end = old, shift = grow;
        for (int i = f->nfill - 1; i >= 0; i--) {
            size_t at = f->fill_at[i];
            memmove(b + at + shift, b + at, end - at);
            shift -= share[i] * fl[i];
            for (size_t k = 0; k < share[i]; k++)
                memcpy(b + at + shift + k * fl[i], fc[i], fl[i]);
            end = at;
        }
        col = target;
    }
    f->nfill = 0;
    f->seg = f->buf.len;
    f->seg_col = col;
}

/* Decimal digits of integer t (no sign) into a malloc'd string; *neg the sign. */
static char *int_digits(term_t t, bool *neg)
{
    char *d = wr_bigint_text(t);
    if (!d)
        err_resource(ATOM_memory);
    *neg = d[0] == '-';
    if (*neg)
        memmove(d, d + 1, strlen(d));
    return d;
}

/* ~d ~D: group = digits after an inserted decimal point (~Nd), comma
 * groups of three in the integer part for ~D. */
static void put_integer(struct fmt *f, term_t t, long group, bool commas)
{
    bool neg;
    char small[24], *digits = small;
    int64_t v;
    if (term_get_int64(t, &v)) {
        /* digits backwards from the end of small */
        unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
        char *p = small + sizeof small - 1;
        *p = 0;
        do {
            *--p = (char)('0' + u % 10);
            u /= 10;
        } while (u);
        digits = p;
        neg = v < 0;
    } else {
        digits = int_digits(t, &neg);
    }
    size_t len = strlen(digits), g = group > 0 ? (size_t)group : 0;
    if (neg)
        wr_put(&f->buf, "-", 1);
    if (g > 0 && len <= g) {
        wr_put(&f->buf, "0.", 2);
        for (size_t i = len; i < g; i++)
            wr_put(&f->buf, "0", 1);
        wr_put(&f->buf, digits, len);
    } else {
        size_t ip = len - g;
        if (!commas) {
            wr_put(&f->buf, digits, ip);
        } else {
            for (size_t i = 0; i < ip; i++) {
                if (i > 0 && (ip - i) % 3 == 0)
                    wr_put(&f->buf, ",", 1);
                wr_put(&f->buf, digits + i, 1);
            }
        }
        if (g) {
            wr_put(&f->buf, ".", 1);
            wr_put(&f->buf, digits + ip, g);
        }
    }
    if (digits < small || digits >= small + sizeof small)
        free(digits);
}

/* ~r ~R: t in radix (2..36). */
static void put_radix(struct fmt *f, term_t t, int radix, bool upper)
{
    const char *dig = upper ? "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ" : "0123456789abcdefghijklmnopqrstuvwxyz";
    size_t n = 1;
    bool neg = false;
    uint64_t one[1], *limbs;
    int64_t v;
    if (term_get_int64(t, &v)) {
        neg = v < 0;
        one[0] = neg ? 0ULL - (uint64_t)v : (uint64_t)v;
        limbs = one;
    } else {
        limbs = term_big_limbs(t, &n, &neg);
    }
    uint64_t *q = malloc(n * sizeof *q);
    char *out = malloc(n * 64 + 2);
    if (!q || !out)
        err_resource(ATOM_memory);
    memcpy(q, limbs, n * sizeof *q);
    size_t k = 0, top = n;
    do {
        unsigned __int128 rem = 0;
        for (size_t i = top; i-- > 0;) {
            unsigned __int128 cur = (rem << 64) | q[i];
            q[i] = (uint64_t)(cur / (unsigned)radix);
            rem = cur % (unsigned)radix;
        }
        out[k++] = dig[(int)rem];
        while (top > 0 && q[top - 1] == 0)
            top--;
    } while (top > 0);
    if (neg)
        wr_put(&f->buf, "-", 1);
    while (k > 0)
        wr_put(&f->buf, &out[--k], 1);
    free(q);
    free(out);
}

/* ~e ~f ~g: digits after the point (default 6).  An integer prints exactly
 * under ~f, as swipl does for big ones. */
static void put_float(struct fmt *f, term_t t, char d, long digits)
{
    if (digits < 0)
        digits = 6;
    if (d == 'f' && term_is_big(t)) {
        put_integer(f, t, 0, false);
        if (digits > 0) {
            wr_put(&f->buf, ".", 1);
            for (long i = 0; i < digits; i++)
                wr_put(&f->buf, "0", 1);
        }
        return;
    }
    double v;
    if (term_is_float(t)) {
        v = term_get_float(t);
    } else if (term_is_smallint(t)) {
        v = (double)term_get_smallint(t);
    } else {
        char *s = wr_bigint_text(t);
        v = s ? strtod(s, NULL) : 0;
        free(s);
    }
    char spec[8] = {'%', '.', '*', d, 0}, small[64];
    if (d != 'g') {
        size_t k = fmtfloat(v, d, (int)(digits > 64 ? -1 : digits), small);
        if (k) {
            wr_put(&f->buf, small, k);
            return;
        }
    }
    int n = snprintf(small, sizeof small, spec, (int)digits, v);
    if ((size_t)n < sizeof small) {
        wr_put(&f->buf, small, (size_t)n);
        return;
    }
    char *out = malloc((size_t)n + 1);
    if (!out)
        err_resource(ATOM_memory);
    snprintf(out, (size_t)n + 1, spec, (int)digits, v);
    wr_put(&f->buf, out, (size_t)n);
    free(out);
}

/* ~a: atomic text. */
static void put_atomic(struct fmt *f, term_t t)
{
    if (term_is_var(t) || term_is_compound(t) || t == TERM_NIL)
        arg_type(f, 'a', t);
    text x;
    text_get(t, TEXT_ATOMIC, ATOM_atom_t, &x);
    wr_put(&f->buf, x.s, x.len);
}

/* ~s: a code list, char list, string (or atom, as swipl takes). */
static void put_text(struct fmt *f, term_t t)
{
    text x;
    if (t == TERM_NIL)
        return;
    if (term_is_var(t) || term_is_number(t) ||
        (term_is_compound(t) && !term_is_list_cell(t)))
        arg_type(f, 's', t);
    text_get(t, TEXT_ATOM | TEXT_STRING | TEXT_LIST, ATOM_list, &x);
    wr_put(&f->buf, x.s, x.len);
}

static void put_term_with(struct fmt *f, term_t t, const wr_options *o)
{
    if (o->portray && f->out != stream_current_output()) {
        /* portray/1 writes to the current output: into text (format/3 to
         * atom(A) ...) or another stream, the term is printed to a string
         * first, hook output and all, as with_output_to/2 would */
        term_t str = term_new_var(), ball;
        term_t g = term_compound2(functor_intern(atom_from_cstr("with_output_to"), 2),
                                  term_compound1(functor_intern(ATOM_string, 1), str),
                                  term_compound1(functor_intern(atom_from_cstr("print"), 1), t));
        if (solve(g, NULL, NULL, &ball) == SOLVE_ERROR)
            solve_throw(ball);
        size_t n;
        const char *p = term_string_chars(term_deref(str), &n);
        f->buf.last = -1;
        wr_put(&f->buf, p, n);
        return;
    }
    if (o->portray && f->out && f->nfill == 0) {
        /* portray/1 writes to the stream itself: what is pending goes first */
        f->seg_col = column(f);
        emit(f);
    }
    f->buf.last = -1; /* no space against what was before, as swipl */
    wr_term(&f->buf, t, o);
    if (f->buf.err == WR_ERR_DEEP)
        err_resource(atom_from_cstr("stack"));
}

static void put_term(struct fmt *f, term_t t, void (*opts)(wr_options *))
{
    wr_options o;
    opts(&o);
    put_term_with(f, t, &o);
}

/* An integer argument for ~d ~D ~r ~c: evaluated when it is not a number
 * already (swipl), a format_argument_type error when not an integer. */
static term_t int_arg(struct fmt *f, char d)
{
    term_t t = next_arg(f);
    if (term_is_var(t))
        err_instantiation();
    if (!term_is_integer(t)) {
        if (term_is_number(t) || d == 'c')
            arg_type(f, d, t);
        term_t v = arith_eval(t);
        if (!term_is_integer(v))
            arg_type(f, d, t);
        t = v;
    }
    return t;
}

static void run(struct fmt *f, const char *p, size_t len)
{
    const char *end = p + len;
    while (p < end) {
        if (*p != '~') {
            const char *q = memchr(p, '~', (size_t)(end - p));
            if (!q)
                q = end;
            wr_put(&f->buf, p, (size_t)(q - p));
            p = q;
            continue;
        }
        p++;
        long num = -1;
        if (p < end && *p == '*') {
            term_t n = next_arg(f);
            int64_t v;
            if (!term_is_integer(n) || !term_get_int64(n, &v) || v < 0)
                format_error(f, "no or negative integer for `*' argument");
            num = (long)v;
            p++;
        } else if (p < end && *p == '`') {
            if (p + 1 >= end)
                format_error(f, "truncated format specification");
            size_t used;
            num = text_utf8_decode(p + 1, (size_t)(end - p - 1), &used);
            p += 1 + used;
        } else {
            while (p < end && *p >= '0' && *p <= '9')
                num = (num < 0 ? 0 : num * 10) + (*p++ - '0');
        }
        if (p >= end)
            format_error(f, "truncated format specification");
        size_t used;
        int d = text_utf8_decode(p, (size_t)(end - p), &used);
        p += used;
        switch (d) {
        case '~':
            wr_put(&f->buf, "~", 1);
            break;
        case 'w':
            put_term(f, next_arg(f), wr_options_write);
            break;
        case 'p':
            put_term(f, next_arg(f), wr_options_print);
            break;
        case 'q':
            put_term(f, next_arg(f), wr_options_writeq);
            break;
        case 'W': { /* two arguments: the term and write_term/2's options */
            term_t t = next_arg(f);
            wr_options o;
            write_opts_parse(next_arg(f), &o);
            put_term_with(f, t, &o);
            break;
        }
        case 'a':
            put_atomic(f, next_arg(f));
            break;
        case 's':
            put_text(f, next_arg(f));
            break;
        case 'd':
        case 'D':
            put_integer(f, int_arg(f, (char)d), num, d == 'D');
            break;
        case 'f':
        case 'e':
        case 'g': {
            term_t x = next_arg(f);
            put_float(f, term_is_number(x) ? x : arith_eval(x), (char)d, num);
            break;
        }
        case 'n':
            for (long i = 0; i < (num < 0 ? 1 : num); i++)
                wr_put(&f->buf, "\n", 1);
            break;
        case 'c': {
            term_t c = int_arg(f, 'c');
            int64_t v;
            if (!term_get_int64(c, &v) || v < 0 || v > 0x10ffff)
                arg_type(f, 'c', c);
            for (long i = 0; i < (num < 0 ? 1 : num); i++)
                wr_put_cp(&f->buf, (int)v);
            break;
        }
        case 'r':
        case 'R': {
            term_t v = int_arg(f, (char)d);
            long radix = num < 0 ? 8 : num;
            if (radix < 2 || radix > 36)
                fail_with(f, term_compound2(FUNCTOR_domain_error2, term_atom(A("radix")), term_smallint(radix)));
            put_radix(f, v, (int)radix, d == 'R');
            break;
        }
        case 'i':
            next_arg(f);
            break;
        case 't':
            if (f->nfill < MAX_FILL) {
                f->fill_at[f->nfill] = f->buf.len;
                f->fill_ch[f->nfill++] = num >= 0 ? (int)num : ' ';
            }
            break;
        case '|':
            column_stop(f, num < 0 ? column(f) : num);
            break;
        case '+':
            column_stop(f, f->seg_col + (num < 0 ? 8 : num));
            break;
        default: {
            char ch[4];
            size_t n = text_utf8_encode(d, ch);
            fail_with(f, term_compound2(FUNCTOR_existence_error2, term_atom(A("format_character")),
                                        term_atom(atom_intern(ch, n))));
        }
        }
    }
}

/* Format fmt with args into out (a stream), or into *res when out is NULL
 * (malloc'd, the caller frees; *len its length). */
static void do_format(stream *out, term_t fmt, term_t args, char **res, size_t *len)
{
    fmt = term_deref(fmt);
    if (term_is_var(fmt))
        err_instantiation();
    text ft;
    if (term_is_number(fmt) || (term_is_compound(fmt) && !term_is_list_cell(fmt)))
        err_type(a_text, fmt);
    text_get(fmt, TEXT_ATOM | TEXT_STRING | TEXT_LIST, a_text, &ft);
    args = term_deref(args);
    if (!term_is_list_cell(args) && args != TERM_NIL)
        args = term_cons(args, TERM_NIL);
    struct fmt f = {.out = out, .args = args, .seg_col = out ? stream_pos(out)->linepos : 0};
    wr_sink_buffer(&f.buf);
    run(&f, ft.s, ft.len);
    if (term_deref(f.args) != TERM_NIL)
        format_error(&f, "too many arguments");
    if (out) {
        emit(&f);
        wr_sink_free(&f.buf);
    } else {
        *res = wr_sink_take(&f.buf, len);
    }
}

/* format(+Format), format(+Format, :Args). */
static bool bi_format1(term_t *a)
{
    do_format(stream_current_output(), a[0], TERM_NIL, NULL, NULL);
    return true;
}
static bool bi_format2(term_t *a)
{
    do_format(stream_current_output(), a[0], a[1], NULL, NULL);
    return true;
}


/* format(+Output, +Format, :Args): Output is a stream or alias, or
 * atom(A), string(S), codes(C), codes(C, T), chars(C), chars(C, T). */
static bool bi_format3(term_t *a)
{
    term_t o = term_deref(a[0]);
    if (term_is_compound(o) && term_functor(o) != f_stream) {
        atom_t n;
        unsigned ar;
        term_name_arity(o, &n, &ar);
        bool spec = (ar == 1 && (n == ATOM_atom_t || n == ATOM_string || n == ATOM_codes || n == ATOM_chars)) ||
                    (ar == 2 && (n == ATOM_codes || n == ATOM_chars));
        if (!spec)
            err_type(A("output"), o);
        char *text;
        size_t len;
        do_format(NULL, a[1], a[2], &text, &len);
        term_t s = term_string(text, len);
        free(text);
        size_t n2;
        const char *p = term_string_chars(s, &n2);
        return stream_unify_output(o, p, n2);
    }
    do_format(stream_get_output(a[0]), a[1], a[2], NULL, NULL);
    return true;
}

void format_register(void)
{
    a_text = A("text");
    f_stream = functor_intern(A("$stream"), 1);
    db_register_det("format", 1, bi_format1);
    db_register_det("format", 2, bi_format2);
    db_register_det("format", 3, bi_format3);
}
