/* micro_snap_ref: the same choice-point cycle (snapshot, 4 scattered 8-byte
 * writes, back to the snapshot) done with the page-level mechanisms the
 * write barrier replaces, as reference points: fork() (the child is the
 * branch, its exit the restore) and userfaultfd write-protection (take:
 * write-protect the heap; each first write to a page faults, a handler
 * thread saves the page and unprotects it; restore: copy the pages back).
 * Plain code, no barrier.  Usage: micro_snap_ref HEAP_MIB [quick] */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/userfaultfd.h>
#include <poll.h>
#include <pthread.h>
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

static char *heap;
static size_t heap_size;
static uint64_t rs = 88172645463325252ULL;
static inline uint64_t rnd(void)
{
    rs ^= rs << 13, rs ^= rs >> 7, rs ^= rs << 17;
    return rs;
}

static double now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e9 + t.tv_nsec;
}

static void writes4(long i)
{
    for (int j = 0; j < 4; j++) *(long *)(heap + (rnd() % (heap_size / 8)) * 8) = i;
}

static double fork_cycle(long n)
{
    double t0 = now_ns();
    for (long i = 0; i < n; i++) {
        pid_t p = fork();
        if (p == 0) {
            writes4(i);
            _exit(0);
        }
        waitpid(p, 0, 0);
    }
    return (now_ns() - t0) / n;
}

/* ---- userfaultfd write-protection ---- */
static int uffd;
static char *saved;      /* copies of the pages written since the take */
static uintptr_t *spage; /* their addresses */
static volatile long nsaved;

static void wp(void *p, size_t n, int on)
{
    struct uffdio_writeprotect w = {{(uintptr_t)p, n}, on ? UFFDIO_WRITEPROTECT_MODE_WP : 0};
    if (ioctl(uffd, UFFDIO_WRITEPROTECT, &w) < 0) {
        perror("UFFDIO_WRITEPROTECT");
        exit(1);
    }
}

static void *handler(void *arg)
{
    (void)arg;
    for (;;) {
        struct uffd_msg m;
        if (read(uffd, &m, sizeof m) != sizeof m) continue;
        if (m.event != UFFD_EVENT_PAGEFAULT) continue;
        uintptr_t pg = m.arg.pagefault.address & ~4095UL;
        memcpy(saved + nsaved * 4096, (void *)pg, 4096);
        spage[nsaved] = pg;
        nsaved++;
        wp((void *)pg, 4096, 0); /* also wakes the faulting thread */
    }
    return 0;
}

static double uffd_cycle(long n)
{
    uffd = (int)syscall(SYS_userfaultfd, O_CLOEXEC);
    if (uffd < 0) return -1;
    struct uffdio_api api = {.api = UFFD_API, .features = UFFD_FEATURE_PAGEFAULT_FLAG_WP};
    if (ioctl(uffd, UFFDIO_API, &api) < 0) return -1;
    struct uffdio_register reg = {.range = {(uintptr_t)heap, heap_size}, .mode = UFFDIO_REGISTER_MODE_WP};
    if (ioctl(uffd, UFFDIO_REGISTER, &reg) < 0) return -1;
    saved = malloc(64 * 4096);
    spage = malloc(64 * sizeof *spage);
    pthread_t t;
    pthread_create(&t, 0, handler, 0);
    double t0 = now_ns();
    for (long i = 0; i < n; i++) {
        nsaved = 0;
        wp(heap, heap_size, 1); /* take */
        writes4(i);
        wp(heap, heap_size, 0); /* restore: unprotect, put the pages back */
        for (long k = nsaved; k-- > 0;) memcpy((void *)spage[k], saved + k * 4096, 4096);
    }
    return (now_ns() - t0) / n;
}

int main(int argc, char **argv)
{
    size_t mib = argc > 1 ? strtoul(argv[1], 0, 10) : 64;
    int quick = argc > 2;
    heap_size = mib << 20;
    heap = mmap(0, heap_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (heap == MAP_FAILED) return 1;
    memset(heap, 1, heap_size);
    printf("%-44s %9.1f\n", "fork (64 MiB touched)", fork_cycle(quick ? 50 : 300));
    double u = uffd_cycle(quick ? 200 : 2000);
    if (u < 0)
        printf("%-44s %9s\n", "userfaultfd write-protect", "n/a");
    else
        printf("%-44s %9.1f\n", "userfaultfd write-protect (64 MiB)", u);
    return 0;
}
