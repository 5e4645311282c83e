/* plugin_elf.h - reading a plugin's shared object: checks, layout,
 * relocation (plugin_elf.c).  Pure C over callbacks, with no engine
 * dependency, so that the host fuzz target (tests/fuzz/fuzz_plugin_elf.c)
 * runs the very code the engine runs on untrusted files.
 */
#ifndef ENGINE_PLUGIN_ELF_H
#define ENGINE_PLUGIN_ELF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What the loader needs from its user. */
struct pelf_host {
    /* span bytes of zeroed, writable (and executable) memory, or NULL */
    void *(*map)(size_t span, void *ctx);
    void (*unmap)(void *base, size_t span, void *ctx);
    /* the address of an undefined symbol, or 0 when there is none */
    uintptr_t (*resolve)(const char *name, void *ctx);
    void *ctx;
};

#define PELF_MAX_WRITABLE 8
#define PELF_ERR_SIZE 160

struct pelf_image {
    char *base;                /* the image, span bytes, relocated */
    size_t span;
    uintptr_t install;         /* the install function */
    uintptr_t init;            /* DT_INIT, or 0 */
    const uint64_t *init_array; /* DT_INIT_ARRAY entries (inside the image), ninit of them */
    size_t ninit;
    struct {
        size_t off, len;       /* a writable segment: [base + off, base + off + len) */
    } writable[PELF_MAX_WRITABLE];
    unsigned nwritable;
    char err[PELF_ERR_SIZE];   /* why the file was refused */
};

/* Checks file [file, file + len) (every offset and size against the
 * file's size and the image's), maps its image through host->map, copies
 * the segments in and applies the relocations -fPIC code has, and finds
 * the install function: install_<stem>, install_<stem less a leading
 * "lib">, or install.  Every address it sets lies inside the image.  On
 * refusal returns false with out->err saying why and nothing mapped. */
bool pelf_load(const unsigned char *file, size_t len, const char *stem, const struct pelf_host *host,
               struct pelf_image *out);

#endif
