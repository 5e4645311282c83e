/* snap_rt.h: internals shared by the snapshot runtime's files (not for users).
 *
 * Shadow: one byte per 64-byte line at (addr >> 6) + SNAP_SHADOW_OFFSET; 0 =
 * disarmed (stores fall through), SNAP_ARMED = armed (the next store reports).
 * Undo log: entries of one line each (address + 64 old bytes), in chunks
 * mapped on demand and kept for reuse.  An entry's address has its low bits
 * free (lines are 64-aligned): nonzero low bits mark a mapping event instead
 * of a line (snap_mmap.c).
 *
 * Invariant (I): a tracked line whose shadow is 0 either has an entry in the
 * log since the latest take or restore (the current epoch), or has one at or
 * above the newest live snapshot's mark and is on the re-arm list (a drop's
 * merge, snap_log.c's logged_already), or is fresh: it lies in a bump
 * region above its top at every live snapshot, and either above its top as
 * of the latest take or restore (the next take arms what lies below the top
 * then) or on the re-arm list, or it lies in a mapping made since the
 * newest live take, which no live snapshot can see.  The next take arms the
 * first two kinds.  Arming is always safe; disarming happens only where one
 * of these holds.
 */
#ifndef SNAP_RT_H
#define SNAP_RT_H

#include <stddef.h>
#include <stdint.h>
#include "snap.h"

#ifndef SNAPVM_AT_PLATFORM
/* The auxv entry snapvm passes to its guest (vmm/include/snapvm_abi.h on the
 * snapvm branch; defined here until that header is merged). */
#define SNAPVM_AT_PLATFORM 0x534e5650
#endif

#define SNAP_SHADOW_OFFSET 0x7fff8000UL
#define SNAP_SHADOW_SCALE 6
#define SNAP_LINE 64UL
#define SNAP_ARMED ((uint8_t)0x80) /* -128: below every compare the checks make */

#define SNAP_LIKELY(x) __builtin_expect(!!(x), 1)
#define SNAP_UNLIKELY(x) __builtin_expect(!!(x), 0)

static inline uint8_t *snap_shadow(uintptr_t a)
{
    return (uint8_t *)((a >> SNAP_SHADOW_SCALE) + SNAP_SHADOW_OFFSET);
}

/* The runtime's own fill and copy: memset and memcpy are wrapped (they log
 * their destination), and the runtime writes only its own memory. */
static inline void snap_fill(void *d, int c, size_t n)
{
    __asm__ volatile("rep stosb" : "+D"(d), "+c"(n) : "a"(c) : "memory");
}
static inline void snap_copy(void *d, const void *s, size_t n)
{
    __asm__ volatile("rep movsb" : "+D"(d), "+S"(s), "+c"(n) : : "memory");
}

/* log entry kinds in the low bits of the address */
#define SNAP_ENT_LINE 0
#define SNAP_ENT_MAP 1   /* a mapping made after the mark: unmap it on undo */
#define SNAP_ENT_UNMAP 2 /* an unmap deferred while snapshots live */
#define SNAP_ENT_ARM 3   /* memory to arm at the next take; nothing on undo */
#define SNAP_ENT_KIND 63UL

/* log geometry: a chunk holds SNAP_LOG_CHUNK entries */
#define SNAP_LOG_SHIFT 14
#define SNAP_LOG_CHUNK (1UL << SNAP_LOG_SHIFT)
#define SNAP_LOG_MAXCHUNKS 16384 /* 2^28 entries, 18 GiB: bounded by memory first */
struct snap_log_chunk {
    unsigned char data[SNAP_LOG_CHUNK][SNAP_LINE];
    uintptr_t addr[SNAP_LOG_CHUNK];
    /* index + 1 of an older entry that may hold the same line (0: none
     * known): a hint, checked before use (snap_log_merge) */
    uint32_t prev[SNAP_LOG_CHUNK];
};

/* Newest entry (index + 1) per hash of a line address: where a new entry
 * finds its prev hint.  Direct-mapped; a collision only loses a hint. */
#define SNAP_LAST_BITS 16
static inline size_t snap_last_hash(uintptr_t line)
{
    return (size_t)(((line >> 6) * 0x9e3779b97f4a7c15ull) >> (64 - SNAP_LAST_BITS));
}
/* Lines whose only entries lie in an older epoch after a merge: disarmed
 * now, to be armed at the next take (at most this many; beyond, a merge
 * keeps the duplicate entries instead). */
#define SNAP_REARM_MAX 16384

/* The runtime's state, in untracked memory (a runtime object's .bss).  The
 * scalars first, with the first entries of the chunk table after them: the
 * barrier's slow path and every take and restore read them, and in one or
 * two pages rather than spread over half a megabyte of tables (take,
 * restore and drop were 2-3 ns faster per cycle in micro_snap_cycle). */
struct snap_rt {
    size_t top;         /* entries in the log */
    size_t epoch_start; /* first entry of the current epoch */
    size_t pending_unmaps;
    size_t nrearm;
    /* After a drop: entries [dd_lo, dd_lo + dd_n) are the newest live
     * snapshot's, older than the current epoch, and their lines were
     * re-armed by the dropped take.  A store to such a line needs no new
     * entry (snap_log.c); dd_n is 0 after a take or restore, and with no
     * snapshot live. */
    size_t dd_lo, dd_n;
    /* After a drop: [fr_lo, fr_lo + fr_n) is the part of the first public
     * bump region above its top at every live snapshot (whole lines), which
     * takes since armed and no live snapshot can see: a store there is not
     * logged (the line is disarmed; below fr_fresh, the region's top at the
     * latest take or restore, it goes on the re-arm list).  fr_n is 0 after
     * a take or a restore (the restore disarms that part itself). */
    uintptr_t fr_lo, fr_n, fr_fresh;
    int ready, kvm, check;
    uintptr_t stack_base;
    struct snap_stats st;
    struct snap_log_chunk *chunk[SNAP_LOG_MAXCHUNKS];
    uint32_t last[1UL << SNAP_LAST_BITS];
    uintptr_t rearm[SNAP_REARM_MAX];
};
extern struct snap_rt snap_rt;

