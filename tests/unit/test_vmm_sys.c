/* test_vmm_sys: the request dispatcher and the system calls it serves, on a
 * fake guest RAM (no KVM needed): validation, errors, bookkeeping. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cmocka.h>

#include "../../vmm/host/sys_serve.h"

#define RAM    (64ULL << 20)
#define LO     SNAPVM_LOW_END
#define HI     (48ULL << 20)
#define BRK0   (4ULL << 20)
#define BRKMAX (16ULL << 20)

static uint8_t *ram;
static struct gmem mem;
static struct sys_state sys;
static struct snapvm_ring *ring;

static int setup(void **state)
{
    ram =
        mmap(NULL, RAM, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (ram == MAP_FAILED) return -1;
    mem = (struct gmem){.host = ram, .size = RAM, .lo = LO, .hi = HI};
    ring = (struct snapvm_ring *)(ram + SNAPVM_RING_GVA);
    return sys_init(&sys, &mem, BRK0, BRKMAX, BRKMAX, HI, NULL);
}

static int teardown(void **state)
{
    sys_fini(&sys);
    munmap(ram, RAM);
    return 0;
}

static int64_t call(uint64_t nr, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3)
{
    memset(&ring->req, 0, sizeof ring->req);
    ring->req.call = SNAPVM_CALL_SYSCALL;
    ring->req.u.sys.nr = nr;
    uint64_t a[6] = {a0, a1, a2, a3, 0, 0};
    memcpy(ring->req.u.sys.a, a, sizeof a);
    int64_t r = hc_dispatch(&sys, ring, NULL);
    assert_int_equal(ring->req.ret, r);
    return r;
}

static void write_to_pipe(void **state)
{
    int p[2];
    assert_int_equal(pipe(p), 0);
    sys.fds[7] = p[1];
    memcpy(ram + 0x300000, "guest bytes", 11);
    assert_int_equal(call(SYS_write, 7, 0x300000, 11, 0), 11);
    char buf[16] = {0};
    assert_int_equal(read(p[0], buf, sizeof buf), 11);
    assert_string_equal(buf, "guest bytes");
    assert_int_equal(call(SYS_close, 7, 0, 0, 0), 0);
    assert_int_equal(call(SYS_close, 7, 0, 0, 0), -EBADF);
    assert_int_equal(call(SYS_write, 7, 0x300000, 1, 0), -EBADF);
    assert_int_equal(call(SYS_write, 100000, 0x300000, 1, 0), -EBADF);
    close(p[0]);
    assert_false(sys.fatal);
}

static void bad_pointer_ends_guest(void **state)
{
    assert_int_equal(call(SYS_write, 1, 0x7f0000000000ULL, 10, 0), -EFAULT);
    assert_true(sys.fatal);
    assert_non_null(strstr(sys.why, "bad address in write: "));
    assert_non_null(strstr(sys.why, "sys_files.c:"));
    sys.fatal = 0;
    /* the monitor's own pages are not the program's memory either */
    assert_int_equal(call(SYS_read, 0, SNAPVM_RING_GVA, 8, 0), -EFAULT);
    assert_true(sys.fatal);
    sys.fatal = 0;
}

static void overflowing_length(void **state)
{
    assert_int_equal(call(SYS_write, 1, 0x300000, UINT64_MAX - 8, 0), -EFAULT);
    assert_true(sys.fatal);
    assert_non_null(strstr(sys.why, "overflows"));
    sys.fatal = 0;
    /* an iovec whose length overflows */
    uint64_t iov[2] = {0x300000, UINT64_MAX};
    memcpy(ram + 0x310000, iov, sizeof iov);
    assert_int_equal(call(SYS_writev, 1, 0x310000, 1, 0), -EFAULT);
    assert_true(sys.fatal);
    sys.fatal = 0;
    assert_int_equal(call(SYS_writev, 1, 0x310000, 5000, 0), -EINVAL); /* > IOV_MAX */
    assert_false(sys.fatal);
}

