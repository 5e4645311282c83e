/* chartype.c - char_type/2 and code_type/2, and case mapping. */
#include "chartype.h"

#include <stdlib.h>
#include <string.h>

#include "engine/db.h"
#include "engine/error.h"
#include "engine/unify.h"
#include "text.h"

#define MAX_CODE 0x10FFFF

/* --- case -------------------------------------------------------------------- */

int chartype_lower(int c)
{
    if (c >= 'A' && c <= 'Z')
        return c + 32;
    if (c < 0x80)
        return c;
    if ((c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x391 && c <= 0x3AB && c != 0x3A2) || (c >= 0x410 && c <= 0x42F))
        return c + 32;
    if (c >= 0x400 && c <= 0x40F)
        return c + 80;
    if (c == 0x178)
        return 0xFF;
    if (c == 0x130)
        return 'i';
    if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177))
        return c | 1;
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
        return c & 1 ? c + 1 : c;
    return c;
}

int chartype_upper(int c)
{
    if (c >= 'a' && c <= 'z')
        return c - 32;
    if (c < 0x80)
        return c;
    if ((c >= 0xE0 && c <= 0xFE && c != 0xF7) || (c >= 0x3B1 && c <= 0x3CB && c != 0x3C2) || (c >= 0x430 && c <= 0x44F))
        return c - 32;
    if (c == 0x3C2)
        return 0x3A3;
    if (c >= 0x450 && c <= 0x45F)
        return c - 80;
    if (c == 0xFF)
        return 0x178;
    if (c == 0x131)
        return 'I';
    if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177))
        return c & ~1;
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
        return c & 1 ? c : c - 1;
    return c;
}

char *chartype_recase(const char *s, size_t len, bool upper, size_t *outlen)
{
    /* a case pair's two members may differ in length (i and U+0130), so
     * allow for growth */
    char *out = malloc(len * 2 + 4);
    if (!out)
        err_resource(ATOM_memory);
    size_t o = 0;
    for (size_t i = 0, used; i < len; i += used) {
        int c = text_utf8_decode(s + i, len - i, &used);
        if ((unsigned char)s[i] >= 0x80 && used == 1) { /* invalid byte: keep it */
            out[o++] = s[i];
            continue;
        }
        o += text_utf8_encode(upper ? chartype_upper(c) : chartype_lower(c), out + o);
    }
    out[o] = 0;
    *outlen = o;
    return out;
}

/* --- classes ----------------------------------------------------------------- */

static bool is_upper(int c) { return chartype_lower(c) != c; }
static bool is_lower(int c) { return chartype_upper(c) != c || c == 0xDF || c == 0xB5; }

static bool is_letter(int c)
{
    if (c < 0x80)
        return (c | 32) >= 'a' && (c | 32) <= 'z';
    return is_upper(c) || is_lower(c) || c == 0xAA || c == 0xBA || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) ||
           (c >= 0x370 && c <= 0x3FF && c != 0x37E && c != 0x387) || (c >= 0x400 && c <= 0x4FF) ||
           (c >= 0x3040 && c <= 0x30FF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7A3);
}

static bool is_digit(int c) { return c >= '0' && c <= '9'; }

