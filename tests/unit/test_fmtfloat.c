/* test_fmtfloat.c - stdlib/fmtfloat.c against glibc's printf: every string
 * it produces is snprintf's, byte for byte, over doubles of every shape
 * (any bit pattern, eighths and halves, which give exact ties, values just
 * below and at powers of ten, where the exponent estimate is off by one),
 * and it takes the fast path often enough to be worth having. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "stdlib/fmtfloat.h"

static uint64_t next(uint64_t *s)
{
    uint64_t z = (*s += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

static double value(uint64_t *s, long i)
{
    uint64_t u = next(s);
    double v;
    switch (i % 5) {
    case 0: memcpy(&v, &u, sizeof v); return v;
    case 1: return (double)(int64_t)(u % 2000001) / 8 - 125000;
    case 2: return (double)(u >> 11) * 0x1p-53 * pow(10, (int)(next(s) % 40) - 20);
    case 3: return (double)(int64_t)(u % 100000000) * 1.5;
    default:
        v = pow(10, (int)(u % 600) - 300);
        return u >> 20 & 1 ? nextafter(v, 0) : v;
    }
}

static void same_as_printf(void **state)
{
    (void)state;
    uint64_t s = 7;
    long fast = 0, n = 1000000;
    for (long i = 0; i < n; i++) {
        double v = value(&s, i);
        int prec = (int)(next(&s) % 17);
        char conv = next(&s) & 1 ? 'e' : 'f';
        char got[64], want[512];
        size_t len = fmtfloat(v, conv, prec, got);
        if (!len)
            continue;
        fast++;
        snprintf(want, sizeof want, conv == 'e' ? "%.*e" : "%.*f", prec, v);
        if (strcmp(got, want) != 0 || len != strlen(want))
            fail_msg("%%.%d%c of %.17g: %s, printf %s", prec, conv, v, got, want);
    }
    assert_true(fast > n / 2);
}

static void ties_and_edges(void **state)
{
    (void)state;
    char b[64];
    assert_int_equal(fmtfloat(0.125, 'f', 2, b), 0);  /* an exact tie: printf's */
    assert_int_equal(fmtfloat(2.5, 'e', 0, b), 0);
    assert_int_equal(fmtfloat(1e23, 'e', 15, b), 21); /* 9.999999999999999e+22 */
    assert_string_equal(b, "9.999999999999999e+22");
    assert_int_equal(fmtfloat(-0.0, 'f', 3, b), 6);
    assert_string_equal(b, "-0.000");
    assert_int_equal(fmtfloat(63.0, 'e', 6, b), 12);
    assert_string_equal(b, "6.300000e+01");
    assert_int_equal(fmtfloat(99.5, 'e', 0, b), 5);   /* 9.95: no tie at this scale */
    assert_string_equal(b, "1e+02");
    assert_int_equal(fmtfloat(0.375, 'e', 1, b), 0);  /* 3.75: a tie */
    assert_int_equal(fmtfloat(999.96, 'e', 2, b), 8); /* carries into a digit more */
    assert_string_equal(b, "1.00e+03");
    assert_int_equal(fmtfloat(1.0, 'e', 16, b), 0);   /* past 15 digits: printf's */
    assert_int_equal(fmtfloat(INFINITY, 'e', 6, b), 0);
    assert_int_equal(fmtfloat(NAN, 'f', 6, b), 0);
    assert_int_equal(fmtfloat(1e300, 'f', 2, b), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(same_as_printf),
        cmocka_unit_test(ties_and_edges),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
