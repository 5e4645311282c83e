/* snapvm_abi.h: the hypercall ABI between the snapvm monitor and its guest.
 *
 * Plain C99, included by both sides (host monitor vmm/host, guest platform
 * layer vmm/guest) and by the assembly shim (only the #defines are visible
 * there: define SNAPVM_ABI_ASM before including).  Bump SNAPVM_ABI_VERSION on
 * any incompatible change; the guest checks it in the platform struct.
 *
 * Layout (identity mapped: guest virtual == guest physical below
 * SNAPVM_LOW_END and in program memory; only the shadow window differs):
 *
 *   0x000000  not mapped (NULL)
 *   0x001000  page tables, GDT, IDT, TSS            read-only to the guest
 *   0x100000  shim code (syscall entry, fault stubs) read-only, executable
 *   0x180000  platform struct (struct snapvm_platform) read-only
 *   0x181000  request ring (struct snapvm_ring)      read-write
 *   0x190000  IST stack for the fault stubs, fault record at its top
 *   0x200000  program memory: ELF, brk, mmap area, stack, up to mem_end
 *   SNAPVM_SHADOW_OFFSET + addr/64: the barrier shadow, zeroed, pre-mapped
 *   SNAPVM_MMIO_BASE: doorbells (mapped in the page tables, no memslot)
 *
 * Every guest pointer in a request is a uint64_t: the host can only reach
 * guest memory through its one checking function.
 */
#ifndef SNAPVM_ABI_H
#define SNAPVM_ABI_H

#define SNAPVM_ABI_VERSION 1

/* auxv entry whose value is the guest address of the platform struct
 * (BRIEF decision 2); absent (getauxval returns 0) means native. */
#define SNAPVM_AT_PLATFORM 0x534e5650

/* shadow(addr) = (addr >> SNAPVM_SHADOW_SCALE) + SNAPVM_SHADOW_OFFSET */
#define SNAPVM_SHADOW_OFFSET 0x7fff8000ULL
#define SNAPVM_SHADOW_SCALE  6

#define SNAPVM_PAGE_SIZE    0x1000ULL
#define SNAPVM_HUGE_SIZE    0x200000ULL
#define SNAPVM_LOW_END      0x200000ULL /* end of the monitor's area */
#define SNAPVM_SHIM_GVA     0x100000ULL /* shim code, SNAPVM_SHIM_MAX bytes */
#define SNAPVM_SHIM_MAX     0x10000ULL
#define SNAPVM_PLATFORM_GVA 0x180000ULL /* struct snapvm_platform */
#define SNAPVM_RING_GVA     0x181000ULL /* struct snapvm_ring, one page */
#define SNAPVM_IST_LOW      0x190000ULL /* fault stub stack: [IST_LOW, IST_TOP) */
#define SNAPVM_IST_TOP      0x1ff000ULL
#define SNAPVM_FAULT_GVA    0x1ff000ULL /* struct snapvm_fault, written by the stubs */

/* Shim entry points: fixed offsets from SNAPVM_SHIM_GVA (shim_x86_64.S). */
#define SNAPVM_SHIM_SYSCALL 0x000 /* LSTAR */
#define SNAPVM_SHIM_FAULTS  0x100 /* 32 stubs of 16 bytes, one per vector */

/* Doorbells: an access at CPL3 to these guest addresses is a KVM_EXIT_MMIO. */
#define SNAPVM_MMIO_BASE  0xc0000000ULL
#define SNAPVM_MMIO_SERVE (SNAPVM_MMIO_BASE + 0x00) /* serve the ring's request now */
#define SNAPVM_MMIO_FAULT (SNAPVM_MMIO_BASE + 0x40) /* the fault record is filled */

/* Ring field offsets, for the assembly shim (checked against the structs
 * with static assertions below). */
