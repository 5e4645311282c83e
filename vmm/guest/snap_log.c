/* snap_log.c: the write barrier's slow path and the undo log.
 *
 * The compiler's inline check (clang -fsanitize=kernel-address with 64-byte
 * shadow granules) loads the line's shadow byte before each store and calls
 * __asan_report_store*_noabort when it is nonzero.  We log the line's old
 * contents and disarm it, so later stores to it run at full speed until the
 * next take re-arms it.  Not instrumented itself.
 */
#include "snap_rt.h"

#include <errno.h>

typedef long snap_v2 __attribute__((vector_size(16), aligned(16)));

static inline void copy_line(void *d, const void *s)
{
    const snap_v2 *a = s;
    snap_v2 *b = d;
    snap_v2 x0 = a[0], x1 = a[1], x2 = a[2], x3 = a[3];
    b[0] = x0, b[1] = x1, b[2] = x2, b[3] = x3;
}

void snap_log_grow_or_die(size_t t)
{
    size_t c = t >> SNAP_LOG_SHIFT;
    if (c < SNAP_LOG_MAXCHUNKS) {
        void *p = snap_sys_mmap(0, sizeof(struct snap_log_chunk), 3, 0);
        if (p) {
            snap_rt.chunk[c] = p;
            return;
        }
    }
    /* Logging is not optional: writing without it would corrupt the next
     * restore.  snap_take keeps a chunk in reserve, so this takes one epoch
     * writing more than a chunk's worth of lines into exhausted memory. */
    snap_die("undo log exhausted at %zu entries: cannot log a write", t);
}

int snap_log_reserve(void)
{
    size_t c = (snap_rt.top >> SNAP_LOG_SHIFT) + 1;
    for (size_t i = c - 1; i <= c; i++) {
        if (i >= SNAP_LOG_MAXCHUNKS) return errno = ENOMEM, -1;
        if (!snap_rt.chunk[i]) {
            void *p = snap_sys_mmap(0, sizeof(struct snap_log_chunk), 3, 0);
            if (!p) return errno = ENOMEM, -1;
            snap_rt.chunk[i] = p;
        }
    }
    return 0;
}

/* 1 when an entry for the line u lies at an index in [lo, hi), looked for
 * from the hint p (index + 1) along a few links of its chain.  Any entry
 * found is real (its address is compared); a stale or colliding hint only
 * misses one. */
static inline int logged_in(uintptr_t u, size_t p, size_t lo, size_t hi)
{
    for (int k = 0; k < 4 && p - 1 - lo < hi - lo; k++) {
        struct snap_log_chunk *c = snap_log_at(p - 1);
        size_t j = (p - 1) & (SNAP_LOG_CHUNK - 1);
        if (c->addr[j] == u) return 1;
        p = c->prev[j];
    }
    return 0;
}

/* The store to the armed line u comes after a drop, and the line's hint
 * points into the newest snapshot's entries before the current epoch
 * (snap_rt.dd_lo): when one of them is the line's, that snapshot's restore
 * brings the line back already, so instead of a second entry the line is
 * disarmed and put on the re-arm list for the next take.  Without this, a
 * line that a take re-armed and that is written only after the drop would
 * be logged again in every cycle of take, drop, write (a choice point cut
 * on every iteration of a loop under an outer one). */
static __attribute__((noinline)) int logged_already(uintptr_t u, size_t p, uint8_t *sh)
{
    if (snap_rt.nrearm == SNAP_REARM_MAX || !logged_in(u, p, snap_rt.dd_lo, snap_rt.dd_lo + snap_rt.dd_n))
        return 0;
    snap_rt.rearm[snap_rt.nrearm++] = u;
    *sh = 0;
    return 1;
}

