/* native.c: run the program as a plain Linux process (see native.h). */
#define _GNU_SOURCE
#include "native.h"

#include "hostsvc.h"
#include "sys_names.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_TRACEES 256

struct tracee {
    pid_t pid;
    int in_syscall;
    uint64_t nr, a[6];
};

struct native {
    const struct vm_opts *o;
    pid_t main;
    /* the newest fault no handler took, reported if the program ends of it
     * (a guard snapshot may recover from it: plat_coarse.c) */
    int fault_sig, fault_have_addr;
    uint64_t fault_addr, fault_rip;
    uint64_t nsys;
    struct tracee t[MAX_TRACEES];
};

static volatile pid_t forward_to;

static void forward(int sig)
{
    if (forward_to > 0) kill(forward_to, sig);
}

static struct tracee *tracee(struct native *n, pid_t pid, int *is_new)
{
    struct tracee *free_slot = NULL;
    *is_new = 0;
    for (int i = 0; i < MAX_TRACEES; i++) {
        if (n->t[i].pid == pid) return &n->t[i];
        if (!n->t[i].pid && !free_slot) free_slot = &n->t[i];
    }
    if (free_slot) {
        memset(free_slot, 0, sizeof *free_slot);
        free_slot->pid = pid;
        *is_new = 1;
    }
    return free_slot;
}

static void forget(struct native *n, pid_t pid)
{
    for (int i = 0; i < MAX_TRACEES; i++)
        if (n->t[i].pid == pid) n->t[i].pid = 0;
}

/* 1 when (pid) has a handler for (sig): then the fault is its business. */
static int catches(pid_t pid, int sig)
{
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
    FILE *f = fopen(path, "r");
    unsigned long long mask = 0;
    if (!f) return 0;
    while (fgets(line, sizeof line, f))
        if (sscanf(line, "SigCgt: %llx", &mask) == 1) break;
    fclose(f);
    return (int)((mask >> (sig - 1)) & 1);
}

static void syscall_stop(struct native *n, struct tracee *t)
{
    struct user_regs_struct r;
    if (ptrace(PTRACE_GETREGS, t->pid, 0, &r) < 0) return;
    if (!t->in_syscall) {
        t->nr = r.orig_rax;
        uint64_t a[6] = {r.rdi, r.rsi, r.rdx, r.r10, r.r8, r.r9};
        memcpy(t->a, a, sizeof a);
        t->in_syscall = 1;
        n->nsys++;
        if (t->nr == 231 || t->nr == 60) /* no exit stop follows */
            sys_trace(stderr, t->nr, t->a, 0, NULL);
    } else {
        t->in_syscall = 0;
        sys_trace(stderr, t->nr, t->a, (int64_t)r.rax, NULL);
    }
}

static void fault_stop(struct native *n, pid_t pid, int sig)
{
    siginfo_t si;
    struct user_regs_struct r;
    if (ptrace(PTRACE_GETSIGINFO, pid, 0, &si) < 0 || si.si_code <= 0 || catches(pid, sig))
        return;
    if (ptrace(PTRACE_GETREGS, pid, 0, &r) < 0) r.rip = 0;
    n->fault_sig = sig;
    n->fault_have_addr = sig == SIGSEGV || sig == SIGBUS;
    n->fault_addr = (uint64_t)(uintptr_t)si.si_addr;
    n->fault_rip = r.rip;
}

