/* test_vmm_gmem: the one guest address check. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "../../vmm/host/gmem.h"

static uint8_t ram[0x10000];
static uint64_t dirty[1];

static struct gmem mk(void)
{
    return (struct gmem){
        .host = ram, .size = sizeof ram, .lo = 0x2000, .hi = 0x8000, .dirty = dirty};
}

static void inside(void **state)
{
    struct gmem m = mk();
    assert_ptr_equal(gmem_at(&m, 0x2000, 0x6000), ram + 0x2000);
    assert_ptr_equal(gmem_at(&m, 0x7fff, 1), ram + 0x7fff);
    assert_ptr_equal(gmem_at(&m, 0x8000, 0), ram + 0x8000);
}

static void outside(void **state)
{
    struct gmem m = mk();
    assert_null(gmem_at(&m, 0x1fff, 1));
    assert_non_null(strstr(m.err, "outside the program's memory"));
    assert_non_null(strstr(m.err, "test_vmm_gmem.c:")); /* file:line of the caller */
    assert_null(gmem_at(&m, 0x7fff, 2));
    assert_null(gmem_at(&m, 0x8000, 1));
    assert_null(gmem_at(&m, 0, 0));
}

static void overflow(void **state)
{
    struct gmem m = mk();
    assert_null(gmem_at(&m, 0x3000, UINT64_MAX));
    assert_non_null(strstr(m.err, "overflows"));
    assert_null(gmem_at(&m, UINT64_MAX, 2));
    assert_null(gmem_at(&m, 0x3000, UINT64_MAX - 0x2fff));
}

static void dirty_marks(void **state)
{
    struct gmem m = mk();
    dirty[0] = 0;
    assert_non_null(gmem_at(&m, 0x3000, 0x10));
    assert_int_equal(dirty[0], 0); /* reads mark nothing */
    assert_non_null(gmem_wr(&m, 0x2fff, 2));
    assert_int_equal(dirty[0], (1u << 2) | (1u << 3));
}

static void strings(void **state)
{
    struct gmem m = mk();
    char buf[16];
    strcpy((char *)ram + 0x3000, "hello");
    assert_int_equal(gmem_str(&m, 0x3000, buf, sizeof buf), 5);
    assert_string_equal(buf, "hello");
    memset(ram + 0x4000, 'x', 64);
    assert_int_equal(gmem_str(&m, 0x4000, buf, sizeof buf), -ENAMETOOLONG);
    memset(ram + 0x7ff0, 'y', 16); /* runs into the end of the window */
    assert_int_equal(gmem_str(&m, 0x7ff0, buf, 64 > sizeof buf ? sizeof buf : 64), -ENAMETOOLONG);
    char big[64];
    assert_int_equal(gmem_str(&m, 0x7ff0, big, sizeof big), -EFAULT);
    assert_non_null(strstr(m.err, "runs off"));
    assert_int_equal(gmem_str(&m, 0x100, big, sizeof big), -EFAULT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(inside),      cmocka_unit_test(outside), cmocka_unit_test(overflow),
        cmocka_unit_test(dirty_marks), cmocka_unit_test(strings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
