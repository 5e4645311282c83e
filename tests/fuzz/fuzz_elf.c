/* fuzz_elf: libFuzzer target for the ELF loader: any accepted file must
 * describe segments inside the window and inside the file, and loading it
 * must stay inside guest memory (ASan checks the copy). */
#include "elf_load.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define LO 0x200000ULL
#define HI 0x800000ULL
static uint8_t mem[HI];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct elf_image img;
    char err[200];
    if (elf_parse(data, size, LO, HI, 0x400000, &img, err, sizeof err)) {
        if (!memchr(err, 0, sizeof err) || !err[0]) abort(); /* every refusal says why */
        return 0;
    }
    for (int i = 0; i < img.nseg; i++) {
        const struct elf_seg *s = &img.seg[i];
        if (s->vaddr < LO || s->vaddr + s->memsz > HI || s->filesz > s->memsz ||
            s->off + s->filesz > size || s->off + s->filesz < s->off)
            abort();
    }
    if (img.entry < LO || img.entry >= HI) abort();
    elf_copy(&img, data, mem);
    return 0;
}