#define SNAPVM_RING_REQ_SEQ    0x00
#define SNAPVM_RING_RESP_SEQ   0x40
#define SNAPVM_RING_SPIN       0x80
#define SNAPVM_RING_CALL       0xc0
#define SNAPVM_RING_RET        0xc8
#define SNAPVM_RING_ACTION     0xd0
#define SNAPVM_RING_ACTION_ARG 0xd8
#define SNAPVM_RING_ARGS       0xe0 /* struct snapvm_syscall: nr, a[6], rip */

/* Ring actions the shim performs at CPL3 after an answer (no exit needed). */
#define SNAPVM_ACT_NONE     0
#define SNAPVM_ACT_WRFSBASE 1 /* arch_prctl(ARCH_SET_FS, action_arg) */

/* Coarse snapshot operations (struct snapvm_coarse.op). */
#define SNAPVM_COARSE_TAKE     1
#define SNAPVM_COARSE_RESTORE  2
#define SNAPVM_COARSE_DROP     3
#define SNAPVM_COARSE_GUARD    4 /* a TAKE that is also the crash point */
#define SNAPVM_COARSE_MAX_LIVE 64 /* live snapshots at once */

#ifndef SNAPVM_ABI_ASM
#include <stdint.h>

/* Calls.  0 is reserved so that a zeroed ring is never a valid request. */
enum snapvm_call {
    SNAPVM_CALL_RESERVED = 0,
    SNAPVM_CALL_SYSCALL,  /* struct snapvm_syscall */
    SNAPVM_CALL_READLINE, /* struct snapvm_readline */
    SNAPVM_CALL_COARSE,   /* struct snapvm_coarse; only through SNAPVM_MMIO_SERVE */
    SNAPVM_CALL_INTERRUPT, /* struct snapvm_interrupt */
    SNAPVM_CALL_MAX
};

/* A Linux system call, as the syscall instruction passes it. */
struct snapvm_syscall {
    uint64_t nr;   /* IN: system call number */
    uint64_t a[6]; /* IN: rdi rsi rdx r10 r8 r9 */
    uint64_t rip;  /* IN: return address (rcx), for traces and reports */
};

/* Line input with editing and history, served by GNU readline on the host. */
struct snapvm_readline {
    uint64_t prompt;     /* IN: guest address of the prompt bytes */
    uint64_t prompt_len; /* IN: bytes, at most SNAPVM_READLINE_MAX */
    uint64_t buf;        /* IN: guest address of the line buffer */
    uint64_t size;       /* IN: its size; the line (no newline) is NUL-terminated */
    /* OUT (in the request's ret): line length, 0 at end of input with
     * flags bit 0 set, or -errno; a line longer than size-1 is cut. */
    uint64_t flags; /* OUT: bit 0: end of input */
};
#define SNAPVM_READLINE_MAX 4096

/* A coarse snapshot of the whole guest (memory, registers, monitor state). */
struct snapvm_coarse {
    uint64_t op; /* IN: SNAPVM_COARSE_TAKE / RESTORE / DROP / GUARD */
    uint64_t id; /* IN for RESTORE and DROP; OUT for TAKE and GUARD */
    /* OUT (ret): TAKE: 0 when taken, 1 when resumed by a RESTORE;
     * RESTORE: does not return on success; all: -errno on error
     * (EINVAL unknown id, ENOSPC too many live snapshots).
     * GUARD is a TAKE that is also the crash point: while it is live, a
     * fault of the program (what would end it with SIGSEGV, SIGBUS,
     * SIGFPE, SIGILL or SIGTRAP) restores the newest live guard instead,
     * and its take returns 2 with the fault below. */
    uint64_t sig;  /* OUT, ret 2: the signal the fault would have raised */
    uint64_t addr; /* OUT, ret 2: the faulting address (page faults), else 0 */
    uint64_t rip;  /* OUT, ret 2: the faulting instruction */
};

