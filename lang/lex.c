/* lang/lex.c: the Prolog tokenizer.
 *
 * One pass over code points with a lookahead of at most four; the token
 * text goes to one growable buffer.  Where swipl extends ISO and programs
 * rely on it we accept the extension (1e10, 16'FF, 0'' , 1_000, 1 000, \e \s,
 * 1.0Inf, newlines inside quotes); docs/lang.md lists the differences.
 */
#include "lex.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

void rd_src_buffer(rd_src *src, const char *text, size_t len)
{
    src->p = (const unsigned char *)text;
    src->end = src->p + len;
    src->fill = NULL;
    src->ctx = NULL;
}

bool rd_is_symbol_char(int c)
{
    switch (c) {
    case '#': case '$': case '&': case '*': case '+': case '-': case '.': case '/': case ':':
    case '<': case '=': case '>': case '?': case '@': case '^': case '~': case '\\':
        return true;
    default:
        return false;
    }
}

/* Beyond ASCII we do not carry the Unicode tables: a code point is a letter
 * unless it is in the Latin-1 controls and signs or the punctuation and space
 * blocks, and it is upper case in the Latin-1, Latin Extended-A, Greek and
 * Cyrillic capitals.  Enough for names in European languages; the writer
 * quotes by the same rules, so whatever it prints reads back. */
static bool cp_is_letter(int c)
{
    return c >= 0xc0 && c != 0xd7 && c != 0xf7 && !(c >= 0x2000 && c <= 0x206f) &&
           !(c >= 0x3000 && c <= 0x303f) && c != 0xfeff && !(c >= 0xfff0 && c <= 0xffff);
}

static bool cp_is_upper(int c)
{
    return (c >= 0xc0 && c <= 0xde && c != 0xd7) || (c >= 0x100 && c <= 0x17f && c % 2 == 0) ||
           (c >= 0x391 && c <= 0x3a9) || (c >= 0x400 && c <= 0x42f);
}

bool rd_is_alnum(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || cp_is_letter(c);
}

bool rd_is_lower_start(int c)
{
    return (c >= 'a' && c <= 'z') || (cp_is_letter(c) && !cp_is_upper(c));
}

bool rd_is_var_start(int c)
{
    return c == '_' || (c >= 'A' && c <= 'Z') || cp_is_upper(c);
}

bool rd_is_solo(int c)
{
    return c == '!' || c == ';';
}

static bool is_layout(int c)
{
    return c >= 0 && (c <= ' ' || c == 127);
}

static bool is_digit(int c)
{
    return c >= '0' && c <= '9';
}

/* digit_value: the value of c as a digit in radix 2..36, or -1. */
static int digit_value(int c, int radix)
{
    int v = -1;
    if (c >= '0' && c <= '9')
        v = c - '0';
    else if (c >= 'a' && c <= 'z')
        v = c - 'a' + 10;
    else if (c >= 'A' && c <= 'Z')
        v = c - 'A' + 10;
    return v < radix ? v : -1;
}

/* src_byte: the next byte of the source, or -1 at its end. */
static int src_byte(rd_src *src)
{
    if (src->p == src->end) {
        if (!src->fill)
            return -1;
        const unsigned char *b = NULL;
        size_t n = src->fill(src->ctx, &b);
        if (n == 0) {
            src->fill = NULL; /* an end of input is final: do not ask again */
            return -1;
        }
        src->p = b;
        src->end = b + n;
    }
    return *src->p++;
}

/* src_decode: the next code point.  A byte that does not start a valid UTF-8
 * sequence stands for itself (Latin-1), so no input is ever rejected here. */
static int src_decode(rd_src *src)
{
    int c = src_byte(src);
    if (c < 0x80)
        return c;
    int need = c >= 0xf8 ? 0 : c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc2 ? 1 : 0;
    if (need == 0)
        return c;
    int cp = c & (0x3f >> need);
    for (int i = 0; i < need; i++) {
        if (src->p == src->end && !src->fill)
            return c;
        const unsigned char *save = src->p;
        int b = src_byte(src);
        if (b < 0 || (b & 0xc0) != 0x80) {
            /* not a continuation: keep the byte for the next decode when we
             * still can (same buffer), else it is lost, as a bad byte */
            if (b >= 0 && save != NULL && src->p == save + 1)
                src->p = save;
            return c;
        }
        cp = (cp << 6) | (b & 0x3f);
    }
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return 0xfffd;
    return cp;
}

/* The lookahead is a ring of RD_LOOK entries from look_head; slot(k) is
 * the k-th code point not yet consumed. */
static inline int slot(const rd_lexer *lx, int k)
{
    return (lx->look_head + k) & (RD_LOOK - 1);
}

