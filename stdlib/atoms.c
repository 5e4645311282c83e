/* atoms.c - atoms as text: conversion, length, concatenation, sub_atom/5,
 * numbers as text, atomic_list_concat/2,3 and term_to_atom/2.
 *
 * Most built-ins accept any atomic text where swipl does (atom_length(12, L)
 * is 2) and make atoms; positions and lengths count characters.
 */
#define _GNU_SOURCE /* memmem */
#include "atoms.h"

#include <stdlib.h>
#include <string.h>

#include "chartype.h"
#include "engine/db.h"
#include "engine/error.h"
#include "engine/unify.h"
#include "lang/writer.h"
#include "text.h"

static atom_t atom_named(const char *s) { return atom_from_cstr(s); }

/* An optional integer argument: true and *v set when bound; type_error
 * for a non-integer, domain_error(not_less_than_zero) for a negative when
 * nonneg. */
static bool opt_int(term_t t, int64_t *v, bool nonneg)
{
    t = term_deref(t);
    if (term_is_var(t))
        return false;
    if (!term_is_integer(t))
        err_type(ATOM_integer, t);
    if (!term_get_int64(t, v))
        *v = INT64_MAX; /* a bignum: larger than any text */
    if (nonneg && *v < 0)
        err_domain(ATOM_not_less_than_zero, t);
    return true;
}

/* atom_codes(?Atom, ?Codes), atom_chars(?Atom, ?Chars) are det. */
static bool bi_atom_codes(term_t *a)
{
    return text_list_conv(a, TEXT_ATOMIC, ATOM_atom_t, ATOM_atom_t, ATOM_codes);
}
static bool bi_atom_chars(term_t *a)
{
    return text_list_conv(a, TEXT_ATOMIC, ATOM_atom_t, ATOM_atom_t, ATOM_chars);
}

/* char_code(?Char, ?Code) is det. */
static bool bi_char_code(term_t *a)
{
    term_t ch = term_deref(a[0]), co = term_deref(a[1]);
    if (!term_is_var(ch)) {
        int c = text_char_of(ch);
        if (c < 0)
            err_type(ATOM_character, ch);
        if (!term_is_var(co) && !term_is_integer(co))
            err_type(ATOM_integer, co);
        return unify(co, term_smallint(c));
    }
    if (term_is_var(co))
        err_instantiation();
    if (!term_is_integer(co))
        err_type(ATOM_integer, co);
    int64_t v;
    if (!term_get_int64(co, &v) || v < 0 || v > 0x10FFFF)
        err_type(atom_named("character_code"), co); /* swipl; ISO says representation_error */
    return unify(ch, text_char_atom((int)v));
}

/* atom_length(+Atom, ?Length) is semidet. */
static bool bi_atom_length(term_t *a)
{
    text x;
    text_get(a[0], TEXT_ATOMIC, atom_named("text"), &x);
    int64_t want;
    bool bound = opt_int(a[1], &want, false);
    size_t n = text_utf8_count(x.s, x.len);
    text_free(&x);
    return bound ? want >= 0 && (uint64_t)want == n : unify(a[1], term_int((int64_t)n));
}

/* --- concatenation ------------------------------------------------------------ */