static inline __attribute__((always_inline)) void append(uintptr_t u, uint8_t *sh, struct snap_log_chunk *c,
                                                         size_t t, size_t h, size_t p)
{
    size_t i = t & (SNAP_LOG_CHUNK - 1);
    copy_line(c->data[i], (const void *)u);
    c->addr[i] = u;
    c->prev[i] = (uint32_t)p;
    snap_rt.last[h] = (uint32_t)(t + 1);
    snap_rt.top = t + 1;
    *sh = 0;
}

/* The store to the armed line u comes after a drop, and u lies in the
 * first public bump region above its top at every live snapshot
 * (snap_rt.fr_lo): none of them can see it, so it needs no entry.  It is
 * disarmed; a take since armed it, so the next take must arm it again:
 * lines below the top at the latest take or restore go on the re-arm list,
 * those above are armed with the region's new cells (bump_arm).  Without
 * this, every binding of a variable made between the parent's take and the
 * dropped one (the cells of a deterministic call, once its choice point is
 * cut) was logged against the parent, which restores below them anyway. */
static __attribute__((noinline)) int above_tops(uintptr_t u, uint8_t *sh)
{
    if (u < snap_rt.fr_fresh) {
        if (snap_rt.nrearm == SNAP_REARM_MAX) return 0;
        snap_rt.rearm[snap_rt.nrearm++] = u;
    }
    *sh = 0;
    return 1;
}

/* log_line's rare cases: a drop's window, a new chunk of the log */
static __attribute__((noinline)) void log_line_slow(uintptr_t u, uint8_t *sh, size_t h, size_t p)
{
    if (u - snap_rt.fr_lo < snap_rt.fr_n && above_tops(u, sh)) return;
    if (p - 1 - snap_rt.dd_lo < snap_rt.dd_n && logged_already(u, p, sh)) return;
    size_t t = snap_rt.top;
    if (!snap_log_at(t)) snap_log_grow_or_die(t);
    append(u, sh, snap_log_at(t), t, h, p);
}

/* Logs the armed line u and disarms it.  The common case calls nothing, so
 * the report functions need no registers saved. */
static inline __attribute__((always_inline)) void log_line(uintptr_t u, uint8_t *sh)
{
    size_t h = snap_last_hash(u);
    size_t p = snap_rt.last[h], t = snap_rt.top;
    struct snap_log_chunk *c = snap_log_at(t);
    /* one compare each unless a drop left a window (dd_n and fr_n are 0
     * otherwise) */
    if (SNAP_UNLIKELY(p - 1 - snap_rt.dd_lo < snap_rt.dd_n) ||
        SNAP_UNLIKELY(u - snap_rt.fr_lo < snap_rt.fr_n) || SNAP_UNLIKELY(!c))
        log_line_slow(u, sh, h, p);
    else
        append(u, sh, c, t, h, p);
}

static inline __attribute__((always_inline)) void touch(uintptr_t a)
{
    uintptr_t u = a & ~(SNAP_LINE - 1);
    uint8_t *sh = snap_shadow(u);
    if (*sh) log_line(u, sh);
}

void snap_log_range(const void *p, size_t n)
{
    /* libc may call a wrapper before the start-up maps the shadow */
    if (!n || SNAP_UNLIKELY(!snap_rt.ready)) return;
    uintptr_t u = (uintptr_t)p & ~(SNAP_LINE - 1), e = (uintptr_t)p + n;
    while (u < e) {
        /* 8 disarmed lines per zero shadow word: large copies into memory
         * written since the take cost a load per 512 bytes */
        uint8_t *sh = snap_shadow(u);
        if (((uintptr_t)sh & 7) == 0 && u + 8 * SNAP_LINE <= e && *(uint64_t *)sh == 0) {
            u += 8 * SNAP_LINE;
            continue;
        }
        if (*sh) log_line(u, sh);
        u += SNAP_LINE;
    }
}