static void unknown_calls(void **state)
{
    memset(&ring->req, 0, sizeof ring->req);
    ring->req.call = 0x7777;
    assert_int_equal(hc_dispatch(&sys, ring, NULL), -ENOSYS);
    ring->req.call = SNAPVM_CALL_RESERVED;
    assert_int_equal(hc_dispatch(&sys, ring, NULL), -ENOSYS);
    ring->req.call = SNAPVM_CALL_COARSE;
    assert_int_equal(hc_dispatch(&sys, ring, NULL), -EINVAL);
    ring->req.call = SNAPVM_CALL_READLINE;
    assert_int_equal(hc_dispatch(&sys, ring, NULL), -ENOSYS);
    assert_int_equal(call(4242, 0, 0, 0, 0), -ENOSYS);
    assert_int_equal(call(UINT64_MAX, 0, 0, 0, 0), -ENOSYS);
    assert_int_equal(call(SYS_ioctl, 1, 0x5401 + 100, 0x300000, 0), -ENOTTY);
    assert_false(sys.fatal);
    assert_false(sys.exited);
}

static void brk_and_zeroing(void **state)
{
    assert_int_equal(call(SYS_brk, 0, 0, 0, 0), BRK0);
    assert_int_equal(call(SYS_brk, BRK0 + 0x5000, 0, 0, 0), BRK0 + 0x5000);
    memset(ram + BRK0, 0xaa, 0x5000);
    assert_int_equal(call(SYS_brk, BRK0 + 0x1000, 0, 0, 0), BRK0 + 0x1000);
    assert_int_equal(ram[BRK0 + 0x1000], 0); /* given back: zero again */
    assert_int_equal(ram[BRK0 + 0x4fff], 0);
    assert_int_equal(ram[BRK0 + 0xfff], 0xaa);
    assert_int_equal(call(SYS_brk, BRKMAX + 1, 0, 0, 0), BRK0 + 0x1000); /* refused */
}

static void mmap_bookkeeping(void **state)
{
    int64_t a = call(SYS_mmap, 0, 0x20000, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS);
    assert_true(a >= (int64_t)BRKMAX && a + 0x20000 <= (int64_t)HI);
    memset(ram + a, 0x11, 0x20000);
    assert_int_equal(call(SYS_munmap, (uint64_t)a, 0x20000, 0, 0), 0);
    assert_int_equal(ram[a], 0);
    assert_int_equal(ram[a + 0x1ffff], 0);
    int64_t b = call(SYS_mmap, 0, 0x20000, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS);
    assert_int_equal(b, a); /* reused */
    assert_int_equal(call(SYS_mmap, 0, 0x1000, PROT_READ, MAP_PRIVATE), -ENODEV);
    assert_int_equal(call(SYS_mmap, 0, HI, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS), -ENOMEM);
    assert_int_equal(call(SYS_mprotect, (uint64_t)a, 0x1000, PROT_READ, 0), 0);
    assert_int_equal(call(SYS_mprotect, 0x7f0000000000ULL, 0x1000, PROT_READ, 0), -ENOMEM);
    assert_false(sys.fatal); /* mprotect of a wild range is an error, not a fault */
}

/* A large munmap zeroes what the program wrote and leaves the host's
 * residency as it was: written pages stay (no MADV_DONTNEED, which on
 * huge-page RAM would make the next touch fault), untouched ones are not
 * brought in by the zeroing. */
static void large_munmap_zeroes_in_place(void **state)
{
    const uint64_t n = 0x100000;
    int64_t a = call(SYS_mmap, 0, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS);
    assert_true(a > 0);
    memset(ram + a, 0x33, 0x1000);
    memset(ram + a + 0x42000, 0x44, 0x3000);
    memset(ram + a + n - 1, 0x55, 1);
    unsigned char before[0x100], after[0x100];
    assert_int_equal(mincore(ram + a, n, before), 0);
    assert_int_equal(call(SYS_munmap, (uint64_t)a, n, 0, 0), 0);
    assert_int_equal(mincore(ram + a, n, after), 0);
    for (int i = 0; i < 0x100; i++) assert_int_equal(after[i] & 1, before[i] & 1);
    assert_true(after[0] & 1);
    assert_true(after[0x43] & 1);
    for (uint64_t i = 0; i < n; i++)
        if (ram[a + i])
            fail_msg("byte %#lx of the given-back range is %#x", (unsigned long)i, ram[a + i]);
    assert_false(sys.fatal);
}

