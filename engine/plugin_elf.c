/* plugin_elf.c - reading a plugin's shared object (plugin_elf.h).
 *
 * Every number the file gives is checked before it is used: program
 * headers and segments against the file's size, every table the dynamic
 * section names and every relocation target against the image's span,
 * symbol and name indexes against their tables.  A refusal says what was
 * wrong.  Only what -fPIC code built by snaplog-plugin-cc has is accepted:
 * RELA relocations of the kinds RELATIVE, 64, GLOB_DAT and JUMP_SLOT, no
 * library of its own, no thread-local storage, no indirect functions.
 */
#include "plugin_elf.h"

#include <elf.h>
#include <stdio.h>
#include <string.h>

/* A segment may not reach past 4 GiB of image. */
#define PELF_MAX_SPAN ((uint64_t)1 << 32)

struct rd {
    const unsigned char *file;
    size_t flen;
    struct pelf_image *im;
    const struct pelf_host *host;
    const Elf64_Sym *syms;
    size_t nsyms;
    const char *strs;
    size_t strsz;
};

static bool refuse(struct rd *r, const char *fmt, const char *arg)
{
    snprintf(r->im->err, sizeof r->im->err, fmt, arg);
    return false;
}

static bool in_image(const struct rd *r, uint64_t off, uint64_t n) { return off <= r->im->span && n <= r->im->span - off; }

/* The table [addr, addr + size) of the image, or NULL (with the reason). */
static const void *table(struct rd *r, uint64_t addr, uint64_t size, const char *what)
{
    if (!in_image(r, addr, size)) {
        refuse(r, "%s lies outside the image", what);
        return NULL;
    }
    return r->im->base + addr;
}

/* The value of symbol idx for a relocation: inside the image, or the
 * host's; false with the reason when there is none. */
static bool symbol_value(struct rd *r, uint64_t idx, uintptr_t *value)
{
    if (idx >= r->nsyms || r->syms[idx].st_name >= r->strsz)
        return refuse(r, "%s", "a relocation names a symbol the table does not have");
    const Elf64_Sym *s = &r->syms[idx];
    const char *name = r->strs + s->st_name;
    unsigned type = ELF64_ST_TYPE(s->st_info);
    char nm[100];
    snprintf(nm, sizeof nm, "%s", name);
    if (type == STT_TLS || type == STT_GNU_IFUNC)
        return refuse(r, "symbol %s: thread-local and indirect symbols are not supported", nm);
    if (s->st_shndx != SHN_UNDEF) {
        if (!in_image(r, s->st_value, 0))
            return refuse(r, "symbol %s lies outside the image", nm);
        *value = (uintptr_t)r->im->base + s->st_value;
        return true;
    }
    *value = r->host->resolve(name, r->host->ctx);
    if (!*value && ELF64_ST_BIND(s->st_info) != STB_WEAK)
        return refuse(r, "undefined symbol: %s", nm);
    return true;
}

static bool relocate(struct rd *r, uint64_t addr, uint64_t size, const char *what)
{
    const Elf64_Rela *rel = table(r, addr, size, what);
    if (!rel)
        return false;
    for (size_t i = 0; i < size / sizeof *rel; i++) {
        uint64_t type = ELF64_R_TYPE(rel[i].r_info);
        if (type == R_X86_64_NONE)
            continue;
        if (!in_image(r, rel[i].r_offset, 8))
            return refuse(r, "%s: a relocation lies outside the image", what);
        unsigned char *where = (unsigned char *)r->im->base + rel[i].r_offset;
        uint64_t v;
        uintptr_t s;
        switch (type) {
        case R_X86_64_RELATIVE:
            v = (uint64_t)(uintptr_t)r->im->base + (uint64_t)rel[i].r_addend;
            break;
        case R_X86_64_64:
        case R_X86_64_GLOB_DAT:
        case R_X86_64_JUMP_SLOT:
            if (!symbol_value(r, ELF64_R_SYM(rel[i].r_info), &s))
                return false;
            v = s + (type == R_X86_64_64 ? (uint64_t)rel[i].r_addend : 0);
            break;
        default: {
            char t[24];
            snprintf(t, sizeof t, "%llu", (unsigned long long)type);
            return refuse(r, "relocation type %s is not supported (built without -fPIC?)", t);
        }
        }
        memcpy(where, &v, 8); /* r_offset need not be aligned */
    }
    return true;
}

