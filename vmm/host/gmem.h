/* gmem.h: guest memory as the host sees it, and the one address check.
 *
 * Every guest address the monitor dereferences goes through gmem_at() /
 * gmem_wr(): overflow-safe, confined to the program window
 * [lo, hi) (never the monitor's own pages, never the shadow), and on failure
 * it records which check in which file:line refused it, so the monitor can
 * end the guest with that diagnostic.  Host writes are marked in a dirty
 * bitmap, because KVM's dirty log sees only the guest's own writes and the
 * coarse snapshots need both.
 */
#ifndef GMEM_H
#define GMEM_H

#include <stddef.h>
#include <stdint.h>

struct gmem {
    uint8_t *host;   /* host address of guest physical 0; owned by the VM */
    uint64_t size;   /* bytes of guest RAM */
    uint64_t lo, hi; /* the window requests may name: [lo, hi), hi <= size */
    uint64_t *dirty; /* one bit per 4 KiB page written by the host, or NULL */
    char err[160];   /* the last refusal: "file:line: why" */
};

/* gmem_check_ returns the host address of [gva, gva+len) or NULL (and
 * fills m->err).  Use the macros, which pass the caller's file and line.
 * The pointer is valid while the VM lives; a write through it must be
 * announced with write=1 (gmem_wr) so the page is marked dirty. */
void *gmem_check_(struct gmem *m, uint64_t gva, uint64_t len, int write, const char *file,
                  int line);
#define gmem_at(m, gva, len) gmem_check_((m), (gva), (len), 0, __FILE__, __LINE__)
#define gmem_wr(m, gva, len) gmem_check_((m), (gva), (len), 1, __FILE__, __LINE__)

/* gmem_str_ copies the NUL-terminated guest string at (gva) into dst (at
 * most cap bytes with the NUL).  Returns its length, -EFAULT (bad address,
 * m->err says why) or -ENAMETOOLONG.  Copying once means the guest cannot
 * change the string between check and use. */
long gmem_str_(struct gmem *m, uint64_t gva, char *dst, size_t cap, const char *file, int line);
#define gmem_str(m, gva, dst, cap) gmem_str_((m), (gva), (dst), (cap), __FILE__, __LINE__)

/* gmem_mark_dirty records a host write to [gpa, gpa+len) (already checked). */
void gmem_mark_dirty(struct gmem *m, uint64_t gpa, uint64_t len);

#endif
