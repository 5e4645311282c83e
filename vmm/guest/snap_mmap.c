/* snap_mmap.c: the program's mmap, munmap, mremap, brk and sbrk, undone by restores.
 *
 * Linked with -Wl,--wrap for each (build/snap-cc).  A private writable
 * mapping is tracked memory: made after the newest snapshot it is fresh,
 * armed at the next take, and a restore to an older snapshot unmaps it (an
 * event in the undo log).  munmap while snapshots are live is deferred: the
 * mapping stays, with its contents, until no snapshot can need it (the log
 * is truncated), so a restore finds it as it was.  The break is virtual: a
 * tracked variable over a region that only grows, which a restore brings
 * back; it is a bump region, so what sbrk hands out is fresh memory.
 */
#define _GNU_SOURCE
#include "snap_rt.h"

#include <errno.h>
#include <stdarg.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

/* ---- the program's tracked mappings (persistent list, for the checking
 * mode and to know what munmap must defer) ---- */

#define MAX_MAPS 4096
static struct {
    uintptr_t lo[MAX_MAPS], hi[MAX_MAPS];
    int n;
} maps;

static void maps_add(uintptr_t lo, uintptr_t hi)
{
    if (maps.n < MAX_MAPS) {
        maps.lo[maps.n] = lo;
        maps.hi[maps.n] = hi;
        maps.n++;
    }
}

/* removes [lo, hi) from the list; 1 when it overlapped a tracked mapping */
static int maps_remove(uintptr_t lo, uintptr_t hi)
{
    int hit = 0;
    for (int i = 0; i < maps.n; i++) {
        uintptr_t a = maps.lo[i], b = maps.hi[i];
        if (b <= lo || a >= hi) continue;
        hit = 1;
        if (a < lo && b > hi) { /* a hole in the middle: split */
            maps.hi[i] = lo;
            maps_add(hi, b);
        } else if (a < lo) {
            maps.hi[i] = lo;
        } else if (b > hi) {
            maps.lo[i] = hi;
        } else {
            maps.lo[i] = maps.lo[maps.n - 1];
            maps.hi[i] = maps.hi[maps.n - 1];
            maps.n--;
            i--;
        }
    }
    return hit;
}

int snap_mmap_overlaps(uintptr_t lo, uintptr_t hi)
{
    for (int i = 0; i < maps.n; i++)
        if (maps.lo[i] < hi && maps.hi[i] > lo) return 1;
    return 0;
}

void snap_mmap_ranges(void (*fn)(uintptr_t lo, uintptr_t hi, void *arg), void *arg)
{
    for (int i = 0; i < maps.n; i++) fn(maps.lo[i], maps.hi[i], arg);
}

/* A mapping really goes (no snapshot can need it): untracked, unmapped. */
void snap_mmap_release(uintptr_t p, size_t n)
{
    maps_remove(p, p + n);
    snap_disarm_range(p, p + n);
    snap_sys_munmap((void *)p, n);
}

static long depth_now(void) { return snap_depth(); }

/* ---- the wrappers ---- */

static size_t page_round(size_t n) { return (n + 4095) & ~(size_t)4095; }

void *__wrap_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
    snap_init();
    int tracked = (flags & MAP_PRIVATE) && (prot & PROT_WRITE);
    if (tracked && (flags & MAP_FIXED)) {
        /* replaces memory that may be tracked: its old lines are logged,
         * and the new mapping is not unmapped by an undo (the old one
         * would not come back), only armed at the next take */
        snap_log_range(addr, len);
    }
    long r = syscall(SYS_mmap, addr, len, prot, flags, fd, off);
    if (r < 0) return MAP_FAILED; /* errno set by syscall() */
    void *p = (void *)r;
    if (!tracked) return p;
    size_t n = page_round(len);
    int kind = (flags & MAP_FIXED) ? SNAP_ENT_ARM : SNAP_ENT_MAP;
    if (snap_log_event((unsigned)kind, (uintptr_t)p, n) < 0) {
        snap_sys_munmap(p, n);
        errno = ENOMEM;
        return MAP_FAILED;
    }
    if (!(flags & MAP_FIXED)) maps_add((uintptr_t)p, (uintptr_t)p + n);
    return p;
}

