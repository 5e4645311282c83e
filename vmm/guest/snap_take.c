/* snap_take.c: snapshots (take, restore, drop), bump regions, statistics.
 *
 * A snapshot is a record (callee-saved registers, stack pointer, resume
 * address, the log mark) plus a copy of the stack segment between the
 * caller of snap_take and the base frame.  Records and segments are stacks,
 * like the snapshots: a restore or drop pops them.  snap_switch.S holds the
 * register and stack switching; this file the bookkeeping.
 */
#include "snap_rt.h"

#include <errno.h>
#include <stdio.h>

/* Offsets used by snap_switch.S. */
struct snap_rec {
    uint64_t rbx, rbp, r12, r13, r14, r15; /* 0..40 */
    uintptr_t sp, rip;                     /* 48, 56 */
    unsigned char *stk;                    /* 64 */
    size_t len;                            /* 72 */
    size_t mark;                           /* 80: log entries before this snapshot */
    long serial;                           /* 88: the id */
    size_t stk_chunk;                      /* 96 */
    int nbumps;                            /* bump regions at the take */
    void *bump_top[8];                     /* their tops then (MAX_BUMPS) */
    uintptr_t bump_vis[8];                 /* public ones: the highest top at this and every older live take */
};
_Static_assert(__builtin_offsetof(struct snap_rec, stk) == 64, "snap_switch.S");
_Static_assert(__builtin_offsetof(struct snap_rec, len) == 72, "snap_switch.S");

#define REC_SHIFT 12
#define REC_CHUNK (1UL << REC_SHIFT)
#define REC_MAXCHUNKS 65536
#define STK_CHUNK (1UL << 20)
#define STK_MAXCHUNKS 65536
#define MAX_BUMPS 8 /* 4 public + the allocator's, the break's, spares */
#define MAX_PUBLIC 4

static struct snap_rec *recs[REC_MAXCHUNKS];
static size_t depth;
static struct {
    size_t ci, off; /* the next segment goes at base[ci] + off */
    unsigned char *base[STK_MAXCHUNKS];
    size_t size[STK_MAXCHUNKS];
} stk;
static struct snap_bump bumps[MAX_BUMPS];
static int nbumps, npublic;
static int pub[MAX_PUBLIC]; /* the public regions' indices in bumps[]; pub[0]: the one a drop's fr_lo covers */
/* Kept regions (snap_register_bump_kept): apart, so that takes and restores
 * of a program without one pay one compare for them. */
#define MAX_KEPT 2
static struct snap_bump kept[MAX_KEPT];
static int nkept;

/* Chunks beyond this many (log, records, stack) are given back when no
 * snapshot is live: guest memory under snapvm is finite, and a burst of deep
 * nesting should not hold it for good.  Below it they stay, for reuse. */
#define KEEP_CHUNKS 16
static int trim_from; /* set when more than KEEP_CHUNKS of something is mapped */

static void trim(void)
{
    for (size_t c = KEEP_CHUNKS; c < SNAP_LOG_MAXCHUNKS && snap_rt.chunk[c]; c++) {
        snap_sys_munmap(snap_rt.chunk[c], sizeof(struct snap_log_chunk));
        snap_rt.chunk[c] = 0;
    }
    for (size_t c = KEEP_CHUNKS; c < REC_MAXCHUNKS && recs[c]; c++) {
        snap_sys_munmap(recs[c], REC_CHUNK * sizeof(struct snap_rec));
        recs[c] = 0;
    }
    for (size_t c = KEEP_CHUNKS; c < STK_MAXCHUNKS && stk.base[c]; c++) {
        snap_sys_munmap(stk.base[c], stk.size[c]);
        stk.base[c] = 0;
    }
    if (stk.ci >= KEEP_CHUNKS) stk.ci = stk.off = 0; /* no segment is live */
    trim_from = 0;
}

static inline struct snap_rec *rec_at(size_t d) { return &recs[d >> REC_SHIFT][d & (REC_CHUNK - 1)]; }

