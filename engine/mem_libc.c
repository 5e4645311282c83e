/* mem_libc.c - mem.h on plain libc, for host unit tests (no snapshots). */
#include "mem.h"

#include <stdlib.h>
#include <sys/mman.h>

void *mem_palloc(size_t size) { return malloc(size); }
void *mem_pzalloc(size_t size) { return calloc(1, size); }
void *mem_prealloc(void *p, size_t size) { return realloc(p, size); }
void mem_pfree(void *p) { free(p); }

bool mem_register_bump(char **top, char *base, size_t size)
{
    /* Nothing to register: without snapshots no cell is ever logged. */
    (void)top, (void)base, (void)size;
    return true;
}

void *mem_reserve(size_t size)
{
    void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    return p == MAP_FAILED ? NULL : p;
}
