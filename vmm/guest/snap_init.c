/* snap_init.c: start-up of the snapshot runtime, before any instrumented code.
 *
 * Natively, the shadow of the whole 47-bit user address space (2 TiB, one
 * byte per 64-byte line) is reserved, not committed; under snapvm the
 * monitor has mapped it already and guest memory is finite, so nothing is
 * reserved.  Then the globals of instrumented code (the sections .snap_data
 * and .snap_bss that build/snap-cc's linker script gathers) are armed, and
 * the standard streams get persistent buffers: output written once appears
 * once, whatever is restored later.
 */
#include "snap_rt.h"

#include <cpuid.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

struct snap_rt snap_rt;

/* Defined by the linker script build/snap.ld; weak so that a program linked
 * without it (a unit test) simply has no tracked globals. */
extern char __snap_data_start[] __attribute__((weak));
extern char __snap_data_end[] __attribute__((weak));
extern char __snap_bss_start[] __attribute__((weak));
extern char __snap_bss_end[] __attribute__((weak));

/* snap-cc -snap-check links a strong definition = 1 */
extern const int snap_check_default __attribute__((weak));

void snap_die(const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf - 1, fmt, ap);
    va_end(ap);
    if (n < 0) n = 0;
    if (n > (int)sizeof buf - 2) n = sizeof buf - 2;
    buf[n++] = '\n';
    /* straight to the file descriptor: stdio's state may be what broke */
    if (write(2, "snap: ", 6) < 0 || write(2, buf, (size_t)n) < 0) _exit(134);
    abort();
}

/* Raw system calls: the program's mmap and munmap are wrapped (they are
 * undone by restores), the runtime's own mappings are persistent. */
void *snap_sys_mmap(void *at, size_t n, int prot, int flags)
{
    long p = syscall(SYS_mmap, at, n, prot, MAP_PRIVATE | MAP_ANONYMOUS | flags, -1, 0);
    return p < 0 && p > -4096 ? (void *)0 : (void *)p;
}

int snap_sys_munmap(void *p, size_t n) { return (int)syscall(SYS_munmap, p, n); }

static void shadow_reserve(void)
{
    void *want = (void *)SNAP_SHADOW_OFFSET;
    size_t n = (1UL << 47) >> SNAP_SHADOW_SCALE;
    void *p = snap_sys_mmap(want, n, PROT_READ | PROT_WRITE, MAP_NORESERVE | MAP_FIXED_NOREPLACE);
    if (p != want) {
        /* Under valgrind (its client has 128 GiB of address space, the
         * stack at the top) the shadow of what lies below the stack's top
         * is enough: nothing can be mapped above it.  Natively the stack
         * sits near 2^47, so this asks for the same and fails the same. */
        extern void *__libc_stack_end;
        size_t m = ((((uintptr_t)__libc_stack_end >> SNAP_SHADOW_SCALE) + (1UL << 20)) + 4095) & ~4095UL;
        if (m < n) p = snap_sys_mmap(want, m, PROT_READ | PROT_WRITE, MAP_NORESERVE | MAP_FIXED_NOREPLACE);
    }
    if (p != want)
        snap_die("cannot reserve the barrier's shadow (2 TiB at %p): %s", want,
                 p ? "address taken" : "mmap failed (ulimit -v?)");
}

static void streams_persistent(void)
{
    static char in[BUFSIZ], out[BUFSIZ];
    setvbuf(stdin, in, _IOFBF, sizeof in);
    setvbuf(stdout, out, isatty(1) ? _IOLBF : _IOFBF, sizeof out);
}

/* 1 when the stack segments are copied with AVX moves (snap_switch.S): the
 * CPU has AVX and the kernel saves its state (not so under snapvm, whose
 * guest leaves CR4.OSXSAVE clear). */
unsigned char snap_stack_avx;

static int avx_usable(void)
{
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & bit_OSXSAVE) || !(c & bit_AVX)) return 0;
    unsigned lo, hi;
    __asm__("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    return (lo & 6) == 6; /* XMM and YMM state enabled */
}

void snap_init(void)
{
    if (snap_rt.ready) return;
    snap_rt.ready = 1;
    snap_stack_avx = (unsigned char)avx_usable();
    snap_rt.kvm = getauxval(SNAPVM_AT_PLATFORM) != 0;
    if (!snap_rt.kvm) shadow_reserve();
    const char *c = getenv("SNAP_CHECK");
    snap_rt.check = c ? *c == '1' : (&snap_check_default && snap_check_default);
    snap_set_base(0);
    if (__snap_data_start) snap_track(__snap_data_start, (size_t)(__snap_data_end - __snap_data_start));
    if (__snap_bss_start) snap_track(__snap_bss_start, (size_t)(__snap_bss_end - __snap_bss_start));
    streams_persistent();
}

/* Before any constructor, so instrumented constructors find the shadow.
 * The allocator calls snap_init itself: libc may allocate even earlier. */
#ifndef __SANITIZE_ADDRESS__ /* a host unit test in the ASan build: ASan's shadow is there */
__attribute__((section(".preinit_array"), used)) static void (*snap_preinit)(void) = snap_init;
#endif

const char *snap_backend(void)
{
    snap_init();
    return snap_rt.kvm ? "kvm" : "native";
}

int snap_checking(void)
{
    snap_init();
    return snap_rt.check;
}