int __wrap_munmap(void *addr, size_t len)
{
    snap_init();
    uintptr_t lo = (uintptr_t)addr, hi = lo + page_round(len);
    if ((lo & 4095) || !len) return errno = EINVAL, -1;
    int hit = 0;
    for (int i = 0; i < maps.n && !hit; i++) hit = maps.lo[i] < hi && maps.hi[i] > lo;
    if (!hit) return snap_sys_munmap(addr, len) ? (errno = EINVAL, -1) : 0;
    if (depth_now() == 0) {
        /* nothing to defer for; the log's current epoch may name lines
         * in there, so end it first (what the next take would do) */
        snap_log_rearm(snap_rt.epoch_start, snap_rt.top);
        snap_log_truncate();
        snap_mmap_release(lo, hi - lo);
        return 0;
    }
    if (snap_log_event(SNAP_ENT_UNMAP, lo, hi - lo) < 0) return errno = ENOMEM, -1;
    return 0;
}

void *__wrap_mremap(void *old, size_t old_len, size_t new_len, int flags, ...)
{
    snap_init();
    uintptr_t lo = (uintptr_t)old;
    int hit = 0;
    for (int i = 0; i < maps.n && !hit; i++) hit = maps.lo[i] <= lo && maps.hi[i] > lo;
    if (!hit) {
        void *na = 0;
        if (flags & MREMAP_FIXED) {
            va_list ap;
            va_start(ap, flags);
            na = va_arg(ap, void *);
            va_end(ap);
        }
        long r = syscall(SYS_mremap, old, old_len, new_len, flags, na);
        return r < 0 ? MAP_FAILED : (void *)r;
    }
    old_len = page_round(old_len);
    new_len = page_round(new_len);
    if (new_len <= old_len) {
        if (new_len < old_len && __wrap_munmap((char *)old + new_len, old_len - new_len) < 0) return MAP_FAILED;
        return old;
    }
    /* growing a tracked mapping: a new one, a copy, the old one unmapped
     * (deferred), so that a restore finds the old one intact */
    if (!(flags & MREMAP_MAYMOVE) || (flags & MREMAP_FIXED)) return errno = ENOMEM, MAP_FAILED;
    void *p = __wrap_mmap(0, new_len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) return p;
    snap_copy(p, old, old_len); /* p is fresh: nothing to log */
    __wrap_munmap(old, old_len);
    return p;
}

/* ---- the break ---- */

static void *vbrk __attribute__((section("snap_bss"))); /* tracked: restores bring it back */
static void *brk_lo, *brk_hi;  /* the real break only grows */
static void *brk_used;         /* highest virtual break so far: above it memory is zero */
static struct snap_bump *brk_bump;

static int brk_setup(void)
{
    if (brk_bump) return 0;
    long b = syscall(SYS_brk, 0);
    if (b <= 0) return -1;
    brk_lo = brk_hi = brk_used = (void *)b;
    snap_log_range(&vbrk, sizeof vbrk);
    vbrk = brk_lo;
    brk_bump = snap_bump_internal(&vbrk, &brk_lo, &brk_hi);
    return 0;
}

static int brk_to(char *want)
{
    if (brk_setup() < 0 || want < (char *)brk_lo) return errno = ENOMEM, -1;
    if (want > (char *)brk_hi) {
        long r = syscall(SYS_brk, want);
        if ((char *)r < want) return errno = ENOMEM, -1;
        brk_hi = (void *)r;
    }
    /* memory handed out again after a shrink or a restore: zero, as the
     * kernel's would be */
    if (want > (char *)vbrk && (char *)vbrk < (char *)brk_used) {
        char *end = want < (char *)brk_used ? want : (char *)brk_used;
        snap_log_range(vbrk, (size_t)(end - (char *)vbrk));
        snap_fill(vbrk, 0, (size_t)(end - (char *)vbrk));
    }
    if (want > (char *)brk_used) brk_used = want;
    snap_log_range(&vbrk, sizeof vbrk);
    vbrk = want;
    return 0;
}

int __wrap_brk(void *addr)
{
    snap_init();
    return brk_to(addr);
}

void *__wrap_sbrk(intptr_t inc)
{
    snap_init();
    if (brk_setup() < 0) return errno = ENOMEM, (void *)-1;
    char *old = vbrk;
    if (inc && brk_to(old + inc) < 0) return (void *)-1;
    return old;
}