/* snap_log.c */
void snap_log_grow_or_die(size_t t);
void snap_arm_range(uintptr_t lo, uintptr_t hi);
void snap_disarm_range(uintptr_t lo, uintptr_t hi);
/* Appends a non-line entry (kind, address a, length n).  0, or -1 when the
 * log cannot grow (errno ENOMEM). */
int snap_log_event(unsigned kind, uintptr_t a, size_t n);
/* Arms [p, p+n) at the next take (memory new to the tracked allocator). */
void snap_arm_later(const void *p, size_t n);
/* The log entry i's chunk and slot. */
static inline struct snap_log_chunk *snap_log_at(size_t i) { return snap_rt.chunk[i >> SNAP_LOG_SHIFT]; }
/* Re-arms entries [from, to) (the end of an epoch at a take). */
void snap_log_rearm(size_t from, size_t to);
/* Undoes entries [mark, top) newest first and re-arms their lines. */
void snap_log_undo(size_t mark);
/* Drops every entry (no snapshot is live), doing deferred unmaps. */
void snap_log_truncate(void);
/* A drop made the entries [mark, top) part of the epoch of the snapshot
 * below, whose mark is (parent_mark): an entry for a line that the merged
 * epoch already holds an older entry for is redundant (a restore of the
 * parent or anything older writes the older contents last) and goes, so
 * that cycles of take, write, drop under a live snapshot do not grow the
 * log; so does an entry for a line in one of (fresh), memory the parent
 * cannot see (a bump region above its top then).  Costs the entries
 * [mark, top). */
struct snap_range {
    uintptr_t lo, hi;
};
void snap_log_merge(size_t parent_mark, size_t mark, const struct snap_range *fresh, int nfresh);
/* 0, or -1 when the log cannot hold one more chunk of entries. */
int snap_log_reserve(void);

/* snap_init.c */
void snap_init(void); /* idempotent; before any instrumented store */
extern unsigned char snap_stack_avx; /* snap_switch.S copies segments with AVX */
void snap_die(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
void *snap_sys_mmap(void *at, size_t n, int prot, int flags);
int snap_sys_munmap(void *p, size_t n);

/* snap_take.c: the C halves of snap_take and snap_restore (snap_switch.S
 * calls them and copies the stack segments; struct snap_rec is private to
 * snap_take.c). */
struct snap_rec;
struct snap_rec *snap_take_c(snap_id *id, uintptr_t sp, uintptr_t rip);
struct snap_rec *snap_restore_c(snap_id id, long v);

/* snap_take.c: bump regions, including the allocator's own */
struct snap_bump {
    void **top;
    void **lo, **hi;   /* where the bounds live (the allocator's change) */
    void *lo_c, *hi_c; /* constant bounds of a public region */
    uintptr_t fresh;   /* *top at the latest take or restore */
    uintptr_t armed_hi; /* no line at or above it was armed by a take */
};
struct snap_bump *snap_bump_internal(void **top, void **lo, void **hi);
/* The region moves to another segment: arms what was allocated in the old
 * one since the latest take, and treats new_lo as the fresh start. */
void snap_bump_move(struct snap_bump *b, void *new_lo);

/* Calls fn on each bump region's [lo, hi) (snap_take.c) and each mapping of
 * the program's (snap_mmap.c): the ranges the checking mode scans. */
void snap_bump_ranges(void (*fn)(uintptr_t lo, uintptr_t hi, void *arg), void *arg);
void snap_mmap_ranges(void (*fn)(uintptr_t lo, uintptr_t hi, void *arg), void *arg);

/* 1 when [lo, hi) overlaps one of the program's tracked mappings. */
int snap_mmap_overlaps(uintptr_t lo, uintptr_t hi);

/* A tracked mapping really goes: removed from the list, disarmed, unmapped. */
void snap_mmap_release(uintptr_t p, size_t n);

/* snap_check.c: the checking mode */
void snap_check_take(long serial);
void snap_check_restore(long serial);
void snap_check_drop(long serial);
/* snap_write_persistent's bytes [a, a+n) into every live snapshot's copy. */
void snap_check_patch(uintptr_t a, size_t n, const void *src);

/* snap_pheap.c: the chunks of the tracked allocator (a persistent table,
 * so chunks given out after a snapshot are reused after its restore). */
void *snap_arena_chunk(size_t k, size_t size, size_t align);
void snap_arena_ranges(void (*fn)(uintptr_t lo, uintptr_t hi, void *arg), void *arg);
/* The usable size of a snap_palloc block. */
size_t snap_pusable(void *p);
/* 1 when p lies in one of the tracked allocator's chunks. */
int snap_arena_owns(const void *p);

/* snap_malloc.c: the tracked allocator itself, whoever calls (malloc and
 * friends choose between it and the persistent heap by their caller). */
void *snap_tmalloc(size_t n);
void *snap_trealloc(void *p, size_t n);
void snap_tfree(void *p);

#endif
