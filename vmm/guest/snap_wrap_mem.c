/* snap_wrap_mem.c: memcpy, memmove and memset, wrapped to log their destination.
 *
 * clang turns every aggregate copy or zeroing into a call to these, and
 * glibc's versions are not instrumented.  Linked with
 * -Wl,--wrap=memcpy,--wrap=memmove,--wrap=memset (build/snap-cc adds them):
 * calls go to __wrap_*, which log and then copy.  Up to 64 bytes the copy is
 * done here (a struct assignment costs a call, not two); __real_* is glibc's.
 */
#include "snap_rt.h"

void *__real_memcpy(void *, const void *, size_t);
void *__real_memmove(void *, const void *, size_t);
void *__real_memset(void *, int, size_t);

typedef long v2u __attribute__((vector_size(16), aligned(1)));

/* libc copies (TLS set-up) before the runtime's start-up maps the shadow;
 * nothing is tracked then */
#define SNAP_EARLY() SNAP_UNLIKELY(!snap_rt.ready)

static inline void log_small(uintptr_t a, size_t n) /* n <= 64: at most 2 lines */
{
    if (SNAP_EARLY()) return;
    uint8_t *s0 = snap_shadow(a), *s1 = snap_shadow(a + n - 1);
    if (SNAP_UNLIKELY(*s0 | *s1)) snap_log_range((const void *)a, n);
}

static inline void move_small(char *d, const char *s, size_t n) /* n <= 64, overlap ok */
{
    if (n >= 16) {
        v2u a = *(const v2u *)s, b = *(const v2u *)(s + n - 16), c = a, e = b;
        if (n > 32) c = *(const v2u *)(s + 16), e = *(const v2u *)(s + n - 32);
        *(v2u *)d = a, *(v2u *)(d + n - 16) = b;
        if (n > 32) *(v2u *)(d + 16) = c, *(v2u *)(d + n - 32) = e;
    } else if (n >= 8) {
        uint64_t a = *(const uint64_t *)s, b = *(const uint64_t *)(s + n - 8);
        *(uint64_t *)d = a, *(uint64_t *)(d + n - 8) = b;
    } else if (n >= 4) {
        uint32_t a = *(const uint32_t *)s, b = *(const uint32_t *)(s + n - 4);
        *(uint32_t *)d = a, *(uint32_t *)(d + n - 4) = b;
    } else if (n) {
        char a = s[0], b = s[n / 2], c = s[n - 1];
        d[0] = a, d[n / 2] = b, d[n - 1] = c;
    }
}

void *__wrap_memcpy(void *d, const void *s, size_t n)
{
    if (n <= 64) {
        if (n) {
            log_small((uintptr_t)d, n);
            move_small(d, s, n);
        }
        return d;
    }
    if (!SNAP_EARLY()) snap_log_range(d, n);
    return __real_memcpy(d, s, n);
}

void *__wrap_memmove(void *d, const void *s, size_t n)
{
    if (n <= 64) {
        if (n) {
            log_small((uintptr_t)d, n);
            move_small(d, s, n);
        }
        return d;
    }
    if (!SNAP_EARLY()) snap_log_range(d, n);
    return __real_memmove(d, s, n);
}

void *__wrap_memset(void *d, int c, size_t n)
{
    if (n <= 64) {
        if (!n) return d;
        log_small((uintptr_t)d, n);
        uint64_t w = 0x0101010101010101ULL * (uint8_t)c;
        char *p = d;
        if (n >= 8) {
            for (size_t i = 0; i + 8 <= n; i += 8) *(uint64_t *)(p + i) = w;
            *(uint64_t *)(p + n - 8) = w;
        } else {
            for (size_t i = 0; i < n; i++) p[i] = (char)c;
        }
        return d;
    }
    if (!SNAP_EARLY()) snap_log_range(d, n);
    return __real_memset(d, c, n);
}