/* SIGINT as a flag: from this call on, an interrupt of the monitor (Ctrl-C)
 * stores 1 in the guest's 32-bit word at (word) and the guest runs on,
 * instead of ending it.  0 unregisters.  (The monitor delivers no signal
 * handlers; a program that wants Ctrl-C polls its word.) */
struct snapvm_interrupt {
    uint64_t word; /* IN: guest address of an int, 4-byte aligned, or 0 */
};

/* One request; in the ring, and (with payload instead of guest pointers,
 * see snapvm_msg) on the native host socket. */
struct snapvm_request {
    uint32_t call; /* IN: enum snapvm_call */
    uint32_t pad;
    int64_t ret;         /* OUT: result, -errno on error */
    uint64_t action;     /* OUT: SNAPVM_ACT_* for the shim */
    uint64_t action_arg; /* OUT */
    union {
        struct snapvm_syscall sys;
        struct snapvm_readline rl;
        struct snapvm_coarse coarse;
        struct snapvm_interrupt intr;
    } u;
};

/* The request ring: one slot (one vCPU, one request in flight), the guest's
 * sequence and the host's answer on separate cache lines. */
struct snapvm_ring {
    volatile uint64_t req_seq; /* guest: ++ after filling req */
    uint64_t pad0[7];
    volatile uint64_t resp_seq; /* host: = req_seq when req is answered */
    uint64_t pad1[7];
    volatile uint64_t spin; /* host: pause iterations before the MMIO fallback */
    uint64_t pad2[7];
    struct snapvm_request req;
};

/* Read-only description of the platform, found through SNAPVM_AT_PLATFORM. */
struct snapvm_platform {
    uint32_t abi_version; /* SNAPVM_ABI_VERSION */
    uint32_t flags;
    uint64_t ring;          /* guest address of struct snapvm_ring */
    uint64_t mmio_serve;    /* SNAPVM_MMIO_SERVE */
    uint64_t shadow_offset; /* SNAPVM_SHADOW_OFFSET; shadow already mapped, zeroed */
    uint64_t shadow_scale;  /* SNAPVM_SHADOW_SCALE */
    uint64_t mem_size;      /* guest RAM, bytes */
    uint64_t prog_end;      /* program memory is [SNAPVM_LOW_END, prog_end) */
};

/* Written by a fault stub before its SNAPVM_MMIO_FAULT exit. */
struct snapvm_fault {
    uint64_t vector, error, rip, cs, rflags, rsp;
};

/* Native transport (BRIEF decision 7): on the socket named by env
 * SNAPVM_HOST_FD each message is a struct snapvm_msg followed by len bytes
 * of payload; a request's guest pointers are replaced by offsets into the
 * payload, and the answer carries the output bytes as its payload. */
struct snapvm_msg {
    struct snapvm_request req;
    uint64_t len; /* payload bytes that follow, at most SNAPVM_READLINE_MAX */
};

#if defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
_Static_assert(__builtin_offsetof(struct snapvm_ring, resp_seq) == SNAPVM_RING_RESP_SEQ, "ring");
_Static_assert(__builtin_offsetof(struct snapvm_ring, spin) == SNAPVM_RING_SPIN, "ring");
_Static_assert(__builtin_offsetof(struct snapvm_ring, req.call) == SNAPVM_RING_CALL, "ring");
_Static_assert(__builtin_offsetof(struct snapvm_ring, req.ret) == SNAPVM_RING_RET, "ring");
_Static_assert(__builtin_offsetof(struct snapvm_ring, req.action) == SNAPVM_RING_ACTION, "ring");
_Static_assert(__builtin_offsetof(struct snapvm_ring, req.action_arg) == SNAPVM_RING_ACTION_ARG,
               "ring");
_Static_assert(__builtin_offsetof(struct snapvm_ring, req.u.sys) == SNAPVM_RING_ARGS, "ring");
_Static_assert(sizeof(struct snapvm_ring) <= 4096, "ring fits a page");
#endif

#endif /* !SNAPVM_ABI_ASM */
#endif
