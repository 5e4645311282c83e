/* strings.c - the string type's built-ins, as swipl 7+ has them.
 *
 * A string is a TAG_STRG box of UTF-8 (term.h); "..." reads as one by
 * default (double_quotes = string, DESIGN and BRIEF point 9).  The input
 * side of every built-in here accepts any text (atom, string, number, code
 * or char list) where swipl does; the output side makes strings.
 */
#include "strings.h"

#include <stdlib.h>
#include <string.h>

#include "atoms.h"
#include "engine/db.h"
#include "engine/error.h"
#include "engine/solve.h"
#include "engine/unify.h"
#include "lang/reader.h"
#include "lang/writer.h"
#include "read.h"
#include "text.h"

static atom_t text_type(void) { return atom_from_cstr("text"); }

/* string_concat(?S1, ?S2, ?S3) is nondet (det unless S1 and S2 are unbound). */
static long bi_string_concat(term_t *a, long alt) { return atoms_concat(a, alt, ATOM_string); }

/* sub_string(+String, ?Before, ?Length, ?After, ?Sub) is nondet. */
static long bi_sub_string(term_t *a, long alt) { return atoms_sub(a, alt, ATOM_string); }

/* text_concat(?T1, ?T2, ?T3) is nondet: joining, a string when T1 or T2 is
 * one, else an atom; splitting, the parts have T3's type. */
static long bi_text_concat(term_t *a, long alt)
{
    term_t x = term_deref(a[0]), y = term_deref(a[1]), z = term_deref(a[2]);
    bool split = term_is_var(x) || term_is_var(y);
    bool str = split ? term_is_string(z) : term_is_string(x) || term_is_string(y);
    return atoms_concat(a, alt, str ? ATOM_string : ATOM_atom_t);
}

/* string_length(+String, -Length) is det. */
static bool bi_string_length(term_t *a)
{
    text x;
    text_get(a[0], TEXT_ANY, text_type(), &x);
    size_t n = text_utf8_count(x.s, x.len);
    text_free(&x);
    term_t l = term_deref(a[1]);
    if (!term_is_var(l) && !term_is_integer(l))
        err_type(ATOM_integer, l);
    return unify(l, term_int((int64_t)n));
}

/* string_chars(?String, ?Chars), string_codes(?String, ?Codes) are det. */
static bool bi_string_chars(term_t *a)
{
    return text_list_conv(a, TEXT_ANY, text_type(), ATOM_string, ATOM_chars);
}
static bool bi_string_codes(term_t *a)
{
    return text_list_conv(a, TEXT_ANY, text_type(), ATOM_string, ATOM_codes);
}

/* Two-way conversions: when the first argument (of any text) is bound it
 * makes the second of kind2; else the second (of any text) makes the
 * first of kind1. */
static bool convert(term_t *a, atom_t kind1, atom_t kind2)
{
    term_t p = term_deref(a[0]), q = term_deref(a[1]);
    text x;
    if (!term_is_var(p)) {
        text_get(p, TEXT_ANY, kind1, &x);
        bool ok = text_unify(q, kind2, x.s, x.len);
        text_free(&x);
        return ok;
    }
    text_get(q, TEXT_ANY, kind2, &x);
    bool ok = unify(p, text_make(kind1, x.s, x.len));
    text_free(&x);
    return ok;
}

/* string_to_atom(?String, ?Atom), atom_string(?Atom, ?String),
 * text_to_string(+Text, ?String) are det. */
static bool bi_string_to_atom(term_t *a) { return convert(a, ATOM_string, ATOM_atom_t); }
static bool bi_atom_string(term_t *a) { return convert(a, ATOM_atom_t, ATOM_string); }
static bool bi_text_to_string(term_t *a)
{
    text x;
    text_get(a[0], TEXT_ANY, text_type(), &x);
    bool ok = text_unify(a[1], ATOM_string, x.s, x.len);
    text_free(&x);
    return ok;
}

/* number_string(?Number, ?String) is semidet.  String (a string or a code
 * or char list) that is not a number fails, unlike number_codes/2; swipl
 * 9.0.4 also takes no layout around the number here. */
static bool bi_number_string(term_t *a)
{
    term_t n = term_deref(a[0]), s = term_deref(a[1]);
    if (!term_is_var(s)) {
        text x;
        if (!text_try(s, TEXT_STRING | TEXT_LIST, &x))
            err_type(ATOM_list, s);
        const char *why;
        term_t v = x.len && (unsigned char)x.s[0] > ' ' ? text_number(x.s, x.len, &why) : 0;
        text_free(&x);
        return v && unify(n, v);
    }
    if (term_is_var(n))
        err_instantiation();
    if (!term_is_number(n))
        err_type(ATOM_number, n);
    text x;
    text_get(n, TEXT_NUMBER, ATOM_number, &x);
    bool ok = unify(s, text_string(x.s, x.len));
    text_free(&x);
    return ok;
}

