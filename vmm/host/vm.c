/* vm.c: backend choice and the messages both backends share (see vm.h). */
#define _GNU_SOURCE
#include "vm.h"

#include "elf_load.h"
#include "kvm_x86_64.h"
#include "native.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

const char *vm_kvm_unusable(void)
{
    int fd = open("/dev/kvm", O_RDWR | O_CLOEXEC);
    if (fd >= 0) {
        close(fd);
        return NULL;
    }
    switch (errno) {
    case ENOENT:
    case ENODEV:
    case ENXIO: return "/dev/kvm: no such device";
    case EACCES:
    case EPERM: return "/dev/kvm: no access (add yourself to group kvm)";
    case EBUSY: return "/dev/kvm: busy";
    default: return "/dev/kvm: cannot be opened";
    }
}

static const char *what(int sig)
{
    switch (sig) {
    case SIGSEGV: return "segmentation fault";
    case SIGBUS: return "bus error";
    case SIGFPE: return "floating point exception";
    case SIGILL: return "illegal instruction";
    case SIGTRAP: return "trace/breakpoint trap";
    case SIGABRT: return "aborted";
    default: return NULL;
    }
}

void vm_report_signal(const char *name, int sig, int have_addr, uint64_t addr, uint64_t rip)
{
    const char *w = what(sig);
    char buf[160];
    int n = snprintf(buf, sizeof buf, "snapvm: %s: %s", name, w ? w : strsignal(sig));
    if (have_addr && n < (int)sizeof buf)
        n += snprintf(buf + n, sizeof buf - (size_t)n, " at %#llx", (unsigned long long)addr);
    if (rip && n < (int)sizeof buf)
        snprintf(buf + n, sizeof buf - (size_t)n, " (rip %#llx)", (unsigned long long)rip);
    fprintf(stderr, "%s\n", buf);
}

/* Check the program before choosing a backend, so that both refuse the
 * same files with the same words. */
static int check_program(const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) < 0) {
        fprintf(stderr, "snapvm: %s: %s\n", path, strerror(errno));
        if (fd >= 0) close(fd);
        return errno == ENOENT ? VM_EXIT_NOTFOUND : VM_EXIT_NOEXEC;
    }
    if (!S_ISREG(st.st_mode) || st.st_size == 0) {
        close(fd);
        fprintf(stderr, "snapvm: %s: not a regular, non-empty file\n", path);
        return VM_EXIT_NOEXEC;
    }
    void *buf = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (buf == MAP_FAILED) {
        fprintf(stderr, "snapvm: %s: %s\n", path, strerror(errno));
        return VM_EXIT_NOEXEC;
    }
    struct elf_image img;
    char err[200];
    /* The widest window any --mem allows; the KVM backend checks its own. */
    int rc = elf_parse(buf, (size_t)st.st_size, SNAPVM_LOW_END, KVM_SHADOW_VA, 0x400000, &img, err,
                       sizeof err);
    munmap(buf, (size_t)st.st_size);
    if (rc) {
        fprintf(stderr, "snapvm: %s: %s\n", path, err);
        return VM_EXIT_NOEXEC;
    }
    return 0;
}

int vm_run(const struct vm_opts *o, char *const argv[], char *const envp[])
{
    struct vm_opts opts = *o;
    if (!opts.name) opts.name = argv[0];
    if (!opts.mem) opts.mem = VM_DEFAULT_MEM;
    int rc = check_program(argv[0]);
    if (rc) return rc;
    if (opts.backend != VM_NATIVE) {
        const char *why = vm_kvm_unusable();
        if (!why) return kvm_run_program(&opts, argv, envp);
        const char *tool = opts.tool ? opts.tool : "snapvm";
        if (opts.backend == VM_KVM) {
            fprintf(stderr, "%s: %s; run with --no-kvm to run natively\n", tool, why);
            return VM_EXIT_INTERNAL;
        }
        if (!opts.quiet)
            fprintf(stderr, "%s: %s; running natively (--no-kvm)\n", tool, why);
    }
    return native_run_program(&opts, argv, envp);
}
