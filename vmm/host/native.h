/* native.h: the native backend: the same static ELF as a plain process.
 *
 * The program is forked and executed with a socketpair whose child end is
 * named by env SNAPVM_HOST_FD, over which the host services (readline) are
 * served as under KVM.  It is traced with ptrace only to report faults as
 * the KVM backend does (address and rip) and, with --trace-syscalls, to
 * print its system calls; nothing else slows it down.  Its fork-based
 * coarse snapshots (vmm/guest/plat.c) keep the first process as the one
 * whose exit status counts.
 */
#ifndef NATIVE_H
#define NATIVE_H

#include "vm.h"

/* native_run_program runs (argv, envp) natively under (o); returns the exit
 * status as vm_run does.  (o->sandbox) is refused: only KVM confines. */
int native_run_program(const struct vm_opts *o, char *const argv[], char *const envp[]);

#endif