/* ---- bump regions ---- */

static struct snap_bump *bump_new(void **top)
{
    if (nbumps == MAX_BUMPS) return errno = ENOMEM, (struct snap_bump *)0;
    struct snap_bump *b = &bumps[nbumps++];
    b->top = top;
    b->lo = &b->lo_c;
    b->hi = &b->hi_c;
    return b;
}

static int bump_check(void **top, void *lo, void *hi)
{
    snap_init();
    if (!top || (uintptr_t)lo > (uintptr_t)hi || (uintptr_t)*top < (uintptr_t)lo ||
        (uintptr_t)*top > (uintptr_t)hi)
        return errno = EINVAL, -1;
    /* A tracked mapping is armed whole at each take, fresh cells included:
     * every first write to them would be logged in every epoch. */
    if (snap_mmap_overlaps((uintptr_t)lo, (uintptr_t)hi)) return errno = EINVAL, -1;
    return 0;
}

int snap_register_bump(void **top, void *lo, void *hi)
{
    if (bump_check(top, lo, hi) < 0) return -1;
    if (npublic == MAX_PUBLIC) return errno = ENOMEM, -1;
    struct snap_bump *b = bump_new(top);
    if (!b) return -1;
    pub[npublic++] = (int)(b - bumps);
    b->lo_c = lo;
    b->hi_c = hi;
    /* what is allocated already is tracked from the next take on */
    b->fresh = (uintptr_t)lo;
    return 0;
}

int snap_register_bump_kept(void **top, void *lo, void *hi)
{
    if (bump_check(top, lo, hi) < 0) return -1;
    if (((uintptr_t)lo | (uintptr_t)*top) & (SNAP_LINE - 1)) return errno = EINVAL, -1;
    if (nkept == MAX_KEPT) return errno = ENOMEM, -1;
    struct snap_bump *b = &kept[nkept++];
    b->top = top;
    b->lo = &b->lo_c;
    b->hi = &b->hi_c;
    b->lo_c = lo;
    b->hi_c = hi;
    b->fresh = (uintptr_t)lo;
    return 0;
}

struct snap_bump *snap_bump_internal(void **top, void **lo, void **hi)
{
    snap_init();
    struct snap_bump *b = bump_new(top);
    if (!b) snap_die("no room for the allocator's bump region");
    b->lo = lo;
    b->hi = hi;
    b->fresh = (uintptr_t)*top;
    return b;
}

/* Arms what the region allocated since the latest take or restore; returns
 * its top. */
static inline uintptr_t bump_arm(struct snap_bump *b)
{
    uintptr_t t = (uintptr_t)*b->top, f = b->fresh;
    if (t != f) {
        if (f < (uintptr_t)*b->lo || f > (uintptr_t)*b->hi) f = (uintptr_t)*b->lo;
        if (t > f) snap_arm_range(f, t);
        if (t > b->armed_hi) b->armed_hi = t;
        b->fresh = t;
    }
    return t;
}

void snap_bump_move(struct snap_bump *b, void *new_lo)
{
    bump_arm(b);
    b->fresh = (uintptr_t)new_lo;
}

void snap_bump_ranges(void (*fn)(uintptr_t lo, uintptr_t hi, void *arg), void *arg)
{
    for (int i = 0; i < nbumps; i++) /* the allocator's: in snap_arena_ranges */
        if (bumps[i].lo == &bumps[i].lo_c) fn((uintptr_t)*bumps[i].lo, (uintptr_t)*bumps[i].top, arg);
    for (int i = 0; i < nkept; i++) fn((uintptr_t)kept[i].lo_c, (uintptr_t)*kept[i].top, arg);
}