static void mincore_says_what_is_mapped(void **state)
{
    int64_t a = call(SYS_mmap, 0, 0x3000, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS);
    assert_true(a > 0);
    memset(ram + 0x300000, 0, 4);
    assert_int_equal(call(SYS_mincore, (uint64_t)a, 0x3000, 0x300000, 0), 0);
    assert_memory_equal(ram + 0x300000, "\1\1\1\0", 4);
    assert_int_equal(call(SYS_mincore, (uint64_t)a + 1, 0x1000, 0x300000, 0), -EINVAL);
    assert_int_equal(call(SYS_munmap, (uint64_t)a + 0x1000, 0x1000, 0, 0), 0);
    assert_int_equal(call(SYS_mincore, (uint64_t)a, 0x3000, 0x300000, 0), -ENOMEM);
    assert_int_equal(call(SYS_mincore, (uint64_t)a + 0x2000, 0x1000, 0x300000, 0), 0);
    /* the break is mapped up to its end, not beyond */
    uint64_t brk = (uint64_t)call(SYS_brk, 0, 0, 0, 0);
    assert_int_equal(call(SYS_mincore, brk - 0x1000, 0x1000, 0x300000, 0), 0);
    assert_int_equal(call(SYS_mincore, brk - 0x1000, 0x2000, 0x300000, 0), -ENOMEM);
    assert_int_equal(call(SYS_munmap, (uint64_t)a, 0x3000, 0, 0), 0);
    assert_int_equal(call(SYS_mincore, 0x7f0000000000ULL, 0x1000, 0x300000, 0), -ENOMEM);
    assert_false(sys.fatal);
}

/* setrlimit(RLIMIT_AS) lowers what mmap and brk may take; raising is EPERM */
static void address_space_limit(void **state)
{
    uint64_t lim[2], brk = (uint64_t)call(SYS_brk, 0, 0, 0, 0);
    assert_int_equal(call(SYS_prlimit64, 0, RLIMIT_AS, 0, 0x300000), 0);
    memcpy(lim, ram + 0x300000, 16);
    assert_int_equal(lim[0], HI - LO); /* all guest RAM by default */
    uint64_t stack = sys.stack_size;
    sys.stack_size = 0x10000;
    uint64_t used = (brk - LO) + sys.mmap.in_use + 0x10000; /* image + break, mappings, stack */
    lim[0] = lim[1] = used + 0x8000;
    memcpy(ram + 0x310000, lim, 16);
    assert_int_equal(call(SYS_prlimit64, 0, RLIMIT_AS, 0x310000, 0x300000), 0);
    memcpy(lim, ram + 0x300000, 16); /* the old limit comes back */
    assert_int_equal(lim[0], HI - LO);
    int64_t a = call(SYS_mmap, 0, 0x8000, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS);
    assert_true(a > 0);
    assert_int_equal(call(SYS_mmap, 0, 0x1000, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS), -ENOMEM);
    assert_int_equal(call(SYS_brk, brk + 0x1000, 0, 0, 0), brk); /* refused */
    assert_int_equal(call(SYS_munmap, (uint64_t)a, 0x8000, 0, 0), 0);
    assert_int_equal(call(SYS_brk, brk + 0x1000, 0, 0, 0), brk + 0x1000);
    lim[0] = lim[1] = HI;
    memcpy(ram + 0x310000, lim, 16);
    assert_int_equal(call(SYS_prlimit64, 0, RLIMIT_AS, 0x310000, 0), -EPERM);
    assert_int_equal(call(SYS_prlimit64, 0, RLIMIT_NOFILE, 0x310000, 0), -EPERM);
    lim[0] = 2, lim[1] = 1;
    memcpy(ram + 0x310000, lim, 16);
    assert_int_equal(call(SYS_prlimit64, 0, RLIMIT_AS, 0x310000, 0), -EINVAL);
    assert_false(sys.fatal);
    sys.as_limit = 0, sys.stack_size = stack; /* for the tests after this one */
    call(SYS_brk, brk, 0, 0, 0);
}

static void arch_prctl_action(void **state)
{
    assert_int_equal(call(SYS_arch_prctl, 0x1002, 0x123000, 0, 0), 0);
    assert_int_equal(ring->req.action, SNAPVM_ACT_WRFSBASE);
    assert_int_equal(ring->req.action_arg, 0x123000);
    assert_int_equal(call(SYS_arch_prctl, 0x1003, 0x300000, 0, 0), 0);
    uint64_t fs;
    memcpy(&fs, ram + 0x300000, 8);
    assert_int_equal(fs, 0x123000);
    assert_int_equal(ring->req.action, SNAPVM_ACT_NONE);
    assert_int_equal(call(SYS_arch_prctl, 0x9999, 0, 0, 0), -EINVAL);
}

