/* launcher.c - the `snaplog` command: runs the engine ELF (snaplog-engine)
 * through the monitor library (vmm/host/vm.h): under KVM when /dev/kvm is
 * usable, otherwise natively with a one-line note saying why (DESIGN
 * section 2, BRIEF point 7).  vm_run serves the engine's host requests
 * (readline with history for the toplevel) on both backends.
 */
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "engine/cli.h"
#include "vmm/host/vm.h"

extern char **environ;

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

/* "512M" -> bytes, 0 when not a size. */
static unsigned long long parse_size(const char *s)
{
    char *end;
    unsigned long long v = strtoull(s, &end, 10);
    if (end == s)
        return 0;
    int shift = *end == 'k' || *end == 'K' ? 10 : *end == 'm' || *end == 'M' ? 20 : *end == 'g' || *end == 'G' ? 30 : 0;
    return v << shift;
}

int main(int argc, char **argv)
{
    struct vm_opts o = {.backend = VM_AUTO, .name = "snaplog", .tool = "snaplog"};
    int opts_end = cli_options_end(argc, argv);
    for (int i = 1; i < opts_end; i++) {
        if (!strcmp(argv[i], "-q"))
            o.quiet = 1; /* as swipl -q: no informational messages, this note included */
        else if (!strcmp(argv[i], "--no-kvm"))
            o.backend = VM_NATIVE;
        else if (!strcmp(argv[i], "--kvm"))
            o.backend = VM_KVM;
        else if (!strcmp(argv[i], "--mem") && i + 1 < argc)
            o.mem = parse_size(argv[i + 1]);
        else if (cli_takes_value(argv[i]))
            i++; /* -g GOAL: GOAL is not an option, even if it reads like one */
        else if (!strncmp(argv[i], "--mem=", 6))
            o.mem = parse_size(argv[i] + 6);
    }
    /* the guest needs room beside the term heap the engine reserves */
    if (o.mem) {
        o.mem = o.mem * 2 + (64ULL << 20);
        if (o.mem > VM_MAX_MEM)
            o.mem = VM_MAX_MEM;
    }
    char engine[PATH_MAX];
    if (!find_engine(engine, sizeof engine)) {
        fprintf(stderr, "snaplog: cannot find snaplog-engine next to this program or in ../lib/snaplog; "
                        "set SNAPLOG_ENGINE to its path\n");
        return 1;
    }
    argv[0] = engine;
    /* The engine puts the terminal in non-canonical mode while it waits for
     * a key (`;` at the toplevel); whatever ends it, the user's shell gets
     * the terminal back as it was. */
    struct termios tty;
    bool have_tty = isatty(0) && tcgetattr(0, &tty) == 0;
    int status = vm_run(&o, argv, environ);
    if (have_tty)
        tcsetattr(0, TCSANOW, &tty);
    return status;
}
