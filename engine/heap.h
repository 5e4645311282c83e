/* heap.h - the term heap: one bump region, backtrackable as a whole.
 *
 * Cells are allocated by moving heap_top up.  The region is registered with
 * the snapshot runtime as a bump region: the runtime saves heap_top at each
 * snapshot and puts it back at a restore, freeing every cell allocated since
 * (heap_top itself is untracked), and cells above the top at the newest
 * snapshot are fresh, their first writes not logged (DESIGN section 3).
 */
#ifndef ENGINE_HEAP_H
#define ENGINE_HEAP_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

extern char *heap_top;   /* backtrackable */
extern char *heap_limit; /* set once by heap_init */
extern char *heap_start;

/* Reserve and register a heap of size bytes.  Once, before any snapshot. */
bool heap_init(size_t size);

/* Called when an allocation does not fit; must not return (the engine raises
 * resource_error(memory)).  Default: print and abort. */
void heap_set_overflow_handler(void (*handler)(size_t cells));
_Noreturn void heap_overflow(size_t cells);

/* n cells (8 bytes each) of uninitialised heap; never NULL. */
static inline uint64_t *heap_alloc(size_t n)
{
    char *p = heap_top;
    if ((size_t)(heap_limit - p) < n * 8)
        heap_overflow(n);
    heap_top = p + n * 8;
    return (uint64_t *)p;
}

/* Bytes of heap in use. */
static inline size_t heap_used(void) { return (size_t)(heap_top - heap_start); }

#endif
