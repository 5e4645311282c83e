/* sys_serve.h: the guest's Linux system calls, served by the monitor.
 *
 * Pure host code over guest memory (struct gmem): no KVM here, so the unit
 * tests and the fuzzer drive it directly.  The set is what static glibc
 * needs (see docs/snapvm.md); everything else is -ENOSYS.  A bad guest
 * address ends the guest (sys->fatal) with the check's file:line; a bad
 * request (unknown fd, bad flags, bad length) only returns -errno.
 */
#ifndef SYS_SERVE_H
#define SYS_SERVE_H

#include "gmem.h"
#include "mmap_book.h"
#include "sandbox.h"
#include "snapvm_abi.h"

#include <stdint.h>
#include <stdio.h>

#define SYS_MAX_FDS 256
#define SYS_NR_MAX  512 /* counters per call number below this */

struct sys_state {
    struct gmem *mem;
    struct mmap_book mmap; /* anonymous mmap bookkeeping */
    uint64_t brk_start, brk_cur, brk_max;
    uint64_t stack_size; /* for prlimit64(RLIMIT_STACK) */
    uint64_t as_limit;   /* RLIMIT_AS the program set for itself (0: none) */
    struct sandbox sandbox;
    int fds[SYS_MAX_FDS]; /* guest fd -> host fd, -1 when closed */
    char exe[4096];       /* the program's absolute path, for /proc/self/exe */
    FILE *trace;          /* --trace-syscalls: lines go here, or NULL */
    /* results */
    int exited;   /* exit_group (or a fatal signal) ended the guest */
    int status;   /* its exit status, 128+signal for a signal */
    int signaled; /* the signal that ended it (kill/tgkill of itself), or 0 */
    int fatal;    /* a bad address: the guest is ended with why */
    char why[256];
    uint64_t fsbase;                   /* ARCH_SET_FS value */
    uint64_t intr_word;                /* SNAPVM_CALL_INTERRUPT: where SIGINT goes, or 0 */
    volatile int stopping;             /* the monitor is ending the guest: reads end too */
    uint64_t count[SYS_NR_MAX], other; /* --stats */
};

/* sys_init prepares (s) for a guest whose program memory is described by
 * (mem): brk grows in [brk_start, brk_max), mmap lives in [mmap_lo,
 * mmap_hi).  Guest fds 0-2 are the host's.  (sandbox_dir) may be NULL.
 * Returns 0 or -errno (sandbox directory unusable). */
int sys_init(struct sys_state *s, struct gmem *mem, uint64_t brk_start, uint64_t brk_max,
             uint64_t mmap_lo, uint64_t mmap_hi, const char *sandbox_dir);
void sys_fini(struct sys_state *s);

/* sys_set_exe records (path), made absolute as Linux reports it (glibc's
 * $ORIGIN lookup asserts a leading '/'), for readlink("/proc/self/exe"). */
void sys_set_exe(struct sys_state *s, const char *path);

/* sys_serve performs (req), a copy the caller made once from guest memory,
 * and returns the result (-errno on error).  (action, action_arg) receive
 * what the shim must do at CPL3 before returning (SNAPVM_ACT_*). */
int64_t sys_serve(struct sys_state *s, const struct snapvm_syscall *req, uint64_t *action,
                  uint64_t *action_arg);

/* sys_print_counts prints the --stats line of system calls by name. */
void sys_print_counts(const struct sys_state *s, FILE *out);

/* hc_dispatch serves the request in (ring) (host address of the guest's
 * ring page): copies it once, checks the call number and size, serves it
 * and writes ret and action back.  SNAPVM_CALL_COARSE is refused here with
 * -EINVAL (the vCPU thread serves it); an unknown call gets -ENOSYS.
 * (readline) serves SNAPVM_CALL_READLINE, or NULL (-ENOSYS). */
typedef int64_t sys_readline_fn(struct sys_state *s, const struct snapvm_readline *rl,
                                uint64_t *flags);
int64_t hc_dispatch(struct sys_state *s, struct snapvm_ring *ring, sys_readline_fn *readline);

#endif
