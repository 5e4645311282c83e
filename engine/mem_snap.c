/* mem_snap.c - mem.h on the snapshot runtime (what the engine links). */
#include "mem.h"

#include <snap.h>
#include <string.h>

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

bool mem_register_bump(char **top, char *base, size_t size)
{
    return snap_register_bump((void **)top, base, base + size) == 0;
}

void *mem_reserve(size_t size)
{
    /* Untracked memory: the runtime tracks a bump region below its top
     * itself, so the cells allocated since the newest snapshot are never
     * logged.  A tracked mapping here would be armed whole at each take. */
    return snap_palloc(size); /* a fresh mapping of its own: zeroed */
}
