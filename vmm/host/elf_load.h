/* elf_load.h: checking and loading a static x86-64 ELF executable.
 *
 * Works on a byte buffer (the whole file), so the unit tests and the fuzzer
 * feed it broken files without touching KVM.  Accepts `gcc -static` (ET_EXEC)
 * and `gcc -static-pie` (ET_DYN without PT_INTERP, placed at the caller's
 * base); refuses everything else with a message that says what and where.
 */
#ifndef ELF_LOAD_H
#define ELF_LOAD_H

#include <stddef.h>
#include <stdint.h>

#define ELF_MAX_SEGS   16
#define ELF_PAGE_ALIGN 0x1000ULL
#define ELF_HUGE_ALIGN 0x200000ULL /* static-pie bias keeps 2 MiB alignment */

struct elf_seg {
    uint64_t vaddr, memsz; /* guest address (bias applied) and size in memory */
    uint64_t off, filesz;  /* bytes [off, off+filesz) of the file; the rest is zero */
    int prot;              /* PROT_READ/WRITE/EXEC from p_flags */
};

struct elf_image {
    uint64_t entry;        /* guest address of the entry point */
    uint64_t bias;         /* 0 for ET_EXEC, the load bias for static-pie */
    uint64_t phdr;         /* guest address of the program headers (AT_PHDR) */
    uint64_t phnum, phent; /* AT_PHNUM, AT_PHENT */
    uint64_t lo, hi;       /* page-aligned extent of all segments */
    int pie;               /* 1 for static-pie */
    int nseg;
    struct elf_seg seg[ELF_MAX_SEGS];
};

/* elf_parse checks (buf, len) and fills (img).  Segments must lie in
 * [lo, hi) after relocation; a static-pie is placed with its lowest segment
 * at (pie_base), which must be 2 MiB aligned.  Returns 0, or -1 with a
 * message in err (at most errlen bytes) such as "truncated: program header
 * 3 ends at byte 4152, file has 4096". */
int elf_parse(const uint8_t *buf, size_t len, uint64_t lo, uint64_t hi, uint64_t pie_base,
              struct elf_image *img, char *err, size_t errlen);

/* elf_copy copies the file bytes of every segment of (img) into guest memory
 * whose guest address 0 is at host address (mem); bss is left as it is (guest
 * RAM starts zeroed).  (buf) must be what elf_parse checked. */
void elf_copy(const struct elf_image *img, const uint8_t *buf, uint8_t *mem);

#endif