/* pos_copy: *d = *s field by field.  Under the write barrier a struct
 * assignment is a call of the wrapped memcpy, which logs its range: too
 * dear once per character or token. */
static inline void pos_copy(rd_pos *d, const rd_pos *s)
{
    d->line = s->line;
    d->col = s->col;
    d->offset = s->offset;
}

/* fill_look: decode code points into the lookahead until it holds k + 1 */
static void fill_look(rd_lexer *lx, int k)
{
    while (lx->nlook <= k) {
        int i = slot(lx, lx->nlook);
        pos_copy(&lx->look_pos[i], &lx->pos);
        rd_src *src = lx->src;
        /* ASCII straight from the buffer; the rest through the decoder */
        int c = src->p < src->end && *src->p < 0x80 ? *src->p++ : src_decode(src);
        if (c >= 0) {
            lx->pos.offset++;
            if (c == '\n') {
                lx->pos.line++;
                lx->pos.col = 1;
            } else {
                lx->pos.col++;
            }
        }
        lx->look[i] = c;
        lx->nlook++;
    }
}

static struct rd_conv conv_off;
struct rd_conv *rd_conv = &conv_off;

static inline int peek(rd_lexer *lx, int k)
{
    if (__builtin_expect(lx->nlook <= k, 0))
        fill_look(lx, k);
    int c = lx->look[slot(lx, k)];
    if (__builtin_expect(rd_conv->on, 0) && !lx->in_quote && c >= 0 && c < 256)
        c = rd_conv->map[c];
    return c;
}

static rd_pos pos_at(rd_lexer *lx, int k)
{
    peek(lx, k);
    return lx->look_pos[slot(lx, k)];
}

static rd_pos here(rd_lexer *lx)
{
    return pos_at(lx, 0);
}

static inline int advance(rd_lexer *lx)
{
    int c = peek(lx, 0);
    if (c >= 0) {
        lx->nlook--;
        lx->look_head = slot(lx, 1);
    }
    return c;
}

static void put_byte(rd_lexer *lx, int b)
{
    if (lx->buf_len + 2 > lx->buf_cap) {
        size_t cap = lx->buf_cap ? lx->buf_cap * 2 : 128;
        char *nb = lx->realloc_fn(lx->buf, cap);
        if (!nb)
            abort(); /* the engine's allocator raises resource_error before this */
        lx->buf = nb;
        lx->buf_cap = cap;
    }
    lx->buf[lx->buf_len++] = (char)b;
}

static void put_cp(rd_lexer *lx, int c)
{
    if (c < 0x80) {
        put_byte(lx, c);
    } else if (c < 0x800) {
        put_byte(lx, 0xc0 | (c >> 6));
        put_byte(lx, 0x80 | (c & 0x3f));
    } else if (c < 0x10000) {
        put_byte(lx, 0xe0 | (c >> 12));
        put_byte(lx, 0x80 | ((c >> 6) & 0x3f));
        put_byte(lx, 0x80 | (c & 0x3f));
    } else {
        put_byte(lx, 0xf0 | (c >> 18));
        put_byte(lx, 0x80 | ((c >> 12) & 0x3f));
        put_byte(lx, 0x80 | ((c >> 6) & 0x3f));
        put_byte(lx, 0x80 | (c & 0x3f));
    }
}

void rd_lex_init(rd_lexer *lx, rd_src *src)
{
    memset(lx, 0, sizeof *lx);
    lx->src = src;
    lx->realloc_fn = realloc;
    lx->free_fn = free;
    lx->pos.line = 1;
    lx->pos.col = 1;
    lx->pos.offset = 0;
}

void rd_lex_free(rd_lexer *lx)
{
    if (lx->buf)
        lx->free_fn(lx->buf);
    lx->buf = NULL;
    lx->buf_cap = lx->buf_len = 0;
    for (int i = 0; i < 4; i++) {
        if (lx->scratch[i])
            lx->free_fn(lx->scratch[i]);
        lx->scratch[i] = NULL;
        lx->scratch_cap[i] = 0;
    }
}

static rd_tok_kind lex_error_arg(rd_lexer *lx, const char *what, int arg, rd_pos at)
{
    lx->tok.kind = RD_T_ERROR;
    lx->tok.err = what;
    lx->tok.err_arg = arg;
    lx->tok.err_pos = at;
    return RD_T_ERROR;
}

static rd_tok_kind lex_error(rd_lexer *lx, const char *what, rd_pos at)
{
    return lex_error_arg(lx, what, -1, at);
}

