/* term.h - Prolog terms as tagged 64-bit words: the only way to build and walk them.
 *
 * A term_t is one machine word whose low three bits say what it is:
 *
 *   TAG_REF   pointer to a heap cell.  An unbound variable is a cell that
 *             refers to itself; a bound one holds its value.  Always
 *             term_deref() a word before looking at its tag.
 *   TAG_ATOM  atom index << 3 (atom.h: a persistent table)
 *   TAG_INT   signed 61-bit integer << 3 (larger ones are TAG_BIG)
 *   TAG_STR   pointer to a compound: a functor header cell, then the arguments
 *   TAG_FLT   pointer to a box: header, IEEE double
 *   TAG_STRG  pointer to a box: header, byte length, UTF-8 bytes, NUL
 *   TAG_BIG   pointer to a box: header, signed limb count, limbs (GMP order:
 *             least significant first; the stdlib backs them with mpz_t)
 *   TAG_HDR   only in heap cells: a functor header (functor index << 4) or a
 *             box header (bit 3 set, box size in cells << 4), so a linear
 *             scan of the heap (the collector) can tell objects apart.
 *
 * Every cell lives on the term heap (heap.h), which is backtrackable: a
 * snapshot restore rolls it back, bindings included; there is no trail.  A
 * term_t held in persistent memory is therefore only valid until the next
 * restore of a snapshot older than the term: to keep a term across a restore
 * copy it to persistent memory (copy.h).  Atoms and functors are persistent
 * and valid forever.
 */
#ifndef ENGINE_TERM_H
#define ENGINE_TERM_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "atom.h"
#include "heap.h"

typedef uint64_t term_t;

enum {
    TAG_REF = 0,
    TAG_ATOM = 1,
    TAG_INT = 2,
    TAG_STR = 3,
    TAG_FLT = 4,
    TAG_STRG = 5,
    TAG_BIG = 6,
    TAG_HDR = 7,
    TAG_MASK = 7,
};

/* Small integers are 61 bits wide: [TERM_INT_MIN, TERM_INT_MAX]. */
#define TERM_INT_MAX ((int64_t)(((uint64_t)1 << 60) - 1))
#define TERM_INT_MIN (-TERM_INT_MAX - 1)

#define TERM_NIL ((term_t)ATOM_nil << 3 | TAG_ATOM)
#define TERM_TRUE ((term_t)ATOM_true << 3 | TAG_ATOM)

static inline unsigned term_tag(term_t t) { return (unsigned)(t & TAG_MASK); }
static inline term_t *term_ptr(term_t t) { return (term_t *)(uintptr_t)(t & ~(term_t)TAG_MASK); }
static inline term_t term_mkptr(const term_t *p, unsigned tag) { return (term_t)(uintptr_t)p | tag; }

/* Follow variable bindings to the value, or to the unbound variable (a
 * TAG_REF word pointing at a self-referencing cell). */
static inline term_t term_deref(term_t t)
{
    while (term_tag(t) == TAG_REF) {
        term_t v = *term_ptr(t);
        if (v == t)
            return t;
        t = v;
    }
    return t;
}

/* Type tests; all take a dereferenced word. */
static inline bool term_is_var(term_t t) { return term_tag(t) == TAG_REF; }
static inline bool term_is_atom(term_t t) { return term_tag(t) == TAG_ATOM; }
static inline bool term_is_smallint(term_t t) { return term_tag(t) == TAG_INT; }
static inline bool term_is_big(term_t t) { return term_tag(t) == TAG_BIG; }
static inline bool term_is_integer(term_t t) { return term_tag(t) == TAG_INT || term_tag(t) == TAG_BIG; }
static inline bool term_is_float(term_t t) { return term_tag(t) == TAG_FLT; }
static inline bool term_is_number(term_t t) { return term_is_integer(t) || term_is_float(t); }
static inline bool term_is_string(term_t t) { return term_tag(t) == TAG_STRG; }
static inline bool term_is_compound(term_t t) { return term_tag(t) == TAG_STR; }
static inline bool term_is_atomic(term_t t) { return !term_is_var(t) && !term_is_compound(t); }
static inline bool term_is_callable(term_t t) { return term_is_atom(t) || term_is_compound(t); }

/* --- variables ----------------------------------------------------------- */

