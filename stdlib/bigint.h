/* bigint.h - GMP behind the engine's BIG terms, with its memory kept out of
 * every snapshot.
 *
 * GMP is not compiled with the write barrier, so it must never write tracked
 * memory (DESIGN section 3): its stores would escape the undo log.  All its
 * allocations therefore go to scratch blocks in persistent memory
 * (snap_palloc), listed so that big_release() can free whatever an
 * evaluation left behind, including the blocks of one abandoned half-way by
 * an exception.  An mpz_t lives only on the C stack of one evaluation; a
 * result that outlives it is copied into a BIG box on the term heap by
 * big_to_term (instrumented code), and heap boxes are given to GMP only as
 * read-only views (big_view).  No mpz_t survives an evaluation, so neither
 * a restore nor an exception can leave one pointing at freed memory.
 */
#ifndef STDLIB_BIGINT_H
#define STDLIB_BIGINT_H

#include <gmp.h>
#include <stdbool.h>

#include "engine/term.h"

/* Route GMP's allocation to the scratch blocks.  Once, before any snapshot. */
void big_init(void);

/* Free every scratch block: no mpz_t from before the call may be used after
 * it.  Cheap when nothing is allocated (the common case: small integers). */
void big_release(void);
/* True when scratch blocks are allocated (an evaluation used GMP). */
bool big_scratch_live(void);

/* z as a read-only view of the BIG term t (dereferenced): GMP reads the heap
 * box in place.  Never write to z, never mpz_clear it; valid while t is. */
void big_view(term_t t, mpz_t z);
/* The integer term for z: a small integer when it fits, else a fresh BIG box
 * on the heap holding a copy of the limbs. */
term_t big_to_term(const mpz_t z);

/* z to the nearest double (ties to even), +-inf beyond the double range. */
double big_to_double(const mpz_t z);
/* Bit length of |z| (0 for 0). */
size_t big_bits(const mpz_t z);

/* Raise resource_error(memory) unless a number of about bits bits fits in
 * what is left of the term heap: checked before GMP computes a result that
 * large (GMP itself aborts the program on numbers past its own limits). */
void big_check_size(double bits);

#endif
