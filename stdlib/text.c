/* text.c - the text of terms, terms from text, UTF-8 positions. */
#include "text.h"

#include <stdlib.h>
#include <string.h>

#include "engine/error.h"
#include "engine/solve.h"
#include "engine/unify.h"
#include "engine/utf8.h"
#include "atoms.h"
#include "chartype.h"
#include "read.h"
#include "strings.h"
#include "lang/atomtext.h"
#include "lang/numtext.h"
#include "lang/reader.h"
#include "lang/writer.h"

void text_free(text *t)
{
    free(t->buf);
    t->buf = NULL;
}

/* Point out at a fresh heap string holding the len bytes at p: scratch
 * text that needs no release (the heap is reclaimed by backtracking and by
 * the collector once nothing refers to it), so a built-in that returns or
 * throws early cannot leak it. */
static void on_heap(text *out, const char *p, size_t len)
{
    out->buf = NULL;
    out->s = term_string_chars(term_string(p, len), &out->len);
}

/* snprintf costs more than the rest of number_codes/2 together. */
size_t text_int(int64_t v, char *b)
{
    char d[24], *p = d + sizeof d;
    uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        *--p = '-';
    size_t n = (size_t)(d + sizeof d - p);
    memcpy(b, p, n);
    b[n] = 0;
    return n;
}

/* Numbers print as write/1 prints them: 12, -3, 1.0e10, bignum digits. */
static void number_text(term_t t, text *out)
{
    char b[WR_FLOAT_MAX > WR_INT_MAX ? WR_FLOAT_MAX : WR_INT_MAX];
    if (term_is_smallint(t)) {
        on_heap(out, b, text_int(term_get_smallint(t), b));
    } else if (term_is_float(t)) {
        on_heap(out, b, wr_format_float(term_get_float(t), b));
    } else {
        char *d = wr_bigint_text(t);
        if (!d)
            err_resource(ATOM_memory);
        on_heap(out, d, strlen(d));
        free(d);
    }
}

bool text_try(term_t t, unsigned accept, text *out)
{
    t = term_deref(t);
    out->buf = NULL;
    if (term_is_atom(t) && (accept & TEXT_ATOM)) {
        atom_t a = term_get_atom(t);
        out->s = atom_name(a);
        out->len = atom_length(a);
        return true;
    }
    if (term_is_string(t) && (accept & TEXT_STRING)) {
        out->s = term_string_chars(t, &out->len);
        return true;
    }
    if (term_is_number(t) && (accept & TEXT_NUMBER)) {
        number_text(t, out);
        return true;
    }
    if ((accept & TEXT_LIST) && (t == TERM_NIL || term_is_list_cell(t))) {
        text_list(t, out);
        return true;
    }
    return false;
}

void text_get(term_t t, unsigned accept, atom_t type, text *out)
{
    t = term_deref(t);
    if (term_is_var(t))
        err_instantiation();
    if (!text_try(t, accept, out))
        err_type(type, t);
}

int text_char_of(term_t t)
{
    if (!term_is_atom(t))
        return -1;
    atom_t a = term_get_atom(t);
    const char *s = atom_name(a);
    size_t n = atom_length(a), used;
    if (n == 0)
        return -1;
    int c = text_utf8_decode(s, n, &used);
    return used == n ? c : -1;
}

/* A growable byte buffer for building text. */
struct tbuf {
    char *p;
    size_t len, cap;
};

