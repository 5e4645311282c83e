/* plat.c: the platform layer (see plat.h): backend detection, the request
 * ring under snapvm, the host socket natively. */
#define _GNU_SOURCE
#include "plat.h"

#include "plat_coarse.h"
#include "snapvm_abi.h"

#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

static const struct snapvm_platform *platform;
static int probed;

static void probe(void)
{
    if (probed) return;
    probed = 1;
    const struct snapvm_platform *p = (const void *)getauxval(SNAPVM_AT_PLATFORM);
    if (p && p->abi_version == SNAPVM_ABI_VERSION) platform = p;
}

enum plat_backend plat_backend(void)
{
    probe();
    return platform ? PLAT_KVM : PLAT_NATIVE;
}

const char *plat_backend_name(void)
{
    return plat_backend() == PLAT_KVM ? "kvm" : "native";
}

/* Post the request already filled in the ring and wait for its answer:
 * spin for the host's poll thread, then one MMIO exit.  (exit_now) skips
 * the spin for requests only the vCPU thread serves. */
static int64_t ring_call(struct snapvm_ring *r, int exit_now)
{
    uint64_t seq = r->req_seq + 1;
    __atomic_store_n(&r->req_seq, seq, __ATOMIC_RELEASE);
    if (!exit_now)
        for (uint64_t i = r->spin; i; i--) {
            if (__atomic_load_n(&r->resp_seq, __ATOMIC_ACQUIRE) == seq) return r->req.ret;
            __builtin_ia32_pause();
        }
    *(volatile uint32_t *)(uintptr_t)platform->mmio_serve = 1;
    while (__atomic_load_n(&r->resp_seq, __ATOMIC_ACQUIRE) != seq) __builtin_ia32_pause();
    return r->req.ret;
}

static struct snapvm_ring *ring(void)
{
    return (struct snapvm_ring *)(uintptr_t)platform->ring;
}

static long ring_syscall6(long nr, long a0, long a1, long a2, long a3, long a4, long a5)
{
    struct snapvm_ring *r = ring();
    memset(&r->req, 0, sizeof r->req);
    r->req.call = SNAPVM_CALL_SYSCALL;
    r->req.u.sys.nr = (uint64_t)nr;
    const long a[6] = {a0, a1, a2, a3, a4, a5};
    for (int i = 0; i < 6; i++) r->req.u.sys.a[i] = (uint64_t)a[i];
    long ret = (long)ring_call(r, 0);
    if (r->req.action == SNAPVM_ACT_WRFSBASE) /* arch_prctl(ARCH_SET_FS), as the shim does */
        __asm__ volatile("wrfsbase %0" : : "r"(r->req.action_arg) : "memory");
    return ret;
}

static long ring_syscall(long nr, long a0, long a1, long a2)
{
    return ring_syscall6(nr, a0, a1, a2, 0, 0, 0);
}

long plat_syscall(long nr, long a0, long a1, long a2, long a3, long a4, long a5)
{
    probe();
    if (platform) return ring_syscall6(nr, a0, a1, a2, a3, a4, a5);
    long r = syscall(nr, a0, a1, a2, a3, a4, a5);
    return r == -1 ? -errno : r;
}

long plat_write(int fd, const void *buf, size_t n)
{
    probe();
    if (platform) return ring_syscall(1, fd, (long)(uintptr_t)buf, (long)n);
    ssize_t r = write(fd, buf, n);
    return r < 0 ? -errno : r;
}

long plat_read(int fd, void *buf, size_t n)
{
    probe();
    if (platform) return ring_syscall(0, fd, (long)(uintptr_t)buf, (long)n);
    ssize_t r = read(fd, buf, n);
    return r < 0 ? -errno : r;
}

static long plain_readline(const char *prompt, char *buf, size_t size)
{
    size_t n = 0;
    char ch;
    plat_write(1, prompt, strlen(prompt));
    for (;;) {
        long r = plat_read(0, &ch, 1);
        if (r == -EINTR) continue;
        if (r <= 0) return n ? (long)(buf[n] = 0, n) : -1;
        if (ch == '\n') break;
        if (n + 1 < size) buf[n++] = ch;
    }
    buf[n] = 0;
    return (long)n;
}

