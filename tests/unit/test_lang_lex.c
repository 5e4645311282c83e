/* tests/unit/test_lang_lex.c: the tokenizer: token kinds, values, escapes,
 * positions, layout flags and lexical errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "lang/lex.h"

typedef struct lexfix {
    rd_src src;
    rd_lexer lx;
} lexfix;

static rd_lexer *open_text(lexfix *f, const char *text)
{
    rd_src_buffer(&f->src, text, strlen(text));
    rd_lex_init(&f->lx, &f->src);
    return &f->lx;
}

/* one_token: the first token of text, which must be followed by nothing. */
static rd_token first(lexfix *f, const char *text)
{
    rd_lexer *lx = open_text(f, text);
    rd_lex_next(lx);
    return lx->tok;
}

static void test_names_and_vars(void **state)
{
    lexfix f;
    rd_token t = first(&f, "foo_Bar9");
    assert_int_equal(t.kind, RD_T_NAME);
    assert_string_equal(t.text, "foo_Bar9");
    rd_lex_free(&f.lx);
    t = first(&f, "_X1");
    assert_int_equal(t.kind, RD_T_VAR);
    assert_string_equal(t.text, "_X1");
    rd_lex_free(&f.lx);
    t = first(&f, "_");
    assert_int_equal(t.kind, RD_T_VAR);
    assert_string_equal(t.text, "_");
    rd_lex_free(&f.lx);
    t = first(&f, "=..");
    assert_int_equal(t.kind, RD_T_NAME);
    assert_string_equal(t.text, "=..");
    rd_lex_free(&f.lx);
    t = first(&f, "!");
    assert_int_equal(t.kind, RD_T_NAME);
    assert_string_equal(t.text, "!");
    rd_lex_free(&f.lx);
    t = first(&f, "\xc3\xa9t\xc3\xa9"); /* été: non-ASCII lower case starts an atom */
    assert_int_equal(t.kind, RD_T_NAME);
    rd_lex_free(&f.lx);
    t = first(&f, "\xc3\x89t\xc3\xa9"); /* Été: upper case starts a variable */
    assert_int_equal(t.kind, RD_T_VAR);
    rd_lex_free(&f.lx);
}

static void test_integers(void **state)
{
    static const struct {
        const char *text;
        int64_t v;
    } cases[] = {
        {"0", 0}, {"42", 42}, {"0x1F", 31}, {"0o17", 15}, {"0b101", 5}, {"16'FF", 255},
        {"36'zz", 1295}, {"2'1010", 10}, {"1_000_000", 1000000}, {"0'a", 'a'},
        {"0'\\n", 10}, {"0'''", '\''}, {"0''", '\''}, {"0' ", ' '}, {"0'\\x41\\", 65},
        {"0'\\\\", '\\'}, {"9223372036854775807", INT64_MAX}, {"0'\xce\xbb", 0x3bb},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        lexfix f;
        rd_token t = first(&f, cases[i].text);
        assert_int_equal(t.kind, RD_T_INT);
        assert_int_equal(t.ival, cases[i].v);
        assert_int_equal(rd_lex_next(&f.lx), RD_T_EOF);
        rd_lex_free(&f.lx);
    }
}

static void test_bigints(void **state)
{
    lexfix f;
    rd_token t = first(&f, "9223372036854775808");
    assert_int_equal(t.kind, RD_T_BIGINT);
    assert_string_equal(t.text, "9223372036854775808");
    assert_int_equal(t.radix, 10);
    rd_lex_free(&f.lx);
    t = first(&f, "0xffff_ffff_ffff_ffff_ff");
    assert_int_equal(t.kind, RD_T_BIGINT);
    assert_string_equal(t.text, "ffffffffffffffffff");
    assert_int_equal(t.radix, 16);
    rd_lex_free(&f.lx);
}

static void test_floats(void **state)
{
    static const struct {
        const char *text;
        double v;
    } cases[] = {
        {"1.5", 1.5}, {"1.0e10", 1e10}, {"1e10", 1e10}, {"1.5E-3", 1.5e-3}, {"2.5e+2", 250.0},
        {"1_0.5", 10.5},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        lexfix f;
        rd_token t = first(&f, cases[i].text);
        assert_int_equal(t.kind, RD_T_FLOAT);
        assert_true(t.fval == cases[i].v);
        assert_int_equal(rd_lex_next(&f.lx), RD_T_EOF);
        rd_lex_free(&f.lx);
    }
    lexfix f;
    rd_token t = first(&f, "1.0Inf");
    assert_int_equal(t.kind, RD_T_FLOAT);
    assert_true(t.fval > 1e308);
    rd_lex_free(&f.lx);
    t = first(&f, "1.5NaN");
    assert_int_equal(t.kind, RD_T_FLOAT);
    assert_true(t.fval != t.fval);
    rd_lex_free(&f.lx);
    /* 1.e2 and 1.0e are not floats: the number ends before the dot / the e */
    rd_lexer *lx = open_text(&f, "1.0e");
    assert_int_equal(rd_lex_next(lx), RD_T_FLOAT);
    assert_int_equal(rd_lex_next(lx), RD_T_NAME);
    assert_string_equal(lx->tok.text, "e");
    rd_lex_free(lx);
    lx = open_text(&f, "X = 1.e2");
    rd_lex_next(lx), rd_lex_next(lx);
    assert_int_equal(rd_lex_next(lx), RD_T_INT);
    assert_int_equal(rd_lex_next(lx), RD_T_NAME);
    assert_string_equal(lx->tok.text, ".");
    rd_lex_free(lx);
}

