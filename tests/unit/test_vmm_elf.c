/* test_vmm_elf: the ELF loader on good and broken files generated here. */
#include <elf.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>

#include <cmocka.h>

#include "../../vmm/host/elf_load.h"

#define LO 0x200000ULL
#define HI 0x40000000ULL

/* A static executable: header, two program headers (R+X text holding the
 * headers, RW data with bss), then the segment bytes. */
struct file {
    uint8_t b[0x3000];
    size_t len;
};

static Elf64_Ehdr *eh(struct file *f)
{
    return (Elf64_Ehdr *)f->b;
}
static Elf64_Phdr *ph(struct file *f, int i)
{
    return (Elf64_Phdr *)(f->b + 64) + i;
}

static void make(struct file *f, int type, uint64_t base)
{
    memset(f, 0, sizeof *f);
    Elf64_Ehdr *e = eh(f);
    memcpy(e->e_ident, ELFMAG, SELFMAG);
    e->e_ident[EI_CLASS] = ELFCLASS64;
    e->e_ident[EI_DATA] = ELFDATA2LSB;
    e->e_ident[EI_VERSION] = EV_CURRENT;
    e->e_type = (uint16_t)type;
    e->e_machine = EM_X86_64;
    e->e_version = EV_CURRENT;
    e->e_entry = base + 0x1000;
    e->e_phoff = 64;
    e->e_ehsize = 64;
    e->e_phentsize = sizeof(Elf64_Phdr);
    e->e_phnum = 2;
    *ph(f, 0) = (Elf64_Phdr){PT_LOAD, PF_R | PF_X, 0, base, base, 0x2000, 0x2000, 0x1000};
    *ph(f, 1) = (Elf64_Phdr){PT_LOAD,       PF_R | PF_W, 0x2000, base + 0x3000,
                             base + 0x3000, 0x1000,      0x5000, 0x1000};
    memset(f->b + 0x1000, 0xc3, 16); /* "code" */
    memset(f->b + 0x2000, 0xab, 16); /* "data" */
    f->len = 0x3000;
}

static int parse(struct file *f, struct elf_image *img, char *err)
{
    return elf_parse(f->b, f->len, LO, HI, 0x400000, img, err, 200);
}

static void good_static(void **state)
{
    struct file f;
    struct elf_image img;
    char err[200] = "";
    make(&f, ET_EXEC, 0x400000);
    assert_int_equal(parse(&f, &img, err), 0);
    assert_int_equal(img.nseg, 2);
    assert_int_equal(img.entry, 0x401000);
    assert_int_equal(img.phdr, 0x400040);
    assert_int_equal(img.phnum, 2);
    assert_int_equal(img.lo, 0x400000);
    assert_int_equal(img.hi, 0x408000);
    assert_int_equal(img.seg[1].prot, PROT_READ | PROT_WRITE);
    static uint8_t mem[0x410000];
    memset(mem + 0x403000, 0, 0x5000);
    elf_copy(&img, f.b, mem);
    assert_int_equal(mem[0x401000], 0xc3);
    assert_int_equal(mem[0x403000], 0xab);
    assert_int_equal(mem[0x404000], 0); /* bss left zero */
}

static void good_static_pie(void **state)
{
    struct file f;
    struct elf_image img;
    char err[200] = "";
    make(&f, ET_DYN, 0);
    assert_int_equal(parse(&f, &img, err), 0);
    assert_true(img.pie);
    assert_int_equal(img.bias, 0x400000);
    assert_int_equal(img.entry, 0x401000);
    assert_int_equal(img.seg[1].vaddr, 0x403000);
}

#define EXPECT_ERR(f, text)                                                                        \
    do {                                                                                           \
        struct elf_image img_;                                                                     \
        char err_[200] = "";                                                                       \
        assert_int_equal(parse((f), &img_, err_), -1);                                             \
        if (!strstr(err_, (text))) fail_msg("error \"%s\" lacks \"%s\"", err_, (text));            \
    } while (0)

static void truncated(void **state)
{
    struct file f;
    make(&f, ET_EXEC, 0x400000);
    f.len = 0x2800; /* the data segment's bytes are cut */
    EXPECT_ERR(&f, "truncated: segment 1");
    f.len = 100; /* program headers cut */
    EXPECT_ERR(&f, "truncated: program headers");
    f.len = 40; /* ELF header cut */
    EXPECT_ERR(&f, "truncated: ELF header");
    f.len = 3;
    EXPECT_ERR(&f, "not an ELF file");
}