/* The number of dynamic symbols: the section headers say it, else DT_HASH. */
static size_t dynsym_count(struct rd *r, const Elf64_Ehdr *eh, uint64_t hash)
{
    if (eh->e_shentsize == sizeof(Elf64_Shdr) && eh->e_shoff <= r->flen &&
        (uint64_t)eh->e_shnum * sizeof(Elf64_Shdr) <= r->flen - eh->e_shoff) {
        const Elf64_Shdr *sh = (const Elf64_Shdr *)(r->file + eh->e_shoff);
        for (unsigned i = 0; i < eh->e_shnum; i++)
            if (sh[i].sh_type == SHT_DYNSYM)
                return sh[i].sh_size / sizeof(Elf64_Sym);
    }
    const uint32_t *h = hash ? table(r, hash, 8, "the symbol hash table") : NULL;
    return h ? h[1] : 0;
}

static bool find_install(struct rd *r, const char *stem)
{
    char want[3][128];
    snprintf(want[0], sizeof want[0], "install_%s", stem);
    snprintf(want[1], sizeof want[1], "install_%s", strncmp(stem, "lib", 3) ? stem : stem + 3);
    snprintf(want[2], sizeof want[2], "install");
    for (int w = 0; w < 3; w++)
        for (size_t i = 0; i < r->nsyms; i++) {
            const Elf64_Sym *s = &r->syms[i];
            if (s->st_shndx != SHN_UNDEF && ELF64_ST_TYPE(s->st_info) == STT_FUNC && s->st_name < r->strsz &&
                !strcmp(r->strs + s->st_name, want[w]) && in_image(r, s->st_value, 1)) {
                r->im->install = (uintptr_t)r->im->base + s->st_value;
                return true;
            }
        }
    return refuse(r, "no install function (install_%s or install)", stem);
}

/* The dynamic section: tables, relocations, constructors, the install
 * function. */
static bool link_image(struct rd *r, const Elf64_Ehdr *eh, const Elf64_Phdr *dyn, const char *stem)
{
    const Elf64_Dyn *d = table(r, dyn->p_vaddr, dyn->p_memsz, "the dynamic section");
    if (!d)
        return false;
    uint64_t symtab = 0, strtab = 0, rela = 0, relasz = 0, jmprel = 0, pltrelsz = 0, hash = 0;
    uint64_t init = 0, init_array = 0, init_arraysz = 0;
    for (size_t i = 0; i < dyn->p_memsz / sizeof *d && d[i].d_tag != DT_NULL; i++) {
        uint64_t v = d[i].d_un.d_val;
        switch (d[i].d_tag) {
        case DT_NEEDED: return refuse(r, "%s", "needs a shared library of its own (link it with snaplog-plugin-cc)");
        case DT_SYMTAB: symtab = v; break;
        case DT_STRTAB: strtab = v; break;
        case DT_STRSZ: r->strsz = v; break;
        case DT_RELA: rela = v; break;
        case DT_RELASZ: relasz = v; break;
        case DT_REL:
        case DT_RELR: return refuse(r, "%s", "REL and RELR relocations are not supported");
        case DT_JMPREL: jmprel = v; break;
        case DT_PLTRELSZ: pltrelsz = v; break;
        case DT_PLTREL:
            if (v != DT_RELA)
                return refuse(r, "%s", "REL relocations are not supported");
            break;
        case DT_HASH: hash = v; break;
        case DT_INIT: init = v; break;
        case DT_INIT_ARRAY: init_array = v; break;
        case DT_INIT_ARRAYSZ: init_arraysz = v; break;
        }
    }
    r->nsyms = dynsym_count(r, eh, hash);
    if (r->im->err[0])
        return false;
    if (!symtab || !strtab || r->nsyms > r->im->span / sizeof(Elf64_Sym))
        return refuse(r, "%s", "no dynamic symbol table");
    if (!(r->syms = table(r, symtab, r->nsyms * sizeof(Elf64_Sym), "the symbol table")) ||
        !(r->strs = table(r, strtab, r->strsz, "the string table")))
        return false;
    if (r->strsz == 0 || r->strs[r->strsz - 1] != 0)
        return refuse(r, "%s", "the string table is not terminated");
    if (relasz && !relocate(r, rela, relasz, "the relocations"))
        return false;
    if (pltrelsz && !relocate(r, jmprel, pltrelsz, "the PLT relocations"))
        return false;
    if (!find_install(r, stem))
        return false;
    if (init) {
        if (!in_image(r, init, 1))
            return refuse(r, "%s", "DT_INIT lies outside the image");
        r->im->init = (uintptr_t)r->im->base + init;
    }
    if (init_arraysz) {
        const uint64_t *ia = table(r, init_array, init_arraysz, "the constructor table");
        if (!ia)
            return false;
        /* relocated already: entries are addresses, 0 and -1 are skipped */
        for (size_t i = 0; i < init_arraysz / 8; i++) {
            uint64_t e;
            memcpy(&e, &ia[i], 8);
            if (e != 0 && e != (uint64_t)-1 &&
                !(e >= (uintptr_t)r->im->base && e < (uintptr_t)r->im->base + r->im->span))
                return refuse(r, "%s", "a constructor lies outside the image");
        }
        r->im->init_array = ia;
        r->im->ninit = init_arraysz / 8;
    }
    return true;
}