int snap_bump_reclaim(void **top, void *from)
{
    for (int i = 0; i < nbumps; i++) {
        struct snap_bump *b = &bumps[i];
        if (b->top != top || b->lo != &b->lo_c) continue;
        uintptr_t lo = (uintptr_t)from, t = (uintptr_t)*top;
        if (lo < (uintptr_t)b->lo_c || lo > t) return errno = EINVAL, -1;
        /* the highest top of the live snapshots' */
        if (depth) {
            struct snap_rec *r = rec_at(depth - 1);
            if (i < r->nbumps && r->bump_vis[i] > lo) lo = r->bump_vis[i];
        }
        lo = (lo + SNAP_LINE - 1) & ~(uintptr_t)(SNAP_LINE - 1); /* the top's line stays */
        /* armed: below fresh (bump_arm), and below the top (entries re-armed) */
        uintptr_t hi = b->fresh > t ? b->fresh : t;
        if (hi > lo) snap_disarm_range(lo, hi);
        if (b->fresh > lo) b->fresh = lo; /* the next take arms [lo, top) */
        return 0;
    }
    return errno = EINVAL, -1;
}

/* A kept region's allocations since the latest take or restore are visible
 * to every snapshot from now on (no restore takes them back): armed, so
 * that a store to them is logged like one to older memory. */
static __attribute__((noinline)) void kept_arm(void)
{
    for (int i = 0; i < nkept; i++) bump_arm(&kept[i]);
}

int snap_kept_publish(void **top)
{
    for (int i = 0; i < nkept; i++)
        if (kept[i].top == top) {
            bump_arm(&kept[i]);
            return 0;
        }
    return errno = EINVAL, -1;
}

/* ---- snapshots ---- */

