/* mem_snap.c - mem.h on the snapshot runtime (what the engine links). */
#include "mem.h"

#include <snap.h>
#include <string.h>
#include <sys/mman.h>

void *mem_palloc(size_t size) { return snap_palloc(size); }

void *mem_pzalloc(size_t size)
{
    void *p = snap_palloc(size);
    if (p)
        memset(p, 0, size);
    return p;
}

void *mem_prealloc(void *p, size_t size) { return snap_prealloc(p, size); }
void mem_pfree(void *p) { snap_pfree(p); }

void mem_register_bump(char **top, char *base, size_t size)
{
    snap_register_bump((void **)top, base, base + size);
}

void *mem_reserve(size_t size)
{
    /* An anonymous private mapping is tracked memory: the heap backtracks. */
    void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    return p == MAP_FAILED ? NULL : p;
}