bool pelf_load(const unsigned char *file, size_t len, const char *stem, const struct pelf_host *host,
               struct pelf_image *out)
{
    memset(out, 0, sizeof *out);
    struct rd r = {.file = file, .flen = len, .im = out, .host = host};
    const Elf64_Ehdr *eh = (const Elf64_Ehdr *)file;
    if (len < sizeof *eh || memcmp(eh->e_ident, ELFMAG, SELFMAG))
        return refuse(&r, "%s", "not an ELF file");
    if (eh->e_ident[EI_CLASS] != ELFCLASS64 || eh->e_ident[EI_DATA] != ELFDATA2LSB || eh->e_machine != EM_X86_64 ||
        eh->e_type != ET_DYN)
        return refuse(&r, "%s", "not an x86-64 shared object");
    if (eh->e_phentsize != sizeof(Elf64_Phdr) || eh->e_phoff > len ||
        (uint64_t)eh->e_phnum * sizeof(Elf64_Phdr) > len - eh->e_phoff)
        return refuse(&r, "%s", "bad program headers");
    const Elf64_Phdr *ph = (const Elf64_Phdr *)(file + eh->e_phoff);
    uint64_t hi = 0;
    const Elf64_Phdr *dyn = NULL;
    for (unsigned i = 0; i < eh->e_phnum; i++) {
        if (ph[i].p_type == PT_DYNAMIC)
            dyn = &ph[i];
        if (ph[i].p_type == PT_TLS)
            return refuse(&r, "%s", "thread-local storage is not supported");
        if (ph[i].p_type != PT_LOAD)
            continue;
        if (ph[i].p_filesz > ph[i].p_memsz || ph[i].p_offset > len || ph[i].p_filesz > len - ph[i].p_offset ||
            ph[i].p_vaddr > PELF_MAX_SPAN || ph[i].p_memsz > PELF_MAX_SPAN - ph[i].p_vaddr)
            return refuse(&r, "%s", "a loadable segment lies outside the file or the image");
        if (ph[i].p_vaddr + ph[i].p_memsz > hi)
            hi = ph[i].p_vaddr + ph[i].p_memsz;
        if ((ph[i].p_flags & PF_W) && ph[i].p_memsz) {
            if (out->nwritable == PELF_MAX_WRITABLE)
                return refuse(&r, "%s", "too many writable segments");
            out->writable[out->nwritable].off = ph[i].p_vaddr;
            out->writable[out->nwritable].len = ph[i].p_memsz;
            out->nwritable++;
        }
    }
    if (!hi || !dyn)
        return refuse(&r, "%s", "no loadable segments or no dynamic section");
    out->span = (hi + 4095) & ~(uint64_t)4095;
    out->base = host->map(out->span, host->ctx);
    if (!out->base)
        return refuse(&r, "%s", "cannot map the image");
    for (unsigned i = 0; i < eh->e_phnum; i++)
        if (ph[i].p_type == PT_LOAD && ph[i].p_filesz)
            memcpy(out->base + ph[i].p_vaddr, file + ph[i].p_offset, ph[i].p_filesz);
    if (link_image(&r, eh, dyn, stem))
        return true;
    host->unmap(out->base, out->span, host->ctx);
    out->base = NULL;
    return false;
}
