/* plat_coarse.c: native coarse snapshots by fork.
 *
 * A snapshot is a process: TAKE forks, the parent stays behind as the
 * holder of the snapshot (an exact copy of memory and registers, shared
 * copy-on-write) and the child runs on.  RESTORE(k) kills the holders of
 * newer snapshots and the running process; holder k, once it has no child
 * left, forks again and its child returns 1 from TAKE.  DROP(k) kills the
 * holders of k and newer, and waits until they are dead; their children
 * are adopted by the nearest older holder, since every holder is a child
 * subreaper.
 *
 * The first TAKE first forks a relay: the original process, whose exit
 * status the caller (a shell, tests/run, snapvm) waits for, only waits and
 * passes on the status of the program's last process, so that no snapshot
 * operation ever ends it.  Holders pass the status on the same way: an exit
 * code as an exit code, a signal by raising it.
 *
 * A GUARD is a TAKE whose holder also recovers a crash: when its last child
 * died of a fault signal (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP), having
 * passed through every newer, non-guard holder (each dies the same way),
 * it forks again and the child returns 2 from the take.  While a guard is
 * live the running process has a fault handler, on an alternate stack (a C
 * stack overflow is one of the faults), that writes the fault into the
 * shared page and returns, so the fault happens again and ends it.
 *
 * Holders and the relay ignore the terminal's SIGINT and SIGQUIT, which
 * reach the whole process group: only the running process should see
 * Ctrl-C.  A child forked after a restore gets the program's own
 * dispositions back.
 *
 * Why fork (docs/snapvm.md has the measurements): it copies registers and
 * all memory exactly with no bookkeeping in the program, and costs one
 * page-table copy per take; mprotect or userfaultfd write protection would
 * fault per page written and need the program's mappings listed and the
 * stack switched for a restore.
 */
#define _GNU_SOURCE
#include "plat_coarse.h"

#include "snapvm_abi.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <stdio.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <sys/wait.h>
#include <unistd.h>

/* State every process of the chain sees: MAP_SHARED, so not restored. */
struct chain_shared {
    volatile long restore_to; /* id a RESTORE is going to, 0 when none */
    volatile int fault_sig;   /* the last fault under a guard (fault_handler) */
    volatile unsigned long fault_addr, fault_rip;
    volatile long next_id;
    volatile pid_t doomed[2 * SNAPVM_COARSE_MAX_LIVE]; /* killed holders: not a status */
};

/* Per process (restored with it): the live snapshots, oldest first. */
static struct chain_shared *shared;
static int nlive;
static struct {
    long id;
    pid_t holder;
    int guard;
} live[SNAPVM_COARSE_MAX_LIVE];

static const int fault_signals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP};
static const int terminal_signals[] = {SIGINT, SIGQUIT};
static struct sigaction program_action[2]; /* the program's at the newest take */

static int is_fault(int status)
{
    if (!WIFSIGNALED(status)) return 0;
    for (size_t i = 0; i < sizeof fault_signals / sizeof fault_signals[0]; i++)
        if (WTERMSIG(status) == fault_signals[i]) return 1;
    return 0;
}

static void fault_handler(int sig, siginfo_t *si, void *uc)
{
    shared->fault_sig = sig;
    shared->fault_addr = sig == SIGSEGV || sig == SIGBUS ? (unsigned long)si->si_addr : 0;
    shared->fault_rip = (unsigned long)((ucontext_t *)uc)->uc_mcontext.gregs[REG_RIP];
    /* SA_RESETHAND: returning runs the faulting instruction again, which
     * now ends the process with the signal, as if there were no handler */
}

/* In the running process, while a guard is live. */
static void catch_faults(void)
{
    static char *alt;
    if (!alt) {
        alt = mmap(NULL, 1 << 16, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (alt == MAP_FAILED) {
            alt = NULL;
            return;
        }
    }
    stack_t ss = {.ss_sp = alt, .ss_size = 1 << 16};
    sigaltstack(&ss, NULL);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = fault_handler;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_RESETHAND | SA_NODEFER;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < sizeof fault_signals / sizeof fault_signals[0]; i++)
        sigaction(fault_signals[i], &sa, NULL);
}

/* A holder or the relay: Ctrl-C is for the running process only. */
static void ignore_terminal(void)
{
    struct sigaction ign;
    memset(&ign, 0, sizeof ign);
    ign.sa_handler = SIG_IGN;
    for (int i = 0; i < 2; i++)
        sigaction(terminal_signals[i], &ign, NULL);
}

static void restore_terminal(void)
{
    for (int i = 0; i < 2; i++)
        sigaction(terminal_signals[i], &program_action[i], NULL);
}

/* Kill holder pid and return once it is dead.  Waiting matters: SIGKILL
 * lands asynchronously, and a holder still running could reap its child
 * (the running process, which goes on after a DROP) before it dies, so
 * that the child's end would never reach the holder that adopts it.  A
 * pidfd becomes readable when the process has ended (Linux 5.3); without
 * one, /proc says when it is a zombie. */
