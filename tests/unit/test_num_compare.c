/* test_num_compare.c - bignum limbs to the nearest double, and numbers in
 * the standard order (engine/compare.c). */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "engine/compare.h"

static int setup(void **state)
{
    (void)state;
    return term_init(1 << 20) ? 0 : -1;
}

/* A fixed-seed generator: the cases are the same on every run. */
static uint64_t next(uint64_t *s)
{
    uint64_t z = (*s += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

/* Two limbs against the compiler's 128-bit conversion, which rounds to
 * nearest; many values keep only a few high bits, so ties come up. */
static void two_limbs_round_to_nearest(void **state)
{
    (void)state;
    uint64_t s = 1;
    for (int i = 0; i < 200000; i++) {
        uint64_t l[2] = {next(&s), next(&s) >> (next(&s) % 64)};
        if (i % 3 == 0)
            l[0] &= ~(((uint64_t)1 << (next(&s) % 64)) - 1); /* trailing zeros: ties */
        if (l[1] == 0)
            l[1] = 1;
        double want = (double)((unsigned __int128)l[1] << 64 | l[0]);
        assert_true(compare_limbs_to_double(l, 2, false) == want);
        assert_true(compare_limbs_to_double(l, 2, true) == -want);
    }
}

/* Ties and sticky bits below the top 64 bits, in a third limb. */
static void deep_sticky_bits(void **state)
{
    (void)state;
    /* 2^128 + 2^75: half an ulp above 2^128, a tie, goes to the even 2^128 */
    uint64_t tie[3] = {0, (uint64_t)1 << 11, 1};
    assert_true(compare_limbs_to_double(tie, 3, false) == ldexp(1, 128));
    /* one more unit far below makes it round up */
    uint64_t above[3] = {1, (uint64_t)1 << 11, 1};
    assert_true(compare_limbs_to_double(above, 3, false) == ldexp(1, 128) + ldexp(1, 76));
    /* 2^128 + 3 * 2^75: a tie between odd and even, goes up to the even one */
    uint64_t odd[3] = {0, (uint64_t)3 << 11, 1};
    assert_true(compare_limbs_to_double(odd, 3, false) == ldexp(1, 128) + ldexp(1, 77));
    /* one limb: the conversion itself */
    uint64_t one[1] = {UINT64_MAX};
    assert_true(compare_limbs_to_double(one, 1, true) == -18446744073709551616.0);
    assert_true(compare_limbs_to_double(one, 0, false) == 0.0);
}

static void beyond_the_double_range(void **state)
{
    (void)state;
    uint64_t l[17] = {0};
    l[15] = UINT64_MAX; /* 2^1024 - 2^960: rounds up to 2^1024, beyond */
    assert_true(isinf(compare_limbs_to_double(l, 16, false)));
    l[15] = UINT64_MAX << 11; /* the largest double exactly */
    assert_true(compare_limbs_to_double(l, 16, false) == 0x1.fffffffffffffp1023);
    l[16] = 1;
    assert_true(compare_limbs_to_double(l, 17, true) == -INFINITY);
}

/* Integers against floats compare as the nearest double (swipl 9). */
static void integers_against_floats(void **state)
{
    (void)state;
    term_t i60 = term_int(((int64_t)1 << 60) + 1), f60 = term_float(ldexp(1, 60));
    assert_int_equal(compare_numbers(i60, f60), 0);
    assert_int_equal(compare_terms(i60, f60), 1); /* the float first */
    assert_int_equal(compare_terms(term_float(-0.0), term_float(0.0)), -1);
    assert_int_equal(compare_terms(term_float(NAN), term_float(-INFINITY)), -1);
    assert_int_equal(compare_terms(term_float(NAN), term_float(NAN)), 0);
    term_t big = term_big_new(2, false);
    term_big_limbs(big, NULL, NULL)[1] = 1; /* 2^64 */
    assert_int_equal(compare_numbers(big, term_float(ldexp(1, 64))), 0);
    assert_int_equal(compare_numbers(big, term_float(INFINITY)), -1);
    assert_int_equal(compare_numbers(big, term_int(INT64_MAX)), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(two_limbs_round_to_nearest),
        cmocka_unit_test(deep_sticky_bits),
        cmocka_unit_test(beyond_the_double_range),
        cmocka_unit_test(integers_against_floats),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
