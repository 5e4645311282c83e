/* plat.h: the platform layer, for programs that run under snapvm or natively.
 *
 * A static library ($(B)/libplat.a) for gcc and clang programs alike.  The
 * backend is found once, from the auxv entry SNAPVM_AT_PLATFORM (absent:
 * native).  Under snapvm the I/O calls go through the request ring without
 * the `syscall` instruction and its trap (DESIGN 1); natively they are
 * plain system calls.  Not thread-safe: snapvm guests have one thread.
 */
#ifndef PLAT_H
#define PLAT_H

#include <stddef.h>

enum plat_backend { PLAT_NATIVE = 0, PLAT_KVM = 1 };

/* plat_backend: where this program runs. */
enum plat_backend plat_backend(void);

/* plat_backend_name: "kvm" or "native" (static string). */
const char *plat_backend_name(void);

/* plat_write / plat_read: write(2) and read(2) on a file descriptor, fast
 * under snapvm.  Return the byte count or -errno (not -1 and errno). */
long plat_write(int fd, const void *buf, size_t n);
long plat_read(int fd, void *buf, size_t n);

/* plat_syscall: any Linux system call by number, with the same request
 * path as plat_write under snapvm (no trap; what the monitor does not serve
 * is -ENOSYS), the syscall instruction natively.  Returns the result or
 * -errno. */
long plat_syscall(long nr, long a0, long a1, long a2, long a3, long a4, long a5);

/* plat_readline shows (prompt) and reads one line into (buf, size) without
 * its newline, NUL-terminated, cut at size-1 bytes.  With a terminal and a
 * host (snapvm, or a launcher that set SNAPVM_HOST_FD): GNU readline with
 * editing and history (~/.snaplog_history).  Otherwise the prompt on
 * stdout and a plain read of stdin.  Returns the length, -1 at end of
 * input, or -errno. */
long plat_readline(const char *prompt, char *buf, size_t size);

/* plat_on_interrupt: from now on an interrupt (SIGINT, Ctrl-C) stores 1 in
 * *word and the program runs on; it polls the word.  Under snapvm the
 * monitor does the store (it delivers no signal handlers); natively a
 * SIGINT handler does (SA_RESTART, so a read in progress goes on).  NULL
 * gives SIGINT its default action back.  Returns 0 or -errno. */
long plat_on_interrupt(volatile int *word);

/* Coarse snapshots of the whole program: memory, registers, and under
 * snapvm the monitor's bookkeeping (brk, mmap).  A stack: TAKE pushes,
 * RESTORE(id) returns to id (which stays, to be restored again) dropping
 * newer ones, DROP(id) forgets id and every newer one.  Files and output
 * already written are not undone; stdio is flushed before a take, so that
 * buffered output is not written twice.
 *   TAKE:    stores the new id in *id; returns 0 when taken, 1 when
 *            resumed by a RESTORE.
 *   RESTORE: *id; does not return on success.
 *   DROP:    *id; returns 0.
 * Errors: -EINVAL (unknown id or op), -ENOSPC (SNAPVM_COARSE_MAX_LIVE live
 * snapshots), -ENOMEM.  Under KVM by dirty logging in the monitor;
 * natively by fork (see docs/snapvm.md for why and what it costs): the
 * first TAKE leaves the original process as a waiter whose exit status is
 * the program's. */
enum plat_coarse_op {
    PLAT_COARSE_TAKE = 1,
    PLAT_COARSE_RESTORE = 2,
    PLAT_COARSE_DROP = 3,
    PLAT_COARSE_GUARD = 4,
};
long plat_coarse_snapshot(enum plat_coarse_op op, long *id);

/* GUARD is a TAKE that is also the crash point: while it is live, a fault
 * of the program (a bad address, a stack overflow, a bad instruction)
 * restores the newest live guard instead of ending the program, and its
 * take returns 2; plat_coarse_fault then tells what the fault was.  Under
 * snapvm the monitor restores it from its own page copies, whatever the
 * program did to its memory; natively the holder process of the snapshot
 * sees its child die of the fault and forks again (a fault handler on an
 * alternate stack records the address first). */
struct plat_fault {
    int sig;            /* SIGSEGV, SIGBUS, SIGFPE, SIGILL or SIGTRAP */
    unsigned long addr; /* the faulting address of a page fault, else 0 */
    unsigned long rip;  /* the faulting instruction */
};
void plat_coarse_fault(struct plat_fault *f);

#endif