static void doom(pid_t pid)
{
    for (int i = 0; i < 2 * SNAPVM_COARSE_MAX_LIVE; i++)
        if (!shared->doomed[i]) {
            shared->doomed[i] = pid;
            break;
        }
    int fd = (int)syscall(SYS_pidfd_open, pid, 0);
    kill(pid, SIGKILL);
    if (fd >= 0) {
        struct pollfd p = {.fd = fd, .events = POLLIN};
        while (poll(&p, 1, -1) < 0 && errno == EINTR)
            ;
        close(fd);
        return;
    }
    char path[64], buf[256];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    for (;;) {
        int f = open(path, O_RDONLY);
        if (f < 0)
            return; /* reaped already */
        ssize_t n = read(f, buf, sizeof buf - 1);
        close(f);
        buf[n > 0 ? n : 0] = 0;
        const char *paren = strrchr(buf, ')');
        if (!paren || paren[1] == 0 || paren[2] == 'Z' || paren[2] == 'X')
            return;
        sched_yield();
    }
}

static int was_doomed(pid_t pid)
{
    for (int i = 0; i < 2 * SNAPVM_COARSE_MAX_LIVE; i++)
        if (shared->doomed[i] == pid) {
            shared->doomed[i] = 0;
            return 1;
        }
    return 0;
}

/* End this process the way (status) says its child ended. */
static _Noreturn void pass_on(int status)
{
    if (WIFSIGNALED(status)) {
        int sig = WTERMSIG(status);
        signal(sig, SIG_DFL);
        sigset_t s;
        sigemptyset(&s);
        sigaddset(&s, sig);
        sigprocmask(SIG_UNBLOCK, &s, NULL);
        kill(getpid(), sig);
    }
    _exit(WIFEXITED(status) ? WEXITSTATUS(status) : 1);
}

/* Wait until no child is left.  Returns 1 when a RESTORE targets (my_id),
 * 2 when (guard) and the last real child died of a fault; otherwise ends
 * this process as its last real child ended. */
static int hold(long my_id, int guard)
{
    int last = 0, st;
    for (;;) {
        pid_t w = waitpid(-1, &st, __WALL);
        if (w > 0) {
            if (!was_doomed(w)) last = st;
            continue;
        }
        if (errno == EINTR) continue;
        /* ECHILD: everything below has ended. */
        if (shared->restore_to == my_id && my_id != 0) {
            shared->restore_to = 0;
            return 1;
        }
        if (shared->restore_to)
            _exit(0); /* an older snapshot is the target: our parent sees to it */
        if (guard && is_fault(last)) {
            if (shared->fault_sig != WTERMSIG(last)) /* died without our handler's word */
                shared->fault_sig = WTERMSIG(last), shared->fault_addr = shared->fault_rip = 0;
            return 2;
        }
        pass_on(last);
    }
}

static int start_relay(void)
{
    shared = mmap(NULL, sizeof *shared, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (shared == MAP_FAILED) {
        shared = NULL;
        return -ENOMEM;
    }
    prctl(PR_SET_CHILD_SUBREAPER, 1);
    pid_t pid = fork();
    if (pid < 0) return -errno;
    if (pid > 0) {
        ignore_terminal();
        hold(0, 0); /* does not return */
    }
    return 0;
}

void plat_coarse_native_fault(struct plat_fault *f)
{
    if (!shared) {
        memset(f, 0, sizeof *f);
        return;
    }
    *f = (struct plat_fault){shared->fault_sig, shared->fault_addr, shared->fault_rip};
}

long plat_coarse_native(enum plat_coarse_op op, long *id)
{
    int k = -1;
    if (op != PLAT_COARSE_TAKE && op != PLAT_COARSE_GUARD) {
        for (int i = 0; i < nlive; i++)
            if (live[i].id == *id) k = i;
        if (k < 0) return -EINVAL;
    }
    switch (op) {
    case PLAT_COARSE_GUARD:
    case PLAT_COARSE_TAKE: {
        if (nlive == SNAPVM_COARSE_MAX_LIVE) return -ENOSPC;
        if (!shared) {
            int rc = start_relay();
            if (rc) return rc;
        }
        *id = ++shared->next_id;
        live[nlive].id = *id;
        live[nlive].holder = getpid();
        live[nlive].guard = op == PLAT_COARSE_GUARD;
        int guard = live[nlive].guard;
        nlive++;
        for (int i = 0; i < 2; i++) /* the program's, for the child after a restore */
            sigaction(terminal_signals[i], NULL, &program_action[i]);
        prctl(PR_SET_CHILD_SUBREAPER, 1);
        for (int resumed = 0;;) {
            pid_t pid = fork();
            if (pid < 0) {
                if (resumed) /* restored, but no process to resume in */
                    _exit(70);
                nlive--;
                return -errno;
            }
            if (pid == 0) {
                if (resumed) restore_terminal();
                for (int i = 0; i < nlive; i++)
                    if (live[i].guard) {
                        catch_faults();
                        break;
                    }
                return resumed;
            }
            ignore_terminal();
            resumed = hold(*id, guard); /* returns when restored to: fork the next child */
        }
    }
    case PLAT_COARSE_RESTORE:
        shared->restore_to = live[k].id;
        for (int i = nlive - 1; i > k; i--) doom(live[i].holder);
        _exit(0); /* holder k takes over once its children are gone */
    case PLAT_COARSE_DROP:
        for (int i = nlive - 1; i >= k; i--) doom(live[i].holder);
        nlive = k;
        return 0;
    }
    return -EINVAL;
}
