/* kvm_x86_64.c: the KVM backend: guest construction and the vCPU loop.
 *
 * Guest physical memory is one memslot [0, mem).  Program memory is identity
 * mapped (virtual == physical) in [SNAPVM_LOW_END, prog_end); the barrier
 * shadow of all of it lives in RAM above prog_end and is mapped at the
 * shadow window; the MMIO doorbells are mapped at SNAPVM_MMIO_BASE, where
 * there is no memslot.  Nothing changes a page table after boot.
 */
#define _GNU_SOURCE
#include "kvm_x86_64.h"

#include "coarse_kvm.h"
#include "elf_load.h"
#include "gmem.h"
#include "gstack.h"
#include "hostsvc.h"
#include "kvm_vcpu.h"
#include "snapvm_abi.h"
#include "sys_serve.h"

#include <cpuid.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/kvm.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

/* Monitor pages in the first 2 MiB (4 KiB page table PT0). */
#define PML4_GPA KVM_PML4_GPA
#define PDPT_GPA 0x2000ULL
#define PD_GPA   0x3000ULL /* 4 page directories: 0-4 GiB */
#define PT0_GPA  0x7000ULL
#define GDT_GPA  KVM_GDT_GPA
#define IDT_GPA  KVM_IDT_GPA
#define TSS_GPA  KVM_TSS_GPA

#define PTE_P  1ULL
#define PTE_W  2ULL
#define PTE_U  4ULL
#define PTE_PS 0x80ULL

#define STACK_SIZE KVM_STACK_SIZE

extern const uint8_t kvm_shim_blob[], kvm_shim_blob_end[];

uint64_t kvm_layout(uint64_t mem, uint64_t *shadow_size)
{
    /* Largest 2 MiB multiple p with p + shadow(p) <= mem, where the shadow
     * mapping starts at KVM_SHADOW_VA and must cover up to the shadow of p. */
    uint64_t lead = SNAPVM_SHADOW_OFFSET - KVM_SHADOW_VA;
    for (uint64_t p = mem & ~(SNAPVM_HUGE_SIZE - 1); p > SNAPVM_LOW_END + 4 * SNAPVM_HUGE_SIZE;
         p -= SNAPVM_HUGE_SIZE) {
        uint64_t s =
            (lead + (p >> SNAPVM_SHADOW_SCALE) + SNAPVM_HUGE_SIZE - 1) & ~(SNAPVM_HUGE_SIZE - 1);
        if (p + s <= mem && p <= KVM_SHADOW_VA) {
            *shadow_size = s;
            return p;
        }
    }
    return 0;
}

static void page_tables(struct kvm_vcpu_state *v)
{
    uint8_t *m = v->ram;
    uint64_t *pml4 = (uint64_t *)(m + PML4_GPA), *pdpt = (uint64_t *)(m + PDPT_GPA);
    uint64_t *pt0 = (uint64_t *)(m + PT0_GPA);
    pml4[0] = PDPT_GPA | PTE_P | PTE_W | PTE_U;
    for (int g = 0; g < 4; g++) pdpt[g] = (PD_GPA + 0x1000ULL * g) | PTE_P | PTE_W | PTE_U;
    uint64_t *pd = (uint64_t *)(m + PD_GPA); /* 2048 entries: 0-4 GiB contiguous */
    pd[0] = PT0_GPA | PTE_P | PTE_W | PTE_U;

    /* First 2 MiB, 4 KiB pages: monitor pages read-only, ring and IST
     * stack writable, everything else (page 0 included) absent. */
    for (uint64_t a = 0x1000; a < SNAPVM_LOW_END; a += 0x1000) {
        uint64_t e = 0;
        if (a < 0x10000 || (a >= SNAPVM_SHIM_GVA && a < SNAPVM_SHIM_GVA + SNAPVM_SHIM_MAX) ||
            a == SNAPVM_PLATFORM_GVA)
            e = a | PTE_P | PTE_U;
        else if (a == SNAPVM_RING_GVA || (a >= SNAPVM_IST_LOW && a < SNAPVM_LOW_END))
            e = a | PTE_P | PTE_W | PTE_U;
        pt0[a >> 12] = e;
    }
    /* Program memory, 2 MiB pages, but for the hole below the stack that
     * turns a stack overflow into a page fault. */
    uint64_t guard = v->prog_end - STACK_SIZE - SNAPVM_HUGE_SIZE;
    for (uint64_t a = SNAPVM_LOW_END; a < v->prog_end; a += SNAPVM_HUGE_SIZE)
        if (a != guard) pd[a >> 21] = a | PTE_P | PTE_W | PTE_U | PTE_PS;
    /* The shadow window, backed by RAM above prog_end. */
    for (uint64_t off = 0; off < v->shadow_size; off += SNAPVM_HUGE_SIZE)
        pd[(KVM_SHADOW_VA + off) >> 21] = (v->prog_end + off) | PTE_P | PTE_W | PTE_U | PTE_PS;
    /* The doorbells: mapped, no memslot behind them. */
    pd[SNAPVM_MMIO_BASE >> 21] = SNAPVM_MMIO_BASE | PTE_P | PTE_W | PTE_U | PTE_PS;
}