static void tb_room(struct tbuf *b, size_t n)
{
    if (b->len + n + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap * 2 : 64;
    while (cap < b->len + n + 1)
        cap *= 2;
    char *p = realloc(b->p, cap);
    if (!p)
        err_resource(ATOM_memory);
    b->p = p;
    b->cap = cap;
}

static void tb_cp(struct tbuf *b, int c)
{
    tb_room(b, 4);
    b->len += text_utf8_encode(c, b->p + b->len);
}

/* The characters of the code or char list t (dereferenced) into b, which
 * starts as the caller's stack buffer of b->cap bytes; returns true when it
 * grew off it into malloc'd memory (the caller frees b->p then).  A throw
 * leaks no buffer: the restore it causes frees it. */
static bool list_bytes(term_t t, term_t l, struct tbuf *b)
{
    char *stack = b->p;
    bool spilled = false;
    int kind = 0; /* 1 codes, 2 chars, decided by the first element */
    for (; term_is_list_cell(t); t = term_deref(term_arg(t, 2))) {
        term_t e = term_deref(term_arg(t, 1));
        if (term_is_smallint(e) && kind != 2) { /* the common case: a code */
            int64_t v = term_get_smallint(e);
            kind = 1;
            if (v >= 0 && v < 0x80 && b->len + 1 < b->cap) {
                b->p[b->len++] = (char)v;
                continue;
            }
        }
        if (term_is_var(e))
            err_instantiation();
        int64_t v;
        int c = -1;
        bool is_code = term_is_integer(e);
        if (kind == 0)
            kind = is_code ? 1 : text_char_of(e) >= 0 ? 2 : 0;
        if (kind == 1 && is_code) {
            if (term_get_int64(e, &v) && v >= 0 && v <= 0x10FFFF)
                c = (int)v;
        } else if (kind == 2) {
            c = text_char_of(e);
        }
        if (c < 0)
            err_type(kind != 2 ? atom_from_cstr("character_code") : ATOM_character, e);
        if (c < 0x80 && b->len + 1 < b->cap) {
            b->p[b->len++] = (char)c;
        } else {
            if (!spilled && b->len + 5 > b->cap) {
                /* off the stack: tb_room reallocs */
                char *p = malloc(b->cap * 2);
                if (!p)
                    err_resource(ATOM_memory);
                memcpy(p, stack, b->len);
                b->p = p;
                b->cap *= 2;
                spilled = true;
            }
            tb_cp(b, c);
        }
    }
    if (term_is_var(t))
        err_instantiation();
    if (t != TERM_NIL)
        err_type(ATOM_list, l);
    return spilled;
}

void text_list(term_t l, text *out)
{
    term_t t = term_deref(l);
    if (term_is_string(t)) { /* swipl takes a string where a list is wanted */
        out->buf = NULL;
        out->s = term_string_chars(t, &out->len);
        return;
    }
    /* most texts fit the stack buffer: no malloc, no realloc */
    char stack[256];
    struct tbuf b = {stack, 0, sizeof stack};
    bool spilled = list_bytes(t, l, &b);
    on_heap(out, b.p, b.len);
    if (spilled)
        free(b.p);
}

/* The atom of the text of list l (as text_list takes it), with no heap
 * copy of the text on the way. */
static term_t list_atom(term_t l)
{
    term_t t = term_deref(l);
    if (term_is_string(t)) {
        size_t n;
        const char *s = term_string_chars(t, &n);
        return text_atom(s, n);
    }
    char stack[256];
    struct tbuf b = {stack, 0, sizeof stack};
    bool spilled = list_bytes(t, l, &b);
    term_t a = text_atom(b.p, b.len);
    if (spilled)
        free(b.p);
    return a;
}

char *text_join(const text *parts, size_t n, const char *sep, size_t seplen, size_t *len)
{
    struct tbuf b = {0};
    for (size_t i = 0; i < n; i++) {
        size_t k = parts[i].len + (i ? seplen : 0);
        tb_room(&b, k);
        if (i) {
            memcpy(b.p + b.len, sep, seplen);
            b.len += seplen;
        }
        memcpy(b.p + b.len, parts[i].s, parts[i].len);
        b.len += parts[i].len;
    }
    tb_room(&b, 0);
    b.p[b.len] = 0;
    *len = b.len;
    return b.p;
}

/* --- making terms ---------------------------------------------------------- */

term_t text_atom(const char *s, size_t len)
{
    atom_t a = atom_intern(s, len);
    if (a == (atom_t)-1)
        err_resource(ATOM_memory);
    return term_atom(a);
}

term_t text_string(const char *s, size_t len) { return term_string(s, len); }

term_t text_char_atom(int c)
{
    char b[4];
    return text_atom(b, text_utf8_encode(c, b));
}

/* A list of codes or chars.  The n cells go in one heap block, laid out as
 * term_compound would lay them out (a '[|]'/2 header, head, tail), each
 * tail pointing at the next cell: one allocation instead of n. */
static term_t code_list(const char *s, size_t len, bool chars)
{
    size_t n = text_utf8_count(s, len);
    if (n == 0)
        return TERM_NIL;
    term_t *cells = heap_alloc(3 * n);
    term_t hdr = term_hdr_functor(FUNCTOR_dot2);
    if (n == len && !chars) { /* ASCII codes: a byte a cell */
        for (size_t k = 0; k < n; k++) {
            term_t *cell = cells + 3 * k;
            cell[0] = hdr;
            cell[1] = term_smallint((unsigned char)s[k]);
            cell[2] = term_mkptr(cell + 3, TAG_STR);
        }
        cells[3 * n - 1] = TERM_NIL;
        return term_mkptr(cells, TAG_STR);
    }
    size_t k = 0;
    for (size_t i = 0, used; k < n; i += used, k++) {
        unsigned char b = (unsigned char)s[i];
        int c = b < 0x80 ? (used = 1, b) : text_utf8_decode(s + i, len - i, &used);
        term_t *cell = cells + 3 * k;
        cell[0] = hdr;
        cell[1] = chars ? text_char_atom(c) : term_smallint(c);
        cell[2] = k + 1 < n ? term_mkptr(cell + 3, TAG_STR) : TERM_NIL;
    }
    return term_mkptr(cells, TAG_STR);
}

term_t text_codes(const char *s, size_t len) { return code_list(s, len, false); }
term_t text_chars(const char *s, size_t len) { return code_list(s, len, true); }

term_t text_make(atom_t kind, const char *s, size_t len)
{
    switch (kind) {
    case ATOM_string: return text_string(s, len);
    case ATOM_codes: return text_codes(s, len);
    case ATOM_chars: return text_chars(s, len);
    default: return text_atom(s, len);
    }
}

bool text_unify(term_t out, atom_t kind, const char *s, size_t len)
{
    out = term_deref(out);
    bool list = kind == ATOM_codes || kind == ATOM_chars;
    if (term_is_string(out) || (!list && term_is_atomic(out))) {
        text x;
        text_try(out, TEXT_ATOMIC, &x);
        bool same = x.len == len && memcmp(x.s, s, len) == 0;
        text_free(&x);
        return same;
    }
    if (list && term_is_atomic(out) && out != TERM_NIL)
        err_type(ATOM_list, out);
    return unify(out, text_make(kind, s, len));
}

bool text_list_conv(term_t *a, unsigned accept, atom_t type, atom_t made, atom_t kind)
{
    term_t t = term_deref(a[0]);
    text x;
    bool ok;
    if (!term_is_var(t)) {
        text_get(t, accept, type, &x);
        ok = text_unify(a[1], kind, x.s, x.len);
    } else if (made == ATOM_atom_t) {
        return unify(t, list_atom(a[1]));
    } else {
        text_list(a[1], &x);
        ok = unify(t, text_make(made, x.s, x.len));
    }
    text_free(&x);
    return ok;
}

/* --- UTF-8 ----------------------------------------------------------------- */

int text_utf8_decode(const char *s, size_t n, size_t *used) { return wr_utf8_decode(s, n, used); }

size_t text_utf8_count(const char *s, size_t len)
{
    /* ASCII eight bytes at a time: one character per byte */
    size_t i = 0;
    for (uint64_t w; i + 8 <= len; i += 8) {
        memcpy(&w, s + i, 8);
        if (w & 0x8080808080808080ull)
            break;
    }
    size_t n = i;
    for (size_t used; i < len; i += used, n++)
        if ((unsigned char)s[i] < 0x80)
            used = 1;
        else
            text_utf8_decode(s + i, len - i, &used);
    return n;
}

size_t text_utf8_offset(const char *s, size_t len, size_t i)
{
    size_t off = 0, used;
    while (i-- > 0 && off < len) {
        text_utf8_decode(s + off, len - off, &used);
        off += used;
    }
    return off;
}

size_t text_utf8_encode(int c, char *o) { return utf8_encode(c, o); }

/* --- numbers --------------------------------------------------------------- */

term_t text_number(const char *s, size_t len, const char **syntax)
{
    /* swipl: leading layout is skipped, then an optional sign, then one
     * number token and nothing else (no trailing layout, no end token). */
    size_t i = 0;
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\v' || s[i] == '\f'))
        i++;
    bool neg = false;
    if (i < len && (s[i] == '-' || s[i] == '+')) {
        neg = s[i] == '-';
        i++;
    }
    *syntax = "illegal_number";
    if (i >= len || !(s[i] >= '0' && s[i] <= '9'))
        return 0;
    if (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\n' || s[len - 1] == '.')
        return 0;
    rd_options opt;
    rd_options_default(&opt);
    rd_result res;
    if (rd_read_text(s + i, len - i, &opt, &res) != RD_OK)
        return 0;
    term_t n = term_deref(res.term);
    if (!term_is_number(n))
        return 0;
    *syntax = NULL;
    if (!neg)
        return n;
    if (term_is_float(n))
        return term_float(-term_get_float(n));
    int64_t v;
    if (term_get_int64(n, &v) && v != INT64_MIN)
        return term_int(-v);
    /* a bignum: negate through the reader, which normalises */
    char *d = wr_bigint_text(n);
    if (!d)
        err_resource(ATOM_memory);
    term_t r = rd_bigint(d, strlen(d), 10, true);
    free(d);
    return r;
}

term_t text_read(const char *s, size_t len, term_t *names)
{
    rd_options opt;
    read_options_default(&opt); /* the double_quotes flag, as swipl */
    opt.want_variable_names = names != NULL;
    rd_result res;
    rd_status st = rd_read_text(s, len, &opt, &res);
    if (st == RD_SYNTAX_ERROR)
        solve_throw(rd_error_term(&res.error, (atom_t)-1, s));
    if (names)
        *names = st == RD_EOF ? TERM_NIL : res.variable_names;
    return st == RD_EOF ? term_atom(ATOM_end_of_file) : res.term;
}

void text_register(void)
{
    atoms_register();
    chartype_register();
    strings_register();
}
