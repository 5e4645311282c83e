/* snap_check.c: the checking mode (SNAP_CHECK=1, or snap-cc -snap-check).
 *
 * At a take, right after the re-arm, the armed lines are exactly the
 * tracked memory a restore must bring back (invariant (I) of snap_rt.h:
 * what is disarmed then is fresh).  The checking mode copies every armed
 * line of every tracked range (globals, the allocator's chunks, bump
 * regions, the program's mappings) aside; after a restore of that snapshot
 * it compares them all, and the first difference is a write the barrier did
 * not see: it is reported with the address, the range, and the variable's
 * name when the program's symbol table has it, and the program aborts.
 * Costs memory and time in proportion to all tracked memory: for tests.
 */
#include "snap_rt.h"

#include <elf.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

struct chk_line {
    uintptr_t addr;
    size_t len; /* bytes that must come back: a bump region's last line ends at its top */
    unsigned char data[SNAP_LINE];
};

struct chk_rec {
    long serial;
    struct chk_line *lines;
    size_t n, cap; /* cap: bytes mapped, for the unmap */
};

static struct chk_rec *recs; /* a stack parallel to the snapshots */
static size_t nrec, caprec;

struct scan {
    struct chk_rec *r;
    int fail;
};

static void push_line(struct scan *s, uintptr_t u, size_t len)
{
    struct chk_rec *r = s->r;
    if ((r->n + 1) * sizeof(struct chk_line) > r->cap) {
        size_t cap = r->cap ? r->cap * 2 : (4UL << 20);
        struct chk_line *p = snap_sys_mmap(0, cap, 3, 0);
        if (!p) {
            s->fail = 1;
            return;
        }
        if (r->lines) {
            snap_copy(p, r->lines, r->n * sizeof *p);
            snap_sys_munmap(r->lines, r->cap);
        }
        r->lines = p;
        r->cap = cap;
    }
    r->lines[r->n].addr = u;
    r->lines[r->n].len = len;
    snap_copy(r->lines[r->n].data, (const void *)u, SNAP_LINE);
    r->n++;
}

static void scan_range(uintptr_t lo, uintptr_t hi, void *arg)
{
    struct scan *s = arg;
    for (uintptr_t u = lo & ~(SNAP_LINE - 1); u < hi && !s->fail; u += SNAP_LINE) {
        uint8_t *sh = snap_shadow(u);
        if (((uintptr_t)sh & 7) == 0 && u + 8 * SNAP_LINE <= hi && *(uint64_t *)sh == 0) {
            u += 7 * SNAP_LINE;
            continue;
        }
        if (*sh) push_line(s, u, hi - u < SNAP_LINE ? hi - u : SNAP_LINE);
    }
}

extern char __snap_data_start[] __attribute__((weak));
extern char __snap_data_end[] __attribute__((weak));
extern char __snap_bss_start[] __attribute__((weak));
extern char __snap_bss_end[] __attribute__((weak));

static void all_ranges(void (*fn)(uintptr_t, uintptr_t, void *), void *arg)
{
    if (__snap_data_start) fn((uintptr_t)__snap_data_start, (uintptr_t)__snap_data_end, arg);
    if (__snap_bss_start) fn((uintptr_t)__snap_bss_start, (uintptr_t)__snap_bss_end, arg);
    snap_arena_ranges(fn, arg);
    snap_bump_ranges(fn, arg);
    snap_mmap_ranges(fn, arg);
}

void snap_check_take(long serial)
{
    if (nrec == caprec) {
        size_t cap = caprec ? caprec * 2 : 1024;
        struct chk_rec *p = snap_sys_mmap(0, cap * sizeof *p, 3, 0); /* zeroed */
        if (!p) snap_die("checking mode: out of memory");
        if (recs) {
            snap_copy(p, recs, nrec * sizeof *p);
            snap_sys_munmap(recs, caprec * sizeof *p);
        }
        recs = p;
        caprec = cap;
    }
    struct chk_rec *r = &recs[nrec++];
    r->serial = serial;
    r->n = 0; /* the lines buffer of an earlier snapshot at this depth is reused */
    struct scan s = {r, 0};
    all_ranges(scan_range, &s);
    if (s.fail) snap_die("checking mode: out of memory for the copy of snapshot %ld", serial);
}

