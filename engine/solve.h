/* solve.h - the solve loop: running goals with choice points as snapshots.
 *
 * No trail, no undo code: a choice point is a snapshot (snap_take) taken only
 * when more than one clause can still match after first-argument indexing;
 * failure restores the newest live one (snap_restore) with the next
 * alternative as the returned value; the last alternative runs without a
 * snapshot; a cut drops the snapshots newer than the call (snap_drop).  What
 * must survive a restore (the choice-point records with their next
 * alternative, exception balls, findall collectors, counters) lives in
 * persistent memory; everything else, the continuation included, lives on
 * the backtrackable term heap.  DESIGN sections 4 to 6.
 */
#ifndef ENGINE_SOLVE_H
#define ENGINE_SOLVE_H
#include <stdbool.h>
#include <stdint.h>

#include "copy.h"
#include "term.h"

enum solve_status { SOLVE_FALSE, SOLVE_TRUE, SOLVE_ERROR };

/* Called for each solution, inside the solve loop (bindings visible).
 * Return true to ask for the next solution, false to stop. */
typedef bool (*solve_answer_fn)(void *ctx);

/* Set up the machine; once, before any snapshot. */
bool solve_init(void);

/* Run goal.  With on_answer NULL: the first solution only.  Returns
 * SOLVE_TRUE when it stopped at a solution (its bindings stay; the goal's
 * choice points are cut), SOLVE_FALSE when it ran out of solutions (memory
 * is as at the call), SOLVE_ERROR when an exception was not caught (memory
 * as at the call, *ball set to a heap copy of the ball).  Re-entrant: a
 * built-in may call solve (consult runs directives this way). */
enum solve_status solve(term_t goal, solve_answer_fn on_answer, void *ctx, term_t *ball);

/* Ask for a collection of the young heap at the dispatch loop's next step
 * (garbage_collect/0). */
void solve_request_gc(void);

/* Raise ball: copied to persistent memory, then the snapshot of the
 * innermost active catch/3 is restored.  Never returns. */
_Noreturn void solve_throw(term_t ball);

/* The predicate whose built-in is running (for error contexts), or
 * (functor_t)-1. */
functor_t solve_current_functor(void);

/* Ask the running goal to stop: the dispatch loop throws '$aborted' at its
 * next step.  Async-signal-safe (one store to persistent memory). */
void solve_interrupt(void);
/* The word solve_interrupt sets (persistent memory): nonzero asks the
 * running goal to stop.  For plat_on_interrupt, and to clear it before a
 * query so that a Ctrl-C at the prompt does not stop the next one. */
volatile int *solve_interrupt_word(void);

/* Counters for statistics/2 (persistent). */
struct solve_stats {
    uint64_t inferences;
    uint64_t choicepoints; /* snapshots taken by the solve loop */
    uint64_t max_choicepoints;
};
void solve_get_stats(struct solve_stats *out);

/* Inside an answer callback: can the goal still produce another answer
 * (a live choice point above the goal's start)? */
bool solve_has_alternatives(void);

/* setup_call_cleanup/3's hook on the cut (boot.c): push a record, returned,
 * whose removal by a cut or a throw runs (cleanup) once (a heap term the
 * caller keeps alive while the record lives); failure removes it without
 * running it.  disarm: the record at idx runs nothing (false when idx is
 * not such a record); alone: no record is newer than idx. */
long solve_cleanup_push(term_t cleanup);
bool solve_cleanup_disarm(long idx);
bool solve_cleanup_alone(long idx);

/* Inside a nondeterministic built-in registered PRED_CLAUSE_ITER (clause/2,
 * retract/1): the generation its call started at, the same on every
 * resumption (its logical update view). */
uint64_t solve_builtin_generation(void);

/* Backtrack from a built-in: restore the newest choice point.  For the
 * control built-ins' own use. */
_Noreturn void solve_fail(void);

/* Inside a built-in: a choice among n alternatives.  Returns 0; when a later
 * failure comes back to it, returns again, inside the built-in, with 1, then
 * 2, up to n - 1, with all memory as it was at the call (the C stack of the
 * built-in included).  The last alternative runs without a snapshot; n <= 0
 * fails at once.  A cut in the calling clause removes the choice. */
long solve_choose(long n);

#endif
