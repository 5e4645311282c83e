/* test_vmm_guest: the guest the KVM backend builds, checked without KVM:
 * a software page walk of its page tables (what is mapped, where, with
 * which rights), its IDT gates and TSS; and the syscall shim itself, run
 * natively at its guest address against the real dispatcher, which must
 * preserve every register but rax, rcx and r11. */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cmocka.h>

#include "../../vmm/host/kvm_vcpu.h"
#include "../../vmm/host/kvm_x86_64.h"

#define MEM (256ULL << 20)

static struct kvm_vcpu_state v;

static int setup(void **state)
{
    memset(&v, 0, sizeof v);
    v.ram_size = MEM;
    v.ram =
        mmap(NULL, MEM, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (v.ram == MAP_FAILED) return -1;
    v.prog_end = kvm_layout(MEM, &v.shadow_size);
    kvm_build_guest(&v);
    return 0;
}

static int teardown(void **state)
{
    munmap(v.ram, MEM);
    return 0;
}

/* Walk the 4-level tables for (va): returns the physical address or -1,
 * and the effective W and U rights (AND over the levels). */
static int64_t walk(uint64_t va, int *w, int *u)
{
    uint64_t table = KVM_PML4_GPA, e = 0;
    *w = *u = 1;
    for (int level = 3; level >= 0; level--) {
        memcpy(&e, v.ram + table + 8 * ((va >> (12 + 9 * level)) & 511), 8);
        if (!(e & 1)) return -1;
        *w &= (int)(e >> 1) & 1;
        *u &= (int)(e >> 2) & 1;
        if (level == 1 && (e & 0x80)) return (int64_t)((e & 0xfffffffe00000ULL) | (va & 0x1fffff));
        table = e & 0xffffffffff000ULL;
        if (table >= MEM) return -2;
    }
    return (int64_t)(table | (va & 0xfff));
}

static void page_tables(void **state)
{
    int w, u;
    assert_int_equal(walk(0, &w, &u), -1); /* NULL */
    assert_int_equal(walk(0x8, &w, &u), -1);
    assert_int_equal(walk(KVM_GDT_GPA, &w, &u), KVM_GDT_GPA);
    assert_false(w); /* the monitor's pages: read-only */
    assert_int_equal(walk(SNAPVM_SHIM_GVA + 0x10, &w, &u), SNAPVM_SHIM_GVA + 0x10);
    assert_false(w);
    assert_true(u);
    assert_int_equal(walk(SNAPVM_PLATFORM_GVA, &w, &u), SNAPVM_PLATFORM_GVA);
    assert_false(w);
    assert_int_equal(walk(SNAPVM_RING_GVA + 8, &w, &u), SNAPVM_RING_GVA + 8);
    assert_true(w && u);
    assert_int_equal(walk(SNAPVM_FAULT_GVA, &w, &u), SNAPVM_FAULT_GVA);
    assert_true(w);
    assert_int_equal(walk(SNAPVM_IST_TOP - 8, &w, &u), SNAPVM_IST_TOP - 8);
    assert_int_equal(walk(0x170000, &w, &u), -1); /* unused monitor pages: absent */
    /* program memory: identity, writable, 2 MiB pages */
    assert_int_equal(walk(0x400123, &w, &u), 0x400123);
    assert_true(w && u);
    assert_int_equal(walk(v.prog_end - 1, &w, &u), (int64_t)v.prog_end - 1);
    assert_int_equal(walk(v.prog_end, &w, &u), -1);
    /* the hole under the stack */
    uint64_t guard = v.prog_end - KVM_STACK_SIZE - SNAPVM_HUGE_SIZE;
    assert_int_equal(walk(guard + 100, &w, &u), -1);
    assert_int_equal(walk(guard - 1, &w, &u), (int64_t)guard - 1);
    /* shadow: of address 0 and of the last program byte, in RAM above prog_end */
    int64_t s0 = walk(SNAPVM_SHADOW_OFFSET, &w, &u);
    assert_true(s0 >= (int64_t)v.prog_end && s0 < (int64_t)MEM && w);
    uint64_t last = ((v.prog_end - 1) >> SNAPVM_SHADOW_SCALE) + SNAPVM_SHADOW_OFFSET;
    int64_t sl = walk(last, &w, &u);
    assert_true(sl > s0 && sl < (int64_t)MEM);
    assert_int_equal(sl - s0, (int64_t)(last - SNAPVM_SHADOW_OFFSET));
    /* doorbells: mapped, outside RAM (no memslot: each access exits) */
    assert_int_equal(walk(SNAPVM_MMIO_SERVE, &w, &u), SNAPVM_MMIO_SERVE);
    assert_true(SNAPVM_MMIO_BASE >= MEM);
    assert_int_equal(walk(SNAPVM_MMIO_BASE + SNAPVM_HUGE_SIZE, &w, &u), -1);
}

static void idt_tss_platform(void **state)
{
    for (int vec = 0; vec < 32; vec++) {
        const uint8_t *g = v.ram + KVM_IDT_GPA + 16 * vec;
        uint64_t off = g[0] | (uint64_t)g[1] << 8 | (uint64_t)g[6] << 16 | (uint64_t)g[7] << 24 |
                       (uint64_t)g[8] << 32;
        assert_int_equal(off, SNAPVM_SHIM_GVA + SNAPVM_SHIM_FAULTS + 16 * vec);
        assert_int_equal(g[2] | g[3] << 8, 0x33); /* CPL3 code selector */
        assert_int_equal(g[4], 1);                /* IST1 */
        assert_int_equal(g[5] & 0x8f, 0x8e);      /* present interrupt gate */
        assert_int_equal((g[5] >> 5) & 3, vec == 3 || vec == 4 ? 3 : 0);
    }
    uint64_t ist1;
    memcpy(&ist1, v.ram + KVM_TSS_GPA + 0x24, 8);
    assert_int_equal(ist1, SNAPVM_IST_TOP);
    /* each stub is 16 bytes: the last one still lies inside the shim */
    const struct snapvm_platform *p = (const void *)(v.ram + SNAPVM_PLATFORM_GVA);
    assert_int_equal(p->abi_version, SNAPVM_ABI_VERSION);
    assert_int_equal(p->ring, SNAPVM_RING_GVA);
    assert_int_equal(p->shadow_offset, SNAPVM_SHADOW_OFFSET);
    assert_int_equal(p->prog_end, v.prog_end);
    const struct snapvm_ring *r = (const void *)(v.ram + SNAPVM_RING_GVA);
    assert_true(r->spin > 0);
}

/* The shim, run natively at its guest address.  A host thread plays the
 * poll thread with the real dispatcher. */
static uint8_t *low;
static struct sys_state sys;
static struct gmem gm;
static volatile int stop;

static void *poller(void *arg)
{
    struct snapvm_ring *r = (struct snapvm_ring *)(uintptr_t)SNAPVM_RING_GVA;
    uint64_t last = 0;
    while (!stop) {
        uint64_t seq = __atomic_load_n(&r->req_seq, __ATOMIC_ACQUIRE);
        if (seq != last) {
            last = seq;
            hc_dispatch(&sys, r, NULL);
            __atomic_store_n(&r->resp_seq, seq, __ATOMIC_RELEASE);
        }
    }
    return NULL;
}

struct regs {
    uint64_t rax, rbx, rdx, rsi, rdi, rbp, r8, r9, r10, r12, r13, r14, r15;
};

/* Enter the shim the way `syscall` at CPL3 does on kvm_pvm: rcx = return
 * address, r11 = rflags, rax = number, arguments in rdi rsi rdx r10 r8 r9;
 * jump to LSTAR.  (rdi) = struct regs in, registers after the call out. */
void shim_call(struct regs *io);
__asm__(".text\n"
        ".globl shim_call\n"
        "shim_call:\n\t"
        "push %rbp\n\tpush %rbx\n\tpush %r12\n\tpush %r13\n\tpush %r14\n\tpush %r15\n\t"
        "push %rdi\n\t"
        "mov %rdi, %rax\n\t"
        "mov 8(%rax), %rbx\n\tmov 16(%rax), %rdx\n\tmov 24(%rax), %rsi\n\t"
        "mov 32(%rax), %rdi\n\tmov 40(%rax), %rbp\n\tmov 48(%rax), %r8\n\t"
        "mov 56(%rax), %r9\n\tmov 64(%rax), %r10\n\tmov 72(%rax), %r12\n\t"
        "mov 80(%rax), %r13\n\tmov 88(%rax), %r14\n\tmov 96(%rax), %r15\n\t"
        "mov 0(%rax), %rax\n\t"
        "lea 1f(%rip), %rcx\n\t"
        "pushfq\n\tpop %r11\n\t"
        "push $0x100000\n\t" /* SNAPVM_SHIM_GVA + SNAPVM_SHIM_SYSCALL */
        "ret\n"
        "1:\n\t"
        "xchg %rax, (%rsp)\n\t" /* rax = io; the result on the stack */
        "mov %rbx, 8(%rax)\n\tmov %rdx, 16(%rax)\n\tmov %rsi, 24(%rax)\n\t"
        "mov %rdi, 32(%rax)\n\tmov %rbp, 40(%rax)\n\tmov %r8, 48(%rax)\n\t"
        "mov %r9, 56(%rax)\n\tmov %r10, 64(%rax)\n\tmov %r12, 72(%rax)\n\t"
        "mov %r13, 80(%rax)\n\tmov %r14, 88(%rax)\n\tmov %r15, 96(%rax)\n\t"
        "pop %rcx\n\tmov %rcx, 0(%rax)\n\t"
        "pop %r15\n\tpop %r14\n\tpop %r13\n\tpop %r12\n\tpop %rbx\n\tpop %rbp\n\t"
        "ret\n");

static void shim_roundtrip(void **state)
{
    /* The shim's pages and the ring at their guest addresses, in this process. */
    low = mmap((void *)0x100000, 0x100000, PROT_READ | PROT_WRITE | PROT_EXEC,
               MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    if (low == MAP_FAILED) skip();
    /* Natively the doorbell store is an ordinary store (no exit): the shim
     * then waits for the poller, as after a fallback exit. */
    void *bell = mmap((void *)SNAPVM_MMIO_BASE, 4096, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    if (bell == MAP_FAILED) skip();
    memcpy(low, v.ram + SNAPVM_SHIM_GVA, SNAPVM_SHIM_MAX);
    memcpy(low + (SNAPVM_RING_GVA - 0x100000), v.ram + SNAPVM_RING_GVA, 4096);
    /* getpid and unknown calls touch no guest memory: an empty window. */
    gm = (struct gmem){.host = v.ram, .size = MEM, .lo = 0x300000, .hi = 0x300000};
    assert_int_equal(sys_init(&sys, &gm, 0x300000, 0x300000, 0x300000, 0x300000, NULL), 0);
    pthread_t th;
    pthread_create(&th, NULL, poller, NULL);

    struct regs r = {.rax = SYS_getpid,
                     .rbx = 0xb1,
                     .rdx = 0xd1,
                     .rsi = 0x51,
                     .rdi = 0xd2,
                     .rbp = 0xb2,
                     .r8 = 8,
                     .r9 = 9,
                     .r10 = 10,
                     .r12 = 12,
                     .r13 = 13,
                     .r14 = 14,
                     .r15 = 15};
    shim_call(&r);
    assert_int_equal(r.rax, getpid());
    assert_int_equal(r.rbx, 0xb1);
    assert_int_equal(r.rdx, 0xd1);
    assert_int_equal(r.rsi, 0x51);
    assert_int_equal(r.rdi, 0xd2);
    assert_int_equal(r.rbp, 0xb2);
    assert_int_equal(r.r8, 8);
    assert_int_equal(r.r9, 9);
    assert_int_equal(r.r10, 10);
    assert_int_equal(r.r12 + r.r13 + r.r14 + r.r15, 12 + 13 + 14 + 15);
    /* the arguments reach the host: an unknown call with them */
    struct regs e = {.rax = 4242, .rdi = 1, .rsi = 2, .rdx = 3, .r10 = 4, .r8 = 5, .r9 = 6};
    shim_call(&e);
    assert_int_equal((int64_t)e.rax, -ENOSYS);
    const struct snapvm_ring *ring = (const void *)(uintptr_t)SNAPVM_RING_GVA;
    assert_int_equal(ring->req.u.sys.a[0], 1);
    assert_int_equal(ring->req.u.sys.a[3], 4);
    assert_int_equal(ring->req.u.sys.a[5], 6);
    assert_true(ring->req.u.sys.rip > 0);
    /* arch_prctl(ARCH_SET_FS): the shim's wrfsbase, with this thread's own
     * fs base so that its TLS survives. */
    uint64_t fs = 0;
    assert_int_equal(syscall(SYS_arch_prctl, 0x1003, &fs), 0);
    struct regs f = {.rax = SYS_arch_prctl, .rdi = 0x1002, .rsi = fs};
    shim_call(&f);
    assert_int_equal(f.rax, 0);
    assert_int_equal(sys.fsbase, fs);
    uint64_t after = 0;
    __asm__ volatile("rdfsbase %0" : "=r"(after));
    assert_int_equal(after, fs);
    stop = 1;
    pthread_join(th, NULL);
    sys_fini(&sys);
    munmap(low, 0x100000);
    munmap(bell, 4096);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(page_tables),
        cmocka_unit_test(idt_tss_platform),
        cmocka_unit_test(shim_roundtrip),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
