/* stream_char.c - character and byte I/O: nl, tab, put_char, put_code,
 * put_byte, get_char, get_code, get_byte, peek_char, peek_code, peek_byte.
 * Each has a form on the current stream and one with a stream first. */
#include "engine/db.h"
#include "engine/error.h"
#include "engine/unify.h"
#include "stdlib/arith.h"
#include "stdlib/text.h"
#include "stream.h"

static atom_t A(const char *s) { return atom_from_cstr(s); }

/* The stream of a two-argument form, or the current one (st == 0). */
static stream *out_of(term_t st, bool binary)
{
    stream *s = st ? stream_get_output(st) : stream_current_output();
    /* characters may go to a binary stream (swipl); bytes need one */
    if (binary && !s->binary)
        err_permission(A("output"), A(binary ? "text_stream" : "binary_stream"),
                       st ? term_deref(st) : stream_term(s));
    return s;
}

static stream *in_of(term_t st, bool binary)
{
    stream *s = st ? stream_get_input(st) : stream_current_input();
    if (binary && !s->binary)
        err_permission(A("input"), A("text_stream"), st ? term_deref(st) : stream_term(s));
    return s;
}

/* nl, nl(+S). */
static bool bi_nl0(term_t *a)
{
    (void)a;
    stream_write(out_of(0, false), "\n", 1);
    return true;
}
static bool bi_nl1(term_t *a)
{
    stream_write(out_of(a[0], false), "\n", 1);
    return true;
}

/* tab(+N), tab(+S, +N): N is evaluated. */
static bool tab(stream *s, term_t n)
{
    int64_t k = err_need_int(arith_eval(n));
    while (k-- > 0)
        stream_write(s, " ", 1);
    return true;
}
static bool bi_tab1(term_t *a) { return tab(out_of(0, false), a[0]); }
static bool bi_tab2(term_t *a) { return tab(out_of(a[0], false), a[1]); }

/* put_char(+C), put_char(+S, +C). */
static bool put_char(stream *s, term_t c)
{
    c = term_deref(c);
    if (term_is_var(c))
        err_instantiation();
    int cp = text_char_of(c);
    if (cp < 0)
        err_type(ATOM_character, c);
    stream_put_code(s, cp);
    return true;
}
static bool bi_put_char1(term_t *a) { return put_char(out_of(0, false), a[0]); }
static bool bi_put_char2(term_t *a) { return put_char(out_of(a[0], false), a[1]); }

/* put_code(+C), put_code(+S, +C): swipl also takes a one-character atom. */
static bool put_code(stream *s, term_t c)
{
    c = term_deref(c);
    if (term_is_var(c))
        err_instantiation();
    int cp = text_char_of(c);
    if (cp < 0) {
        int64_t v;
        if (!term_is_integer(c) || !term_get_int64(c, &v) || v < 0 || v > 0x10ffff)
            err_type(ATOM_character, c);
        cp = (int)v;
    }
    stream_put_code(s, cp);
    return true;
}
static bool bi_put_code1(term_t *a) { return put_code(out_of(0, false), a[0]); }
static bool bi_put_code2(term_t *a) { return put_code(out_of(a[0], false), a[1]); }

/* put_byte(+B), put_byte(+S, +B). */
static bool put_byte(stream *s, term_t b)
{
    b = term_deref(b);
    if (term_is_var(b))
        err_instantiation();
    int64_t v;
    if (!term_is_integer(b) || !term_get_int64(b, &v) || v < 0 || v > 255)
        err_type(A("byte"), b);
    char c = (char)v;
    stream_write(s, &c, 1);
    return true;
}
static bool bi_put_byte1(term_t *a) { return put_byte(out_of(0, true), a[0]); }
static bool bi_put_byte2(term_t *a) { return put_byte(out_of(a[0], true), a[1]); }

/* Input: the character, code or byte read (or peeked) unified with out;
 * end of file is end_of_file for characters and -1 for codes and bytes. */
enum what { W_CHAR, W_CODE, W_BYTE };

static bool input(stream *s, term_t out, enum what w, bool peek)
{
    int c;
    if (w == W_BYTE)
        c = peek ? stream_peek_byte(s) : stream_get_byte(s);
    else
        c = peek ? stream_peek_code(s) : stream_get_code(s);
    term_t v;
    if (w == W_CHAR)
        v = c < 0 ? term_atom(ATOM_end_of_file) : text_char_atom(c);
    else
        v = term_smallint(c);
    return unify(out, v);
}

#define INPUT_PREDS(name, w, peek, binary)                                                   \
    static bool bi_##name##1(term_t *a) { return input(in_of(0, binary), a[0], w, peek); }    \
    static bool bi_##name##2(term_t *a) { return input(in_of(a[0], binary), a[1], w, peek); }

INPUT_PREDS(get_char, W_CHAR, false, false)
INPUT_PREDS(get_code, W_CODE, false, false)
INPUT_PREDS(get_byte, W_BYTE, false, true)
INPUT_PREDS(peek_char, W_CHAR, true, false)
INPUT_PREDS(peek_code, W_CODE, true, false)
INPUT_PREDS(peek_byte, W_BYTE, true, true)

void stream_char_register(void)
{
    db_register_det("nl", 0, bi_nl0);
    db_register_det("nl", 1, bi_nl1);
    db_register_det("tab", 1, bi_tab1);
    db_register_det("tab", 2, bi_tab2);
    db_register_det("put_char", 1, bi_put_char1);
    db_register_det("put_char", 2, bi_put_char2);
    db_register_det("put_code", 1, bi_put_code1);
    db_register_det("put_code", 2, bi_put_code2);
    db_register_det("put_byte", 1, bi_put_byte1);
    db_register_det("put_byte", 2, bi_put_byte2);
    db_register_det("get_char", 1, bi_get_char1);
    db_register_det("get_char", 2, bi_get_char2);
    db_register_det("get_code", 1, bi_get_code1);
    db_register_det("get_code", 2, bi_get_code2);
    db_register_det("get_byte", 1, bi_get_byte1);
    db_register_det("get_byte", 2, bi_get_byte2);
    db_register_det("peek_char", 1, bi_peek_char1);
    db_register_det("peek_char", 2, bi_peek_char2);
    db_register_det("peek_code", 1, bi_peek_code1);
    db_register_det("peek_code", 2, bi_peek_code2);
    db_register_det("peek_byte", 1, bi_peek_byte1);
    db_register_det("peek_byte", 2, bi_peek_byte2);
}
