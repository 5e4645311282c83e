/* launcher.c - the `snaplog` command: runs the engine ELF (snaplog-engine).
 *
 * Under KVM through the monitor library when /dev/kvm is usable, otherwise
 * natively, with a one-line note saying why (DESIGN section 2, BRIEF point
 * 7).  The KVM path needs vmm/host as a library with a vm_run entry; until
 * that is merged, the launcher always runs the engine natively and says so
 * when KVM was asked for explicitly.  Native: exec, so signals, the exit
 * status and the terminal belong to the engine directly.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The engine next to this program (build tree), or in ../lib/snaplog
 * (installed); SNAPLOG_ENGINE overrides both. */
static bool find_engine(char *out, size_t size)
{
    const char *env = getenv("SNAPLOG_ENGINE");
    if (env && *env) {
        snprintf(out, size, "%s", env);
        return access(out, X_OK) == 0;
    }
    char self[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n <= 0)
        return false;
    self[n] = 0;
    char *slash = strrchr(self, '/');
    if (!slash)
        return false;
    *slash = 0;
    if ((size_t)snprintf(out, size, "%.*s/snaplog-engine", PATH_MAX / 2, self) < size && access(out, X_OK) == 0)
        return true;
    return (size_t)snprintf(out, size, "%.*s/../lib/snaplog/snaplog-engine", PATH_MAX / 2, self) < size &&
           access(out, X_OK) == 0;
}

/* Why KVM cannot be used here, or NULL when /dev/kvm opens. */
static const char *kvm_unusable(void)
{
    int fd = open("/dev/kvm", O_RDWR | O_CLOEXEC);
    if (fd < 0)
        return errno == ENOENT ? "/dev/kvm does not exist" : strerror(errno);
    close(fd);
    return NULL;
}

int main(int argc, char **argv)
{
    bool want_kvm = false, no_kvm = false, quiet = false;
    for (int i = 1; i < argc && strcmp(argv[i], "--"); i++) {
        if (!strcmp(argv[i], "--no-kvm"))
            no_kvm = true;
        else if (!strcmp(argv[i], "--kvm"))
            want_kvm = true;
        else if (!strcmp(argv[i], "-q") || !strcmp(argv[i], "--version") || !strcmp(argv[i], "--help"))
            quiet = true;
    }
    char engine[PATH_MAX];
    if (!find_engine(engine, sizeof engine)) {
        fprintf(stderr, "snaplog: cannot find snaplog-engine next to this program or in ../lib/snaplog; "
                        "set SNAPLOG_ENGINE to its path\n");
        return 1;
    }
    if (!no_kvm) {
        const char *why = kvm_unusable();
        if (!why)
            why = "the KVM backend is not built into this launcher yet";
        if (want_kvm) {
            fprintf(stderr, "snaplog: --kvm: %s; run with --no-kvm\n", why);
            return 1;
        }
        if (!quiet)
            fprintf(stderr, "snaplog: running natively: %s (--no-kvm silences this)\n", why);
    }
    argv[0] = engine;
    execv(engine, argv);
    fprintf(stderr, "snaplog: cannot run %s: %s\n", engine, strerror(errno));
    return 1;
}
