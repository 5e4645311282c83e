/* elf_load.c: static x86-64 ELF checking and loading (see elf_load.h).
 *
 * Every offset and size comes from the file, so every sum is checked with
 * __builtin_add_overflow before it is compared; nothing is read from the
 * buffer before its range has been checked against len.
 */
#include "elf_load.h"

#include <elf.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

static int fail(char *err, size_t errlen, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
    return -1;
}

static const char *machine_name(unsigned m)
{
    switch (m) {
    case EM_386: return "i386";
    case EM_ARM: return "arm";
    case EM_AARCH64: return "aarch64";
    case EM_RISCV: return "riscv";
    case EM_PPC64: return "ppc64";
    case EM_S390: return "s390";
    default: return "unknown";
    }
}

/* Check the file header; fill the fields that do not depend on segments. */
static int check_header(const uint8_t *buf, size_t len, Elf64_Ehdr *eh, char *err, size_t errlen)
{
    if (len < EI_NIDENT || memcmp(buf, ELFMAG, SELFMAG) != 0)
        return fail(err, errlen, "not an ELF file (no \\177ELF magic)");
    if (buf[EI_CLASS] != ELFCLASS64)
        return fail(err, errlen, "wrong class: 32-bit ELF, want 64-bit x86-64");
    if (buf[EI_DATA] != ELFDATA2LSB)
        return fail(err, errlen, "wrong byte order: big-endian ELF, want little-endian x86-64");
    if (len < sizeof *eh)
        return fail(err, errlen, "truncated: ELF header needs %zu bytes, file has %zu", sizeof *eh,
                    len);
    memcpy(eh, buf, sizeof *eh);
    if (eh->e_machine != EM_X86_64)
        return fail(err, errlen, "wrong machine: e_machine %u (%s), want %u (x86-64)",
                    eh->e_machine, machine_name(eh->e_machine), EM_X86_64);
    if (eh->e_type != ET_EXEC && eh->e_type != ET_DYN)
        return fail(err, errlen, "not an executable: e_type %u (want ET_EXEC or static-pie ET_DYN)",
                    eh->e_type);
    if (eh->e_phentsize != sizeof(Elf64_Phdr))
        return fail(err, errlen, "bad e_phentsize %u, want %zu", eh->e_phentsize,
                    sizeof(Elf64_Phdr));
    if (eh->e_phnum == 0 || eh->e_phnum == PN_XNUM)
        return fail(err, errlen, "no program headers (e_phnum %u)", eh->e_phnum);
    uint64_t phend;
    if (__builtin_add_overflow(eh->e_phoff, (uint64_t)eh->e_phnum * sizeof(Elf64_Phdr), &phend) ||
        phend > len)
        return fail(err, errlen, "truncated: program headers end at byte %llu, file has %zu",
                    (unsigned long long)(eh->e_phoff + (uint64_t)eh->e_phnum * sizeof(Elf64_Phdr)),
                    len);
    return 0;
}

static int prot_of(uint32_t f)
{
    return (f & PF_R ? PROT_READ : 0) | (f & PF_W ? PROT_WRITE : 0) | (f & PF_X ? PROT_EXEC : 0);
}

int elf_parse(const uint8_t *buf, size_t len, uint64_t lo, uint64_t hi, uint64_t pie_base,
              struct elf_image *img, char *err, size_t errlen)
{
    Elf64_Ehdr eh;
    memset(img, 0, sizeof *img);
    if (check_header(buf, len, &eh, err, errlen)) return -1;
    img->phnum = eh.e_phnum;
    img->phent = eh.e_phentsize;
    img->pie = eh.e_type == ET_DYN;

    /* First pass: refuse dynamic executables, find the lowest address. */
    uint64_t minv = UINT64_MAX, phdr_vaddr = 0;
    int have_phdr = 0;
    for (unsigned i = 0; i < eh.e_phnum; i++) {
        Elf64_Phdr ph;
        memcpy(&ph, buf + eh.e_phoff + i * sizeof ph, sizeof ph);
        if (ph.p_type == PT_INTERP) {
            char interp[64] = "?";
            if (ph.p_offset < len && ph.p_filesz > 0) {
                size_t n =
                    len - ph.p_offset < sizeof interp - 1 ? len - ph.p_offset : sizeof interp - 1;
                memcpy(interp, buf + ph.p_offset, n);
                interp[n] = 0;
            }
            return fail(err, errlen,
                        "dynamic executable (program interpreter %s): link it with -static",
                        interp);
        }
        if (ph.p_type == PT_PHDR) {
            phdr_vaddr = ph.p_vaddr;
            have_phdr = 1;
        }
        if (ph.p_type == PT_LOAD && ph.p_vaddr < minv) minv = ph.p_vaddr;
    }
    if (minv == UINT64_MAX) return fail(err, errlen, "no PT_LOAD segment");
    /* A static-pie moves by (bias), modulo 2^64; each segment's address is
     * computed as base + (p_vaddr - lowest) so that no step can wrap. */
    uint64_t from = 0, to = 0;
    if (img->pie) {
        from = minv & ~(ELF_HUGE_ALIGN - 1);
        to = pie_base;
        img->bias = to - from;
    }

