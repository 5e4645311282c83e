/* args_env_auxv: argv, envp and the auxiliary vector a new process gets. */
//! args: one "two" 3
#include "check.h"

#include "../../vmm/include/snapvm_abi.h"

#include <elf.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>

extern char **environ;
extern char _start[];

int main(int argc, char **argv)
{
    CHECK(argc == 4);
    CHECK(!strcmp(argv[1], "one") && !strcmp(argv[2], "\"two\"") && !strcmp(argv[3], "3"));
    CHECK(argv[4] == NULL);
    CHECK(environ != NULL);
    CHECK(getenv("PATH") != NULL); /* the runner's environment reaches the program */
    CHECK(getauxval(AT_PAGESZ) == 4096);
    CHECK(getauxval(AT_ENTRY) == (unsigned long)_start);
    CHECK(getauxval(AT_PHENT) == sizeof(Elf64_Phdr));
    const Elf64_Phdr *ph = (const Elf64_Phdr *)getauxval(AT_PHDR);
    CHECK(ph != NULL && getauxval(AT_PHNUM) > 0);
    int have_load = 0;
    for (unsigned long i = 0; i < getauxval(AT_PHNUM); i++) have_load |= ph[i].p_type == PT_LOAD;
    CHECK(have_load);
    const unsigned char *rnd = (const unsigned char *)getauxval(AT_RANDOM);
    CHECK(rnd != NULL);
    int nonzero = 0;
    for (int i = 0; i < 16; i++) nonzero |= rnd[i];
    CHECK(nonzero);
    const char *plat = (const char *)getauxval(AT_PLATFORM);
    CHECK(plat && !strcmp(plat, "x86_64"));
    const char *execfn = (const char *)getauxval(AT_EXECFN);
    CHECK(execfn && strstr(execfn, "args_env_auxv"));
    /* Under snapvm the platform struct; natively nothing. */
    const struct snapvm_platform *p = (const void *)getauxval(SNAPVM_AT_PLATFORM);
    if (p) {
        CHECK(p->abi_version == SNAPVM_ABI_VERSION);
        CHECK(p->shadow_offset == SNAPVM_SHADOW_OFFSET && p->shadow_scale == SNAPVM_SHADOW_SCALE);
        CHECK(p->prog_end > (unsigned long)argv);
    }
    printf("argc %d, backend %s\n", argc, p ? "kvm" : "native");
    puts("SUCCESS");
    return 0;
}
