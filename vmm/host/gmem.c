/* gmem.c: the one guest address check (see gmem.h). */
#include "gmem.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

void *gmem_check_(struct gmem *m, uint64_t gva, uint64_t len, int write, const char *file, int line)
{
    uint64_t end;
    const char *why = NULL;
    if (__builtin_add_overflow(gva, len, &end))
        why = "length overflows the address space";
    else if (gva < m->lo || end > m->hi)
        why = "outside the program's memory";
    if (why) {
        snprintf(m->err, sizeof m->err, "%s:%d: guest range %#llx+%#llx %s [%#llx, %#llx)", file,
                 line, (unsigned long long)gva, (unsigned long long)len, why,
                 (unsigned long long)m->lo, (unsigned long long)m->hi);
        return NULL;
    }
    if (write && len) gmem_mark_dirty(m, gva, len);
    return m->host + gva;
}

long gmem_str_(struct gmem *m, uint64_t gva, char *dst, size_t cap, const char *file, int line)
{
    /* Check the first byte, then copy no further than the window allows. */
    if (!gmem_check_(m, gva, 1, 0, file, line)) return -EFAULT;
    uint64_t avail = m->hi - gva;
    size_t n = avail < cap ? (size_t)avail : cap;
    const uint8_t *src = m->host + gva;
    for (size_t i = 0; i < n; i++) {
        dst[i] = (char)src[i];
        if (!dst[i]) return (long)i;
    }
    if (n < cap) {
        snprintf(m->err, sizeof m->err,
                 "%s:%d: guest string at %#llx runs off the program's memory", file, line,
                 (unsigned long long)gva);
        return -EFAULT;
    }
    return -ENAMETOOLONG;
}

void gmem_mark_dirty(struct gmem *m, uint64_t gpa, uint64_t len)
{
    if (!m->dirty || !len) return;
    for (uint64_t p = gpa >> 12; p <= (gpa + len - 1) >> 12; p++)
        m->dirty[p / 64] |= 1ULL << (p % 64);
}
