/* kvm_vcpu.c: the vCPU loop, the poll thread, and fault reports.
 *
 * A request is served exactly once, by whichever thread claims its sequence
 * number first: the poll thread (spinning on the ring, the fast path, about
 * 0.1-0.4 us when it has a core) or the vCPU thread when the shim gave up
 * spinning and made its MMIO exit (the path that never stalls).  The poll
 * thread sleeps on an eventfd after about 1 ms idle; the vCPU thread wakes
 * it whenever it serves a fallback.
 */
#define _GNU_SOURCE
#include "kvm_vcpu.h"

#include "coarse_kvm.h"
#include "hostsvc.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/kvm.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

static struct kvm_vcpu_state *active; /* for the signal handlers */
static volatile sig_atomic_t interrupted;

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

int kvm_fail(struct kvm_vcpu_state *v, const char *what)
{
    (void)v;
    fprintf(stderr, "snapvm: %s: %s\n", what, strerror(errno));
    return -1;
}

int kvm_vcpu_open(struct kvm_vcpu_state *v, const struct vm_opts *o)
{
    memset(v, 0, sizeof *v);
    v->opts = o;
    v->kvm = v->vm = v->vcpu = v->wake_fd = -1;
    v->t_start = now();
    v->kvm = open("/dev/kvm", O_RDWR | O_CLOEXEC);
    if (v->kvm < 0) return kvm_fail(v, "/dev/kvm");
    if (ioctl(v->kvm, KVM_GET_API_VERSION, 0) != KVM_API_VERSION) {
        fprintf(stderr, "snapvm: /dev/kvm: unexpected KVM API version\n");
        return -1;
    }
    v->vm = ioctl(v->kvm, KVM_CREATE_VM, 0);
    if (v->vm < 0) return kvm_fail(v, "KVM_CREATE_VM");
    v->ram_size = o->mem;
    /* Not prefaulted (MAP_POPULATE of 1 GiB costs 330 ms here); huge pages
     * so that the shadow MMU faults once per 2 MiB, not per 4 KiB. */
    v->ram = mmap(NULL, v->ram_size, PROT_READ | PROT_WRITE,
                  MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (v->ram == MAP_FAILED) {
        v->ram = NULL;
        return kvm_fail(v, "guest RAM");
    }
    madvise(v->ram, v->ram_size, MADV_HUGEPAGE);
    struct kvm_userspace_memory_region r = {
        .slot = 0,
        .guest_phys_addr = 0,
        .memory_size = v->ram_size,
        .userspace_addr = (uint64_t)(uintptr_t)v->ram,
    };
    if (ioctl(v->vm, KVM_SET_USER_MEMORY_REGION, &r) < 0)
        return kvm_fail(v, "KVM_SET_USER_MEMORY_REGION");
    v->vcpu = ioctl(v->vm, KVM_CREATE_VCPU, 0);
    if (v->vcpu < 0) return kvm_fail(v, "KVM_CREATE_VCPU");
    int sz = ioctl(v->kvm, KVM_GET_VCPU_MMAP_SIZE, 0);
    if (sz < (int)sizeof(struct kvm_run)) return kvm_fail(v, "KVM_GET_VCPU_MMAP_SIZE");
    v->run_size = (size_t)sz;
    v->run = mmap(NULL, v->run_size, PROT_READ | PROT_WRITE, MAP_SHARED, v->vcpu, 0);
    if (v->run == MAP_FAILED) {
        v->run = NULL;
        return kvm_fail(v, "mmap of the vCPU");
    }
    /* The CPUID KVM supports, so that glibc sees the host's features. */
    struct kvm_cpuid2 *c = calloc(1, sizeof *c + 256 * sizeof(struct kvm_cpuid_entry2));
    if (c) {
        c->nent = 256;
        if (ioctl(v->kvm, KVM_GET_SUPPORTED_CPUID, c) == 0 && ioctl(v->vcpu, KVM_SET_CPUID2, c) < 0)
            kvm_fail(v, "KVM_SET_CPUID2");
        free(c);
    }
    v->ring = (struct snapvm_ring *)(v->ram + SNAPVM_RING_GVA);
    v->wake_fd = eventfd(0, EFD_CLOEXEC);
    return 0;
}

void kvm_vcpu_close(struct kvm_vcpu_state *v)
{
    coarse_kvm_free(v);
    if (v->run) munmap(v->run, v->run_size);
    if (v->ram) munmap(v->ram, v->ram_size);
    for (int *fd = &v->kvm; fd <= &v->vcpu; fd++)
        if (*fd >= 0) close(*fd);
    if (v->wake_fd >= 0) close(v->wake_fd);
}

/* 1 when the calling thread now owns request (seq). */
static int claim(struct kvm_vcpu_state *v, uint64_t seq)
{
    return __atomic_exchange_n(&v->claimed, seq, __ATOMIC_ACQ_REL) != seq;
}

static void stop_vcpu(struct kvm_vcpu_state *v)
{
    v->done = 1;
    v->run->immediate_exit = 1;
    pthread_kill(v->vcpu_thread, SIGUSR1);
}

static void answer(struct kvm_vcpu_state *v, struct sys_state *sys, uint64_t seq)
{
    double t0 = now();
    hc_dispatch(sys, v->ring, hostsvc_readline_kvm);
    v->t_host += now() - t0;
    if (sys->exited || sys->fatal)
        stop_vcpu(v); /* no answer: the guest must not run on */
    else
        __atomic_store_n(&v->ring->resp_seq, seq, __ATOMIC_RELEASE);
}

struct poll_arg {
    struct kvm_vcpu_state *v;
    struct sys_state *sys;
};

static void *poll_main(void *p)
{
    struct kvm_vcpu_state *v = ((struct poll_arg *)p)->v;
    struct sys_state *sys = ((struct poll_arg *)p)->sys;
    uint64_t last = v->ring->req_seq, idle = 0;
    while (!v->done) {
        uint64_t seq = __atomic_load_n(&v->ring->req_seq, __ATOMIC_ACQUIRE);
        if (seq != last) {
            last = seq, idle = 0;
            /* Only system calls: coarse snapshots need the vCPU stopped, and
             * readline may block for minutes, so both come by MMIO exit. */
            if (v->ring->req.call != SNAPVM_CALL_SYSCALL || !claim(v, seq)) continue;
            answer(v, sys, seq);
            v->served_poller++;
            continue;
        }
        __builtin_ia32_pause();
        if (++idle > 20000) { /* about 1 ms idle: sleep until a fallback exit */
            uint64_t n;
            v->poller_sleeps++;
            if (read(v->wake_fd, &n, sizeof n) < 0 && errno != EINTR) break;
            idle = 0;
        }
    }
    return NULL;
}

static void on_signal(int sig)
{
    if (sig == SIGINT) interrupted = 1;
    if (active && active->run) active->run->immediate_exit = 1;
}

static const char *exit_name(uint32_t r)
{
    switch (r) {
    case KVM_EXIT_IO: return "KVM_EXIT_IO";
    case KVM_EXIT_HLT: return "KVM_EXIT_HLT";
    case KVM_EXIT_MMIO: return "KVM_EXIT_MMIO";
    case KVM_EXIT_SHUTDOWN: return "KVM_EXIT_SHUTDOWN (triple fault)";
    case KVM_EXIT_FAIL_ENTRY: return "KVM_EXIT_FAIL_ENTRY";
    case KVM_EXIT_INTERNAL_ERROR: return "KVM_EXIT_INTERNAL_ERROR";
    case KVM_EXIT_DEBUG: return "KVM_EXIT_DEBUG";
    case KVM_EXIT_EXCEPTION: return "KVM_EXIT_EXCEPTION";
    case KVM_EXIT_SYSTEM_EVENT: return "KVM_EXIT_SYSTEM_EVENT";
    default: return "unknown exit";
    }
}

/* Which signal a shell would have seen for exception (vector); 0: none
 * (the monitor's own business: an internal error). */
static int vector_signal(uint64_t vec)
{
    switch (vec) {
    case 0:
    case 16:
    case 19: return SIGFPE;
    case 1:
    case 3: return SIGTRAP;
    case 6: return SIGILL;
    case 17: return SIGBUS;
    case 4:
    case 5:
    case 7:
    case 10:
    case 11:
    case 12:
    case 13:
    case 14: return SIGSEGV;
    default: return 0;
    }
}

static int report_fault(struct kvm_vcpu_state *v, struct sys_state *sys)
{
    struct snapvm_fault f;
    struct kvm_sregs s;
    memcpy(&f, v->ram + SNAPVM_FAULT_GVA, sizeof f); /* copied once */
    if (ioctl(v->vcpu, KVM_GET_SREGS, &s) < 0) s.cr2 = 0;
    int sig = vector_signal(f.vector);
    int in_shim = f.rip >= SNAPVM_SHIM_GVA && f.rip < SNAPVM_SHIM_GVA + SNAPVM_SHIM_MAX;
    if (!sig || in_shim || (f.cs & 3) != 3) {
        fprintf(stderr, "snapvm: internal error: exception %llu (error %#llx) at rip %#llx%s\n",
                (unsigned long long)f.vector, (unsigned long long)f.error,
                (unsigned long long)f.rip, in_shim ? " in the shim" : "");
        return VM_EXIT_INTERNAL;
    }
    uint64_t addr = f.vector == 14 ? s.cr2 : 0;
    if (coarse_kvm_recover(v, sys, sig, addr, f.rip) == 0) {
        v->crashes_recovered++;
        return -1; /* the guest runs on from its guard */
    }
    vm_report_signal(v->opts->name, sig, f.vector == 14, s.cr2, f.rip);
    return 128 + sig;
}

static int internal_exit(struct kvm_vcpu_state *v, const char *why)
{
    struct kvm_regs r;
    struct kvm_sregs s;
    memset(&r, 0, sizeof r);
    memset(&s, 0, sizeof s);
    ioctl(v->vcpu, KVM_GET_REGS, &r);
    ioctl(v->vcpu, KVM_GET_SREGS, &s);
    fprintf(stderr, "snapvm: internal error: %s at rip %#llx (rsp %#llx, cr2 %#llx)\n", why,
            (unsigned long long)r.rip, (unsigned long long)r.rsp, (unsigned long long)s.cr2);
    return VM_EXIT_INTERNAL;
}

static int mmio(struct kvm_vcpu_state *v, struct sys_state *sys)
{
    uint64_t addr = v->run->mmio.phys_addr;
    if (addr == SNAPVM_MMIO_SERVE && v->run->mmio.is_write) {
        uint64_t seq = __atomic_load_n(&v->ring->req_seq, __ATOMIC_ACQUIRE);
        v->exits_mmio_serve++;
        if (v->ring->req.call == SNAPVM_CALL_COARSE) {
            if (claim(v, seq)) {
                coarse_kvm_serve(v, sys, seq);
                v->served_vcpu++;
            }
        } else if (claim(v, seq)) {
            answer(v, sys, seq);
            v->served_vcpu++;
        } else {
            /* The poll thread has it (a blocking read, perhaps): wait here,
             * asleep, rather than let the guest spin on a core. */
            for (int i = 0;
                 !v->done && __atomic_load_n(&v->ring->resp_seq, __ATOMIC_ACQUIRE) != seq; i++)
                if (i > 1000) usleep(50);
        }
        uint64_t one = 1;
        if (write(v->wake_fd, &one, sizeof one) < 0) { /* the poller is awake anyway */
        }
        return -1;
    }
    if (addr == SNAPVM_MMIO_FAULT && v->run->mmio.is_write) {
        v->exits_mmio_fault++;
        return report_fault(v, sys);
    }
    /* The program itself touched the doorbell page elsewhere. */
    struct kvm_regs r;
    memset(&r, 0, sizeof r);
    ioctl(v->vcpu, KVM_GET_REGS, &r);
    fprintf(stderr, "snapvm: %s: %s of unassigned address %#llx (rip %#llx)\n", v->opts->name,
            v->run->mmio.is_write ? "write" : "read", (unsigned long long)addr,
            (unsigned long long)r.rip);
    return 128 + SIGSEGV;
}

int kvm_vcpu_loop(struct kvm_vcpu_state *v, struct sys_state *sys)
{
    struct sigaction sa, old_int, old_usr;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigaction(SIGINT, &sa, &old_int);
    sigaction(SIGUSR1, &sa, &old_usr);
    active = v;
    interrupted = 0;
    v->vcpu_thread = pthread_self();

    /* The vCPU on one core, the poller on another, when there are two. */
    struct poll_arg pa = {v, sys};
    cpu_set_t all;
    int pinned = sched_getaffinity(0, sizeof all, &all) == 0;
    if (pinned && CPU_COUNT(&all) >= 2) {
        int first = -1, second = -1;
        for (int i = 0; i < CPU_SETSIZE && second < 0; i++)
            if (CPU_ISSET(i, &all)) {
                if (first < 0)
                    first = i;
                else
                    second = i;
            }
        cpu_set_t one;
        CPU_ZERO(&one);
        CPU_SET(first, &one);
        sched_setaffinity(0, sizeof one, &one);
        if (pthread_create(&v->poll_thread, NULL, poll_main, &pa) == 0) {
            v->poll_running = 1;
            CPU_ZERO(&one);
            CPU_SET(second, &one);
            pthread_setaffinity_np(v->poll_thread, sizeof one, &one);
        }
    } else if (pthread_create(&v->poll_thread, NULL, poll_main, &pa) == 0) {
        v->poll_running = 1;
    }

    int status = -1;
    while (status < 0) {
        double t0 = now();
        int rc = ioctl(v->vcpu, KVM_RUN, 0);
        v->t_guest += now() - t0;
        if (rc < 0 && errno != EINTR) {
            status = internal_exit(v, "KVM_RUN failed");
            break;
        }
        if (rc < 0) {
            v->exits_intr++;
            v->run->immediate_exit = 0;
        } else if (v->run->exit_reason == KVM_EXIT_MMIO) {
            status = mmio(v, sys);
        } else {
            v->exits_other++;
            status = internal_exit(v, exit_name(v->run->exit_reason));
        }
        if (interrupted && sys->intr_word) {
            /* the guest asked for Ctrl-C as a flag (SNAPVM_CALL_INTERRUPT) */
            interrupted = 0;
            uint32_t *w = gmem_wr(sys->mem, sys->intr_word, 4);
            if (w) __atomic_store_n(w, 1, __ATOMIC_RELEASE);
        }
        if (interrupted)
            status = VM_EXIT_INTERRUPT;
        else if (sys->fatal) {
            fprintf(stderr, "snapvm: %s: %s\n", v->opts->name, sys->why);
            status = 128 + SIGSEGV;
        } else if (sys->exited) {
            if (sys->signaled) vm_report_signal(v->opts->name, sys->signaled, 0, 0, 0);
            status = sys->status;
        }
    }
    v->done = 1;
    sys->stopping = 1;
    if (v->poll_running) {
        uint64_t one = 1;
        if (write(v->wake_fd, &one, sizeof one) < 0) { /* it polls v->done too */
        }
        /* It may be blocked serving the guest's read of a terminal: the
         * signal (no SA_RESTART) ends that read with EINTR. */
        pthread_kill(v->poll_thread, SIGUSR1);
        pthread_join(v->poll_thread, NULL);
    }
    if (pinned) sched_setaffinity(0, sizeof all, &all); /* the caller's affinity again */
    active = NULL;
    sigaction(SIGINT, &old_int, NULL);
    sigaction(SIGUSR1, &old_usr, NULL);
    return status;
}

void kvm_vcpu_stats(struct kvm_vcpu_state *v, const struct sys_state *sys)
{
    double total = now() - v->t_start;
    fprintf(stderr,
            "snapvm: stats: backend kvm, %.3f ms total, %.3f ms in KVM_RUN, %.3f ms serving"
            " requests\n",
            total * 1e3, v->t_guest * 1e3, v->t_host * 1e3);
    fprintf(stderr,
            "snapvm: stats: exits: mmio-serve %llu, mmio-fault %llu (recovered by a guard %llu),"
            " signal %llu, other %llu\n",
            (unsigned long long)v->exits_mmio_serve, (unsigned long long)v->exits_mmio_fault,
            (unsigned long long)v->crashes_recovered, (unsigned long long)v->exits_intr,
            (unsigned long long)v->exits_other);
    fprintf(stderr,
            "snapvm: stats: requests served by the poll thread %llu, by the vCPU thread"
            " after an exit %llu; poller slept %llu times\n",
            (unsigned long long)v->served_poller, (unsigned long long)v->served_vcpu,
            (unsigned long long)v->poller_sleeps);
    sys_print_counts(sys, stderr);
}
