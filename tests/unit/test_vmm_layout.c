/* test_vmm_layout: the guest memory layout for every --mem: program memory,
 * the shadow of all of it, and the doorbells never collide. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "../../vmm/host/kvm_x86_64.h"

static void every_size(void **state)
{
    for (uint64_t mem = VM_MIN_MEM; mem <= VM_MAX_MEM; mem += 16ULL << 20) {
        uint64_t shadow = 0, end = kvm_layout(mem, &shadow);
        assert_true(end > SNAPVM_LOW_END);
        assert_int_equal(end % SNAPVM_HUGE_SIZE, 0);
        assert_int_equal(shadow % SNAPVM_HUGE_SIZE, 0);
        /* RAM holds program memory and shadow */
        assert_true(end + shadow <= mem);
        /* the shadow mapping covers the shadow of every program address */
        uint64_t last = ((end - 1) >> SNAPVM_SHADOW_SCALE) + SNAPVM_SHADOW_OFFSET;
        assert_true(last < KVM_SHADOW_VA + shadow);
        /* program memory stays below the shadow window, which stays below the doorbells */
        assert_true(end <= KVM_SHADOW_VA);
        assert_true(KVM_SHADOW_VA + shadow <= SNAPVM_MMIO_BASE);
        /* and little RAM is wasted: less than 2 MiB + the shadow's rounding */
        assert_true(mem - end - shadow < 3 * SNAPVM_HUGE_SIZE);
    }
}

static void too_small(void **state)
{
    uint64_t shadow;
    assert_int_equal(kvm_layout(4ULL << 20, &shadow), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(every_size), cmocka_unit_test(too_small)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