int snap_log_event(unsigned kind, uintptr_t a, size_t n)
{
    /* two entries' worth: the address slot holds a|kind, the data the length */
    size_t t = snap_rt.top;
    struct snap_log_chunk *c = snap_log_at(t);
    if (!c) {
        if (snap_log_reserve() < 0) return -1;
        c = snap_log_at(t);
    }
    size_t i = t & (SNAP_LOG_CHUNK - 1);
    snap_fill(c->data[i], 0, SNAP_LINE);
    *(size_t *)c->data[i] = n;
    c->addr[i] = a | kind;
    c->prev[i] = 0;
    snap_rt.top = t + 1;
    if (kind == SNAP_ENT_UNMAP) snap_rt.pending_unmaps++;
    return 0;
}

void snap_arm_later(const void *p, size_t n)
{
    if (snap_log_event(SNAP_ENT_ARM, (uintptr_t)p, n) < 0)
        snap_die("undo log exhausted: cannot record %zu bytes of new memory", n);
}

typedef uint64_t snap_u64u __attribute__((aligned(1), may_alias));
typedef uint32_t snap_u32u __attribute__((aligned(1), may_alias));

/* n shadow bytes of v.  Most calls are a take arming the few lines the
 * heap grew by, or a restore disarming them: two overlapping stores do
 * these, where rep stosb starts up slowly. */
static inline void fill_shadow(uint8_t *d, uint8_t v, size_t n)
{
    if (n > 16) {
        snap_fill(d, v, n);
    } else if (n >= 8) {
        uint64_t w = 0x0101010101010101ull * v;
        *(snap_u64u *)d = w;
        *(snap_u64u *)(d + n - 8) = w;
    } else if (n >= 4) {
        uint32_t w = 0x01010101u * v;
        *(snap_u32u *)d = w;
        *(snap_u32u *)(d + n - 4) = w;
    } else if (n) {
        d[0] = v;
        d[n >> 1] = v;
        d[n - 1] = v;
    }
}

void snap_arm_range(uintptr_t lo, uintptr_t hi)
{
    uintptr_t u0 = lo & ~(SNAP_LINE - 1), u1 = (hi + SNAP_LINE - 1) & ~(SNAP_LINE - 1);
    if (u1 > u0) fill_shadow(snap_shadow(u0), SNAP_ARMED, (u1 - u0) >> SNAP_SHADOW_SCALE);
}

void snap_disarm_range(uintptr_t lo, uintptr_t hi)
{
    uintptr_t u0 = lo & ~(SNAP_LINE - 1), u1 = (hi + SNAP_LINE - 1) & ~(SNAP_LINE - 1);
    if (u1 > u0) fill_shadow(snap_shadow(u0), 0, (u1 - u0) >> SNAP_SHADOW_SCALE);
}

void snap_track(const void *p, size_t n) { snap_arm_range((uintptr_t)p, (uintptr_t)p + n); }

static void event_rearm(uintptr_t a, const unsigned char *data)
{
    /* a mapping made in the epoch that ends: now visible to the new
     * snapshot, so its lines are tracked from here on */
    unsigned k = a & SNAP_ENT_KIND;
    if (k == SNAP_ENT_MAP || k == SNAP_ENT_ARM)
        snap_arm_range(a & ~SNAP_ENT_KIND, (a & ~SNAP_ENT_KIND) + *(const size_t *)data);
}

void snap_log_rearm(size_t from, size_t to)
{
    size_t i = from;
    while (i < to) {
        struct snap_log_chunk *c = snap_log_at(i);
        size_t j = i & (SNAP_LOG_CHUNK - 1), end = j + (to - i);
        if (end > SNAP_LOG_CHUNK) end = SNAP_LOG_CHUNK;
        i += end - j;
        for (; j < end; j++) {
            uintptr_t a = c->addr[j];
            if (SNAP_LIKELY(!(a & SNAP_ENT_KIND)))
                *snap_shadow(a) = SNAP_ARMED;
            else
                event_rearm(a, c->data[j]);
        }
    }
    /* lines whose entries a merge found redundant (snap_log_merge) */
    for (size_t k = 0; k < snap_rt.nrearm; k++) *snap_shadow(snap_rt.rearm[k]) = SNAP_ARMED;
    snap_rt.nrearm = 0;
}