static long find(snap_id id)
{
    if (depth && rec_at(depth - 1)->serial == id) return (long)depth - 1;
    size_t lo = 0, hi = depth; /* serials grow with depth */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        long s = rec_at(mid)->serial;
        if (s == id) return (long)mid;
        if (s < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

int snap_valid(snap_id id) { return find(id) < 0 ? EINVAL : 0; }
long snap_depth(void) { return (long)depth; }

static __attribute__((noinline)) unsigned char *stack_room_slow(size_t len, size_t *ci_out)
{
    size_t ci = stk.ci, off = stk.off;
    if (stk.base[ci] && off + len > stk.size[ci]) ci++, off = 0;
    if (ci >= STK_MAXCHUNKS) return 0;
    if (!stk.base[ci] || stk.size[ci] < len) {
        size_t sz = len > STK_CHUNK ? (len + STK_CHUNK - 1) & ~(STK_CHUNK - 1) : STK_CHUNK;
        void *p = snap_sys_mmap(0, sz, 3, 0);
        if (!p) return 0;
        if (stk.base[ci]) snap_sys_munmap(stk.base[ci], stk.size[ci]);
        stk.base[ci] = p;
        stk.size[ci] = sz;
        if (ci >= KEEP_CHUNKS) trim_from = 1;
    }
    *ci_out = ci;
    stk.ci = ci;
    stk.off = off + len;
    return stk.base[ci] + off;
}

/* A record for depth d: a new chunk of records when d starts one. */
static __attribute__((noinline)) int rec_chunk(size_t d)
{
    if ((d >> REC_SHIFT) >= REC_MAXCHUNKS) return errno = ENOMEM, -1;
    void *p = snap_sys_mmap(0, REC_CHUNK * sizeof(struct snap_rec), 3, 0);
    if (!p) return errno = ENOMEM, -1;
    recs[d >> REC_SHIFT] = p;
    if ((d >> REC_SHIFT) >= KEEP_CHUNKS) trim_from = 1;
    return 0;
}

/* Room for a stack segment of len bytes; its chunk's index in *ci_out. */
static inline unsigned char *stack_room(size_t len, size_t *ci_out)
{
    size_t ci = stk.ci, off = stk.off;
    unsigned char *b = stk.base[ci];
    if (SNAP_UNLIKELY(!b || off + len > stk.size[ci])) return stack_room_slow(len, ci_out);
    *ci_out = ci;
    stk.off = off + len;
    return b + off;
}

/* Called by snap_take (snap_switch.S) with the caller's stack pointer and
 * resume address.  Returns the record to fill with the registers, or NULL
 * with errno ENOMEM. */
struct snap_rec *snap_take_c(snap_id *id, uintptr_t sp, uintptr_t rip)
{
    if (SNAP_UNLIKELY(!snap_rt.ready)) snap_init();
    /* *id first, logged like a program's store: it is in the copied stack
     * segment or in tracked memory, and older snapshots keep its old value */
    long serial = (long)snap_rt.st.takes + 1;
    if (SNAP_UNLIKELY(*snap_shadow((uintptr_t)id) | *snap_shadow((uintptr_t)(id + 1) - 1)))
        snap_log_range(id, sizeof *id);
    *id = serial;
    /* the epoch that ends: its lines become trackable again */
    size_t t = snap_rt.top, es = snap_rt.epoch_start, d = depth;
    if (t != es || snap_rt.nrearm) {
        snap_rt.st.lines_logged += t - es; /* counted per epoch: not in the barrier */
        snap_log_rearm(es, t);
    }
    if (!d) {
        /* nobody can restore older entries (and the lines they name were
         * re-armed at their own epoch's end, just above for the last) */
        if (t) snap_log_truncate();
        t = 0;
        if (SNAP_UNLIKELY(trim_from)) trim();
    }
    snap_rt.epoch_start = t;
    snap_rt.dd_n = 0; /* every line it re-armed may be logged now */
    size_t next = (t >> SNAP_LOG_SHIFT) + 1; /* a chunk in reserve: see snap_log_grow_or_die */
    if (SNAP_UNLIKELY(next > KEEP_CHUNKS)) trim_from = 1;
    if (SNAP_UNLIKELY(next >= SNAP_LOG_MAXCHUNKS || !snap_rt.chunk[next]) && snap_log_reserve() < 0) return 0;
    if (SNAP_UNLIKELY(!(d & (REC_CHUNK - 1)) && !recs[d >> REC_SHIFT]) && rec_chunk(d) < 0) return 0;
    if (SNAP_UNLIKELY(sp > snap_rt.stack_base))
        snap_die("snap_take called above the base frame (sp %#lx, base %#lx)", (unsigned long)sp,
                 (unsigned long)snap_rt.stack_base);
    size_t len = snap_rt.stack_base - sp, ci = 0;
    unsigned char *seg = stack_room((len + 15) & ~(size_t)15, &ci);
    if (SNAP_UNLIKELY(!seg)) return errno = ENOMEM, (struct snap_rec *)0;
    /* snap_switch.S copies the segment from sp to seg */

    struct snap_rec *r = rec_at(d);
    r->sp = sp;
    r->rip = rip;
    r->stk = seg;
    r->len = len;
    r->stk_chunk = ci;
    r->mark = t;
    r->serial = serial;
    int nb = nbumps;
    r->nbumps = nb;
    for (int i = 0; i < nb; i++) r->bump_top[i] = (void *)bump_arm(&bumps[i]);
    /* a program may lower a public region's top below its value at an
     * older take: what lies below the highest of them is seen by some live
     * snapshot (the allocator's and the break's regions only grow) */
    if (npublic) {
        const struct snap_rec *pr = d ? rec_at(d - 1) : 0;
        int npr = pr ? pr->nbumps : 0;
        for (int j = 0; j < npublic; j++) {
            int i = pub[j];
            uintptr_t top = (uintptr_t)r->bump_top[i];
            r->bump_vis[i] = i < npr && pr->bump_vis[i] > top ? pr->bump_vis[i] : top;
        }
    }
    snap_rt.fr_n = 0;
    if (SNAP_UNLIKELY(nkept)) kept_arm();
    snap_rt.st.takes = (uint64_t)serial;
    depth = d + 1;
    snap_rt.st.stack_bytes = len;
    if (SNAP_UNLIKELY(snap_rt.check)) snap_check_take(r->serial);
    return r;
}

static __attribute__((noinline)) void check_pop(size_t d)
{
    for (size_t i = depth; i-- > d;) snap_check_drop(rec_at(i)->serial);
}

static inline void pop_to(size_t d)
{
    /* records above d go; their segments with them */
    if (SNAP_UNLIKELY(snap_rt.check)) check_pop(d);
    depth = d;
}

/* After the undo of a restore of r: what takes since r armed in the public
 * regions above the highest top of the live snapshots (r and older) is
 * fresh again, and disarmed; the next take arms what is allocated by then.
 * Without this, the cells that the restore freed stayed armed, and their
 * next allocation logged every line it filled (a third of the lines a
 * backtracking parser logged).  Each line armed by a take is disarmed at
 * most once. */
static __attribute__((noinline)) void disarm_above(const struct snap_rec *r)
{
    for (int j = 0; j < npublic; j++) {
        int i = pub[j];
        if (i >= r->nbumps) continue; /* registered after r's take */
        struct snap_bump *b = &bumps[i];
        uintptr_t lo = (r->bump_vis[i] + SNAP_LINE - 1) & ~(uintptr_t)(SNAP_LINE - 1);
        if (b->armed_hi > lo) {
            snap_disarm_range(lo, b->armed_hi);
            b->armed_hi = lo;
        }
    }
}

/* A drop left d snapshots: the window of the newest one's entries
 * (snap_log.c, logged_already) and the part of the first public region
 * above every live top (above_tops). */
static inline void drop_windows(size_t d)
{
    if (!d) {
        snap_rt.dd_n = 0;
        snap_rt.fr_n = 0;
        return;
    }
    const struct snap_rec *p = rec_at(d - 1);
    snap_rt.dd_lo = p->mark;
    snap_rt.dd_n = snap_rt.epoch_start - p->mark;
    int i = npublic ? pub[0] : -1;
    if (i >= 0 && i < p->nbumps) {
        uintptr_t lo = (p->bump_vis[i] + SNAP_LINE - 1) & ~(uintptr_t)(SNAP_LINE - 1);
        uintptr_t hi = (uintptr_t)bumps[i].hi_c;
        snap_rt.fr_lo = lo;
        snap_rt.fr_n = hi > lo ? hi - lo : 0;
        snap_rt.fr_fresh = bumps[i].fresh;
    } else {
        snap_rt.fr_n = 0;
    }
}

/* Called by snap_restore: undoes the log and returns the record whose
 * segment and registers snap_switch.S puts back. */
struct snap_rec *snap_restore_c(snap_id id, long v)
{
    long d = find(id);
    if (SNAP_UNLIKELY(d < 0))
        snap_die("snap_restore: snapshot %ld is unknown or dropped (EINVAL)", (long)id);
    if (SNAP_UNLIKELY(v == 0 || v == -1))
        snap_die("snap_restore: value %ld is reserved (0 is a take, -1 its error)", v);
    struct snap_rec *r = rec_at((size_t)d);
    pop_to((size_t)d + 1);
    if (snap_rt.top > snap_rt.st.log_high) snap_rt.st.log_high = snap_rt.top;
    snap_rt.st.lines_logged += snap_rt.top - snap_rt.epoch_start;
    snap_log_undo(r->mark);
    snap_rt.dd_n = 0;
    /* the tops come back even when they live in untracked memory (then the
     * allocation code may run without the barrier: it writes only fresh
     * memory); when tracked, the undo has put back the same value */
    int i = 0;
    for (; i < r->nbumps; i++) {
        void *t = r->bump_top[i];
        *bumps[i].top = t;
        bumps[i].fresh = (uintptr_t)t;
    }
    for (; i < nbumps; i++) bumps[i].fresh = (uintptr_t)*bumps[i].top;
    if (npublic) disarm_above(r); /* out of line: no registers saved without */
    snap_rt.fr_n = 0;
    if (SNAP_UNLIKELY(nkept)) kept_arm(); /* their tops stay */
    stk.ci = r->stk_chunk;
    stk.off = (size_t)(r->stk - stk.base[r->stk_chunk]) + ((r->len + 15) & ~(size_t)15);
    snap_rt.st.restores++;
    if (SNAP_UNLIKELY(snap_rt.check)) snap_check_restore(r->serial);
    return r;
}

/* snap_drop's merge of r's entries into the epoch of its parent */
static __attribute__((noinline)) void drop_merge(struct snap_rec *parent, struct snap_rec *r)
{
    /* what the parent cannot see: the public bump regions above its tops
     * (the allocator's region may have changed chunks since) */
    struct snap_range fresh[MAX_BUMPS];
    int nf = 0;
    for (int i = 0; i < parent->nbumps; i++)
        if (bumps[i].lo == &bumps[i].lo_c) {
            /* whole lines only: the one holding the top is still live */
            uintptr_t lo = (parent->bump_vis[i] + SNAP_LINE - 1) & ~(uintptr_t)(SNAP_LINE - 1);
            fresh[nf++] = (struct snap_range){lo, (uintptr_t)bumps[i].hi_c};
        }
    snap_log_merge(parent->mark, r->mark, fresh, nf);
}

static __attribute__((noinline)) int drop_slow(snap_id id)
{
    long d = find(id);
    if (d < 0) return errno = EINVAL, -1;
    struct snap_rec *r = rec_at((size_t)d);
    if (snap_rt.top > snap_rt.st.log_high) snap_rt.st.log_high = snap_rt.top;
    pop_to((size_t)d);
    stk.ci = r->stk_chunk;
    stk.off = (size_t)(r->stk - stk.base[r->stk_chunk]);
    /* The log stays: [epoch_start, top) are the lines disarmed now, which
     * the next take re-arms (and the undo data of older snapshots, if any).
     * With no snapshot left, the next take truncates it after re-arming:
     * truncating here would leave those lines disarmed for good.  With one
     * left, the entries since r's mark join its epoch, less the lines it
     * has logged already. */
    if (d > 0 && snap_rt.top > r->mark) drop_merge(rec_at((size_t)d - 1), r);
    /* the parent's entries below the current epoch: their lines were
     * re-armed by a take since (this one or a newer one), and a store to
     * one of them needs no new entry (snap_log.c, logged_already) */
    drop_windows((size_t)d);
    snap_rt.st.drops++;
    return 0;
}

int snap_drop(snap_id id)
{
    /* the common case calls nothing: the newest snapshot, with nothing to
     * merge (no parent, or no entry since its take), no checking mode */
    size_t d = depth;
    struct snap_rec *r;
    if (SNAP_UNLIKELY(!d) || (r = rec_at(d - 1))->serial != id || SNAP_UNLIKELY(snap_rt.check) ||
        (d > 1 && snap_rt.top > r->mark))
        return drop_slow(id);
    if (snap_rt.top > snap_rt.st.log_high) snap_rt.st.log_high = snap_rt.top;
    depth = --d;
    stk.ci = r->stk_chunk;
    stk.off = (size_t)(r->stk - stk.base[r->stk_chunk]);
    drop_windows(d);
    snap_rt.st.drops++;
    return 0;
}

void snap_set_base(void *frame)
{
    snap_init();
    extern void *__libc_stack_end;
    uintptr_t b = frame ? (uintptr_t)frame : (uintptr_t)__libc_stack_end;
    /* rounded up to 16 so segments are whole 16-byte units; the extra bytes
     * belong to the base frame, which does not change while it is active */
    snap_rt.stack_base = (b + 15) & ~(uintptr_t)15;
}

void snap_get_stats(struct snap_stats *out)
{
    snap_rt.st.log_now = snap_rt.top;
    snap_rt.st.depth = depth;
    if (snap_rt.top > snap_rt.st.log_high) snap_rt.st.log_high = snap_rt.top;
    *out = snap_rt.st;
    out->lines_logged += snap_rt.top - snap_rt.epoch_start; /* the current epoch's */
}