long atoms_concat(term_t *a, long alt, atom_t kind)
{
    term_t x = term_deref(a[0]), y = term_deref(a[1]), z = term_deref(a[2]);
    text tx, ty, tz;
    if (!term_is_var(x) && !text_try(x, TEXT_ATOMIC, &tx))
        err_type(ATOM_atomic, x);
    if (!term_is_var(y) && !text_try(y, TEXT_ATOMIC, &ty))
        err_type(ATOM_atomic, y);
    if (!term_is_var(x) && !term_is_var(y)) {
        /* most joins fit the stack: malloc'd memory is tracked, and each
         * first store to a recycled block was logged */
        char stack[256], *s = stack;
        size_t len = tx.len + ty.len;
        if (len >= sizeof stack) {
            text parts[2] = {tx, ty};
            s = text_join(parts, 2, "", 0, &len);
        } else {
            memcpy(stack, tx.s, tx.len);
            memcpy(stack + tx.len, ty.s, ty.len);
            stack[len] = 0;
        }
        /* a bound T3 is compared as text: atom_concat(a, b, "ab") holds */
        bool ok = !term_is_var(z) && text_try(z, TEXT_ATOMIC, &tz)
                      ? tz.len == len && memcmp(tz.s, s, len) == 0
                      : unify(z, text_make(kind, s, len));
        if (s != stack)
            free(s);
        text_free(&tx);
        text_free(&ty);
        return ok ? 0 : -1;
    }
    if (term_is_var(z))
        err_instantiation();
    if (!text_try(z, TEXT_ATOMIC, &tz))
        err_type(ATOM_atomic, z);
    if (alt == ND_PROBE && term_is_var(x) && term_is_var(y))
        return ND_PROBE; /* every split: under a snapshot */
    if (alt == ND_PROBE)
        alt = 0;
    if (!term_is_var(x)) { /* prefix known */
        bool ok = tx.len <= tz.len && memcmp(tx.s, tz.s, tx.len) == 0 &&
                  unify(y, text_make(kind, tz.s + tx.len, tz.len - tx.len));
        return ok ? 0 : -1;
    }
    if (!term_is_var(y)) { /* suffix known */
        size_t k = tz.len - ty.len;
        bool ok = ty.len <= tz.len && memcmp(ty.s, tz.s + k, ty.len) == 0 && unify(x, text_make(kind, tz.s, k));
        return ok ? 0 : -1;
    }
    /* both unknown: every split, the prefix growing; alt is the byte offset
     * + 1.  atom_concat(X, X, abab) has one variable twice: only the split
     * into equal halves can succeed, and the others must not end the
     * enumeration by failing a unification. */
    size_t off = alt ? (size_t)alt - 1 : 0, used = 0;
    if (x == y)
        for (; off <= tz.len; off += used) {
            if (tz.len - off == off && memcmp(tz.s, tz.s + off, off) == 0)
                return unify(x, text_make(kind, tz.s, off)) ? 0 : -1;
            if (off == tz.len)
                return -1;
            text_utf8_decode(tz.s + off, tz.len - off, &used);
        }
    if (!unify(x, text_make(kind, tz.s, off)) || !unify(y, text_make(kind, tz.s + off, tz.len - off)))
        return -1;
    if (off >= tz.len)
        return 0;
    text_utf8_decode(tz.s + off, tz.len - off, &used);
    return (long)(off + used) + 1;
}

/* atom_concat(?A1, ?A2, ?A3) is nondet. */
static long bi_atom_concat(term_t *a, long alt) { return atoms_concat(a, alt, ATOM_atom_t); }

/* --- sub_atom/5 ---------------------------------------------------------------- */

/* What sub_atom/5 knows: n characters; each of B, L, A bound or not; and
 * which of the unbound ones are the same variable (sub_atom(abc, X, X, _, _)
 * wants B = L). */
struct subq {
    int64_t n, b, l, a;
    bool hb, hl, ha;
    bool b_is_l, b_is_a, l_is_a;
};

static bool subq_ok(const struct subq *q, int64_t b, int64_t l)
{
    int64_t r = q->n - b - l;
    if (b < 0 || l < 0 || r < 0)
        return false;
    if ((q->hb && b != q->b) || (q->hl && l != q->l) || (q->ha && r != q->a))
        return false;
    return (!q->b_is_l || b == l) && (!q->b_is_a || b == r) && (!q->l_is_a || l == r);
}

/* The first candidate (b, l) at or after (*b, *l) in ISO order: B
 * ascending, then L ascending. */
static bool subq_next(const struct subq *q, int64_t *b, int64_t *l)
{
    int64_t bhi = q->hb ? q->b : q->n;
    for (int64_t bb = *b; bb <= bhi; bb++) {
        int64_t lo = bb == *b ? *l : 0;
        if (q->hl) {
            if (lo <= q->l && subq_ok(q, bb, q->l)) {
                *b = bb, *l = q->l;
                return true;
            }
        } else if (q->ha) {
            int64_t ll = q->n - bb - q->a;
            if (ll >= lo && subq_ok(q, bb, ll)) {
                *b = bb, *l = ll;
                return true;
            }
        } else {
            for (int64_t ll = lo; ll <= q->n - bb; ll++)
                if (subq_ok(q, bb, ll)) {
                    *b = bb, *l = ll;
                    return true;
                }
        }
    }
    return false;
}