static void test_quoted(void **state)
{
    static const struct {
        const char *text, *want;
        size_t len;
    } cases[] = {
        {"'a b'", "a b", 3}, {"'it''s'", "it's", 4}, {"'it\\'s'", "it's", 4},
        {"'\\n\\t\\a\\b\\f\\v\\r\\e\\s'", "\n\t\a\b\f\v\r\x1b ", 9},
        {"'\\x41\\\\101\\'", "AA", 2}, {"'\\0\\'", "\0", 1}, {"'a\\\nb'", "ab", 2},
        {"'\\\\'", "\\", 1}, {"'\\\"\\`'", "\"`", 2}, {"'\\x3bb\\'", "\xce\xbb", 2},
        {"'line\nbreak'", "line\nbreak", 10},
        /* swipl's extensions: \uXXXX, \UXXXXXXXX, \x41 with no closing \ */
        {"'\\u0041\\U0001F600'", "A\xf0\x9f\x98\x80", 5}, {"'\\x41'", "A", 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        lexfix f;
        rd_token t = first(&f, cases[i].text);
        assert_int_equal(t.kind, RD_T_QNAME);
        assert_int_equal(t.len, cases[i].len);
        assert_memory_equal(t.text, cases[i].want, cases[i].len);
        rd_lex_free(&f.lx);
    }
    lexfix f;
    rd_token t = first(&f, "\"str\\\"\"");
    assert_int_equal(t.kind, RD_T_STR);
    assert_string_equal(t.text, "str\"");
    rd_lex_free(&f.lx);
    t = first(&f, "`bq`");
    assert_int_equal(t.kind, RD_T_BQ);
    assert_string_equal(t.text, "bq");
    rd_lex_free(&f.lx);
}

static void test_punct_and_layout(void **state)
{
    lexfix f;
    rd_lexer *lx = open_text(&f, "f(a) g (b)[|]{},");
    assert_int_equal(rd_lex_next(lx), RD_T_NAME);
    assert_int_equal(rd_lex_next(lx), RD_T_PUNCT);
    assert_int_equal(lx->tok.punct, '(');
    assert_false(lx->tok.layout_before); /* f( : functional notation */
    rd_lex_next(lx), rd_lex_next(lx);
    assert_int_equal(rd_lex_next(lx), RD_T_NAME);
    assert_true(lx->tok.layout_before);
    assert_int_equal(rd_lex_next(lx), RD_T_PUNCT);
    assert_true(lx->tok.layout_before); /* g ( : not functional */
    rd_lex_next(lx), rd_lex_next(lx);
    const char *want = "[|]{},";
    for (const char *w = want; *w; w++) {
        assert_int_equal(rd_lex_next(lx), RD_T_PUNCT);
        assert_int_equal(lx->tok.punct, *w);
    }
    assert_int_equal(rd_lex_next(lx), RD_T_EOF);
    rd_lex_free(lx);

    /* comments are layout: after a comment, ( is not functional notation */
    lx = open_text(&f, "a/* c */(b) % line\n. x.y");
    rd_lex_next(lx);
    assert_int_equal(rd_lex_next(lx), RD_T_PUNCT);
    assert_true(lx->tok.layout_before);
    rd_lex_next(lx), rd_lex_next(lx);
    assert_int_equal(rd_lex_next(lx), RD_T_END);
    rd_lex_next(lx);
    assert_int_equal(rd_lex_next(lx), RD_T_NAME); /* . not followed by layout */
    assert_string_equal(lx->tok.text, ".");
    rd_lex_free(lx);

    /* the end token consumes its layout character and holds nothing more,
     * so a stream can go on with get_char after read_term */
    lx = open_text(&f, "a.\nX");
    rd_lex_next(lx);
    assert_int_equal(rd_lex_next(lx), RD_T_END);
    assert_int_equal(lx->nlook, 0);
    assert_int_equal(f.src.end - f.src.p, 1);
    rd_lex_free(lx);

    /* the end token before %, at end of input */
    lx = open_text(&f, "a.%c\nb.");
    rd_lex_next(lx);
    assert_int_equal(rd_lex_next(lx), RD_T_END);
    rd_lex_next(lx);
    assert_int_equal(rd_lex_next(lx), RD_T_END);
    assert_int_equal(rd_lex_next(lx), RD_T_EOF);
    rd_lex_free(lx);
}

static void test_positions(void **state)
{
    lexfix f;
    rd_lexer *lx = open_text(&f, "foo(X,\n  'b c', \xce\xbb) .\n\t% x\n  end");
    static const long want[][2] = {{1, 1}, {1, 4}, {1, 5}, {1, 6}, {2, 3}, {2, 8}, {2, 10},
                                   {2, 11}, {2, 13}, {4, 3}};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        rd_lex_next(lx);
        assert_int_equal(lx->tok.pos.line, want[i][0]);
        assert_int_equal(lx->tok.pos.col, want[i][1]);
    }
    assert_int_equal(lx->tok.pos.offset, 28); /* code points, not bytes */
    rd_lex_free(lx);
}