/* skip_layout: skip blanks and comments; 1 if any was skipped, 0 if none,
 * -1 on a block comment left open (the error is in lx->tok). */
static int skip_layout(rd_lexer *lx)
{
    int skipped = 0;
    for (;;) {
        int c = peek(lx, 0);
        if (is_layout(c)) {
            advance(lx);
        } else if (c == '%') {
            while ((c = peek(lx, 0)) >= 0 && c != '\n')
                advance(lx);
        } else if (c == '/' && peek(lx, 1) == '*') {
            rd_pos at = here(lx);
            advance(lx);
            advance(lx);
            for (;;) {
                c = advance(lx);
                if (c < 0) {
                    lex_error(lx, "end_of_file_in_block_comment", at);
                    return -1;
                }
                if (c == '*' && peek(lx, 0) == '/') {
                    advance(lx);
                    break;
                }
            }
        } else {
            return skipped;
        }
        skipped = 1;
    }
}

/* read_escape: after a backslash inside quotes; *out gets the code point, or
 * -1 for a line continuation.  NULL on success, else the error's name, and
 * *bad the character it names (undefined_char_escape(C), as swipl). */
static const char *read_escape(rd_lexer *lx, int *out, int *bad)
{
    int e = advance(lx);
    *bad = e;
    switch (e) {
    case 'a': *out = 7; return NULL;
    case 'b': *out = 8; return NULL;
    case 'f': *out = 12; return NULL;
    case 'n': *out = 10; return NULL;
    case 'r': *out = 13; return NULL;
    case 't': *out = 9; return NULL;
    case 'v': *out = 11; return NULL;
    case 'e': *out = 27; return NULL;  /* swipl */
    case 's': *out = ' '; return NULL; /* swipl */
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
    case 'x': {
        int radix = e == 'x' ? 16 : 8;
        long v = e == 'x' ? 0 : e - '0';
        int d, n = 0;
        while ((d = digit_value(peek(lx, 0), radix)) >= 0) {
            advance(lx);
            if (v <= 0x10ffff)
                v = v * radix + d;
            n++;
        }
        if (e == 'x' && n == 0)
            return "undefined_char_escape";
        /* ISO closes the escape with a backslash; swipl reads '\x41' too */
        if (peek(lx, 0) == '\\')
            advance(lx);
        if (v > 0x10ffff)
            return "illegal_character_code";
        *out = (int)v;
        return NULL;
    }
    case 'u': case 'U': { /* swipl: exactly 4 or 8 hex digits */
        long v = 0;
        for (int i = 0, n = e == 'u' ? 4 : 8; i < n; i++) {
            int d = digit_value(peek(lx, 0), 16);
            if (d < 0)
                return "illegal_uU_sequence";
            advance(lx);
            v = v * 16 + d;
        }
        if (v > 0x10ffff)
            return "illegal_character_code";
        *out = (int)v;
        return NULL;
    }
    case '\\': case '\'': case '"': case '`':
        *out = e;
        return NULL;
    case '\n':
        *out = -1;
        return NULL;
    case -1:
        return "end_of_file_in_quoted";
    default:
        return "undefined_char_escape";
    }
}

/* read_quoted: a token between quote characters q, escapes decoded. */
static rd_tok_kind read_quoted_text(rd_lexer *lx, int q, rd_tok_kind kind);

/* A quoted token: its characters are not converted (char_conversion). */
static rd_tok_kind read_quoted(rd_lexer *lx, int q, rd_tok_kind kind)
{
    lx->in_quote = true;
    rd_tok_kind k = read_quoted_text(lx, q, kind);
    lx->in_quote = false;
    return k;
}

static rd_tok_kind read_quoted_text(rd_lexer *lx, int q, rd_tok_kind kind)
{
    rd_pos start = here(lx);
    advance(lx);
    for (;;) {
        int c = advance(lx);
        if (c < 0)
            return lex_error_arg(lx, "end_of_file_in_quoted", q, start);
        if (c == q) {
            if (peek(lx, 0) != q)
                break;
            advance(lx);
        } else if (c == '\\') {
            int bad;
            rd_pos at = here(lx); /* an error points at the character after the \ (swipl) */
            const char *err = read_escape(lx, &c, &bad);
            if (err) {
                /* skip to the closing quote so that resync starts after it */
                while (peek(lx, 0) >= 0 && peek(lx, 0) != q && peek(lx, 0) != '\n')
                    advance(lx);
                if (peek(lx, 0) == q)
                    advance(lx);
                if (!strcmp(err, "end_of_file_in_quoted"))
                    return lex_error_arg(lx, err, q, start);
                return lex_error_arg(lx, err, !strcmp(err, "undefined_char_escape") ? bad : -1, at);
            }
            if (c < 0)
                continue;
        }
        put_cp(lx, c);
    }
    lx->tok.kind = kind;
    return kind;
}