static void wrong_machine_class_type(void **state)
{
    struct file f;
    make(&f, ET_EXEC, 0x400000);
    eh(&f)->e_machine = EM_AARCH64;
    EXPECT_ERR(&f, "wrong machine: e_machine 183 (aarch64)");
    make(&f, ET_EXEC, 0x400000);
    f.b[EI_CLASS] = ELFCLASS32;
    EXPECT_ERR(&f, "wrong class");
    make(&f, ET_EXEC, 0x400000);
    f.b[EI_DATA] = ELFDATA2MSB;
    EXPECT_ERR(&f, "big-endian");
    make(&f, ET_REL, 0x400000);
    EXPECT_ERR(&f, "not an executable");
    make(&f, ET_EXEC, 0x400000);
    eh(&f)->e_phentsize = 40;
    EXPECT_ERR(&f, "bad e_phentsize");
}

static void overlapping(void **state)
{
    struct file f;
    make(&f, ET_EXEC, 0x400000);
    ph(&f, 1)->p_vaddr = ph(&f, 1)->p_paddr = 0x401000;
    ph(&f, 1)->p_offset = 0x1000;
    EXPECT_ERR(&f, "overlapping segments: segment 1");
}

static void out_of_range(void **state)
{
    struct file f;
    make(&f, ET_EXEC, 0x400000);
    ph(&f, 1)->p_vaddr = HI - 0x1000;
    ph(&f, 1)->p_offset = 0x2000;
    EXPECT_ERR(&f, "outside the program's memory");
    make(&f, ET_EXEC, 0x100000); /* the monitor's area */
    EXPECT_ERR(&f, "outside the program's memory");
    make(&f, ET_EXEC, 0x400000);
    ph(&f, 1)->p_vaddr = 0xfffffffffffff000ULL;
    ph(&f, 1)->p_offset = 0x2000;
    EXPECT_ERR(&f, "overflows");
    make(&f, ET_EXEC, 0x400000);
    ph(&f, 1)->p_offset = 0xfffffffffffff000ULL;
    EXPECT_ERR(&f, "truncated: segment 1");
    make(&f, ET_EXEC, 0x400000);
    eh(&f)->e_phoff = 0xffffffffffffffc0ULL;
    EXPECT_ERR(&f, "truncated: program headers");
}

static void dynamic(void **state)
{
    struct file f;
    make(&f, ET_DYN, 0);
    eh(&f)->e_phnum = 3;
    *ph(&f, 2) = (Elf64_Phdr){PT_INTERP, PF_R, 0x800, 0x800, 0x800, 28, 28, 1};
    strcpy((char *)f.b + 0x800, "/lib64/ld-linux-x86-64.so.2");
    EXPECT_ERR(&f, "dynamic executable (program interpreter /lib64/ld-linux-x86-64.so.2)");
}

static void bad_segments(void **state)
{
    struct file f;
    make(&f, ET_EXEC, 0x400000);
    ph(&f, 1)->p_filesz = 0x6000;
    EXPECT_ERR(&f, "p_filesz");
    make(&f, ET_EXEC, 0x400000);
    ph(&f, 0)->p_flags = PF_R; /* entry no longer executable */
    EXPECT_ERR(&f, "entry point 0x401000 is not in an executable segment");
    make(&f, ET_EXEC, 0x400000);
    ph(&f, 0)->p_type = PT_NOTE;
    ph(&f, 1)->p_type = PT_NOTE;
    EXPECT_ERR(&f, "no PT_LOAD");
    make(&f, ET_EXEC, 0x400000);
    ph(&f, 1)->p_align = 0x3000;
    EXPECT_ERR(&f, "p_align");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(good_static), cmocka_unit_test(good_static_pie),
        cmocka_unit_test(truncated),   cmocka_unit_test(wrong_machine_class_type),
        cmocka_unit_test(overlapping), cmocka_unit_test(out_of_range),
        cmocka_unit_test(dynamic),     cmocka_unit_test(bad_segments),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