static void set_gate(uint8_t *idt, int vec, uint64_t h)
{
    /* Gate DPL is checked only for software interrupts: int3 and into must
     * reach their stubs (DPL3), not turn into #GP. */
    int dpl = vec == 3 || vec == 4 ? 3 : 0;
    uint8_t *g = idt + 16 * vec;
    memset(g, 0, 16);
    g[0] = h & 0xff, g[1] = (h >> 8) & 0xff;
    g[2] = 0x33, g[3] = 0;             /* DPL3 code selector: no privilege change */
    g[4] = 1;                          /* IST1 */
    g[5] = (uint8_t)(0x8e | dpl << 5); /* present, 64-bit interrupt gate */
    g[6] = (h >> 16) & 0xff, g[7] = (h >> 24) & 0xff;
    for (int i = 0; i < 4; i++) g[8 + i] = (h >> (32 + 8 * i)) & 0xff;
}

static void descriptors(struct kvm_vcpu_state *v)
{
    uint64_t *gdt = (uint64_t *)(v->ram + GDT_GPA);
    gdt[2] = 0x00af9b000000ffffULL; /* 0x10 kernel code 64 (syscall on VT-x) */
    gdt[3] = 0x00cf93000000ffffULL; /* 0x18 kernel data */
    gdt[4] = 0x00cffb000000ffffULL; /* 0x23 user code 32 (sysret base) */
    gdt[5] = 0x00cff3000000ffffULL; /* 0x2b user data */
    gdt[6] = 0x00affb000000ffffULL; /* 0x33 user code 64 */
    uint64_t tss = TSS_GPA, lim = 0x67;
    gdt[8] = 0x0000890000000000ULL | lim | ((tss & 0xffffff) << 16) | ((tss >> 24 & 0xff) << 56);
    gdt[9] = tss >> 32;
    uint8_t *t = v->ram + TSS_GPA;
    uint64_t ist = SNAPVM_IST_TOP;
    memcpy(t + 0x24, &ist, 8); /* IST1 */
    uint16_t iomap = 0x68;     /* no I/O bitmap: every port faults */
    memcpy(t + 0x66, &iomap, 2);
    for (int vec = 0; vec < 32; vec++)
        set_gate(v->ram + IDT_GPA, vec, SNAPVM_SHIM_GVA + SNAPVM_SHIM_FAULTS + 16 * vec);
}

static void seg(struct kvm_segment *s, uint16_t sel, uint8_t type, int l, int db, int dpl)
{
    memset(s, 0, sizeof *s);
    s->selector = sel, s->limit = 0xffffffff, s->type = type, s->present = 1;
    s->dpl = (uint8_t)dpl, s->db = (uint8_t)db, s->s = 1, s->l = (uint8_t)l, s->g = 1;
}