long atoms_sub(term_t *a, long alt, atom_t kind)
{
    term_t t = term_deref(a[0]), sub = term_deref(a[4]);
    text tx, ts;
    text_get(t, TEXT_ATOMIC, kind == ATOM_string ? ATOM_string : ATOM_atom_t, &tx);
    struct subq q = {0};
    q.hb = opt_int(a[1], &q.b, true);
    q.hl = opt_int(a[2], &q.l, true);
    q.ha = opt_int(a[3], &q.a, true);
    term_t vb = term_deref(a[1]), vl = term_deref(a[2]), va = term_deref(a[3]);
    q.b_is_l = !q.hb && vb == vl;
    q.b_is_a = !q.hb && vb == va;
    q.l_is_a = !q.hl && vl == va;
    bool ascii = true;
    for (size_t i = 0; i < tx.len && ascii; i++)
        ascii = (unsigned char)tx.s[i] < 0x80;
    q.n = ascii ? (int64_t)tx.len : (int64_t)text_utf8_count(tx.s, tx.len);
#define OFF(i) (ascii ? (size_t)(i) : text_utf8_offset(tx.s, tx.len, (size_t)(i)))

    if (!term_is_var(sub)) {
        if (!text_try(sub, TEXT_ATOMIC, &ts))
            err_type(kind == ATOM_string ? ATOM_string : ATOM_atom_t, sub);
        /* Sub known: its occurrences, leftmost first; alt is the byte
         * offset to search from + 1. */
        int64_t m = (int64_t)text_utf8_count(ts.s, ts.len);
        size_t from = alt ? (size_t)alt - 1 : 0;
        if (q.hb) {
            from = alt ? tx.len + 1 : q.b <= q.n ? OFF(q.b) : tx.len + 1;
        }
        for (;;) {
            if (from > tx.len || ts.len > tx.len - from)
                return -1;
            const char *hit = ts.len ? memmem(tx.s + from, tx.len - from, ts.s, ts.len) : tx.s + from;
            if (!hit)
                return -1;
            size_t off = (size_t)(hit - tx.s);
            if (q.hb && off != from)
                return -1;
            int64_t b = ascii ? (int64_t)off : (int64_t)text_utf8_count(tx.s, off);
            size_t used = 1;
            if (off < tx.len)
                text_utf8_decode(tx.s + off, tx.len - off, &used);
            from = off + used;
            if (!subq_ok(&q, b, m))
                continue;
            if (!unify(vb, term_int(b)) || !unify(vl, term_int(m)) || !unify(va, term_int(q.n - b - m)))
                return -1;
            return q.hb || from > tx.len ? 0 : (long)from + 1;
        }
    }
    int64_t b = 0, l = 0;
    if (alt) {
        b = (alt - 1) / (q.n + 1);
        l = (alt - 1) % (q.n + 1);
    }
    if (!subq_next(&q, &b, &l))
        return -1;
    size_t ob = OFF(b), ol = OFF(b + l);
    if (!unify(vb, term_int(b)) || !unify(vl, term_int(l)) || !unify(va, term_int(q.n - b - l)) ||
        !unify(sub, text_make(kind, tx.s + ob, ol - ob)))
        return -1;
    int64_t nb = b, nl = l + 1;
    if (!subq_next(&q, &nb, &nl))
        return 0;
    return (long)(nb * (q.n + 1) + nl) + 1;
#undef OFF
}

/* sub_atom(+Atom, ?Before, ?Length, ?After, ?Sub) is nondet. */
static long bi_sub_atom(term_t *a, long alt) { return atoms_sub(a, alt, ATOM_atom_t); }

/* --- numbers as text ------------------------------------------------------------- */

term_t atoms_parse_number(term_t t, unsigned accept, atom_t type)
{
    text x;
    text_get(t, accept, type, &x);
    const char *why;
    term_t n = text_number(x.s, x.len, &why);
    text_free(&x);
    if (!n)
        err_throw_formal(term_compound1(functor_intern(ATOM_syntax_error, 1), term_atom(atom_named(why ? why : "illegal_number"))));
    return n;
}

