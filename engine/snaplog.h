/* snaplog.h: writing snaplog predicates in C (plugins; DESIGN section 7).
 *
 * A plugin is a shared object built with `snaplog-plugin-cc` (the compiler
 * with the snapshot write barrier, docs/plugins.md) and loaded with
 * use_foreign_library/1.  Its install function registers predicates:
 *
 *     #include <snaplog.h>
 *     static bool twice(sl_term *a) { return sl_unify_int64(a[1], 2 * sl_need_int64(a[0])); }
 *     void install_mylib(void) { sl_register("twice", 2, twice); }
 *
 * The engine runs plugin code with every choice point a snapshot of the
 * whole program's memory, so plugin code needs no undo code: whatever it
 * writes (its globals, what it mallocs, the terms it builds and binds) is
 * put back when Prolog backtracks past the write.  A predicate is
 * nondeterministic by calling sl_choose(n) where it has n ways to go on: it
 * returns 0 now and, each time a later goal fails back to it, returns again
 * with the next alternative, with memory as it was at the call.  No redo
 * entry point, no foreign frame handle.
 *
 * What persists across backtracking: the plugin's code, what it registered,
 * what it wrote to files and streams.  A crash in plugin code (a bad
 * pointer, a stack overflow) undoes the toplevel query that ran it; the
 * engine goes on.
 *
 * Terms (sl_term) are valid during the call that got or made them.  Every
 * function dereferences its arguments.  Functions named sl_need_* raise the
 * ISO error (instantiation_error, type_error(...)) for the running
 * predicate instead of returning; like sl_throw and sl_fail they do not
 * return to the caller.  Text is UTF-8.
 */
#ifndef SNAPLOG_H
#define SNAPLOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SNAPLOG_PLUGIN_ABI 1

typedef uint64_t sl_term;

/* A predicate: args[0..arity-1].  Return true to succeed, false to fail. */
typedef bool (*sl_pred)(sl_term *args);

/* Define name/arity as fn.  Raises permission_error(modify,
 * static_procedure, Name/Arity) when name/arity is a built-in or a
 * predicate defined in Prolog; registering the same function again is a
 * no-op.  Call it from the plugin's install function. */
void sl_register(const char *name, unsigned arity, sl_pred fn);

/* Nondeterminism: 0 now, then 1 .. n-1 on backtracking (see above). */
long sl_choose(long n);
/* Fail now (backtrack into the newest choice). */
_Noreturn void sl_fail(void);

/* --- inspecting ----------------------------------------------------------- */

enum sl_type { SL_VAR, SL_ATOM, SL_INTEGER, SL_FLOAT, SL_STRING, SL_COMPOUND };
enum sl_type sl_type_of(sl_term t);
/* An integer that fits in 64 bits. */
bool sl_get_int64(sl_term t, int64_t *v);
/* A float, or an integer converted. */
bool sl_get_float(sl_term t, double *v);
/* The name of an atom (valid for the rest of the session). */
bool sl_get_atom(sl_term t, const char **name);
/* The text of an atom or a string; *len may be NULL.  A string's bytes are
 * valid during the call. */
bool sl_get_text(sl_term t, const char **s, size_t *len);
/* Name and arity of a compound or an atom (arity 0). */
bool sl_get_functor(sl_term t, const char **name, unsigned *arity);
/* Argument i (1-based) of a compound; 0 when out of range or not compound. */
sl_term sl_arg(sl_term t, unsigned i);
/* A list cell [H|T]. */
bool sl_get_list(sl_term t, sl_term *head, sl_term *tail);
bool sl_is_nil(sl_term t);

/* --- building (on the term heap: undone by backtracking) ------------------ */

sl_term sl_new_var(void);
sl_term sl_new_int64(int64_t v);
sl_term sl_new_float(double v);
sl_term sl_new_atom(const char *name);
sl_term sl_new_string(const char *s, size_t len);
/* name(args[0], ..., args[arity-1]); arity 0 gives the atom. */
sl_term sl_new_compound(const char *name, unsigned arity, const sl_term *args);
sl_term sl_nil(void);
sl_term sl_cons(sl_term head, sl_term tail);

/* --- unifying -------------------------------------------------------------- */

bool sl_unify(sl_term a, sl_term b);
bool sl_unify_int64(sl_term t, int64_t v);
bool sl_unify_float(sl_term t, double v);
bool sl_unify_atom(sl_term t, const char *name);

/* --- arguments with ISO errors --------------------------------------------- */

int64_t sl_need_int64(sl_term t);       /* instantiation_error, type_error(integer, T) */
double sl_need_number(sl_term t);       /* ... type_error(evaluable-free number: number, T) */
const char *sl_need_atom(sl_term t);    /* ... type_error(atom, T) */
const char *sl_need_text(sl_term t, size_t *len); /* atom or string: type_error(text, T) */

/* --- errors ---------------------------------------------------------------- */

_Noreturn void sl_throw(sl_term ball);
_Noreturn void sl_instantiation_error(void);
_Noreturn void sl_type_error(const char *type, sl_term culprit);
_Noreturn void sl_domain_error(const char *domain, sl_term culprit);
_Noreturn void sl_existence_error(const char *kind, sl_term culprit);

#ifdef __cplusplus
}
#endif

#endif
