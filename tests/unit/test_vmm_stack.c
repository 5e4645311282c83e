/* test_vmm_stack: the initial process stack, read back as a program would. */
#include <elf.h>
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "../../vmm/host/gstack.h"
#include "snapvm_abi.h"

#define LO  0x1000000ULL
#define TOP 0x1010000ULL /* 64 KiB */
static uint8_t mem[TOP - LO];

static uint64_t word(uint64_t gva)
{
    uint64_t w;
    memcpy(&w, mem + (gva - LO), 8);
    return w;
}

static const char *str(uint64_t gva)
{
    return (const char *)mem + (gva - LO);
}

static void layout(void **state)
{
    char *argv[] = {"/bin/prog", "a", "bee", NULL};
    char *envp[] = {"HOME=/h", "X=1", NULL};
    struct gstack_info info = {.phdr = 0x400040,
                               .phent = 56,
                               .phnum = 7,
                               .entry = 0x401000,
                               .hwcap = 0x1234,
                               .platform = SNAPVM_PLATFORM_GVA,
                               .execfn = "/bin/prog"};
    memset(info.random, 7, 16);
    uint64_t sp;
    assert_int_equal(gstack_build(mem, LO, TOP, argv, envp, &info, &sp), 0);
    assert_int_equal(sp % 16, 0);
    assert_int_equal(word(sp), 3);
    assert_string_equal(str(word(sp + 8)), "/bin/prog");
    assert_string_equal(str(word(sp + 16)), "a");
    assert_string_equal(str(word(sp + 24)), "bee");
    assert_int_equal(word(sp + 32), 0);
    assert_string_equal(str(word(sp + 40)), "HOME=/h");
    assert_string_equal(str(word(sp + 48)), "X=1");
    assert_int_equal(word(sp + 56), 0);
    uint64_t a = sp + 64, seen = 0, n = 0;
    for (; word(a) != AT_NULL; a += 16, n++) {
        uint64_t t = word(a), v = word(a + 8);
        if (t == AT_PHDR) assert_int_equal(v, 0x400040), seen |= 1;
        if (t == AT_PAGESZ) assert_int_equal(v, 4096), seen |= 2;
        if (t == AT_ENTRY) assert_int_equal(v, 0x401000), seen |= 4;
        if (t == AT_RANDOM) assert_memory_equal(mem + (v - LO), info.random, 16), seen |= 8;
        if (t == AT_PLATFORM) assert_string_equal(str(v), "x86_64"), seen |= 16;
        if (t == SNAPVM_AT_PLATFORM) assert_int_equal(v, SNAPVM_PLATFORM_GVA), seen |= 32;
        if (t == AT_HWCAP) assert_int_equal(v, 0x1234), seen |= 64;
        if (t == AT_EXECFN) assert_string_equal(str(v), "/bin/prog"), seen |= 128;
        if (t == AT_PHNUM) assert_int_equal(v, 7), seen |= 256;
    }
    assert_int_equal(seen, 511);
    assert_int_equal(n + 1, GSTACK_NAUX);
    assert_true(a + 16 <= TOP);
}

static void native_has_no_platform_entry(void **state)
{
    char *argv[] = {"p", NULL};
    char *envp[] = {NULL};
    struct gstack_info info = {.execfn = "p"};
    uint64_t sp;
    assert_int_equal(gstack_build(mem, LO, TOP, argv, envp, &info, &sp), 0);
    for (uint64_t a = sp + 8 * 4; word(a) != AT_NULL; a += 16)
        assert_int_not_equal(word(a), SNAPVM_AT_PLATFORM);
}

static void too_big(void **state)
{
    static char big[70000];
    memset(big, 'x', sizeof big - 1);
    char *argv[] = {"p", big, NULL};
    char *envp[] = {NULL};
    struct gstack_info info = {.execfn = "p"};
    uint64_t sp;
    assert_int_equal(gstack_build(mem, LO, TOP, argv, envp, &info, &sp), -E2BIG);
    static char *many[9000];
    for (int i = 0; i < 8999; i++) many[i] = "a";
    assert_int_equal(gstack_build(mem, LO, TOP, many, envp, &info, &sp), -E2BIG);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(layout),
        cmocka_unit_test(native_has_no_platform_entry),
        cmocka_unit_test(too_big),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
