/* micro_vmm_native: the measurements behind tests/bench/micro_vmm.
 *
 * Run natively it measures the native costs: a system call, a platform
 * call, start-up (of the program given with --spawn, bare and under
 * `snapvm --no-kvm`), and the three ways to take and restore a coarse
 * snapshot natively (fork, mprotect, userfaultfd write protection), each
 * with 16 pages written over a 64 MiB heap.  Run under snapvm it measures
 * the same operations on the KVM backend.  One line per result:
 *     KEY<TAB>MEDIAN_US<TAB>NOTE
 */
#define _GNU_SOURCE
#include "plat.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/userfaultfd.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define HEAP  (64u << 20)
#define PAGES 16
#define PG    4096u

extern char **environ;

static double now_us(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e6 + (double)t.tv_nsec / 1e3;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp);
    return v[n / 2];
}

static void row(const char *key, double us, const char *note)
{
    printf("%s\t%.3f\t%s\n", key, us, note);
    fflush(stdout);
}

static unsigned char *heap;

static void touch16(int round)
{
    for (int i = 0; i < PAGES; i++)
        heap[((size_t)i * 997 % (HEAP / PG)) * PG + (size_t)round % PG] = (unsigned char)round;
}

static void bench_syscalls(void)
{
    double v[2001];
    for (int i = 0; i < 2001; i++) {
        double t = now_us();
        for (int k = 0; k < 10; k++) syscall(SYS_getppid);
        v[i] = (now_us() - t) / 10;
    }
    row("syscall", median(v, 2001), "getppid through the syscall instruction");
    int fd = open("/dev/null", O_WRONLY);
    for (int i = 0; i < 2001; i++) {
        double t = now_us();
        for (int k = 0; k < 10; k++) plat_write(fd, "x", 1);
        v[i] = (now_us() - t) / 10;
    }
    close(fd);
    row("platcall", median(v, 2001), "plat_write of 1 byte to /dev/null");
}

/* Coarse snapshots through plat_coarse_snapshot (fork natively, the
 * monitor's dirty log under KVM).  Timestamps cross the restore through a
 * MAP_SHARED page natively and through a file under KVM (a restore undoes
 * all guest memory). */
struct shared {
    int n;
    double t0, v[200];
};

static void bench_coarse(void)
{
    enum { N = 41 };
    char path[64];
    snprintf(path, sizeof path, "micro_vmm.%d", (int)getpid());
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
    unlink(path);
    struct shared z;
    memset(&z, 0, sizeof z);
    if (fd < 0 || pwrite(fd, &z, sizeof z, 0) != sizeof z) return;
    double takes[N];
    for (int i = 0; i < N; i++) {
        long id = 0;
        double t = now_us();
        if (plat_coarse_snapshot(PLAT_COARSE_TAKE, &id) != 0)
            _exit(0); /* never resumed: no restore below */
        plat_coarse_snapshot(PLAT_COARSE_DROP, &id);
        takes[i] = now_us() - t;
    }
    row("coarse_take_drop", median(takes, N), "take + drop, nothing written");
    long id = 0;
    long r = plat_coarse_snapshot(PLAT_COARSE_TAKE, &id);
    struct shared s;
    if (pread(fd, &s, sizeof s, 0) != sizeof s) return;
    if (r == 1) {
        s.v[s.n++] = now_us() - s.t0;
    }
    if (s.n < N) {
        touch16(s.n);
        s.t0 = now_us();
        if (pwrite(fd, &s, sizeof s, 0) != sizeof s) return;
        plat_coarse_snapshot(PLAT_COARSE_RESTORE, &id);
    }
    plat_coarse_snapshot(PLAT_COARSE_DROP, &id);
    close(fd);
    row("coarse_restore16", median(s.v, N),
        "16 pages written, then restore (the time to resume at the take)");
}

/* The mprotect way: protect the heap at the take, copy each page on its
 * first write (SIGSEGV handler), copy the saved pages back at restore. */
static unsigned char saved[PAGES * 4][PG];
static size_t saved_at[PAGES * 4];
static int nsaved;

static void on_segv(int sig, siginfo_t *si, void *ctx)
{
    (void)sig, (void)ctx;
    uintptr_t page = (uintptr_t)si->si_addr & ~(uintptr_t)(PG - 1);
    memcpy(saved[nsaved], (void *)page, PG);
    saved_at[nsaved++] = page - (uintptr_t)heap;
    mprotect((void *)page, PG, PROT_READ | PROT_WRITE);
}

