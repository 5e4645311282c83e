/* snapvm_main.c: the `snapvm` command, a thin front end to vm_run(). */
#include "snapvm_abi.h"
#include "vm.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef SNAPLOG_VERSION
#define SNAPLOG_VERSION "unknown"
#endif

extern char **environ;

static void usage(FILE *f)
{
    fprintf(f,
            "usage: snapvm [OPTIONS] PROGRAM [ARGS...]\n"
            "Run a static x86-64 Linux program inside a KVM guest at user mode, or natively.\n"
            "\n"
            "  --mem SIZE          guest RAM (K, M, G suffixes; default 1G, %lluM to %lluG)\n"
            "  --sandbox DIR       confine file access to DIR, which the program sees as /\n"
            "  --trace-syscalls    print each system call on stderr, strace style\n"
            "  --stats             print exits, system calls and times at the end\n"
            "  --no-kvm            run natively, as a plain process\n"
            "  --kvm               require KVM: fail rather than run natively\n"
            "  -h, --help          show this help\n"
            "  -V, --version       show the version\n"
            "\n"
            "Without /dev/kvm (or without access to it) the program runs natively, and one\n"
            "line on stderr says why.  The exit status is the program's; 128+N when signal N\n"
            "(or the fault that raises it) ended it; 126 not a static x86-64 executable;\n"
            "127 no such program; 70 internal error.  See snapvm(1).\n",
            VM_MIN_MEM >> 20, VM_MAX_MEM >> 30);
}

/* SIZE: a number with an optional K/M/G suffix (powers of 1024). */
static int parse_size(const char *s, uint64_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s || *s == '-') return -1;
    int shift = 0;
    switch (*end) {
    case 'k':
    case 'K': shift = 10, end++; break;
    case 'm':
    case 'M': shift = 20, end++; break;
    case 'g':
    case 'G': shift = 30, end++; break;
    }
    if (*end == 'i' || *end == 'B') end += (end[0] == 'i' && end[1] == 'B') ? 2 : 1;
    if (*end || v > (UINT64_MAX >> shift)) return -1;
    *out = (uint64_t)v << shift;
    return 0;
}

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"mem", required_argument, NULL, 'm'},
        {"sandbox", required_argument, NULL, 's'},
        {"trace-syscalls", no_argument, NULL, 't'},
        {"stats", no_argument, NULL, 'S'},
        {"no-kvm", no_argument, NULL, 'n'},
        {"kvm", no_argument, NULL, 'k'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    struct vm_opts o = {.backend = VM_AUTO};
    int c;
    while ((c = getopt_long(argc, argv, "+hV", longopts, NULL)) != -1) {
        switch (c) {
        case 'm':
            if (parse_size(optarg, &o.mem) || o.mem < VM_MIN_MEM || o.mem > VM_MAX_MEM) {
                fprintf(stderr, "snapvm: --mem %s: want a size from %lluM to %lluG, e.g. 512M\n",
                        optarg, VM_MIN_MEM >> 20, VM_MAX_MEM >> 30);
                return VM_EXIT_USAGE;
            }
            break;
        case 's': o.sandbox = optarg; break;
        case 't': o.trace_syscalls = 1; break;
        case 'S': o.stats = 1; break;
        case 'n': o.backend = VM_NATIVE; break;
        case 'k': o.backend = VM_KVM; break;
        case 'h': usage(stdout); return 0;
        case 'V':
            printf("snapvm (snaplog) %s, ABI %d\n", SNAPLOG_VERSION, SNAPVM_ABI_VERSION);
            return 0;
        default: usage(stderr); return VM_EXIT_USAGE;
        }
    }
    if (optind >= argc) {
        usage(stderr);
        return VM_EXIT_USAGE;
    }
    return vm_run(&o, argv + optind, environ);
}