/* read_digits: digits of radix into the buffer; the count read.  With
 * groups, digit groups as swipl 7+ reads them in integers: an underscore and
 * optional layout between two digits (1_000_000, 1_<newline>000), or, in a
 * radix up to 10, exactly one space (1 000 000).  After an underscore and
 * layout a digit must follow: -1 then (a syntax error; no number is ever
 * directly followed by a variable, so no valid text is refused). */
static int read_digits(rd_lexer *lx, int radix, bool groups)
{
    int n = 0;
    for (;;) {
        int c = peek(lx, 0);
        if (digit_value(c, radix) >= 0) {
            put_byte(lx, c);
            advance(lx);
            n++;
        } else if (!groups || n == 0) {
            return n;
        } else if (c == '_' && digit_value(peek(lx, 1), radix) >= 0) {
            advance(lx);
        } else if (c == '_' && is_layout(peek(lx, 1))) {
            advance(lx);
            while (is_layout(peek(lx, 0)))
                advance(lx);
            if (digit_value(peek(lx, 0), radix) < 0)
                return -1;
        } else if (c == ' ' && radix <= 10 && digit_value(peek(lx, 1), radix) >= 0) {
            advance(lx);
        } else {
            return n;
        }
    }
}

/* finish_int: the digits in the buffer as INT when they fit, else BIGINT. */
static rd_tok_kind finish_int(rd_lexer *lx, int radix)
{
    uint64_t v = 0;
    bool big = false;
    for (size_t i = 0; i < lx->buf_len; i++) {
        uint64_t d = (uint64_t)digit_value((unsigned char)lx->buf[i], radix);
        if (v > (UINT64_MAX - d) / (uint64_t)radix) {
            big = true;
            break;
        }
        v = v * (uint64_t)radix + d;
    }
    if (big || v > (uint64_t)INT64_MAX) {
        lx->tok.kind = RD_T_BIGINT;
        lx->tok.radix = radix;
        return RD_T_BIGINT;
    }
    lx->tok.kind = RD_T_INT;
    lx->tok.ival = (int64_t)v;
    return RD_T_INT;
}

static bool lookahead_is(rd_lexer *lx, int k, const char *s)
{
    for (; *s; s++, k++)
        if (peek(lx, k) != *s)
            return false;
    return true;
}

static rd_tok_kind read_number(rd_lexer *lx)
{
    int c1 = peek(lx, 1);
    if (peek(lx, 0) == '0' && c1 == '\'') {
        int c2 = peek(lx, 2);
        rd_pos at = pos_at(lx, 2);
        if (c2 == '\\') {
            advance(lx);
            advance(lx);
            advance(lx);
            int c, bad;
            const char *err = read_escape(lx, &c, &bad);
            if (err || c < 0)
                return lex_error(lx, "illegal_number", at); /* as swipl: 0'\q */
            lx->tok.ival = c;
        } else if (c2 == '\'') {
            /* ISO writes the quote 0''' ; swipl also reads 0'' */
            int n = peek(lx, 3) == '\'' ? 4 : 3;
            for (int i = 0; i < n; i++)
                advance(lx);
            lx->tok.ival = '\'';
        } else if (c2 < 0 || c2 == '\n') {
            advance(lx);
            advance(lx);
            return lex_error(lx, c2 < 0 ? "end_of_file" : "illegal_number", at);
        } else {
            advance(lx);
            advance(lx);
            advance(lx);
            lx->tok.ival = c2;
        }
        lx->tok.kind = RD_T_INT;
        return RD_T_INT;
    }
    if (peek(lx, 0) == '0' && (c1 == 'x' || c1 == 'o' || c1 == 'b')) {
        int radix = c1 == 'x' ? 16 : c1 == 'o' ? 8 : 2;
        rd_pos at = lx->tok.pos;
        advance(lx);
        advance(lx);
        if (digit_value(peek(lx, 0), radix) < 0 || read_digits(lx, radix, true) < 0)
            return lex_error(lx, "illegal_number", at); /* 0x, 0b2: as swipl */
        return finish_int(lx, radix);
    }
    if (read_digits(lx, 10, true) < 0)
        return lex_error(lx, "illegal_number", lx->tok.pos);
    /* Radix'digits (Edinburgh, swipl): 2'1010, 16'ff, 36'zz */
    if (peek(lx, 0) == '\'' && lx->buf_len <= 2) {
        put_byte(lx, 0);
        lx->buf_len--;
        int radix = atoi(lx->buf);
        if (radix >= 2 && radix <= 36 && digit_value(peek(lx, 1), radix) >= 0) {
            advance(lx);
            lx->buf_len = 0;
            if (read_digits(lx, radix, true) < 0)
                return lex_error(lx, "illegal_number", lx->tok.pos);
            return finish_int(lx, radix);
        }
    }
    bool is_float = false;
    if (peek(lx, 0) == '.' && is_digit(peek(lx, 1))) {
        is_float = true;
        put_byte(lx, '.');
        advance(lx);
        read_digits(lx, 10, false);
    }
    int e = peek(lx, 0);
    if (e == 'e' || e == 'E') {
        int s = peek(lx, 1);
        if (is_digit(s) || ((s == '+' || s == '-') && is_digit(peek(lx, 2)))) {
            is_float = true;
            put_byte(lx, 'e');
            advance(lx);
            if (s == '+' || s == '-') {
                put_byte(lx, s);
                advance(lx);
            }
            read_digits(lx, 10, false);
        }
    }
    if (!is_float)
        return finish_int(lx, 10);
    put_byte(lx, 0);
    lx->buf_len--;
    double d = strtod(lx->buf, NULL);
    /* swipl writes infinities and NaN as 1.0Inf, -1.0Inf, 1.5NaN */
    if (lookahead_is(lx, 0, "Inf")) {
        advance(lx), advance(lx), advance(lx);
        d = __builtin_inf();
    } else if (lookahead_is(lx, 0, "NaN")) {
        advance(lx), advance(lx), advance(lx);
        d = __builtin_nan("");
    } else if (d == __builtin_inf()) {
        return lex_error(lx, "float_overflow", lx->tok.pos);
    }
    lx->tok.kind = RD_T_FLOAT;
    lx->tok.fval = d;
    return RD_T_FLOAT;
}

