/* snap.h: fine-grained snapshots of a whole program's memory, in user mode.
 *
 * The contract of DESIGN section 4.  Code that must backtrack is compiled
 * with the write barrier (build/snap-cc, see docs/snapshots.md): on the first
 * store to a tracked 64-byte line after the newest snapshot, the line's old
 * contents go to an undo log.  snap_take saves the callee-saved registers
 * and the C stack between its caller and a base frame; snap_restore undoes
 * the log back to the snapshot's mark, puts the stack segment back and
 * returns a second time from snap_take.  Every operation costs in proportion
 * to the writes since the snapshot, never to the size of memory.
 *
 * What is backtrackable (tracked): globals of instrumented code, memory that
 * instrumented code gets from malloc and friends (the runtime's instrumented
 * allocator replaces glibc's; libc's own allocations are persistent),
 * bump regions registered with snap_register_bump, anonymous private
 * mappings and the break the program makes, and the stack segment.
 * What is persistent: snap_persistent and snap_palloc memory, everything
 * that is not instrumented (libc's own state and allocations, the stdio
 * buffers, so output written once appears once).
 *
 * A bump region's memory should come from snap_palloc (or any untracked
 * memory): memory from malloc or mmap is tracked whole, and its fresh part
 * would then be logged.
 *
 * Single-threaded: the runtime has no locks and is not async-signal-safe.
 */
#ifndef SNAP_H
#define SNAP_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A snapshot's name.  Ids are never reused: a dropped id stays invalid. */
typedef long snap_id;

/* snap_take(id) is returns_twice, like setjmp.
 * Takes a snapshot, stores its id in *id and returns 0.  When the snapshot is
 * later restored by snap_restore(*id, v), returns v a second time, with
 * memory and callee-saved registers as they were here.  The caller's locals
 * that live in registers or in the stack segment are restored too (no
 * volatile needed, unlike setjmp).
 * Errors: returns -1 with errno = ENOMEM when the undo log, the stack arena
 * or the snapshot table cannot grow (no snapshot is taken; *id is
 * unspecified). */
long snap_take(snap_id *id) __attribute__((returns_twice));

/* Makes memory and registers exactly as at snap_take(id), which returns v.
 * v must not be 0 or -1 (the values of a take and of its error).  Snapshots
 * newer than id are dropped; id itself stays live and can be restored again.
 * Never returns.  A bad id (unknown, dropped) or a bad v is a programming
 * error: a message naming it on stderr, then abort(); memory is untouched,
 * never a corrupted restore.  Check with snap_valid first when unsure. */
_Noreturn void snap_restore(snap_id id, long v);

/* Forgets id and every newer snapshot (a cut).  Tracked memory keeps its
 * current contents.  Returns 0, or -1 with errno = EINVAL for an unknown or
 * dropped id (nothing changes then). */
int snap_drop(snap_id id);

/* 0 when id names a live snapshot, else EINVAL. */
int snap_valid(snap_id id);

/* Number of live snapshots. */
long snap_depth(void);

/* size bytes of zeroed memory that no restore changes, never freed.  Aborts
 * with a message when memory is exhausted (it is for start-up tables). */
void *snap_persistent(size_t size);

/* "kvm" under snapvm, "native" otherwise.  Static string. */
const char *snap_backend(void);

/* The base frame: snap_take copies the stack from its caller's frame up to
 * (not including) frame, an address in a frame that stays active while the
 * snapshots taken below it are live (e.g. the address of a local of the
 * engine's dispatch loop).  Default, and with frame == NULL: the top of the
 * main stack, so any program works unchanged.  Restoring a snapshot taken
 * under an older base still uses the segment saved then. */
void snap_set_base(void *frame);

/* A bump region [lo, hi) whose allocation pointer is *top (lo <= *top <=
 * hi): memory in [*top at the newest take, hi) is fresh; stores to it are
 * never logged, since no live snapshot can see it; the next snap_take arms
 * what was allocated meanwhile.  A restore brings *top back: the runtime
 * saves it at each take, so *top may be a tracked global or live in
 * untracked (persistent) memory.  In the second case the code that
 * allocates and fills fresh cells may be compiled without the barrier
 * (__attribute__((no_sanitize("kernel-address")))): it writes only memory
 * no snapshot can see, and saves the checks (docs/snapshots.md), provided
 * the program never lowers *top below its value at the newest take (only a
 * restore does).  With the barrier everywhere, the caller may lower *top
 * itself (its own reset).  The memory must be untracked, from snap_palloc:
 * malloc'd or mmap'd memory is tracked whole, so its fresh part would be
 * armed at every take and logged at every first write.  Returns 0, or -1
 * with errno EINVAL (top NULL, lo > hi, *top outside, or [lo, hi) in one
 * of the program's tracked mappings) or ENOMEM (more than 4 regions). */
