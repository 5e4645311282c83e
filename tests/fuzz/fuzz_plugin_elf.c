/* fuzz_plugin_elf: libFuzzer target for the plugin loader's ELF reading
 * (engine/plugin_elf.c, the code the engine runs on the files
 * use_foreign_library/1 is given).  Any file it accepts must give an
 * install function, constructors and writable segments inside the image,
 * and reading it must stay inside the file and the image (ASan checks the
 * copies and relocations); every refusal says why. */
#include "plugin_elf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static char resolved; /* what every engine symbol resolves to */

static void *map(size_t span, void *ctx)
{
    (void)ctx;
    return span <= ((size_t)64 << 20) ? calloc(1, span) : NULL;
}

static void unmap(void *base, size_t span, void *ctx)
{
    (void)span;
    (void)ctx;
    free(base);
}

/* names starting with 'x' are undefined, the rest resolve */
static uintptr_t resolve(const char *name, void *ctx)
{
    (void)ctx;
    return name[0] == 'x' ? 0 : (uintptr_t)&resolved;
}

static int inside(const struct pelf_image *im, uintptr_t a) { return a >= (uintptr_t)im->base && a < (uintptr_t)im->base + im->span; }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const struct pelf_host host = {map, unmap, resolve, NULL};
    struct pelf_image im;
    if (!pelf_load(data, size, "probe", &host, &im)) {
        if (!memchr(im.err, 0, sizeof im.err) || !im.err[0] || im.base)
            abort();
        return 0;
    }
    if (!inside(&im, im.install) || (im.init && !inside(&im, im.init)))
        abort();
    if (im.ninit && !(inside(&im, (uintptr_t)im.init_array) &&
                      (uintptr_t)(im.init_array + im.ninit) <= (uintptr_t)im.base + im.span))
        abort();
    for (size_t i = 0; i < im.ninit; i++) {
        uint64_t f;
        memcpy(&f, &im.init_array[i], 8);
        if (f != 0 && f != (uint64_t)-1 && !inside(&im, f))
            abort();
    }
    for (unsigned i = 0; i < im.nwritable; i++)
        if (im.writable[i].off > im.span || im.writable[i].len > im.span - im.writable[i].off)
            abort();
    unmap(im.base, im.span, NULL);
    return 0;
}
