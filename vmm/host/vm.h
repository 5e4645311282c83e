/* vm.h: run a static x86-64 Linux program under snapvm (the monitor library).
 *
 * The one entry point for the `snapvm` command and the `snaplog` launcher:
 * vm_run() picks KVM when /dev/kvm is usable (else runs the program as a
 * plain process, saying why on one line of stderr), serves the program's
 * host requests (system calls under KVM; readline on both backends), and
 * returns the program's exit status the way a shell reports it.
 */
#ifndef VM_H
#define VM_H

#include <stdint.h>
#include <stdio.h>

enum vm_backend { VM_AUTO = 0, VM_KVM, VM_NATIVE };

struct vm_opts {
    enum vm_backend backend; /* VM_AUTO: KVM if usable, else native with a note */
    uint64_t mem;            /* guest RAM in bytes (KVM); 0: VM_DEFAULT_MEM */
    const char *sandbox;     /* confine file access to this directory (KVM), or NULL */
    int trace_syscalls;      /* strace-like lines on stderr */
    int stats;               /* exits, system calls by path, times, at the end */
    const char *name;        /* the program's name in messages; NULL: argv[0] */
    const char *tool;        /* who speaks in the monitor's own messages; NULL: "snapvm" */
    int quiet;               /* no note when VM_AUTO falls back to native */
};

#define VM_DEFAULT_MEM (1ULL << 30)
#define VM_MIN_MEM     (32ULL << 20)
#define VM_MAX_MEM     (2ULL << 30)

/* Exit statuses of vm_run besides the program's own (0-255, 128+signal): */
#define VM_EXIT_USAGE     2   /* bad options */
#define VM_EXIT_INTERNAL  70  /* a fault in the shim, a triple fault, a monitor failure */
#define VM_EXIT_NOEXEC    126 /* not a static x86-64 executable */
#define VM_EXIT_NOTFOUND  127 /* no such program */
#define VM_EXIT_INTERRUPT 130 /* Ctrl-C */

/* vm_run runs argv[0] (a path) with (argv, envp) under (o).  Blocks until
 * the program ends; returns its exit status, 128+signal for a fault or a
 * fatal signal (after one line "snapvm: NAME: segmentation fault at ADDR
 * (rip ADDR)" or the like on stderr), or one of the VM_EXIT_ codes.  Not
 * reentrant: one program at a time per process (it owns SIGINT while it
 * runs). */
int vm_run(const struct vm_opts *o, char *const argv[], char *const envp[]);

/* vm_kvm_unusable returns NULL when /dev/kvm can be opened read-write, else
 * the reason in words ("/dev/kvm: no such device").  Static string. */
const char *vm_kvm_unusable(void);

/* vm_report_signal prints the message for program (name) ended by (sig):
 * with (have_addr) the faulting address, with (rip) != 0 the instruction.
 * Used by both backends so that they say the same thing. */
void vm_report_signal(const char *name, int sig, int have_addr, uint64_t addr, uint64_t rip);

#endif
