/* gstack.h: the initial stack Linux gives a new process, built for a guest.
 *
 * Layout from the stack pointer up (System V x86-64 ABI, 3.4.1): argc,
 * argv[] and NULL, envp[] and NULL, auxv pairs ending in AT_NULL, then the
 * strings, AT_RANDOM's 16 bytes and AT_PLATFORM's "x86_64" near the top.
 */
#ifndef GSTACK_H
#define GSTACK_H

#include <stdint.h>

struct gstack_info {
    uint64_t phdr, phent, phnum, entry; /* from the ELF image */
    uint64_t hwcap, hwcap2;             /* AT_HWCAP (cpuid 1 edx), AT_HWCAP2 */
    uint64_t platform;                  /* SNAPVM_AT_PLATFORM value; 0 omits the entry */
    uint8_t random[16];                 /* AT_RANDOM bytes */
    const char *execfn;                 /* AT_EXECFN string (the program path) */
};

/* gstack_build writes the stack into guest memory [lo, top), whose guest
 * address lo is at host address (host_lo), and stores the initial rsp
 * (16-byte aligned, pointing at argc) in *sp.  Returns 0, or -E2BIG when the
 * arguments and environment do not fit. */
int gstack_build(uint8_t *host_lo, uint64_t lo, uint64_t top, char *const argv[],
                 char *const envp[], const struct gstack_info *info, uint64_t *sp);

/* The number of auxv pairs gstack_build writes, AT_NULL included. */
#define GSTACK_NAUX 20

#endif
