/* gstack.c: the initial process stack (see gstack.h). */
#include "gstack.h"

#include "snapvm_abi.h"

#include <elf.h>
#include <errno.h>
#include <string.h>

/* Strings are copied downward from the top; (*at) moves, the caller checks
 * it never passes (lo). */
static int push_bytes(uint8_t *host_lo, uint64_t lo, uint64_t *at, const void *p, uint64_t n)
{
    if (*at - lo < n) return -E2BIG;
    *at -= n;
    memcpy(host_lo + (*at - lo), p, n);
    return 0;
}

static uint64_t count(char *const v[])
{
    uint64_t n = 0;
    while (v && v[n]) n++;
    return n;
}

int gstack_build(uint8_t *host_lo, uint64_t lo, uint64_t top, char *const argv[],
                 char *const envp[], const struct gstack_info *info, uint64_t *sp)
{
    uint64_t argc = count(argv), envc = count(envp), at = top;
    /* The string pointers are collected on the guest stack itself, in the
     * word area computed below, so no host allocation depends on argc. */
    uint64_t nwords = 1 + argc + 1 + envc + 1 + 2 * GSTACK_NAUX;
    uint64_t plat_gva, rand_gva, execfn_gva;
    static const char platform[] = "x86_64";

    if (push_bytes(host_lo, lo, &at, platform, sizeof platform)) return -E2BIG;
    plat_gva = at;
    at &= ~15ULL;
    if (push_bytes(host_lo, lo, &at, info->random, 16)) return -E2BIG;
    rand_gva = at;
    if (push_bytes(host_lo, lo, &at, info->execfn, strlen(info->execfn) + 1)) return -E2BIG;
    execfn_gva = at;

    /* Strings of argv and envp: remember where the block starts and find
     * each string again by walking, so the pointers need no extra array. */
    for (uint64_t i = envc; i-- > 0;)
        if (push_bytes(host_lo, lo, &at, envp[i], strlen(envp[i]) + 1)) return -E2BIG;
    for (uint64_t i = argc; i-- > 0;)
        if (push_bytes(host_lo, lo, &at, argv[i], strlen(argv[i]) + 1)) return -E2BIG;
    uint64_t str_lo = at;

    if ((at - lo) / 8 < nwords + 2) return -E2BIG;
    at = (at - nwords * 8) & ~15ULL;
    uint64_t *w = (uint64_t *)(host_lo + (at - lo));
    uint64_t s = str_lo;
    *w++ = argc;
    for (uint64_t i = 0; i < argc; i++) {
        *w++ = s;
        s += strlen(argv[i]) + 1;
    }
    *w++ = 0;
    for (uint64_t i = 0; i < envc; i++) {
        *w++ = s;
        s += strlen(envp[i]) + 1;
    }
    *w++ = 0;
    const uint64_t aux[GSTACK_NAUX][2] = {
        {AT_PHDR, info->phdr},
        {AT_PHENT, info->phent},
        {AT_PHNUM, info->phnum},
        {AT_PAGESZ, 4096},
        {AT_BASE, 0},
        {AT_FLAGS, 0},
        {AT_ENTRY, info->entry},
        {AT_UID, 0},
        {AT_EUID, 0},
        {AT_GID, 0},
        {AT_EGID, 0},
        {AT_SECURE, 0},
        {AT_CLKTCK, 100},
        {AT_HWCAP, info->hwcap},
        {AT_HWCAP2, info->hwcap2},
        {AT_RANDOM, rand_gva},
        {AT_PLATFORM, plat_gva},
        {AT_EXECFN, execfn_gva},
        /* last before AT_NULL; a zero value turns it into a harmless AT_IGNORE */
        {info->platform ? SNAPVM_AT_PLATFORM : AT_IGNORE, info->platform},
        {AT_NULL, 0},
    };
    memcpy(w, aux, sizeof aux);
    *sp = at;
    return 0;
}