/* string_code(?Index, +String, ?Code) is nondet: the code at 1-based Index;
 * with Index unbound, every position in turn (alt: the next byte offset + 1). */
static long bi_string_code(term_t *a, long alt)
{
    term_t i = term_deref(a[0]);
    int64_t k = 0;
    if (!term_is_var(i)) {
        if (!term_is_integer(i))
            err_type(ATOM_integer, i);
        if (!term_get_int64(i, &k))
            return -1;
        if (k < 0)
            err_domain(ATOM_not_less_than_zero, i);
    }
    text x;
    text_get(a[1], TEXT_ANY, text_type(), &x);
    long r = -1;
    size_t used;
    if (!term_is_var(i)) {
        size_t off = k >= 1 ? text_utf8_offset(x.s, x.len, (size_t)k - 1) : x.len;
        if (off < x.len && unify(a[2], term_smallint(text_utf8_decode(x.s + off, x.len - off, &used))))
            r = 0;
    } else {
        size_t off = alt ? (size_t)alt - 1 : 0;
        if (off < x.len) {
            int c = text_utf8_decode(x.s + off, x.len - off, &used);
            if (unify(i, term_int((int64_t)text_utf8_count(x.s, off) + 1)) && unify(a[2], term_smallint(c)))
                r = off + used < x.len ? (long)(off + used) + 1 : 0;
        }
    }
    text_free(&x);
    return r;
}

/* --- splitting ----------------------------------------------------------------- */

/* Whether code point c is one of the characters of set. */
static bool in_set(const text *set, int c)
{
    for (size_t i = 0, used; i < set->len; i += used)
        if (text_utf8_decode(set->s + i, set->len - i, &used) == c)
            return true;
    return false;
}

/* The bytes [*b, *e) with the characters of pad removed from both ends. */
static void strip(const char *s, size_t *b, size_t *e, const text *pad)
{
    size_t used;
    while (*b < *e && in_set(pad, text_utf8_decode(s + *b, *e - *b, &used)))
        *b += used;
    while (*e > *b) {
        size_t k = *e - 1;
        while (k > *b && ((unsigned char)s[k] & 0xC0) == 0x80)
            k--;
        if (!in_set(pad, text_utf8_decode(s + k, *e - k, &used)))
            break;
        *e = k;
    }
}

/* split_string(+String, +SepChars, +PadChars, -SubStrings) is det: String
 * stripped of PadChars at both ends, then cut at every character of
 * SepChars; each field loses PadChars at both ends.  As in swipl, a field's
 * leading pad is skipped before its separator is looked for, so when the
 * pad holds the separators, runs of them count as one ("a  b" with " " and
 * " " gives ["a", "b"]). */
static bool bi_split_string(term_t *a)
{
    text s, sep, pad;
    /* text only: swipl takes no number here */
    const unsigned accept = TEXT_ATOM | TEXT_STRING | TEXT_LIST;
    text_get(a[0], accept, text_type(), &s);
    text_get(a[1], accept, text_type(), &sep);
    text_get(a[2], accept, text_type(), &pad);
    term_t head = TERM_NIL, last = 0;
    size_t start = 0, end = s.len, used;
    strip(s.s, &start, &end, &pad);
    const size_t stop = end;
    for (;;) {
        while (start < stop && in_set(&pad, text_utf8_decode(s.s + start, stop - start, &used)))
            start += used;
        size_t e = start;
        used = 0;
        while (e < stop && !in_set(&sep, text_utf8_decode(s.s + e, stop - e, &used)))
            e += used;
        size_t fb = start, fe = e;
        strip(s.s, &fb, &fe, &pad);
        term_t cell = term_cons(text_string(s.s + fb, fe - fb), TERM_NIL);
        if (last)
            term_args(last)[1] = cell;
        else
            head = cell;
        last = cell;
        if (e >= stop)
            break;
        start = e + used;
    }
    text_free(&s);
    text_free(&sep);
    text_free(&pad);
    return unify(a[3], head);
}

/* normalize_space(+Out, +Input) is det: the words of Input (runs of
 * non-space) joined by single spaces, as Out = atom(A), string(S),
 * codes(Cs) or chars(Cs). */