/* number_codes(?Number, ?Codes), number_chars(?Number, ?Chars) are det. */
static bool number_list(term_t *a, atom_t kind)
{
    term_t n = term_deref(a[0]), l = term_deref(a[1]);
    /* a list with a variable in it: Number decides (ISO 8.16.7) */
    bool ground_list = true;
    term_t t = l;
    for (; term_is_list_cell(t); t = term_deref(term_arg(t, 2)))
        if (term_is_var(term_deref(term_arg(t, 1))))
            ground_list = false;
    if (term_is_var(t))
        ground_list = false;
    if (!term_is_var(n) && !term_is_number(n))
        err_type(ATOM_number, n);
    if (!ground_list || term_is_var(l)) {
        if (term_is_var(n))
            err_instantiation();
        if (term_is_smallint(n)) { /* no heap copy of the digits */
            char b[24];
            size_t len = text_int(term_get_smallint(n), b);
            return unify(l, text_make(kind, b, len));
        }
        text x;
        text_get(n, TEXT_NUMBER, ATOM_number, &x);
        bool ok = unify(l, text_make(kind, x.s, x.len));
        text_free(&x);
        return ok;
    }
    return unify(n, atoms_parse_number(l, TEXT_LIST | TEXT_STRING, ATOM_list));
}
static bool bi_number_codes(term_t *a) { return number_list(a, ATOM_codes); }
static bool bi_number_chars(term_t *a) { return number_list(a, ATOM_chars); }

/* atom_number(?Atom, ?Number) is semidet: fails when Atom is not a number. */
static bool bi_atom_number(term_t *a)
{
    term_t t = term_deref(a[0]), n = term_deref(a[1]);
    if (term_is_var(t)) {
        if (term_is_var(n))
            err_instantiation();
        if (!term_is_number(n))
            err_type(ATOM_number, n);
        text x;
        text_get(n, TEXT_NUMBER, ATOM_number, &x);
        bool ok = unify(t, text_atom(x.s, x.len));
        text_free(&x);
        return ok;
    }
    text x;
    if (!text_try(t, TEXT_ATOM | TEXT_STRING, &x))
        err_type(ATOM_atom_t, t);
    const char *why;
    /* unlike number_codes/2, no leading layout (swipl) */
    term_t v = x.len && (unsigned char)x.s[0] > ' ' ? text_number(x.s, x.len, &why) : 0;
    text_free(&x);
    return v && unify(n, v);
}

/* --- case ------------------------------------------------------------------------ */

/* upcase_atom(+Any, -Upper), downcase_atom(+Any, -Lower) are det;
 * string_upper(+Any, -Upper), string_lower(+Any, -Lower) are det. */
static bool recase(term_t *a, bool upper, atom_t kind)
{
    text x;
    text_get(a[0], TEXT_ATOMIC, ATOM_atomic, &x);
    term_t out = term_deref(a[1]);
    text y;
    if (!term_is_var(out) && !text_try(out, TEXT_ATOMIC, &y))
        err_type(kind, out);
    size_t len;
    char *s = chartype_recase(x.s, x.len, upper, &len);
    /* a bound result is compared as text: upcase_atom("abc", "ABC") holds */
    bool ok = term_is_var(out) ? unify(out, text_make(kind, s, len)) : y.len == len && memcmp(y.s, s, len) == 0;
    free(s);
    text_free(&x);
    return ok;
}
static bool bi_upcase_atom(term_t *a) { return recase(a, true, ATOM_atom_t); }
static bool bi_downcase_atom(term_t *a) { return recase(a, false, ATOM_atom_t); }
static bool bi_string_upper(term_t *a) { return recase(a, true, ATOM_string); }
static bool bi_string_lower(term_t *a) { return recase(a, false, ATOM_string); }

/* --- atomic_list_concat ---------------------------------------------------------- */

/* The texts of a proper list of atomics into a malloc'd array (*n of them);
 * NULL with *partial set when the list or an element is unbound. */
static text *list_texts(term_t l, size_t *n, bool *partial)
{
    size_t cap = 16, k = 0;
    text *v = malloc(cap * sizeof *v);
    if (!v)
        err_resource(ATOM_memory);
    term_t t = term_deref(l);
    *partial = false;
    for (; term_is_list_cell(t); t = term_deref(term_arg(t, 2))) {
        term_t e = term_deref(term_arg(t, 1));
        if (term_is_var(e)) {
            *partial = true;
            continue;
        }
        if (k == cap) {
            cap *= 2;
            text *p = realloc(v, cap * sizeof *v);
            if (!p)
                err_resource(ATOM_memory);
            v = p;
        }
        if (!text_try(e, TEXT_ATOMIC, &v[k]))
            err_type(atom_named("text"), e);
        k++;
    }
    if (term_is_var(t))
        *partial = true;
    else if (t != TERM_NIL)
        err_type(ATOM_list, t); /* swipl names the tail: [a|b] is type_error(list, b) */
    *n = k;
    if (*partial) {
        for (size_t i = 0; i < k; i++)
            text_free(&v[i]);
        free(v);
        return NULL;
    }
    return v;
}