    /* Second pass: each loadable segment, in file order (which ELF requires
     * to be ascending vaddr; overlap is checked against every earlier one). */
    for (unsigned i = 0; i < eh.e_phnum; i++) {
        Elf64_Phdr ph;
        memcpy(&ph, buf + eh.e_phoff + i * sizeof ph, sizeof ph);
        if (ph.p_type != PT_LOAD || ph.p_memsz == 0) continue;
        uint64_t fend, vaddr, vend;
        if (ph.p_filesz > ph.p_memsz)
            return fail(err, errlen, "segment %u: p_filesz %#llx > p_memsz %#llx", i,
                        (unsigned long long)ph.p_filesz, (unsigned long long)ph.p_memsz);
        if (__builtin_add_overflow(ph.p_offset, ph.p_filesz, &fend) || fend > len)
            return fail(err, errlen,
                        "truncated: segment %u needs file bytes up to %llu, file has %zu", i,
                        (unsigned long long)(ph.p_offset + ph.p_filesz), len);
        if (__builtin_add_overflow(ph.p_vaddr - from, to, &vaddr) ||
            __builtin_add_overflow(vaddr, ph.p_memsz, &vend))
            return fail(err, errlen, "segment %u: address %#llx + size %#llx overflows", i,
                        (unsigned long long)ph.p_vaddr, (unsigned long long)ph.p_memsz);
        if (vaddr < lo || vend > hi)
            return fail(
                err, errlen,
                "segment %u at [%#llx, %#llx) is outside the program's memory [%#llx, %#llx)", i,
                (unsigned long long)vaddr, (unsigned long long)vend, (unsigned long long)lo,
                (unsigned long long)hi);
        if (ph.p_align > 1 &&
            ((ph.p_align & (ph.p_align - 1)) || (ph.p_vaddr - ph.p_offset) % ph.p_align))
            return fail(err, errlen,
                        "segment %u: p_align %#llx is not a power of two or does not"
                        " match p_vaddr/p_offset",
                        i, (unsigned long long)ph.p_align);
        for (int k = 0; k < img->nseg; k++) {
            const struct elf_seg *s = &img->seg[k];
            if (vaddr < s->vaddr + s->memsz && s->vaddr < vend)
                return fail(
                    err, errlen,
                    "overlapping segments: segment %u [%#llx, %#llx) overlaps [%#llx, %#llx)", i,
                    (unsigned long long)vaddr, (unsigned long long)vend,
                    (unsigned long long)s->vaddr, (unsigned long long)(s->vaddr + s->memsz));
        }
        if (img->nseg == ELF_MAX_SEGS)
            return fail(err, errlen, "more than %d PT_LOAD segments", ELF_MAX_SEGS);
        img->seg[img->nseg++] =
            (struct elf_seg){vaddr, ph.p_memsz, ph.p_offset, ph.p_filesz, prot_of(ph.p_flags)};
        if (!have_phdr && eh.e_phoff >= ph.p_offset && eh.e_phoff - ph.p_offset < ph.p_filesz) {
            phdr_vaddr = ph.p_vaddr + (eh.e_phoff - ph.p_offset);
            have_phdr = 1;
        }
    }
    if (img->nseg == 0) return fail(err, errlen, "no PT_LOAD segment with a size");
    img->lo = UINT64_MAX;
    for (int k = 0; k < img->nseg; k++) {
        uint64_t a = img->seg[k].vaddr & ~(ELF_PAGE_ALIGN - 1);
        uint64_t e =
            (img->seg[k].vaddr + img->seg[k].memsz + ELF_PAGE_ALIGN - 1) & ~(ELF_PAGE_ALIGN - 1);
        img->lo = a < img->lo ? a : img->lo;
        img->hi = e > img->hi ? e : img->hi;
    }
    img->phdr = have_phdr ? phdr_vaddr + img->bias : 0;
    img->entry = eh.e_entry + img->bias;
    int entry_ok = 0;
    for (int k = 0; k < img->nseg; k++)
        if ((img->seg[k].prot & PROT_EXEC) && img->entry >= img->seg[k].vaddr &&
            img->entry < img->seg[k].vaddr + img->seg[k].memsz)
            entry_ok = 1;
    if (!entry_ok)
        return fail(err, errlen, "entry point %#llx is not in an executable segment",
                    (unsigned long long)img->entry);
    return 0;
}

void elf_copy(const struct elf_image *img, const uint8_t *buf, uint8_t *mem)
{
    for (int k = 0; k < img->nseg; k++)
        memcpy(mem + img->seg[k].vaddr, buf + img->seg[k].off, img->seg[k].filesz);
}
