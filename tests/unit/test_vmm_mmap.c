/* test_vmm_mmap: mmap bookkeeping over finite guest memory. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "../../vmm/host/mmap_book.h"

#define LO 0x10000000ULL
#define HI 0x10100000ULL /* 1 MiB: 256 pages */

static void topdown_and_reuse(void **state)
{
    struct mmap_book b;
    mb_init(&b, LO, HI);
    int64_t a = mb_map(&b, 0, 1, 0);
    assert_int_equal(a, HI - 0x1000); /* rounded to a page, from the top */
    int64_t c = mb_map(&b, 0, 0x3000, 0);
    assert_int_equal(c, HI - 0x4000);
    assert_int_equal(b.in_use, 0x4000);
    assert_int_equal(mb_unmap(&b, (uint64_t)a, 0x1000), 0);
    assert_int_equal(mb_map(&b, 0, 0x1000, 0), a); /* the hole is reused */
    assert_true(mb_mapped(&b, (uint64_t)c, 0x4000));
    assert_false(mb_mapped(&b, LO, 0x1000));
    mb_free(&b);
}

static void enomem_and_einval(void **state)
{
    struct mmap_book b;
    mb_init(&b, LO, HI);
    assert_int_equal(mb_map(&b, 0, HI - LO + 1, 0), -ENOMEM);
    assert_int_equal(mb_map(&b, 0, HI - LO, 0), (int64_t)LO);
    assert_int_equal(mb_map(&b, 0, 0x1000, 0), -ENOMEM);
    assert_int_equal(mb_map(&b, 0, 0, 0), -EINVAL);
    assert_int_equal(mb_map(&b, 0, UINT64_MAX, 0), -EINVAL);
    assert_int_equal(mb_unmap(&b, LO + 1, 0x1000), -EINVAL);
    assert_int_equal(mb_unmap(&b, LO - 0x1000, 0x1000), -EINVAL);
    assert_int_equal(mb_unmap(&b, LO, UINT64_MAX - 0x10), -EINVAL);
    mb_free(&b);
}

static void split_and_fixed(void **state)
{
    struct mmap_book b;
    mb_init(&b, LO, HI);
    int64_t a = mb_map(&b, 0, 0x10000, 0);
    assert_int_equal(mb_unmap(&b, (uint64_t)a + 0x4000, 0x2000), 0); /* split in two */
    assert_int_equal(b.n, 2);
    assert_int_equal(b.in_use, 0xe000);
    assert_false(mb_mapped(&b, (uint64_t)a + 0x4000, 1));
    assert_true(mb_mapped(&b, (uint64_t)a + 0x6000, 0xa000));
    /* MAP_FIXED over the hole and a neighbour */
    assert_int_equal(mb_map(&b, (uint64_t)a + 0x3000, 0x4000, 1), a + 0x3000);
    assert_true(mb_mapped(&b, (uint64_t)a, 0x10000));
    assert_int_equal(b.in_use, 0x10000);
    assert_int_equal(mb_map(&b, LO + 1, 0x1000, 1), -EINVAL);
    assert_int_equal(mb_map(&b, HI - 0x1000, 0x2000, 1), -EINVAL);
    /* unmapping a hole is fine, as in Linux */
    assert_int_equal(mb_unmap(&b, LO, 0x1000), 0);
    struct mmap_book copy;
    assert_int_equal(mb_copy(&copy, &b), 0);
    assert_int_equal(mb_unmap(&b, (uint64_t)a, 0x10000), 0);
    assert_int_equal(b.in_use, 0);
    assert_true(mb_mapped(&copy, (uint64_t)a, 0x10000)); /* independent */
    mb_free(&copy);
    mb_free(&b);
}

static void many(void **state)
{
    struct mmap_book b;
    mb_init(&b, LO, HI);
    int64_t p[256];
    for (int i = 0; i < 256; i++) assert_true((p[i] = mb_map(&b, 0, 0x1000, 0)) >= (int64_t)LO);
    assert_int_equal(mb_map(&b, 0, 0x1000, 0), -ENOMEM);
    for (int i = 0; i < 256; i += 2) assert_int_equal(mb_unmap(&b, (uint64_t)p[i], 0x1000), 0);
    assert_int_equal(mb_map(&b, 0, 0x2000, 0), -ENOMEM); /* fragmented */
    assert_true(mb_map(&b, 0, 0x1000, 0) >= (int64_t)LO);
    assert_int_equal(b.in_use, 129 * 0x1000);
    mb_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(topdown_and_reuse),
        cmocka_unit_test(enomem_and_einval),
        cmocka_unit_test(split_and_fixed),
        cmocka_unit_test(many),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