/* Natively: the launcher's socket, one request and one answer. */
static long socket_readline(int fd, const char *prompt, char *buf, size_t size)
{
    struct {
        struct snapvm_msg m;
        char payload[SNAPVM_READLINE_MAX + 1];
    } msg;
    size_t plen = strlen(prompt);
    if (plen > SNAPVM_READLINE_MAX) plen = SNAPVM_READLINE_MAX;
    memset(&msg.m, 0, sizeof msg.m);
    msg.m.req.call = SNAPVM_CALL_READLINE;
    msg.m.req.u.rl.prompt_len = plen;
    msg.m.req.u.rl.size = size > SNAPVM_READLINE_MAX ? SNAPVM_READLINE_MAX : size;
    msg.m.len = plen;
    memcpy(msg.payload, prompt, plen);
    if (send(fd, &msg, sizeof msg.m + plen, MSG_NOSIGNAL) < 0) return -errno;
    ssize_t r = recv(fd, &msg, sizeof msg, 0);
    if (r < (ssize_t)sizeof msg.m) return r < 0 ? -errno : -EPROTO;
    if (msg.m.req.ret < 0) return (long)msg.m.req.ret;
    if (msg.m.req.u.rl.flags & 1) return -1;
    size_t n = (size_t)msg.m.req.ret;
    if (n + 1 > size || n + 1 > (size_t)r - sizeof msg.m) return -EPROTO;
    memcpy(buf, msg.payload, n);
    buf[n] = 0;
    return (long)n;
}

long plat_readline(const char *prompt, char *buf, size_t size)
{
    probe();
    if (size == 0) return -EINVAL;
    if (platform) {
        struct snapvm_ring *r = ring();
        memset(&r->req, 0, sizeof r->req);
        r->req.call = SNAPVM_CALL_READLINE;
        r->req.u.rl.prompt = (uint64_t)(uintptr_t)prompt;
        r->req.u.rl.prompt_len = strlen(prompt);
        r->req.u.rl.buf = (uint64_t)(uintptr_t)buf;
        r->req.u.rl.size = size;
        long n = (long)ring_call(r, 1);
        return n == 0 && (r->req.u.rl.flags & 1) ? -1 : n;
    }
    const char *fd = getenv("SNAPVM_HOST_FD");
    if (fd && *fd) return socket_readline(atoi(fd), prompt, buf, size);
    return plain_readline(prompt, buf, size);
}

static volatile int *interrupt_word;

static void on_sigint(int sig)
{
    (void)sig;
    if (interrupt_word) *interrupt_word = 1;
}

long plat_on_interrupt(volatile int *word)
{
    probe();
    if (platform) {
        struct snapvm_ring *r = ring();
        memset(&r->req, 0, sizeof r->req);
        r->req.call = SNAPVM_CALL_INTERRUPT;
        r->req.u.intr.word = (uint64_t)(uintptr_t)word;
        return (long)ring_call(r, 0);
    }
    interrupt_word = word;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = word ? on_sigint : SIG_DFL;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    return sigaction(SIGINT, &sa, NULL) < 0 ? -errno : 0;
}

static struct plat_fault last_fault;

void plat_coarse_fault(struct plat_fault *f)
{
    probe();
    if (platform)
        *f = last_fault;
    else
        plat_coarse_native_fault(f);
}

long plat_coarse_snapshot(enum plat_coarse_op op, long *id)
{
    probe();
    if (!id || op < PLAT_COARSE_TAKE || op > PLAT_COARSE_GUARD) return -EINVAL;
    if (op == PLAT_COARSE_TAKE || op == PLAT_COARSE_GUARD) fflush(NULL);
    if (!platform) return plat_coarse_native(op, id);
    struct snapvm_ring *r = ring();
    memset(&r->req, 0, sizeof r->req);
    r->req.call = SNAPVM_CALL_COARSE;
    r->req.u.coarse.op = (uint64_t)op;
    r->req.u.coarse.id = (uint64_t)*id;
    long ret = (long)ring_call(r, 1);
    if ((op == PLAT_COARSE_TAKE || op == PLAT_COARSE_GUARD) && ret >= 0) *id = (long)r->req.u.coarse.id;
    if (ret == 2)
        last_fault = (struct plat_fault){(int)r->req.u.coarse.sig, (unsigned long)r->req.u.coarse.addr,
                                         (unsigned long)r->req.u.coarse.rip};
    return ret;
}