static bool join_list(term_t l, const char *sep, size_t seplen, term_t out)
{
    size_t n;
    bool partial;
    text *v = list_texts(l, &n, &partial);
    if (!v)
        err_instantiation();
    size_t len;
    char *s = text_join(v, n, sep, seplen, &len);
    for (size_t i = 0; i < n; i++)
        text_free(&v[i]);
    free(v);
    bool ok = unify(out, text_atom(s, len));
    free(s);
    return ok;
}

/* atomic_list_concat(+List, ?Atom) is det. */
static bool bi_alc2(term_t *a) { return join_list(a[0], "", 0, a[1]); }

/* atomic_list_concat(?List, +Separator, ?Atom) is det: joins a proper list
 * of atomics, or, when the list is partial and Atom known, splits Atom at
 * every Separator (which must not be empty) into atoms. */
static bool bi_alc3(term_t *a)
{
    text sep;
    text_get(a[1], TEXT_ATOMIC, ATOM_atomic, &sep);
    size_t n;
    bool partial;
    text *v = list_texts(a[0], &n, &partial);
    if (v) {
        for (size_t i = 0; i < n; i++)
            text_free(&v[i]);
        free(v);
        return join_list(a[0], sep.s, sep.len, a[2]);
    }
    term_t whole = term_deref(a[2]);
    if (term_is_var(whole))
        err_instantiation();
    if (sep.len == 0)
        err_domain(atom_named("non_empty_atom"), term_deref(a[1]));
    text w;
    text_get(whole, TEXT_ATOMIC, ATOM_atomic, &w);
    term_t head = TERM_NIL, last = 0;
    const char *p = w.s, *end = w.s + w.len;
    for (;;) {
        const char *hit = memmem(p, (size_t)(end - p), sep.s, sep.len);
        const char *stop = hit ? hit : end;
        term_t cell = term_cons(text_atom(p, (size_t)(stop - p)), TERM_NIL);
        if (last)
            term_args(last)[1] = cell;
        else
            head = cell;
        last = cell;
        if (!hit)
            break;
        p = hit + sep.len;
    }
    return unify(a[0], head);
}

/* --- terms as text --------------------------------------------------------------- */

/* term_to_atom(?Term, ?Atom) is det: Atom bound parses it, else writes Term
 * quoted. */
static bool bi_term_to_atom(term_t *a)
{
    term_t t = term_deref(a[0]), at = term_deref(a[1]);
    if (!term_is_var(at)) {
        text x;
        text_get(at, TEXT_ATOMIC, atom_named("text"), &x);
        term_t r = text_read(x.s, x.len, NULL);
        text_free(&x);
        return unify(t, r);
    }
    if (term_is_var(t) && term_is_var(at))
        err_instantiation();
    wr_options o;
    wr_options_writeq(&o);
    size_t len;
    char *s = wr_term_to_text(t, &o, &len);
    if (!s)
        err_resource(ATOM_memory);
    bool ok = unify(at, text_atom(s, len));
    free(s);
    return ok;
}

void atoms_register(void)
{
    db_register_det("atom_codes", 2, bi_atom_codes);
    db_register_det("atom_chars", 2, bi_atom_chars);
    db_register_det("char_code", 2, bi_char_code);
    db_register_det("atom_length", 2, bi_atom_length);
    db_register_nondet_probe("atom_concat", 3, bi_atom_concat);
    db_register_nondet("sub_atom", 5, bi_sub_atom);
    db_register_det("number_codes", 2, bi_number_codes);
    db_register_det("number_chars", 2, bi_number_chars);
    db_register_det("atom_number", 2, bi_atom_number);
    db_register_det("upcase_atom", 2, bi_upcase_atom);
    db_register_det("downcase_atom", 2, bi_downcase_atom);
    db_register_det("string_upper", 2, bi_string_upper);
    db_register_det("string_lower", 2, bi_string_lower);
    db_register_det("atomic_list_concat", 2, bi_alc2);
    db_register_det("atomic_list_concat", 3, bi_alc3);
    db_register_det("term_to_atom", 2, bi_term_to_atom);
}