/* Long mode, paging on, CPL3 at (rip, rsp); LSTAR at the shim. */
static int enter_cpl3(struct kvm_vcpu_state *v, uint64_t rip, uint64_t rsp)
{
    struct kvm_sregs s;
    if (ioctl(v->vcpu, KVM_GET_SREGS, &s) < 0) return kvm_fail(v, "KVM_GET_SREGS");
    seg(&s.cs, 0x33, 0xb, 1, 0, 3);
    seg(&s.ss, 0x2b, 0x3, 0, 1, 3);
    s.ds = s.es = s.fs = s.gs = s.ss;
    memset(&s.ldt, 0, sizeof s.ldt);
    s.ldt.type = 2, s.ldt.unusable = 1;
    memset(&s.tr, 0, sizeof s.tr);
    s.tr.selector = 0x40, s.tr.base = TSS_GPA, s.tr.limit = 0x67, s.tr.type = 11, s.tr.present = 1;
    s.gdt.base = GDT_GPA, s.gdt.limit = 10 * 8 - 1;
    s.idt.base = IDT_GPA, s.idt.limit = 32 * 16 - 1;
    s.cr0 = 0x80050033ULL; /* PG AM WP NE ET MP PE */
    s.cr3 = PML4_GPA;
    s.efer = 0xd01; /* NXE LMA LME SCE */
    /* PAE OSFXSR OSXMMEXCPT, and FSGSBASE so that the shim's wrfsbase works
     * at CPL3 on VT-x/SVM too (kvm_pvm does not enforce it; refuse it if the
     * vCPU's CPUID lacks it). */
    s.cr4 = (1 << 5) | (1 << 9) | (1 << 10) | (1 << 16);
    if (ioctl(v->vcpu, KVM_SET_SREGS, &s) < 0) {
        s.cr4 &= ~(1ULL << 16);
        if (ioctl(v->vcpu, KVM_SET_SREGS, &s) < 0) return kvm_fail(v, "KVM_SET_SREGS");
    }
    struct {
        struct kvm_msrs h;
        struct kvm_msr_entry e[3];
    } m;
    memset(&m, 0, sizeof m);
    m.h.nmsrs = 3;
    m.e[0].index = 0xc0000081; /* STAR: syscall CS 0x10, sysret base 0x23 */
    m.e[0].data = (0x10ULL << 32) | (0x23ULL << 48);
    m.e[1].index = 0xc0000082; /* LSTAR */
    m.e[1].data = SNAPVM_SHIM_GVA + SNAPVM_SHIM_SYSCALL;
    m.e[2].index = 0xc0000084; /* FMASK: keep the caller's flags */
    m.e[2].data = 0;
    if (ioctl(v->vcpu, KVM_SET_MSRS, &m) != 3)
        return kvm_fail(v, "KVM_SET_MSRS (STAR, LSTAR, FMASK)");
    struct kvm_regs r;
    memset(&r, 0, sizeof r);
    r.rip = rip, r.rsp = rsp, r.rflags = 0x202;
    if (ioctl(v->vcpu, KVM_SET_REGS, &r) < 0) return kvm_fail(v, "KVM_SET_REGS");
    return 0;
}

