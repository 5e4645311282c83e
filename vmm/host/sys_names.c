/* sys_names.c: system call names and trace lines (see sys_names.h). */
#define _GNU_SOURCE
#include "sys_names.h"

#include <errno.h>
#include <string.h>

struct sysdesc {
    const char *name;
    int nargs, path_arg; /* path_arg: index of the path argument, -1 none */
};

/* The calls snapvm serves and the ones static glibc is known to try. */
static const struct sysdesc descs[] = {
    [0] = {"read", 3, -1},
    [1] = {"write", 3, -1},
    [2] = {"open", 3, 0},
    [3] = {"close", 1, -1},
    [4] = {"stat", 2, 0},
    [5] = {"fstat", 2, -1},
    [8] = {"lseek", 3, -1},
    [9] = {"mmap", 6, -1},
    [10] = {"mprotect", 3, -1},
    [11] = {"munmap", 2, -1},
    [12] = {"brk", 1, -1},
    [13] = {"rt_sigaction", 4, -1},
    [14] = {"rt_sigprocmask", 4, -1},
    [16] = {"ioctl", 3, -1},
    [17] = {"pread64", 4, -1},
    [18] = {"pwrite64", 4, -1},
    [19] = {"readv", 3, -1},
    [20] = {"writev", 3, -1},
    [21] = {"access", 2, 0},
    [28] = {"madvise", 3, -1},
    [39] = {"getpid", 0, -1},
    [60] = {"exit", 1, -1},
    [62] = {"kill", 2, -1},
    [63] = {"uname", 1, -1},
    [72] = {"fcntl", 3, -1},
    [79] = {"getcwd", 2, -1},
    [80] = {"chdir", 1, 0},
    [82] = {"rename", 2, 0},
    [83] = {"mkdir", 2, 0},
    [84] = {"rmdir", 1, 0},
    [87] = {"unlink", 1, 0},
    [89] = {"readlink", 3, 0},
    [102] = {"getuid", 0, -1},
    [104] = {"getgid", 0, -1},
    [107] = {"geteuid", 0, -1},
    [108] = {"getegid", 0, -1},
    [110] = {"getppid", 0, -1},
    [158] = {"arch_prctl", 2, -1},
    [186] = {"gettid", 0, -1},
    [202] = {"futex", 6, -1},
    [217] = {"getdents64", 3, -1},
    [218] = {"set_tid_address", 1, -1},
    [228] = {"clock_gettime", 2, -1},
    [231] = {"exit_group", 1, -1},
    [234] = {"tgkill", 3, -1},
    [257] = {"openat", 4, 1},
    [258] = {"mkdirat", 3, 1},
    [262] = {"newfstatat", 4, 1},
    [263] = {"unlinkat", 3, 1},
    [264] = {"renameat", 4, 1},
    [267] = {"readlinkat", 4, 1},
    [269] = {"faccessat", 3, 1},
    [273] = {"set_robust_list", 2, -1},
    [302] = {"prlimit64", 4, -1},
    [316] = {"renameat2", 5, 1},
    [318] = {"getrandom", 3, -1},
    [334] = {"rseq", 4, -1},
};

const char *sys_name(uint64_t nr)
{
    return nr < sizeof descs / sizeof descs[0] ? descs[nr].name : NULL;
}

void sys_trace(FILE *out, uint64_t nr, const uint64_t a[6], int64_t ret, const char *path)
{
    const char *name = sys_name(nr);
    int nargs = name ? descs[nr].nargs : 6, pa = name ? descs[nr].path_arg : -1;
    if (name)
        fprintf(out, "%s(", name);
    else
        fprintf(out, "syscall_%llu(", (unsigned long long)nr);
    for (int i = 0; i < nargs; i++) {
        if (i) fputs(", ", out);
        if (i == pa && path)
            fprintf(out, "\"%s\"", path);
        else if ((int64_t)a[i] < 0 && (int64_t)a[i] > -4096)
            fprintf(out, "%lld", (long long)a[i]);
        else if (a[i] < 4096)
            fprintf(out, "%llu", (unsigned long long)a[i]);
        else
            fprintf(out, "%#llx", (unsigned long long)a[i]);
    }
    if (ret < 0 && ret > -4096)
        fprintf(out, ") = -1 %s (%s)\n",
                strerrorname_np((int)-ret) ? strerrorname_np((int)-ret) : "E?",
                strerror((int)-ret));
    else if (ret >= 0 && ret < 4096)
        fprintf(out, ") = %lld\n", (long long)ret);
    else
        fprintf(out, ") = %#llx\n", (unsigned long long)ret);
}