/* Follow the program until its first process ends; returns the wait status. */
static int follow(struct native *n)
{
    int st, is_new;
    enum __ptrace_request cont = n->o->trace_syscalls ? PTRACE_SYSCALL : PTRACE_CONT;
    for (;;) {
        pid_t w = waitpid(-1, &st, __WALL);
        if (w < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        if (WIFEXITED(st) || WIFSIGNALED(st)) {
            forget(n, w);
            if (w == n->main) return st;
            continue;
        }
        if (!WIFSTOPPED(st)) continue;
        int sig = WSTOPSIG(st), event = st >> 16, inject = 0;
        struct tracee *t = tracee(n, w, &is_new);
        if (event) {
            /* fork, vfork, clone, exec: the new process is traced too */
        } else if (sig == (SIGTRAP | 0x80)) {
            if (t) syscall_stop(n, t);
        } else if (sig == SIGSTOP && is_new) {
            /* a new child's first stop */
        } else {
            if (sig == SIGSEGV || sig == SIGBUS || sig == SIGFPE || sig == SIGILL || sig == SIGTRAP)
                fault_stop(n, w, sig);
            inject = sig;
        }
        ptrace(cont, w, 0, (void *)(uintptr_t)inject);
    }
}

/* envp with SNAPVM_HOST_FD=fd in place of any such entry; free with
 * free_env. */
static char **with_host_fd(char *const envp[], int fd)
{
    size_t n = 0;
    while (envp[n]) n++;
    char **env = calloc(n + 2, sizeof *env);
    if (!env) return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (strncmp(envp[i], "SNAPVM_HOST_FD=", 15)) env[k++] = envp[i];
    if (asprintf(&env[k], "SNAPVM_HOST_FD=%d", fd) < 0) env[k] = NULL;
    return env;
}

static void free_env(char **env)
{
    size_t n = 0;
    while (env[n]) n++;
    if (n) free(env[n - 1]); /* the one entry we made */
    free(env);
}

static void *serve_main(void *p)
{
    hostsvc_serve_socket((int)(intptr_t)p);
    return NULL;
}

int native_run_program(const struct vm_opts *o, char *const argv[], char *const envp[])
{
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    if (o->sandbox) {
        fprintf(stderr, "snapvm: --sandbox needs the kvm backend: a native process is not"
                        " confined\n");
        return VM_EXIT_USAGE;
    }
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0) {
        perror("snapvm: socketpair");
        return VM_EXIT_INTERNAL;
    }
    char **env = with_host_fd(envp, sv[1]);
    if (!env) {
        perror("snapvm");
        return VM_EXIT_INTERNAL;
    }
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        perror("snapvm: fork");
        return VM_EXIT_INTERNAL;
    }
    if (pid == 0) {
        fcntl(sv[1], F_SETFD, 0); /* the program keeps its end */
        signal(SIGINT, SIG_DFL);
        ptrace(PTRACE_TRACEME, 0, 0, 0); /* without it: untraced, messages without addresses */
        execve(argv[0], argv, env);
        fprintf(stderr, "snapvm: %s: %s\n", argv[0], strerror(errno));
        _exit(errno == ENOENT ? VM_EXIT_NOTFOUND : VM_EXIT_NOEXEC);
    }
    free_env(env);
    close(sv[1]);
    pthread_t th;
    int served = pthread_create(&th, NULL, serve_main, (void *)(intptr_t)sv[0]) == 0;

    struct sigaction sa, old_int, old_term;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = forward;
    forward_to = pid;
    sigaction(SIGINT, &sa, &old_int);
    sigaction(SIGTERM, &sa, &old_term);

    struct native n;
    memset(&n, 0, sizeof n);
    n.o = o;
    n.main = pid;
    int st;
    while (waitpid(pid, &st, 0) < 0 && errno == EINTR) {
    }
    if (WIFSTOPPED(st)) { /* stopped at exec: traced */
        int is_new;
        tracee(&n, pid, &is_new);
        ptrace(PTRACE_SETOPTIONS, pid, 0,
               PTRACE_O_EXITKILL | PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEFORK |
                   PTRACE_O_TRACEVFORK | PTRACE_O_TRACECLONE | PTRACE_O_TRACEEXEC);
        ptrace(o->trace_syscalls ? PTRACE_SYSCALL : PTRACE_CONT, pid, 0, 0);
        st = follow(&n);
    }
    forward_to = 0;
    sigaction(SIGINT, &old_int, NULL);
    sigaction(SIGTERM, &old_term, NULL);
    shutdown(sv[0], SHUT_RDWR);
    if (served) pthread_join(th, NULL);
    close(sv[0]);

    int status;
    if (st == -1)
        status = VM_EXIT_INTERNAL;
    else if (WIFEXITED(st))
        status = WEXITSTATUS(st);
    else {
        int sig = WTERMSIG(st);
        if (sig == n.fault_sig)
            vm_report_signal(o->name, sig, n.fault_have_addr, n.fault_addr, n.fault_rip);
        else if (sig != SIGINT && sig != SIGPIPE)
            vm_report_signal(o->name, sig, 0, 0, 0);
        status = 128 + sig;
    }
    if (o->stats) {
        struct rusage ru;
        getrusage(RUSAGE_CHILDREN, &ru);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        fprintf(stderr,
                "snapvm: stats: backend native, %.3f ms total, %.3f ms user, %.3f ms"
                " system%s\n",
                (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6,
                (double)ru.ru_utime.tv_sec * 1e3 + (double)ru.ru_utime.tv_usec / 1e3,
                (double)ru.ru_stime.tv_sec * 1e3 + (double)ru.ru_stime.tv_usec / 1e3,
                o->trace_syscalls ? "" : " (system calls are counted with --trace-syscalls)");
        if (o->trace_syscalls)
            fprintf(stderr, "snapvm: stats: %llu system calls\n", (unsigned long long)n.nsys);
    }
    return status;
}
