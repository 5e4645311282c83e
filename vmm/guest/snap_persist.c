/* snap_persist.c: stores into tracked memory that no restore undoes.
 *
 * A restore puts back each logged line's saved contents.  To make a store
 * survive every restore, it is made to the memory and to every saved copy
 * of the bytes it covers: the log entries of all live snapshots (and, in
 * the checking mode, their reference copies).  No entry is added and no
 * shadow byte changes: an armed line stays armed, and its next ordinary
 * store logs the contents that hold the new bytes.  The log is scanned
 * whole, since its hints may miss an entry (snap_rt.h): the cost is one
 * compare per entry of the live snapshots.
 */
#include "snap_rt.h"

static void patch(unsigned char *data, uintptr_t u, uintptr_t a, uintptr_t e, const unsigned char *src)
{
    uintptr_t lo = u > a ? u : a, hi = u + SNAP_LINE < e ? u + SNAP_LINE : e;
    for (uintptr_t x = lo; x < hi; x++) data[x - u] = src[x - a];
}

void snap_write_persistent(void *p, const void *src, size_t n)
{
    uintptr_t a = (uintptr_t)p, e = a + n;
    if (!n) return;
    if (SNAP_UNLIKELY(e < a)) snap_die("snap_write_persistent: %p + %zu wraps around", p, n);
    /* a saved stack segment would bring the old bytes back */
    uintptr_t sp = (uintptr_t)__builtin_frame_address(0);
    if (snap_rt.ready && a < snap_rt.stack_base && e > sp)
        snap_die("snap_write_persistent: %p is on the stack, which restores copy back", p);
    snap_copy(p, src, n);
    if (!snap_rt.ready) return;
    uintptr_t lo = a & ~(SNAP_LINE - 1);
    for (size_t i = 0, top = snap_rt.top; i < top;) {
        struct snap_log_chunk *c = snap_log_at(i);
        size_t j = i & (SNAP_LOG_CHUNK - 1), end = SNAP_LOG_CHUNK - j < top - i ? SNAP_LOG_CHUNK : j + (top - i);
        i += end - j;
        for (; j < end; j++) {
            uintptr_t u = c->addr[j]; /* an event's address has kind bits: never a match */
            if (u >= lo && u < e && !(u & SNAP_ENT_KIND)) patch(c->data[j], u, a, e, src);
        }
    }
    if (SNAP_UNLIKELY(snap_rt.check)) snap_check_patch(a, n, src);
}