static int load_program(struct kvm_vcpu_state *v, char *const argv[], char *const envp[],
                        struct sys_state *sys)
{
    int fd = open(argv[0], O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) < 0) {
        fprintf(stderr, "snapvm: %s: %s\n", argv[0], strerror(errno));
        return VM_EXIT_NOTFOUND;
    }
    uint8_t *buf =
        st.st_size ? mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0) : MAP_FAILED;
    close(fd);
    struct elf_image img;
    char err[200] = "empty file";
    uint64_t stack_lo = v->prog_end - STACK_SIZE, guard = stack_lo - SNAPVM_HUGE_SIZE;
    if (buf == MAP_FAILED || elf_parse(buf, (size_t)st.st_size, SNAPVM_LOW_END, guard, 0x400000,
                                       &img, err, sizeof err)) {
        fprintf(stderr, "snapvm: %s: %s\n", argv[0], err);
        if (buf != MAP_FAILED) munmap(buf, (size_t)st.st_size);
        return VM_EXIT_NOEXEC;
    }
    elf_copy(&img, buf, v->ram);
    munmap(buf, (size_t)st.st_size);

    /* brk takes a quarter of what lies between the program and the stack
     * guard, mmap the rest (2 MiB aligned, so the two never share a page):
     * glibc's malloc moves on to mmap when the break is full, while the
     * snapshot runtime's allocator and the engine's heap use mmap only. */
    uint64_t brk0 = img.hi, mid = (brk0 + (guard - brk0) / 4) & ~(SNAPVM_HUGE_SIZE - 1);
    if (mid <= brk0) mid = brk0;
    int rc = sys_init(sys, &v->mem, brk0, mid, mid, guard, v->opts->sandbox);
    if (rc) {
        fprintf(stderr, "snapvm: --sandbox %s: %s\n", v->opts->sandbox, strerror(-rc));
        return VM_EXIT_USAGE;
    }
    sys_set_exe(sys, argv[0]);
    sys->stack_size = STACK_SIZE;

    struct gstack_info info = {
        .phdr = img.phdr,
        .phent = img.phent,
        .phnum = img.phnum,
        .entry = img.entry,
        .platform = SNAPVM_PLATFORM_GVA,
        .execfn = argv[0],
    };
    unsigned a, b, c, d;
    if (__get_cpuid(1, &a, &b, &c, &d)) info.hwcap = d;
    if (getrandom(info.random, sizeof info.random, 0) != sizeof info.random)
        memset(info.random, 0x5a, sizeof info.random);
    uint64_t sp;
    if (gstack_build(v->ram + stack_lo, stack_lo, v->prog_end, argv, envp, &info, &sp)) {
        fprintf(stderr, "snapvm: %s: arguments and environment do not fit the stack\n", argv[0]);
        return VM_EXIT_USAGE;
    }
    v->entry = img.entry;
    v->sp = sp;
    return 0;
}

static void platform_page(struct kvm_vcpu_state *v)
{
    struct snapvm_platform *p = (struct snapvm_platform *)(v->ram + SNAPVM_PLATFORM_GVA);
    p->abi_version = SNAPVM_ABI_VERSION;
    p->ring = SNAPVM_RING_GVA;
    p->mmio_serve = SNAPVM_MMIO_SERVE;
    p->shadow_offset = SNAPVM_SHADOW_OFFSET;
    p->shadow_scale = SNAPVM_SHADOW_SCALE;
    p->mem_size = v->ram_size;
    p->prog_end = v->prog_end;
    struct snapvm_ring *ring = (struct snapvm_ring *)(v->ram + SNAPVM_RING_GVA);
    ring->spin = 200; /* pause iterations, about 12 us: then the MMIO exit */
}

void kvm_build_guest(struct kvm_vcpu_state *v)
{
    memcpy(v->ram + SNAPVM_SHIM_GVA, kvm_shim_blob, (size_t)(kvm_shim_blob_end - kvm_shim_blob));
    page_tables(v);
    descriptors(v);
    platform_page(v);
}

int kvm_run_program(const struct vm_opts *o, char *const argv[], char *const envp[])
{
    struct kvm_vcpu_state v;
    struct sys_state sys;
    int status;
    if (o->mem < VM_MIN_MEM || o->mem > VM_MAX_MEM) {
        fprintf(stderr, "snapvm: --mem must be between %llu MiB and %llu MiB\n", VM_MIN_MEM >> 20,
                VM_MAX_MEM >> 20);
        return VM_EXIT_USAGE;
    }
    memset(&sys, 0, sizeof sys);
    if (kvm_vcpu_open(&v, o)) {
        kvm_vcpu_close(&v);
        return VM_EXIT_INTERNAL;
    }
    v.prog_end = kvm_layout(o->mem, &v.shadow_size);
    v.mem =
        (struct gmem){.host = v.ram, .size = v.ram_size, .lo = SNAPVM_LOW_END, .hi = v.prog_end};
    kvm_build_guest(&v);
    status = load_program(&v, argv, envp, &sys);
    if (status == 0 && enter_cpl3(&v, v.entry, v.sp)) status = VM_EXIT_INTERNAL;
    if (status == 0) {
        sys.trace = o->trace_syscalls ? stderr : NULL;
        status = kvm_vcpu_loop(&v, &sys);
    }
    if (o->stats) kvm_vcpu_stats(&v, &sys);
    sys_fini(&sys);
    kvm_vcpu_close(&v);
    return status;
}