static inline int in_ranges(uintptr_t a, const struct snap_range *r, int n)
{
    for (int k = 0; k < n; k++)
        if (a >= r[k].lo && a < r[k].hi) return 1;
    return 0;
}

void snap_log_merge(size_t mp, size_t ms, const struct snap_range *fresh, int nfresh)
{
    size_t top = snap_rt.top, es = snap_rt.epoch_start, w = ms, new_es = top;
    size_t removed_now = 0; /* es >= ms: every take or restore since ms has a mark >= ms */
    for (size_t i = ms; i < top; i++) {
        if (i == es) new_es = w;
        struct snap_log_chunk *c = snap_log_at(i);
        size_t j = i & (SNAP_LOG_CHUNK - 1);
        uintptr_t a = c->addr[j];
        size_t p = c->prev[j];
        /* an entry for the same line in the merged epoch, at an index
         * below i, found from the hint p: whatever sits at an index in
         * [w, i) is an entry already processed, kept (its copy lies below
         * w) or removed (its own older entry is kept), and below w lie the
         * kept ones, so a line found anywhere in [mp, i) has an older
         * entry that stays */
        int current = i >= es;
        if (!(a & SNAP_ENT_KIND) && (!current || snap_rt.nrearm < SNAP_REARM_MAX) &&
            (logged_in(a, p, mp, i) || in_ranges(a, fresh, nfresh))) {
            /* a line of the current epoch stays disarmed until the next
             * take, which arms it from the list: its older entry is not in
             * the current epoch any more */
            if (current) snap_rt.rearm[snap_rt.nrearm++] = a, removed_now++;
            size_t h = snap_last_hash(a);
            if (snap_rt.last[h] == i + 1) snap_rt.last[h] = p && p - 1 < w ? (uint32_t)p : 0;
            continue;
        }
        if (w != i) {
            struct snap_log_chunk *d = snap_log_at(w);
            size_t k = w & (SNAP_LOG_CHUNK - 1);
            copy_line(d->data[k], c->data[j]);
            d->addr[k] = a;
            d->prev[k] = (uint32_t)p;
            if (!(a & SNAP_ENT_KIND)) {
                size_t h = snap_last_hash(a);
                if (snap_rt.last[h] == i + 1) snap_rt.last[h] = (uint32_t)(w + 1);
            }
        }
        w++;
    }
    snap_rt.st.lines_logged += removed_now; /* counted at the epoch's end otherwise */
    snap_rt.top = w;
    snap_rt.epoch_start = new_es > w ? w : new_es;
}

static void event_undo(uintptr_t a, const unsigned char *data)
{
    size_t n = *(const size_t *)data;
    uintptr_t p = a & ~SNAP_ENT_KIND;
    if ((a & SNAP_ENT_KIND) == SNAP_ENT_MAP) {
        /* made after the mark: gone at the restore */
        snap_mmap_release(p, n);
    } else if ((a & SNAP_ENT_KIND) == SNAP_ENT_UNMAP) {
        /* an unmap that was deferred: the mapping and its contents are
         * still there, the undo of the lines before this one restores them */
        snap_rt.pending_unmaps--;
    }
}

static inline __attribute__((always_inline)) void undo_line(struct snap_log_chunk *c, size_t j, uintptr_t a,
                                                            size_t index)
{
    copy_line((void *)a, c->data[j]);
    *snap_shadow(a) = SNAP_ARMED;
    /* the line's newest entry is its older one again */
    size_t h = snap_last_hash(a);
    if (snap_rt.last[h] == (uint32_t)(index + 1)) snap_rt.last[h] = c->prev[j];
}