void snap_check_drop(long serial)
{
    if (!nrec || recs[nrec - 1].serial != serial) snap_die("checking mode: lost track of snapshot %ld", serial);
    nrec--; /* its buffer stays for the next snapshot at this depth */
}

void snap_check_patch(uintptr_t a, size_t n, const void *src)
{
    const unsigned char *b = src;
    for (size_t k = 0; k < nrec; k++)
        for (size_t i = 0; i < recs[k].n; i++) {
            struct chk_line *l = &recs[k].lines[i];
            uintptr_t lo = l->addr > a ? l->addr : a, hi = l->addr + SNAP_LINE < a + n ? l->addr + SNAP_LINE : a + n;
            for (uintptr_t x = lo; x < hi; x++) l->data[x - l->addr] = b[x - a];
        }
}

/* ---- naming an address: the program's symbol table, read once ---- */

static const char *symbol_of(uintptr_t a, uintptr_t *off)
{
    static char name[128];
    int fd = open("/proc/self/exe", O_RDONLY);
    if (fd < 0) return 0;
    struct stat st;
    const char *found = 0;
    if (fstat(fd, &st) == 0 && st.st_size > (off_t)sizeof(Elf64_Ehdr)) {
        unsigned char *f = snap_sys_mmap(0, (size_t)st.st_size, 3, 0);
        if (f && pread(fd, f, (size_t)st.st_size, 0) == st.st_size) {
            Elf64_Ehdr *eh = (Elf64_Ehdr *)f;
            Elf64_Shdr *sh = (Elf64_Shdr *)(f + eh->e_shoff);
            for (int i = 0; i < eh->e_shnum && !found; i++) {
                if (sh[i].sh_type != SHT_SYMTAB) continue;
                Elf64_Sym *sy = (Elf64_Sym *)(f + sh[i].sh_offset);
                const char *str = (const char *)(f + sh[sh[i].sh_link].sh_offset);
                size_t n = sh[i].sh_size / sizeof *sy;
                for (size_t j = 0; j < n; j++)
                    if (ELF64_ST_TYPE(sy[j].st_info) == STT_OBJECT && a >= sy[j].st_value &&
                        a < sy[j].st_value + sy[j].st_size) {
                        snprintf(name, sizeof name, "%s", str + sy[j].st_name);
                        *off = a - sy[j].st_value;
                        found = name;
                        break;
                    }
            }
        }
        if (f) snap_sys_munmap(f, (size_t)st.st_size);
    }
    close(fd);
    return found;
}

void snap_check_restore(long serial)
{
    if (!nrec || recs[nrec - 1].serial != serial) snap_die("checking mode: lost track of snapshot %ld", serial);
    struct chk_rec *r = &recs[nrec - 1];
    for (size_t i = 0; i < r->n; i++) {
        const unsigned char *now = (const unsigned char *)r->lines[i].addr, *was = r->lines[i].data;
        for (size_t b = 0; b < r->lines[i].len; b++) {
            if (now[b] == was[b]) continue;
            uintptr_t a = r->lines[i].addr + b, off = 0;
            const char *sym = symbol_of(a, &off);
            char where[200] = "";
            if (sym) snprintf(where, sizeof where, " (%s+%lu)", sym, (unsigned long)off);
            snap_die("checking mode: after the restore of snapshot %ld, %p%s holds 0x%02x, "
                     "0x%02x at the snapshot: a write the barrier did not see (uninstrumented "
                     "code, an unwrapped libc call, the kernel?)",
                     serial, (void *)a, where, now[b], was[b]);
        }
    }
    snap_rt.st.check_bytes += r->n * SNAP_LINE;
}