static void test_errors(void **state)
{
    static const struct {
        const char *text, *err;
        long line, col;
    } cases[] = {
        {"'abc", "end_of_file_in_quoted", 1, 1},
        {"x /* open", "end_of_file_in_block_comment", 1, 3},
        {"'a\\qb'", "undefined_char_escape", 1, 4},
        {"'\\x110000\\'", "illegal_character_code", 1, 3},
        {"0x", "illegal_number", 1, 1},
        {"'\\u004'", "illegal_uU_sequence", 1, 3},
        {"X = 1_ a", "illegal_number", 1, 5},
        {"0'", "end_of_file", 1, 3},
        {"1e400", "float_overflow", 1, 1},
        {"\n  \x01", NULL, 0, 0}, /* a control character is layout */
        {"\n  \xc2\xa7", "illegal_character", 2, 3},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        lexfix f;
        rd_lexer *lx = open_text(&f, cases[i].text);
        rd_tok_kind k;
        while ((k = rd_lex_next(lx)) != RD_T_ERROR && k != RD_T_EOF)
            ;
        if (!cases[i].err) {
            assert_int_equal(k, RD_T_EOF);
        } else {
            assert_int_equal(k, RD_T_ERROR);
            assert_string_equal(lx->tok.err, cases[i].err);
            assert_int_equal(lx->tok.err_pos.line, cases[i].line);
            assert_int_equal(lx->tok.err_pos.col, cases[i].col);
        }
        rd_lex_free(lx);
    }
}

static void test_skip_clause(void **state)
{
    lexfix f;
    rd_lexer *lx = open_text(&f, "a 'bad\\q' b c. next.");
    rd_tok_kind k;
    while ((k = rd_lex_next(lx)) != RD_T_ERROR)
        ;
    rd_lex_skip_clause(lx);
    assert_int_equal(lx->tok.kind, RD_T_END);
    assert_int_equal(rd_lex_next(lx), RD_T_NAME);
    assert_string_equal(lx->tok.text, "next");
    rd_lex_free(lx);
}

/* A source refilled one byte at a time: lookahead and UTF-8 across refills. */
static size_t one_byte(void *ctx, const unsigned char **buf)
{
    const char **p = ctx;
    if (!**p)
        return 0;
    *buf = (const unsigned char *)(*p)++;
    return 1;
}

static void test_callback_source(void **state)
{
    const char *text = "0'\\n \xce\xbbx 'q' 1.5e3.\n";
    const char *cursor = text;
    rd_src src = {.fill = one_byte, .ctx = &cursor};
    rd_lexer lx;
    rd_lex_init(&lx, &src);
    assert_int_equal(rd_lex_next(&lx), RD_T_INT);
    assert_int_equal(lx.tok.ival, 10);
    assert_int_equal(rd_lex_next(&lx), RD_T_NAME);
    assert_string_equal(lx.tok.text, "\xce\xbbx");
    assert_int_equal(rd_lex_next(&lx), RD_T_QNAME);
    assert_int_equal(rd_lex_next(&lx), RD_T_FLOAT);
    assert_true(lx.tok.fval == 1500.0);
    assert_int_equal(rd_lex_next(&lx), RD_T_END);
    assert_int_equal(rd_lex_next(&lx), RD_T_EOF);
    rd_lex_free(&lx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names_and_vars), cmocka_unit_test(test_integers),
        cmocka_unit_test(test_bigints),        cmocka_unit_test(test_floats),
        cmocka_unit_test(test_quoted),         cmocka_unit_test(test_punct_and_layout),
        cmocka_unit_test(test_positions),      cmocka_unit_test(test_errors),
        cmocka_unit_test(test_skip_clause),    cmocka_unit_test(test_callback_source),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