static void bench_mprotect(void)
{
    struct sigaction sa, old;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_segv;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGSEGV, &sa, &old);
    double v[41];
    for (int i = 0; i < 41; i++) {
        double t = now_us();
        nsaved = 0;
        mprotect(heap, HEAP, PROT_READ);
        touch16(i);
        for (int k = 0; k < nsaved; k++) memcpy(heap + saved_at[k], saved[k], PG);
        mprotect(heap, HEAP, PROT_READ | PROT_WRITE);
        v[i] = now_us() - t;
    }
    sigaction(SIGSEGV, &old, NULL);
    row("mprotect16", median(v, 41), "mprotect take, 16 write faults copied, restore");
}

/* The userfaultfd way: write-protect the heap, a thread copies each page on
 * its first write and lifts the protection of that page. */
static int uffd = -1;
static volatile int uffd_stop;

static void *uffd_thread(void *arg)
{
    (void)arg;
    struct pollfd p = {uffd, POLLIN, 0};
    while (!uffd_stop) {
        if (poll(&p, 1, 10) <= 0) continue;
        struct uffd_msg m;
        if (read(uffd, &m, sizeof m) != sizeof m || m.event != UFFD_EVENT_PAGEFAULT) continue;
        uintptr_t page = m.arg.pagefault.address & ~(uintptr_t)(PG - 1);
        memcpy(saved[nsaved], (void *)page, PG);
        saved_at[nsaved++] = page - (uintptr_t)heap;
        struct uffdio_writeprotect wp = {{page, PG}, 0};
        ioctl(uffd, UFFDIO_WRITEPROTECT, &wp);
    }
    return NULL;
}

static void bench_uffd(void)
{
    uffd = (int)syscall(SYS_userfaultfd, O_CLOEXEC | O_NONBLOCK);
    struct uffdio_api api = {.api = UFFD_API, .features = UFFD_FEATURE_PAGEFAULT_FLAG_WP};
    struct uffdio_register reg = {.range = {(uintptr_t)heap, HEAP},
                                  .mode = UFFDIO_REGISTER_MODE_WP};
    if (uffd < 0 || ioctl(uffd, UFFDIO_API, &api) || ioctl(uffd, UFFDIO_REGISTER, &reg)) {
        row("uffd16", -1, strerror(errno));
        return;
    }
    pthread_t th;
    pthread_create(&th, NULL, uffd_thread, NULL);
    double v[41];
    for (int i = 0; i < 41; i++) {
        double t = now_us();
        nsaved = 0;
        struct uffdio_writeprotect wp = {{(uintptr_t)heap, HEAP}, UFFDIO_WRITEPROTECT_MODE_WP};
        ioctl(uffd, UFFDIO_WRITEPROTECT, &wp);
        touch16(i);
        for (int k = 0; k < nsaved; k++) memcpy(heap + saved_at[k], saved[k], PG);
        wp.mode = 0;
        ioctl(uffd, UFFDIO_WRITEPROTECT, &wp);
        v[i] = now_us() - t;
    }
    uffd_stop = 1;
    pthread_join(th, NULL);
    close(uffd);
    row("uffd16", median(v, 41), "userfaultfd-wp take, 16 write faults copied, restore");
}

static double spawn_us(char *const argv[])
{
    double v[31];
    for (int i = 0; i < 31; i++) {
        pid_t pid;
        int st;
        double t = now_us();
        posix_spawn_file_actions_t fa;
        posix_spawn_file_actions_init(&fa);
        posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
        if (posix_spawn(&pid, argv[0], &fa, NULL, argv, environ)) return -1;
        waitpid(pid, &st, 0);
        v[i] = now_us() - t;
        posix_spawn_file_actions_destroy(&fa);
    }
    return median(v, 31);
}

int main(int argc, char **argv)
{
    /* --spawn SNAPVM TRUE: start-up rows only (measured from the host). */
    if (argc == 4 && !strcmp(argv[1], "--spawn")) {
        char *bare[] = {argv[3], NULL};
        char *native[] = {argv[2], "--no-kvm", argv[3], NULL};
        char *kvm[] = {argv[2], "--kvm", argv[3], NULL};
        row("startup_bare", spawn_us(bare), "spawn + wait of a static true");
        row("startup_native", spawn_us(native), "snapvm --no-kvm true");
        if (access("/dev/kvm", R_OK | W_OK) == 0)
            row("startup_kvm", spawn_us(kvm), "snapvm --kvm true");
        return 0;
    }
    heap = aligned_alloc(PG, HEAP);
    memset(heap, 1, HEAP);
    bench_syscalls();
    bench_coarse();
    if (plat_backend() == PLAT_NATIVE) {
        bench_mprotect();
        bench_uffd();
    }
    return 0;
}