static bool bi_normalize_space(term_t *a)
{
    term_t out = term_deref(a[0]);
    if (term_is_var(out))
        err_instantiation();
    atom_t kind = 0;
    atom_t name;
    unsigned arity;
    if (term_name_arity(out, &name, &arity) && arity == 1 &&
        (name == ATOM_atom_t || name == ATOM_string || name == ATOM_codes || name == ATOM_chars))
        kind = name;
    if (!kind)
        err_type(atom_from_cstr("output"), out);
    text in;
    text_get(a[1], TEXT_ANY, ATOM_atomic, &in); /* swipl: type_error(atomic, f(x)) */
    char *buf = malloc(in.len + 1);
    if (!buf)
        err_resource(ATOM_memory);
    size_t o = 0;
    for (size_t i = 0; i < in.len;) {
        size_t used;
        int c = text_utf8_decode(in.s + i, in.len - i, &used);
        if (c == ' ' || (c >= 9 && c <= 13) || c == 0xA0) {
            i += used;
            continue;
        }
        if (o)
            buf[o++] = ' ';
        while (i < in.len) {
            c = text_utf8_decode(in.s + i, in.len - i, &used);
            if (c == ' ' || (c >= 9 && c <= 13) || c == 0xA0)
                break;
            memcpy(buf + o, in.s + i, used);
            o += used;
            i += used;
        }
    }
    bool ok = unify(term_arg(out, 1), text_make(kind, buf, o));
    free(buf);
    text_free(&in);
    return ok;
}

/* --- terms as text ---------------------------------------------------------------- */

static term_t term_text(term_t t, atom_t kind)
{
    wr_options o;
    wr_options_writeq(&o);
    size_t len;
    char *s = wr_term_to_text(t, &o, &len);
    if (!s)
        err_resource(ATOM_memory);
    term_t r = text_make(kind, s, len);
    free(s);
    return r;
}

/* term_string(?Term, ?String) is det: String bound parses it, else Term
 * written quoted.  (swipl's manual shows the arguments the other way
 * round; swipl 9 and this follow the code: Term first.) */
static bool bi_term_string(term_t *a)
{
    term_t s = term_deref(a[1]);
    if (!term_is_var(s)) {
        text x;
        text_get(s, TEXT_ATOMIC, text_type(), &x);
        term_t r = text_read(x.s, x.len, NULL);
        text_free(&x);
        return unify(a[0], r);
    }
    return unify(s, term_text(a[0], ATOM_string));
}

/* read_term_from_atom(+Atom, -Term, +Options) is det: read_term/2's
 * options (variable_names, variables, singletons, double_quotes, ...). */
static bool bi_read_term_from_atom(term_t *a)
{
    read_req r;
    read_opts_parse(a[2], &r);
    text x;
    text_get(a[0], TEXT_ANY, ATOM_atom_t, &x);
    rd_result res;
    rd_status st = rd_read_text(x.s, x.len, &r.o, &res);
    if (st == RD_SYNTAX_ERROR) {
        term_t e = rd_error_term(&res.error, (atom_t)-1, x.s);
        text_free(&x);
        solve_throw(e);
    }
    text_free(&x);
    if (st == RD_EOF)
        return unify(a[1], term_atom(ATOM_end_of_file));
    return read_term_finish(&r, a[1], &res);
}

/* atom_to_term(+Atom, -Term, -Bindings) is det: Bindings ['X'=_X, ...]. */
static bool bi_atom_to_term(term_t *a)
{
    term_t at = term_deref(a[0]);
    if (term_is_var(at))
        err_instantiation();
    text x;
    text_get(at, TEXT_ANY, ATOM_atom_t, &x);
    term_t names;
    term_t r = text_read(x.s, x.len, &names);
    text_free(&x);
    return unify(a[1], r) && unify(a[2], names);
}

void strings_register(void)
{
    db_register_nondet_probe("string_concat", 3, bi_string_concat);
    db_register_nondet("sub_string", 5, bi_sub_string);
    db_register_nondet("text_concat", 3, bi_text_concat);
    db_register_det("string_length", 2, bi_string_length);
    db_register_det("string_chars", 2, bi_string_chars);
    db_register_det("string_codes", 2, bi_string_codes);
    db_register_det("string_to_atom", 2, bi_string_to_atom);
    db_register_det("atom_string", 2, bi_atom_string);
    db_register_det("text_to_string", 2, bi_text_to_string);
    db_register_det("number_string", 2, bi_number_string);
    db_register_nondet("string_code", 3, bi_string_code);
    db_register_det("split_string", 4, bi_split_string);
    db_register_det("normalize_space", 2, bi_normalize_space);
    db_register_det("term_string", 2, bi_term_string);
    db_register_det("read_term_from_atom", 3, bi_read_term_from_atom);
    db_register_det("atom_to_term", 3, bi_atom_to_term);
}
