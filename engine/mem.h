/* mem.h - the engine's view of the three memory kinds (DESIGN section 5).
 *
 * Persistent memory (atom and functor tables, the clause database, findall
 * collectors, exception balls) survives every snapshot restore; the term heap
 * is a bump region whose top is rolled back by a restore.  Two backends,
 * picked by the Makefile by file name: mem_snap.c (the snapshot runtime, what
 * the engine links) and mem_libc.c (plain malloc, for host unit tests of code
 * that never backtracks).
 */
#ifndef ENGINE_MEM_H
#define ENGINE_MEM_H
#include <stdbool.h>
#include <stddef.h>

/* Persistent allocation: never undone by a restore.  Returns NULL when memory
 * is exhausted (callers raise resource_error(memory)).  The block belongs to
 * the caller until mem_pfree. */
void *mem_palloc(size_t size);
/* Zero-filled mem_palloc. */
void *mem_pzalloc(size_t size);
/* Resize a persistent block (NULL p: like mem_palloc).  On failure returns
 * NULL and leaves p allocated. */
void *mem_prealloc(void *p, size_t size);
void mem_pfree(void *p);

/* Register the term heap [base, base+size) whose current top is *top: cells
 * above the top at the newest snapshot are fresh and never logged, and *top
 * itself is backtrackable.  Called once, before the first snapshot. */
bool mem_register_bump(char **top, char *base, size_t size);

/* Reserve size bytes of zeroed, untracked memory for a bump region; NULL on
 * failure. */
void *mem_reserve(size_t size);

#endif
