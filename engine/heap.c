/* heap.c - reserving the term heap and its overflow path. */
#include "heap.h"

#include <stdio.h>
#include <stdlib.h>

#include "mem.h"

/* Untracked (an explicit section, snap_sections.h): the snapshot runtime
 * saves the top at each take and puts it back at each restore itself, so
 * its line logged at the first allocation after every take was only cost. */
char *heap_top __attribute__((section(".bss.untracked")));
char *heap_limit;
char *heap_start;

static void (*overflow_handler)(size_t);

bool heap_init(size_t size)
{
    if (heap_start)
        return true;
    char *p = mem_reserve(size);
    if (!p)
        return false;
    heap_start = heap_top = p;
    heap_limit = p + size;
    return mem_register_bump(&heap_top, p, size);
}

void heap_set_overflow_handler(void (*handler)(size_t cells)) { overflow_handler = handler; }

_Noreturn void heap_overflow(size_t cells)
{
    if (overflow_handler)
        overflow_handler(cells);
    fprintf(stderr, "snaplog: term heap exhausted (%zu cells wanted)\n", cells);
    abort();
}
