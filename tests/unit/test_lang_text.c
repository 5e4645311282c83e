/* tests/unit/test_lang_text.c: number text and atom quoting.
 * The expected strings are swipl 9.0.4's output for the same values
 * (X is V, writeq(X)), checked when the test was written. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "lang/atomtext.h"
#include "lang/numtext.h"
#include "lang/sink.h"

static void test_float_text(void **state)
{
    static const struct {
        double v;
        const char *want;
    } cases[] = {
        {0.1, "0.1"}, {1.0e10, "10000000000.0"}, {1e22, "1.0e+22"}, {1e15, "1.0e+15"},
        {1e14, "100000000000000.0"}, {123456789012345.0, "123456789012345.0"},
        {1234567890123456.0, "1.234567890123456e+15"},
        {1234567890123456.7, "1234567890123456.8"}, {1e16, "1.0e+16"}, {0.0001, "0.0001"},
        {0.00001, "1.0e-5"}, {9.999e-5, "9.999e-5"}, {1.5e-7, "1.5e-7"}, {-0.0, "-0.0"},
        {0.0, "0.0"}, {5e-324, "5.0e-324"}, {1.7976931348623157e308, "1.7976931348623157e+308"},
        {100.0, "100.0"}, {3.0e100, "3.0e+100"}, {0.0003, "0.0003"}, {12345678.9, "12345678.9"},
        {0.001, "0.001"}, {0.0012345, "0.0012345"}, {1.23456e22, "1.23456e+22"},
        {2.5e-10, "2.5e-10"}, {-1.5, "-1.5"}, {0.30000000000000004, "0.30000000000000004"},
        {INFINITY, "1.0Inf"}, {-INFINITY, "-1.0Inf"}, {NAN, "1.5NaN"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char b[WR_FLOAT_MAX];
        size_t n = wr_format_float(cases[i].v, b);
        assert_string_equal(b, cases[i].want);
        assert_int_equal(n, strlen(cases[i].want));
    }
}

/* Shortest round trip: every printed float reads back to the same bits, and
 * dropping its last digit would not. */
static void test_float_roundtrip(void **state)
{
    uint64_t x = 0x9e3779b97f4a7c15u;
    for (int i = 0; i < 200000; i++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        double d;
        memcpy(&d, &x, sizeof d);
        if (!isfinite(d))
            continue;
        char b[WR_FLOAT_MAX];
        wr_format_float(d, b);
        double back = strtod(b, NULL);
        assert_memory_equal(&back, &d, sizeof d);
        assert_non_null(strchr(b, '.'));
    }
}

static void test_int_text(void **state)
{
    char b[WR_INT_MAX];
    wr_format_int(INT64_MIN, b);
    assert_string_equal(b, "-9223372036854775808");
    wr_format_int(0, b);
    assert_string_equal(b, "0");
}

static void test_needs_quotes(void **state)
{
    static const struct {
        const char *atom;
        int quote;
    } cases[] = {
        {"", 1}, {"a b", 1}, {"[]", 0}, {"{}", 0}, {"!", 0}, {";", 0}, {",", 1}, {"|", 1},
        {".", 1}, {"..", 0}, {"/*", 1}, {"/**", 1}, {"+/*", 0}, {"*/", 0}, {".a", 1},
        {"a.", 1}, {"\\", 0}, {";;", 1}, {"!!", 1}, {"hello_World9", 0}, {"Abc", 1},
        {"_", 1}, {"a\nb", 1}, {"%", 1}, {"\xc3\xa9", 0}, {"\xc3\x89t\xc3\xa9", 1},
        {"\xce\xbbx", 0}, {"a-b", 1}, {"=..", 0}, {"[", 1}, {"9a", 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bool q = wr_atom_needs_quotes(cases[i].atom, strlen(cases[i].atom));
        if (q != (cases[i].quote != 0))
            fail_msg("atom \"%s\": quotes %s", cases[i].atom, q ? "used" : "not used");
    }
}

static void test_put_quoted(void **state)
{
    static const struct {
        const char *text;
        size_t len;
        const char *want;
    } cases[] = {
        {"it's", 4, "'it\\'s'"},      {"a\\b", 3, "'a\\\\b'"},     {"\0", 1, "'\\x0\\'"},
        {"\x7f", 1, "'\\x7F\\'"},     {"a\x01" "b", 3, "'a\\x1\\b'"}, {"\x1b", 1, "'\\x1B\\'"},
        {"\t\n", 2, "'\\t\\n'"},      {"\xc2\x85", 2, "'\\x85\\'"}, {"\xc3\xa9", 2, "'\xc3\xa9'"},
        {"a\"b", 3, "'a\"b'"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        wr_sink s;
        wr_sink_buffer(&s);
        wr_put_quoted(&s, cases[i].text, cases[i].len, '\'');
        char *out = wr_sink_take(&s, NULL);
        assert_string_equal(out, cases[i].want);
        free(out);
    }
    wr_sink s;
    wr_sink_buffer(&s);
    wr_put_quoted(&s, "a\"b'", 4, '"');
    char *out = wr_sink_take(&s, NULL);
    assert_string_equal(out, "\"a\\\"b'\"");
    free(out);
}

static int collect(void *ctx, const char *p, size_t n)
{
    wr_sink *inner = ctx;
    wr_put(inner, p, n);
    return n == 3 ? 5 : 0; /* fail on the 3-byte write */
}

static void test_sink(void **state)
{
    wr_sink inner, s;
    wr_sink_buffer(&inner);
    wr_sink_callback(&s, collect, &inner);
    wr_puts(&s, "ab");
    assert_int_equal(s.last, 'b');
    wr_put_cp(&s, 0x3bb);
    assert_int_equal(s.last, 0x3bb);
    assert_int_equal(s.err, 0);
    wr_puts(&s, "xyz");
    assert_int_equal(s.err, 5);
    wr_puts(&s, "dropped");
    char *out = wr_sink_take(&inner, NULL);
    assert_string_equal(out, "ab\xce\xbbxyz");
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_float_text),   cmocka_unit_test(test_float_roundtrip),
        cmocka_unit_test(test_int_text),     cmocka_unit_test(test_needs_quotes),
        cmocka_unit_test(test_put_quoted),   cmocka_unit_test(test_sink),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