static bool is_space(int c)
{
    return (c >= 9 && c <= 13) || c == ' ' || c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
           c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

static bool is_cntrl(int c) { return c < 32 || (c >= 0x7F && c < 0xA0); }
static bool is_graph(int c) { return !is_cntrl(c) && !is_space(c) && c <= MAX_CODE; }
static bool is_alnum(int c) { return is_letter(c) || is_digit(c); }

/* The types, in the order char_type(+C, -T) enumerates them.  A type with an
 * argument relates the character to a value: the argument's kind says what
 * the value is (a weight, a character or code). */
enum type_id {
    T_ALNUM,
    T_ALPHA,
    T_CSYM,
    T_CSYMF,
    T_ASCII,
    T_WHITE,
    T_CNTRL,
    T_DIGIT_W,
    T_SPACE,
    T_END_OF_LINE,
    T_LOWER,
    T_LOWER_U,
    T_UPPER,
    T_UPPER_L,
    T_PUNCT,
    T_GRAPH,
    T_PRINT,
    T_PERIOD,
    T_QUOTE,
    T_PAREN,
    T_DIGIT,
    T_TO_LOWER,
    T_TO_UPPER,
    T_NEWLINE,
    T_XDIGIT_W,
    T_CODE,
    NTYPES
};
enum arg_kind { NOARG, WEIGHT, CHAR };
static const struct ctype {
    const char *name;
    enum arg_kind arg;
} types[NTYPES] = {
    [T_ALNUM] = {"alnum", NOARG},
    [T_ALPHA] = {"alpha", NOARG},
    [T_CSYM] = {"csym", NOARG},
    [T_CSYMF] = {"csymf", NOARG},
    [T_ASCII] = {"ascii", NOARG},
    [T_WHITE] = {"white", NOARG},
    [T_CNTRL] = {"cntrl", NOARG},
    [T_DIGIT_W] = {"digit", WEIGHT},
    [T_SPACE] = {"space", NOARG},
    [T_END_OF_LINE] = {"end_of_line", NOARG},
    [T_LOWER] = {"lower", NOARG},
    [T_LOWER_U] = {"lower", CHAR},
    [T_UPPER] = {"upper", NOARG},
    [T_UPPER_L] = {"upper", CHAR},
    [T_PUNCT] = {"punct", NOARG},
    [T_GRAPH] = {"graph", NOARG},
    [T_PRINT] = {"print", NOARG},
    [T_PERIOD] = {"period", NOARG},
    [T_QUOTE] = {"quote", NOARG},
    [T_PAREN] = {"paren", NOARG},
    [T_DIGIT] = {"digit", NOARG},
    [T_TO_LOWER] = {"to_lower", CHAR},
    [T_TO_UPPER] = {"to_upper", CHAR},
    [T_NEWLINE] = {"newline", NOARG},
    [T_XDIGIT_W] = {"xdigit", WEIGHT},
    [T_CODE] = {"code", WEIGHT},
};

/* Whether c has type i; *v gets the argument's value (a weight or a code). */
static bool has_type(enum type_id i, int c, int *v)
{
    switch (i) {
    case T_ALNUM: return is_alnum(c);
    case T_ALPHA: return is_letter(c);
    case T_CSYM: return is_alnum(c) || c == '_';
    case T_CSYMF: return is_letter(c) || c == '_';
    case T_ASCII: return c < 128;
    case T_WHITE: return c == ' ' || c == '\t';
    case T_CNTRL: return is_cntrl(c);
    case T_DIGIT_W: *v = c - '0'; return is_digit(c);
    case T_SPACE: return is_space(c);
    case T_END_OF_LINE: return c >= 10 && c <= 13;
    case T_LOWER: return is_lower(c);
    case T_LOWER_U: *v = chartype_upper(c); return is_lower(c);
    case T_UPPER: return is_upper(c);
    case T_UPPER_L: *v = chartype_lower(c); return is_upper(c);
    case T_PUNCT: return is_graph(c) && !is_alnum(c);
    case T_GRAPH: return is_graph(c);
    case T_PRINT: return is_graph(c) || c == ' ';
    case T_PERIOD: return c == '.' || c == '!' || c == '?';
    case T_QUOTE: return c == '\'' || c == '"' || c == '`';
    case T_PAREN: return c == '(' || c == ')';
    case T_DIGIT: return is_digit(c);
    /* swipl: to_lower(U) holds for U the upper case of c (c is the lower case of U) */
    case T_TO_LOWER: *v = chartype_upper(c); return true;
    case T_TO_UPPER: *v = chartype_lower(c); return true;
    case T_NEWLINE: return c == 10 || c == 13;
    case T_XDIGIT_W: /* ASCII hexadecimal digits, as swipl */
        *v = is_digit(c) && c < 128 ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        return *v >= 0;
    case T_CODE: *v = c; return true;
    case NTYPES: break;
    }
    return false;
}

/* Which type entry a bound Type term names; raises domain_error(char_type). */
static enum type_id type_index(term_t t, term_t *arg)
{
    atom_t name;
    unsigned arity;
    if (!term_name_arity(t, &name, &arity) || arity > 1)
        err_type(atom_from_cstr("char_type"), t);
    for (enum type_id i = 0; i < NTYPES; i++)
        if ((arity == 1) == (types[i].arg != NOARG) && !strcmp(atom_name(name), types[i].name)) {
            *arg = arity ? term_deref(term_arg(t, 1)) : 0;
            return i;
        }
    err_type(atom_from_cstr("char_type"), t); /* swipl; not a domain_error */
}

/* The value of type i's argument as a term: a weight, or a char or code
 * like the character itself. */
static term_t arg_term(enum type_id i, int v, bool as_char)
{
    if (types[i].arg == CHAR && as_char)
        return text_char_atom(v);
    return term_smallint(v);
}

/* The code a bound character argument names, or -1 (type_error if wrong). */
static int char_arg(term_t t, bool as_char)
{
    if (as_char) {
        int c = text_char_of(t);
        if (c < 0)
            err_type(ATOM_character, t);
        return c;
    }
    int64_t v;
    if (!term_is_integer(t) || !term_get_int64(t, &v) || v < 0 || v > MAX_CODE)
        err_representation(atom_from_cstr("character_code"));
    return (int)v;
}

/* char_type(?Char, ?Type), code_type(?Code, ?Type) are nondet.  With Char
 * unbound the characters are enumerated by code point (0 .. 0x10FFFF);
 * with Type unbound, the types in the table's order.  alt: Char unbound,
 * the next code to try + 1; Type unbound, the next type index + 1. */
static long ctype(term_t *a, long alt, bool as_char)
{
    term_t ch = term_deref(a[0]), ty = term_deref(a[1]);
    int c = -1;
    if (!term_is_var(ch)) {
        /* either predicate takes a char or a code, as swipl does; a code
         * outside Unicode (-1, end of file) has no type */
        int64_t v;
        if (term_is_integer(ch)) {
            if (!term_get_int64(ch, &v) || v < 0 || v > MAX_CODE)
                return -1;
            c = (int)v;
        } else if ((c = text_char_of(ch)) < 0) {
            err_type(ATOM_character, ch);
        }
    }
    if (term_is_var(ty)) {
        if (c < 0)
            err_instantiation();
        for (enum type_id i = alt ? (enum type_id)(alt - 1) : 0; i < NTYPES; i++) {
            int v = 0;
            if (!has_type(i, c, &v))
                continue;
            term_t t = term_atom(atom_from_cstr(types[i].name));
            if (types[i].arg != NOARG)
                t = term_compound1(functor_intern(term_get_atom(t), 1), arg_term(i, v, as_char));
            if (!unify(ty, t))
                return -1;
            return i + 1 < NTYPES ? (long)i + 2 : 0;
        }
        return -1;
    }
    term_t arg;
    enum type_id i = type_index(ty, &arg);
    if (c >= 0) {
        int v = 0;
        if (!has_type(i, c, &v))
            return -1;
        return types[i].arg == NOARG || unify(arg, arg_term(i, v, as_char)) ? 0 : -1;
    }
    /* Char unbound.  A bound case argument gives the one character directly. */
    if (types[i].arg == CHAR && !term_is_var(arg)) {
        int u = char_arg(arg, as_char), x;
        switch (i) {
        case T_LOWER_U: x = chartype_lower(u); break; /* lower(U): the lower case of U */
        case T_UPPER_L: x = chartype_upper(u); break; /* upper(L) */
        case T_TO_LOWER: x = chartype_lower(u); break; /* to_lower(U) */
        default: x = chartype_upper(u); break; /* to_upper(L) */
        }
        int v = 0;
        /* to_lower(U) and to_upper(L) backwards give just the case mapping of
         * the argument (swipl: char_type(X, to_lower(a)) is X = a) */
        if (i != T_TO_LOWER && i != T_TO_UPPER && (!has_type(i, x, &v) || v != u))
            return -1;
        return unify(ch, as_char ? text_char_atom(x) : term_smallint(x)) ? 0 : -1;
    }
    for (long k = alt ? alt - 1 : 0; k <= MAX_CODE; k++) {
        int v = 0;
        if (!has_type(i, (int)k, &v))
            continue;
        if (types[i].arg != NOARG && !term_is_var(arg) && !(term_is_smallint(arg) && term_get_smallint(arg) == v))
            continue;
        if (!unify(ch, as_char ? text_char_atom((int)k) : term_smallint(k)))
            return -1;
        if (types[i].arg != NOARG && !unify(arg, arg_term(i, v, as_char)))
            return -1;
        return k < MAX_CODE ? k + 2 : 0;
    }
    return -1;
}

/* A call with Char and Type bound has one answer at most: it runs as the
 * probe, with no snapshot (code_type(C, digit) in a loop took three). */
static long ctype_probe(term_t *a, long alt, bool as_char)
{
    if (alt == ND_PROBE)
        return term_is_var(term_deref(a[0])) || term_is_var(term_deref(a[1])) ? ND_PROBE : ctype(a, 0, as_char);
    return ctype(a, alt, as_char);
}

static long bi_char_type(term_t *a, long alt) { return ctype_probe(a, alt, true); }
static long bi_code_type(term_t *a, long alt) { return ctype_probe(a, alt, false); }

void chartype_register(void)
{
    db_register_nondet_probe("char_type", 2, bi_char_type);
    db_register_nondet_probe("code_type", 2, bi_code_type);
}
