/* clause.h - clauses compiled for calling: heads matched in place, bodies built.
 *
 * A call used to copy the whole stored clause onto the heap and unify the
 * copy's head with the goal.  A compiled clause is the same relocatable
 * block (copy.h) with every variable occurrence replaced by its number, so
 * the head is matched against the goal's arguments where it lies: a clause
 * variable met for the first time just takes the goal's argument (no cell,
 * no binding), and only what must bind a goal variable is built on the
 * heap.  The body is then built with the same variable numbers.
 *
 * The variable table lives in persistent scratch memory owned by this file:
 * it is used from cl_match to the cl_body that follows, with no other
 * cl_match between them.
 */
#ifndef ENGINE_CLAUSE_H
#define ENGINE_CLAUSE_H

#include <stdbool.h>
#include <stdint.h>

#include "copy.h"
#include "term.h"
#include "unify.h"

/* The scratch variable table; once, before any snapshot. */
bool cl_init(void);

/* Compile the stored clause p (':-'(Head, Body)).  NULL when memory is
 * short or the clause nests too deeply to match by recursion: the caller
 * then copies p as a whole.  The caller owns the result (copy_free). */
struct pterm *cl_compile(const struct pterm *p);

/* Match the head of the compiled clause (code) against the goal arguments
 * args[0..arity-1].  With (fresh) NULL, binds whatever it must: 1 matched,
 * 0 does not match (bindings made so far stay; the caller fails).  With
 * (fresh) set, a shallow try: the variables below fresh it binds are
 * appended to the record of bindings (cl_log_mark, cl_undo_to), so a 0
 * leaves nothing below fresh changed (it undoes its own), and so does -1:
 * more older variables to bind than the record holds. */
int cl_match(const struct pterm *code, const term_t *args, const char *fresh);
/* The record of the older variables shallow tries bound: its length now,
 * unbinding back to a length (cells above a try's mark are the caller's to
 * drop, by lowering the heap top), and emptying it (before a call's tries:
 * what committed tries left there is no longer to be undone). */
/* (The record, reached through a pointer set once by cl_init: the marks
 * and the undo of nothing are inline.) */
extern struct unify_log *const *cl_log;
static inline unsigned cl_log_mark(void) { return (*cl_log)->n; }
/* unify_logged into that record: 1 unified, 0 not (the caller undoes), -1
 * the record is full. */
int cl_unify_logged(term_t a, term_t b, const char *fresh);
static inline void cl_undo_to(unsigned mark)
{
    if ((*cl_log)->n != mark)
        unify_log_undo(*cl_log, mark);
}
void cl_log_reset(void);

/* cl_match, then on success (1) *body the body (cl_body), in one call:
 * the clause's program of whole argument patterns and straight-line
 * stores of the body's cells when it has one.  On success the caller
 * stores *top as the heap top (cl_exec runs without the write barrier).
 * Not in a shallow try (fresh NULL), a body that is one call of a
 * predicate whose arguments select a single clause (first argument,
 * generation) runs on: that clause's program runs against the goal just
 * built, and so on, each call counted as an inference; *body is the body
 * of the last clause run (after the leading goals cl_set_calls describes,
 * when they ran).  It stops at anything else, when the heap top
 * passes (stop) (the dispatch loop collects) and when an interrupt is
 * pending. */
int cl_exec(const struct pterm *code, const term_t *args, const char *fresh, term_t *body, char **top,
            const char *stop);
/* For those calls, set once before clauses are compiled: (lookup) the
 * predicate a body goal's functor names, resolved when a clause is
 * compiled (NULL: a control construct, never run on; a predicate is never
 * freed, and whether it is defined, and by which clauses, is read at each
 * call), *plain set when it is a deterministic built-in that never takes a
 * snapshot nor runs a goal (comparisons, type tests, is/2, =/2): outside a
 * shallow try, such goals leading a body are run by cl_exec itself,
 * through (call), as the dispatch loop calls built-ins; (candidates) the
 * database's db_candidates, and the words the calls read and count
 * (persistent): the database's generation, the inference counter and the
 * interrupt flag. */
struct pred;
struct clause;
void cl_set_calls(struct pred *(*lookup)(functor_t f, bool *plain), bool (*call)(struct pred *p, term_t *args),
                  struct clause **(*candidates)(struct pred *p, term_t key), const uint64_t *generation,
                  uint64_t *inferences, volatile int *interrupted);

/* The body of (code) on the heap, sharing the variables of the last
 * successful cl_match of the same clause. */
term_t cl_body(const struct pterm *code);

/* Guards: a body "T1, ..., Tk, !, Rest" whose Ti call test built-ins
 * (never binding) with head variables and constants as arguments is also
 * kept as its tests, so that a shallow try runs them on the values the
 * last cl_match gave, without building the body.  (lookup) says which
 * functors are tests (their function, else NULL); set once by the
 * database, before clauses are compiled (without it, no guards). */
#define CL_GUARD_ARGS 4
void cl_set_test_lookup(void *(*lookup)(functor_t f));
/* The first test of (code)'s guard and their number k (0: "!, Rest"), or
 * NULL when it has none; (cut) false when the tests are only the body's
 * leading ones, with no cut after them ("T1, ..., Tk, Rest"). */
const term_t *cl_guard(const struct pterm *code, unsigned *k, bool *cut);
/* Test (it): its function and functor, its arguments into args (room for
 * CL_GUARD_ARGS), and *cmp its comparison (below); returns the next test. */
const term_t *cl_guard_test(const term_t *it, void **fn, functor_t *f, term_t *args, unsigned *cmp);

/* The arithmetic comparisons (=:=, =\=, <, >, =<, >=), done in place
 * when both sides are small integers, and ==, \== when the two words are
 * equal or both atoms or small integers; CL_CMP_NONE for other tests. */
enum { CL_CMP_NONE, CL_CMP_EQ, CL_CMP_NE, CL_CMP_LT, CL_CMP_GT, CL_CMP_LE, CL_CMP_GE, CL_CMP_ID, CL_CMP_NID };
/* The comparison functor f names (its name and arity 2), or CL_CMP_NONE. */
unsigned cl_cmp_kind(functor_t f);

/* Comparison (cmp) of a and b (not dereferenced): 1 true, 0 false, -1
 * when the built-in must decide. */
static inline int cl_compare_small(unsigned cmp, term_t a, term_t b)
{
    a = term_deref(a);
    b = term_deref(b);
    if (cmp >= CL_CMP_ID) {
        if (a == b)
            return cmp == CL_CMP_ID;
        bool simple = (term_is_atom(a) || term_is_smallint(a)) && (term_is_atom(b) || term_is_smallint(b));
        return simple ? cmp == CL_CMP_NID : -1;
    }
    if (term_tag(a) != TAG_INT || term_tag(b) != TAG_INT)
        return -1;
    int64_t x = term_get_smallint(a), y = term_get_smallint(b);
    switch (cmp) {
    case CL_CMP_EQ:
        return x == y;
    case CL_CMP_NE:
        return x != y;
    case CL_CMP_LT:
        return x < y;
    case CL_CMP_GT:
        return x > y;
    case CL_CMP_LE:
        return x <= y;
    case CL_CMP_GE:
        return x >= y;
    default:
        return -1;
    }
}
/* Rest on the heap (TERM_TRUE when the cut is last), dereferenced; the
 * goals after the tests when there is no cut. */
term_t cl_guard_rest(const struct pterm *code);

#endif