/* A fresh unbound variable on the heap. */
term_t term_new_var(void);
/* Bind the unbound variable var (dereferenced) to value.  No trail: the
 * binding is undone by restoring a snapshot. */
static inline void term_bind(term_t var, term_t value) { *term_ptr(var) = value; }

/* --- atomic terms -------------------------------------------------------- */

static inline term_t term_atom(atom_t a) { return (term_t)a << 3 | TAG_ATOM; }
static inline atom_t term_get_atom(term_t t) { return (atom_t)(t >> 3); }

/* An integer term: small when it fits, otherwise a one-limb bignum box. */
term_t term_int(int64_t v);
static inline bool term_int_fits(int64_t v) { return v >= TERM_INT_MIN && v <= TERM_INT_MAX; }
static inline term_t term_smallint(int64_t v) { return (term_t)((uint64_t)v << 3) | TAG_INT; }
static inline int64_t term_get_smallint(term_t t) { return (int64_t)t >> 3; }
/* The value of an integer term if it fits in int64_t: true and *v set. */
bool term_get_int64(term_t t, int64_t *v);

term_t term_float(double d);
static inline double term_get_float(term_t t)
{
    double d;
    __builtin_memcpy(&d, term_ptr(t) + 1, sizeof d);
    return d;
}

/* A string term holding a copy of the len bytes at s (UTF-8, may hold NUL). */
term_t term_string(const char *s, size_t len);
/* The bytes of a string term, NUL-terminated, valid as long as the term;
 * *len (if not NULL) gets the length. */
const char *term_string_chars(term_t t, size_t *len);

/* Bignums: a box of n limbs, magnitude filled by the caller through
 * term_big_limbs().  negative gives the sign.  n >= 1.  The caller must
 * normalise: no leading zero limb, and values that fit a small integer are
 * small integers (term_int), so equal numbers have equal representations. */
term_t term_big_new(size_t n, bool negative);
/* Limbs of a bignum, least significant first; *n the count, *negative the sign. */
uint64_t *term_big_limbs(term_t t, size_t *n, bool *negative);

/* --- compound terms ------------------------------------------------------ */

/* A compound f(A1..An) with args copied from args[0..n-1], or fresh variables
 * when args is NULL.  Arity must be >= 1. */
term_t term_compound(functor_t f, const term_t *args);
/* Shorthands for arity 1 and 2. */
term_t term_compound1(functor_t f, term_t a1);
term_t term_compound2(functor_t f, term_t a1, term_t a2);
/* A list cell '[|]'(head, tail). */
static inline term_t term_cons(term_t head, term_t tail) { return term_compound2(FUNCTOR_dot2, head, tail); }

static inline functor_t term_functor(term_t t) { return (functor_t)(*term_ptr(t) >> 4); }
/* Argument i (1-based) of a compound, not dereferenced. */
static inline term_t term_arg(term_t t, unsigned i) { return term_ptr(t)[i]; }
/* Address of the argument cells (args[0] is argument 1): for walking and
 * for filling a term made with args NULL (each cell is a fresh variable
 * until overwritten; overwrite only cells of a term you just made). */
static inline term_t *term_args(term_t t) { return term_ptr(t) + 1; }

static inline bool term_is_list_cell(term_t t) { return term_is_compound(t) && term_functor(t) == FUNCTOR_dot2; }

/* Name and arity of any callable or atomic term: the atom itself and 0 for
 * an atom; false for variables and numbers and strings. */
bool term_name_arity(term_t t, atom_t *name, unsigned *arity);

/* Heap header words (the collector and copy use these). */
static inline term_t term_hdr_functor(functor_t f) { return (term_t)f << 4 | TAG_HDR; }
static inline term_t term_hdr_box(size_t cells) { return (term_t)cells << 4 | 8 | TAG_HDR; }
static inline bool term_hdr_is_box(term_t h) { return (h & 8) != 0; }
static inline size_t term_hdr_box_cells(term_t h) { return (size_t)(h >> 4); }
/* Size in cells of the box a TAG_FLT/TAG_STRG/TAG_BIG word points to. */
static inline size_t term_box_cells(term_t t) { return term_hdr_box_cells(*term_ptr(t)); }

/* Initialise the atom and functor tables and the heap (heap_cells cells).
 * Call once, before any snapshot.  False when memory cannot be had. */
bool term_init(size_t heap_cells);

#endif