static inline __attribute__((always_inline)) void undo_done(size_t mark)
{
    snap_rt.st.lines_restored += snap_rt.top - mark;
    snap_rt.top = snap_rt.epoch_start = mark;
    /* the lines on the re-arm list have older entries above the mark of the
     * snapshot restored (snap_log_merge, logged_already): the undo armed
     * them */
    snap_rt.nrearm = 0;
}

/* snap_log_undo from entry i down, events included */
static __attribute__((noinline)) void undo_slow(size_t i, size_t mark)
{
    while (i > mark) {
        struct snap_log_chunk *c = snap_log_at(i - 1);
        size_t j = (i - 1) & (SNAP_LOG_CHUNK - 1), stop;
        /* entries [stop, j] of this chunk, newest first */
        size_t in_chunk = j + 1;
        stop = (i - mark < in_chunk) ? in_chunk - (i - mark) : 0;
        i -= in_chunk - stop;
        size_t base = i - stop; /* index of the chunk's first entry */
        for (;; j--) {
            uintptr_t a = c->addr[j];
            if (SNAP_LIKELY(!(a & SNAP_ENT_KIND)))
                undo_line(c, j, a, base + j);
            else
                event_undo(a, c->data[j]);
            if (j == stop) break;
        }
    }
    undo_done(mark);
}

void snap_log_undo(size_t mark)
{
    /* lines only, newest first, calling nothing (no registers to save);
     * the first event, if any, hands the rest to undo_slow */
    size_t i = snap_rt.top;
    for (; i > mark; i--) {
        struct snap_log_chunk *c = snap_log_at(i - 1);
        size_t j = (i - 1) & (SNAP_LOG_CHUNK - 1);
        uintptr_t a = c->addr[j];
        if (SNAP_UNLIKELY(a & SNAP_ENT_KIND)) {
            undo_slow(i, mark);
            return;
        }
        undo_line(c, j, a, i - 1);
    }
    undo_done(mark);
}

void snap_log_truncate(void)
{
    if (snap_rt.pending_unmaps) {
        /* unmaps deferred while snapshots were live: do them now */
        for (size_t i = 0; i < snap_rt.top; i++) {
            struct snap_log_chunk *c = snap_log_at(i);
            size_t j = i & (SNAP_LOG_CHUNK - 1);
            uintptr_t a = c->addr[j];
            if ((a & SNAP_ENT_KIND) == SNAP_ENT_UNMAP) {
                snap_mmap_release(a & ~SNAP_ENT_KIND, *(const size_t *)c->data[j]);
            }
        }
        snap_rt.pending_unmaps = 0;
    }
    snap_rt.top = snap_rt.epoch_start = 0;
}

/* Report entry points called by the inline checks.  An N-byte store can
 * straddle two lines only when misaligned. */
#define SNAP_REPORT(N)                                                             \
    void __asan_report_store##N##_noabort(uintptr_t a)                             \
    {                                                                              \
        if (N > 1 && SNAP_UNLIKELY(((a ^ (a + N - 1)) & ~(SNAP_LINE - 1)) != 0))   \
            snap_log_range((const void *)a, N);                                    \
        else                                                                       \
            touch(a);                                                              \
    }                                                                              \
    void __asan_store##N##_noabort(uintptr_t a)                                    \
    {                                                                              \
        if (*snap_shadow(a) | *snap_shadow(a + N - 1)) snap_log_range((const void *)a, N); \
    }
SNAP_REPORT(1)
SNAP_REPORT(2)
SNAP_REPORT(4)
SNAP_REPORT(8)
SNAP_REPORT(16)
void __asan_report_store_n_noabort(uintptr_t a, size_t n) { snap_log_range((const void *)a, n); }
void __asan_storeN_noabort(uintptr_t a, size_t n) { snap_log_range((const void *)a, n); }
/* referenced by some instrumentation modes; nothing to do */
void __asan_handle_no_return(void) {}
void __asan_register_globals(void *g, size_t n) { (void)g, (void)n; }
void __asan_unregister_globals(void *g, size_t n) { (void)g, (void)n; }
