/* plat_coarse.c: native coarse snapshots by fork.
 *
 * A snapshot is a process: TAKE forks, the parent stays behind as the
 * holder of the snapshot (an exact copy of memory and registers, shared
 * copy-on-write) and the child runs on.  RESTORE(k) kills the holders of
 * newer snapshots and the running process; holder k, once it has no child
 * left, forks again and its child returns 1 from TAKE.  DROP(k) kills the
 * holders of k and newer; their children are adopted by the nearest older
 * holder, since every holder is a child subreaper.
 *
 * The first TAKE first forks a relay: the original process, whose exit
 * status the caller (a shell, tests/run, snapvm) waits for, only waits and
 * passes on the status of the program's last process, so that no snapshot
 * operation ever ends it.  Holders pass the status on the same way: an exit
 * code as an exit code, a signal by raising it.
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
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

/* State every process of the chain sees: MAP_SHARED, so not restored. */
struct chain_shared {
    volatile long restore_to; /* id a RESTORE is going to, 0 when none */
    volatile long next_id;
    volatile pid_t doomed[2 * SNAPVM_COARSE_MAX_LIVE]; /* killed holders: not a status */
};

/* Per process (restored with it): the live snapshots, oldest first. */
static struct chain_shared *shared;
static int nlive;
static struct {
    long id;
    pid_t holder;
} live[SNAPVM_COARSE_MAX_LIVE];

static void doom(pid_t pid)
{
    for (int i = 0; i < 2 * SNAPVM_COARSE_MAX_LIVE; i++)
        if (!shared->doomed[i]) {
            shared->doomed[i] = pid;
            break;
        }
    kill(pid, SIGKILL);
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

/* Wait until no child is left.  Returns when a RESTORE targets (my_id);
 * otherwise ends this process as its last real child ended. */
static void hold(long my_id)
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
            return;
        }
        if (shared->restore_to)
            _exit(0); /* an older snapshot is the target: our parent sees to it */
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
    if (pid > 0) hold(0); /* does not return */
    return 0;
}

long plat_coarse_native(enum plat_coarse_op op, long *id)
{
    int k = -1;
    if (op != PLAT_COARSE_TAKE) {
        for (int i = 0; i < nlive; i++)
            if (live[i].id == *id) k = i;
        if (k < 0) return -EINVAL;
    }
    switch (op) {
    case PLAT_COARSE_TAKE: {
        if (nlive == SNAPVM_COARSE_MAX_LIVE) return -ENOSPC;
        if (!shared) {
            int rc = start_relay();
            if (rc) return rc;
        }
        *id = ++shared->next_id;
        live[nlive].id = *id;
        live[nlive].holder = getpid();
        nlive++;
        prctl(PR_SET_CHILD_SUBREAPER, 1);
        for (int resumed = 0;; resumed = 1) {
            pid_t pid = fork();
            if (pid < 0) {
                if (resumed) /* restored, but no process to resume in */
                    _exit(70);
                nlive--;
                return -errno;
            }
            if (pid == 0) return resumed;
            hold(*id); /* returns when restored to: fork the next child */
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
    case PLAT_COARSE_GUARD: /* plat.c answers it: no fault recovery natively */
        break;
    }
    return -EINVAL;
}