rd_tok_kind rd_lex_next(rd_lexer *lx)
{
    lx->buf_len = 0;
    lx->tok.err = NULL;
    int skipped = skip_layout(lx);
    if (skipped < 0)
        return RD_T_ERROR;
    lx->tok.layout_before = skipped != 0;
    peek(lx, 0);
    pos_copy(&lx->tok.pos, &lx->look_pos[slot(lx, 0)]);
    rd_tok_kind k;
    int c = peek(lx, 0);
    if (c < 0) {
        k = lx->tok.kind = RD_T_EOF;
    } else if (is_digit(c)) {
        k = read_number(lx);
    } else if (rd_is_var_start(c)) {
        while (rd_is_alnum(peek(lx, 0)))
            put_cp(lx, advance(lx));
        k = lx->tok.kind = RD_T_VAR;
    } else if (rd_is_lower_start(c)) {
        while (rd_is_alnum(peek(lx, 0)))
            put_cp(lx, advance(lx));
        k = lx->tok.kind = RD_T_NAME;
    } else if (c == '\'') {
        k = read_quoted(lx, c, RD_T_QNAME);
    } else if (c == '"') {
        k = read_quoted(lx, c, RD_T_STR);
    } else if (c == '`') {
        k = read_quoted(lx, c, RD_T_BQ);
    } else if (c == '(' || c == ')' || c == '[' || c == ']' || c == '{' || c == '}' || c == ',' ||
               c == '|') {
        advance(lx);
        lx->tok.punct = c;
        k = lx->tok.kind = RD_T_PUNCT;
    } else if (rd_is_solo(c)) {
        put_byte(lx, advance(lx));
        k = lx->tok.kind = RD_T_NAME;
    } else if (c == '.' && (peek(lx, 1) < 0 || is_layout(peek(lx, 1)) || peek(lx, 1) == '%')) {
        advance(lx);
        if (is_layout(peek(lx, 0)))
            advance(lx); /* the layout character is part of the end token */
        k = lx->tok.kind = RD_T_END;
    } else if (rd_is_symbol_char(c)) {
        while (rd_is_symbol_char(peek(lx, 0)))
            put_byte(lx, advance(lx));
        k = lx->tok.kind = RD_T_NAME;
    } else {
        advance(lx);
        k = lex_error(lx, "illegal_character", lx->tok.pos);
    }
    put_byte(lx, 0); /* text is NUL-terminated, len excludes it */
    lx->buf_len--;
    lx->tok.text = lx->buf;
    lx->tok.len = lx->buf_len;
    return k;
}

void rd_lex_skip_clause(rd_lexer *lx)
{
    for (;;) {
        rd_tok_kind k = lx->tok.kind;
        if (k == RD_T_END || k == RD_T_EOF)
            return;
        rd_lex_next(lx);
    }
}