int snap_register_bump(void **top, void *lo, void *hi);

/* A kept bump region: as snap_register_bump, but no restore lowers *top,
 * so what is allocated there survives backtracking, while stores into it
 * are undone like stores to any tracked memory once the cells are
 * published (below; a take or a restore publishes them too).  For values
 * that must outlive the branch that made them but stay backtrackable
 * inside (nb_setarg/3's copies).  lo and *top must be 64-byte aligned, and
 * the program should allocate whole 64-byte lines: a line shared with
 * older cells would be logged, and a restore would take the new cells back.
 * *top must live in untracked memory (a restore must not roll it back).
 * Returns 0, or -1 with errno EINVAL (as snap_register_bump, or misaligned)
 * or ENOMEM (more than 2 regions). */
int snap_register_bump_kept(void **top, void *lo, void *hi);

/* Arms the kept region's cells allocated since the latest take, restore or
 * publish: from now on a store to them is logged and undone by a restore of
 * any live snapshot.  Call after filling new cells.  Returns 0, or -1 with
 * errno EINVAL when top is not a kept region's. */
int snap_kept_publish(void **top);

/* The public region whose top is *top is about to be rewritten from `from`
 * up to its top (a compacting collector sliding its young cells down): no
 * live snapshot needs the contents there, so the lines from max(from, the
 * highest top at a live take) up, rounded up to a whole line, are
 * disarmed, and the next take arms them again as fresh memory.  Without
 * it, lines a take armed stay armed after the drop of that snapshot, and
 * every rewrite of them would be logged against an older snapshot that
 * cannot see them (a collection under a long-lived snapshot would log its
 * whole young region, and the cells allocated afterwards into it again).
 * Returns 0, or -1 with errno EINVAL (top not a public region's, from
 * outside [lo, *top]). */
int snap_bump_reclaim(void **top, void *from);

/* Writes the n bytes at src to p so that no restore undoes it: the saved
 * copies of those bytes in every live snapshot get them too.  p is tracked
 * (or untracked) memory, not the stack (which restores copy back: aborts
 * with a message), nor memory that a live snapshot sees as free malloc
 * memory (its saved contents may be the allocator's).  For nb_setarg/3: a heap cell set this way keeps its
 * value on backtracking, as long as the memory stays allocated.  Costs time
 * in proportion to the undo log of the live snapshots (one compare per
 * entry), plus, in the checking mode, to their reference copies. */
void snap_write_persistent(void *p, const void *src, size_t n);

/* Logs [p, p+n) as about to be written by code the barrier cannot see
 * (assembly, uninstrumented libraries, the kernel).  Call before the write. */
void snap_log_range(const void *p, size_t n);

/* Makes [p, p+n) tracked from the next snap_take on (memory of the caller's
 * own, e.g. mapped with a raw system call).  Line granular: the lines that
 * contain [p, p+n) are tracked whole. */
void snap_track(const void *p, size_t n);

/* The persistent heap: never restored, not instrumented (atoms, clauses,
 * streams, collectors).  Like malloc/realloc/free: 16-byte aligned, NULL
 * with errno ENOMEM when exhausted; snap_pfree(NULL) does nothing. */
void *snap_palloc(size_t size);
void *snap_prealloc(void *p, size_t size);
void snap_pfree(void *p);

/* Counters since the start of the program (persistent). */
struct snap_stats {
    uint64_t takes, restores, drops;
    uint64_t lines_logged;   /* undo entries written by the barrier and wrappers */
    uint64_t lines_restored; /* undo entries applied by restores */
    uint64_t log_high;       /* high-water mark of the undo log, in entries */
    uint64_t log_now;        /* entries in the log now */
    uint64_t stack_bytes;    /* stack segment bytes copied by the last take */
    uint64_t depth;          /* live snapshots */
    uint64_t check_bytes;    /* checking mode: bytes compared by restores */
};

/* Copies the counters into *out (caller's memory). */
void snap_get_stats(struct snap_stats *out);

/* 1 when the checking mode is on: SNAP_CHECK=1 in the environment at start
 * (SNAP_CHECK=0 turns it off), or a program linked with snap-cc -snap-check.
 * Every take then copies all tracked memory aside, every restore compares
 * it and stops the program at the first byte a write the barrier did not
 * see has changed.  For tests: it costs time in proportion to all tracked
 * memory.  See docs/snapshots.md. */
int snap_checking(void);

#ifdef __cplusplus
}
#endif

#endif