static void files_and_trace(void **state)
{
    char path[64];
    snprintf(path, sizeof path, "snapvm-sys-test.%d", (int)getpid());
    strcpy((char *)ram + 0x320000, path);
    FILE *tr = tmpfile();
    sys.trace = tr;
    int64_t fd = call(SYS_openat, (uint64_t)AT_FDCWD, 0x320000, O_RDWR | O_CREAT | O_TRUNC, 0600);
    assert_true(fd >= 3 && fd < SYS_MAX_FDS);
    memcpy(ram + 0x330000, "abc", 3);
    assert_int_equal(call(SYS_write, (uint64_t)fd, 0x330000, 3, 0), 3);
    assert_int_equal(call(SYS_lseek, (uint64_t)fd, 0, SEEK_SET, 0), 0);
    assert_int_equal(call(SYS_read, (uint64_t)fd, 0x340000, 16, 0), 3);
    assert_memory_equal(ram + 0x340000, "abc", 3);
    assert_int_equal(call(SYS_fstat, (uint64_t)fd, 0x350000, 0, 0), 0);
    assert_int_equal(call(SYS_close, (uint64_t)fd, 0, 0, 0), 0);
    assert_int_equal(call(SYS_unlink, 0x320000, 0, 0, 0), 0);
    assert_int_equal(call(SYS_unlink, 0x320000, 0, 0, 0), -ENOENT);
    strcpy((char *)ram + 0x360000, "/proc/self/exe");
    sys_set_exe(&sys, "/some/prog");
    assert_int_equal(call(SYS_readlink, 0x360000, 0x370000, 64, 0), 10);
    assert_memory_equal(ram + 0x370000, "/some/prog", 10);
    /* a relative program path is reported absolute, as Linux does (glibc
     * asserts it) */
    char cwd[1024], want_exe[1100];
    assert_non_null(getcwd(cwd, sizeof cwd));
    snprintf(want_exe, sizeof want_exe, "%s/no/such/prog", cwd);
    sys_set_exe(&sys, "no/such/prog");
    int64_t n = call(SYS_readlink, 0x360000, 0x370000, 1024, 0);
    assert_int_equal(n, (int64_t)strlen(want_exe));
    assert_memory_equal(ram + 0x370000, want_exe, (size_t)n);
    assert_int_equal(call(4242, 1, 2, 3, 0), -ENOSYS);
    sys.trace = NULL;
    rewind(tr);
    char line[256], all[2048] = "";
    while (fgets(line, sizeof line, tr)) strncat(all, line, sizeof all - strlen(all) - 1);
    fclose(tr);
    char want[128];
    snprintf(want, sizeof want, "openat(-100, \"%s\", ", path);
    assert_non_null(strstr(all, want));
    assert_non_null(strstr(all, "write(3, 0x330000, 3) = 3\n"));
    assert_non_null(strstr(all, "unlink(\"snapvm-sys-test."));
    assert_non_null(strstr(all, ") = -1 ENOENT (No such file or directory)\n"));
    assert_non_null(
        strstr(all, "syscall_4242(1, 2, 3, 0, 0, 0) = -1 ENOSYS (Function not implemented)\n"));
}

static void exit_and_signal(void **state)
{
    assert_int_equal(call(SYS_exit_group, 300, 0, 0, 0), 0);
    assert_true(sys.exited);
    assert_int_equal(sys.status, 300 & 0xff);
    assert_int_equal(sys.signaled, 0); /* a status above 128 is not a signal */
    sys.exited = 0;
    assert_int_equal(call(SYS_tgkill, (uint64_t)getpid(), (uint64_t)getpid(), 6, 0), 0);
    assert_true(sys.exited);
    assert_int_equal(sys.status, 134);
    assert_int_equal(sys.signaled, 6);
    sys.exited = 0;
    assert_int_equal(call(SYS_kill, 1, 9, 0, 0), -EPERM);
    assert_false(sys.exited);
    assert_true(sys.count[SYS_exit_group] >= 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(write_to_pipe),
        cmocka_unit_test(bad_pointer_ends_guest),
        cmocka_unit_test(overflowing_length),
        cmocka_unit_test(unknown_calls),
        cmocka_unit_test(brk_and_zeroing),
        cmocka_unit_test(mmap_bookkeeping),
        cmocka_unit_test(large_munmap_zeroes_in_place),
        cmocka_unit_test(mincore_says_what_is_mapped),
        cmocka_unit_test(address_space_limit),
        cmocka_unit_test(arch_prctl_action),
        cmocka_unit_test(files_and_trace),
        cmocka_unit_test(exit_and_signal),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
