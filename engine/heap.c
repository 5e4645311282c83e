/* heap.c - reserving the term heap and its overflow path. */
#include "heap.h"

#include <stdio.h>
#include <stdlib.h>

#include "mem.h"

char *heap_top;
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
