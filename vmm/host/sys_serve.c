/* sys_serve.c: memory and process system calls, and the request dispatcher.
 *
 * brk and mmap are bookkeeping over memory the page tables already map
 * (DESIGN 1): nothing here changes a page table.  Memory given back (munmap,
 * brk shrinking, MADV_DONTNEED) is zeroed at once, so that fresh memory is
 * always zero, as Linux promises.
 */
#define _GNU_SOURCE
#include "sys_serve.h"

#include "sys_files.h"
#include "sys_names.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#define ARCH_SET_FS 0x1002
#define ARCH_GET_FS 0x1003

int sys_init(struct sys_state *s, struct gmem *mem, uint64_t brk_start, uint64_t brk_max,
             uint64_t mmap_lo, uint64_t mmap_hi, const char *sandbox_dir)
{
    memset(s, 0, sizeof *s);
    s->mem = mem;
    s->brk_start = s->brk_cur = brk_start;
    s->brk_max = brk_max;
    mb_init(&s->mmap, mmap_lo, mmap_hi);
    for (int i = 0; i < SYS_MAX_FDS; i++) s->fds[i] = i <= 2 ? i : -1;
    return sandbox_init(&s->sandbox, sandbox_dir);
}

void sys_fini(struct sys_state *s)
{
    for (int i = 0; i < SYS_MAX_FDS; i++)
        if (s->fds[i] > 2) close(s->fds[i]);
    mb_free(&s->mmap);
    sandbox_fini(&s->sandbox);
}

void sys_set_exe(struct sys_state *s, const char *path)
{
    char *abs = realpath(path, NULL), cwd[2048];
    if (abs)
        snprintf(s->exe, sizeof s->exe, "%s", abs);
    else if (path[0] != '/' && getcwd(cwd, sizeof cwd))
        snprintf(s->exe, sizeof s->exe, "%s/%s", cwd, path);
    else
        snprintf(s->exe, sizeof s->exe, "%s", path);
    free(abs);
}

/* Zero guest memory [gva, gva+len) (already inside the window).  Only the
 * host pages that are resident are cleared, by memset: a page not resident
 * reads as zero already.  Pages are not given back with MADV_DONTNEED: on
 * the THP-backed RAM that splits or frees the huge page, and under kvm_pvm
 * the guest's next touch then costs a host fault, a 2 MiB clear and shadow
 * page faults (docs/snapvm.md, "Fresh memory"). */
static void zero(struct sys_state *s, uint64_t gva, uint64_t len)
{
    uint8_t *p = s->mem->host + gva;
    uint64_t a = (gva + 4095) & ~4095ULL, e = (gva + len) & ~4095ULL;
    unsigned char *in = len >= (64u << 10) && a < e ? malloc((e - a) >> 12) : NULL;
    if (in && mincore(s->mem->host + a, e - a, in) == 0) {
        memset(p, 0, a - gva);
        for (uint64_t i = 0, n = (e - a) >> 12; i < n;) {
            uint64_t j = i;
            while (j < n && (in[j] & 1)) j++;
            if (j > i) memset(s->mem->host + a + (i << 12), 0, (j - i) << 12);
            while (j < n && !(in[j] & 1)) j++;
            i = j;
        }
        memset(s->mem->host + e, 0, gva + len - e);
    } else {
        memset(p, 0, len);
    }
    free(in);
    gmem_mark_dirty(s->mem, gva, len);
}

/* The program's address-space size as Linux counts it for RLIMIT_AS: the
 * image and the break, the mappings, the stack. */
static uint64_t vm_size(const struct sys_state *s)
{
    return (s->brk_cur - s->mem->lo) + s->mmap.in_use + s->stack_size;
}

/* Would (more) bytes exceed the limit the program set with setrlimit? */
static int over_limit(const struct sys_state *s, uint64_t more)
{
    return s->as_limit && vm_size(s) + more > s->as_limit;
}

static int64_t do_mmap(struct sys_state *s, const uint64_t a[6])
{
    uint64_t addr = a[0], len = a[1], flags = a[3];
    if (len > UINT64_MAX - 4095 || over_limit(s, (len + 4095) & ~4095ULL)) return -ENOMEM;
    if (!(flags & MAP_ANONYMOUS))
        return -ENODEV; /* files cannot be mapped: there is no page cache here */
    if ((flags & MAP_TYPE) != MAP_PRIVATE && (flags & MAP_TYPE) != MAP_SHARED) return -EINVAL;
    int fixed = (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) != 0;
    if ((flags & MAP_FIXED_NOREPLACE) && mb_mapped(&s->mmap, addr, 1)) return -EEXIST;
    int64_t r = mb_map(&s->mmap, addr, len, fixed);
    if (r >= 0 && fixed) zero(s, (uint64_t)r, (len + 4095) & ~4095ULL);
    return r;
}

static int64_t do_munmap(struct sys_state *s, uint64_t addr, uint64_t len)
{
    int r = mb_unmap(&s->mmap, addr, len);
    if (r == 0) zero(s, addr, (len + 4095) & ~4095ULL);
    return r;
}

static int64_t do_brk(struct sys_state *s, uint64_t want)
{
    if (want >= s->brk_start && want <= s->brk_max &&
        (want <= s->brk_cur || !over_limit(s, want - s->brk_cur))) {
        if (want < s->brk_cur) zero(s, want, s->brk_cur - want);
        s->brk_cur = want;
    }
    return (int64_t)s->brk_cur;
}

/* prlimit64 on itself.  The limits are the monitor's; the one a program may
 * set is RLIMIT_AS (and RLIMIT_DATA, the same here), to at most guest RAM,
 * which mmap and brk then enforce with ENOMEM as Linux does.  Raising the
 * hard limit again is EPERM, as for an unprivileged process. */
static int64_t do_prlimit(struct sys_state *s, const uint64_t a[6])
{
    if (a[0] != 0 && a[0] != (uint64_t)getpid()) return -ESRCH;
    if (a[1] >= RLIM_NLIMITS) return -EINVAL;
    uint64_t ram = s->mem->hi - s->mem->lo;
    uint64_t as_now = s->as_limit ? s->as_limit : ram;
    uint64_t lim;
    switch (a[1]) {
    case RLIMIT_STACK: lim = s->stack_size; break;
    case RLIMIT_AS:
    case RLIMIT_DATA: lim = as_now; break;
    case RLIMIT_NOFILE: lim = SYS_MAX_FDS; break;
    default: lim = RLIM_INFINITY; break;
    }
    uint64_t want = 0;
    if (a[2]) {
        const uint64_t *src = gmem_at(s->mem, a[2], 16);
        if (!src) return sys_bad(s, "prlimit64");
        uint64_t cur = src[0], max = src[1]; /* read once */
        if (cur > max) return -EINVAL;
        if (a[1] != RLIMIT_AS && a[1] != RLIMIT_DATA) return cur == lim && max == lim ? 0 : -EPERM;
        want = cur < ram ? cur : ram;
        if (want > as_now) return -EPERM;
    }
    if (a[3]) {
        uint64_t *dst = gmem_wr(s->mem, a[3], 16);
        if (!dst) return sys_bad(s, "prlimit64");
        dst[0] = dst[1] = lim;
    }
    if (a[2] && (a[1] == RLIMIT_AS || a[1] == RLIMIT_DATA)) s->as_limit = want;
    return 0;
}

/* mincore: which pages are mapped (all mapped pages are resident here).
 * ENOMEM for a range with a page the program does not own, as Linux. */
static int64_t do_mincore(struct sys_state *s, uint64_t addr, uint64_t len, uint64_t gvec)
{
    if (addr & 4095) return -EINVAL;
    if (len == 0) return 0;
    if (len > UINT64_MAX - 4095 - addr) return -ENOMEM;
    uint64_t pages = (len + 4095) / 4096, end = addr + pages * 4096;
    uint64_t stack_lo = s->mem->hi - s->stack_size;
    for (uint64_t p = addr; p < end; p += 4096) {
        int owned = (p >= s->mem->lo && p < s->brk_cur) || (p >= stack_lo && p < s->mem->hi) ||
                    mb_mapped(&s->mmap, p, 4096);
        if (!owned) return -ENOMEM;
    }
    uint8_t *vec = gmem_wr(s->mem, gvec, pages);
    if (!vec) return sys_bad(s, "mincore");
    memset(vec, 1, pages);
    return 0;
}

/* A signal the program sends itself (abort, raise) ends it as the signal
 * would: no handlers run under snapvm. */
static int64_t self_signal(struct sys_state *s, uint64_t sig)
{
    if (sig == 0) return 0;
    if (sig >= 65) return -EINVAL;
    if (sig == SIGCHLD || sig == SIGURG || sig == SIGWINCH || sig == SIGCONT)
        return 0; /* ignored by default */
    s->exited = 1;
    s->signaled = (int)sig;
    s->status = 128 + (int)sig;
    snprintf(s->why, sizeof s->why, "%s", strsignal((int)sig));
    return 0;
}

static int64_t serve(struct sys_state *s, uint64_t nr, const uint64_t *a, uint64_t *action,
                     uint64_t *action_arg, char *path, size_t pathcap)
{
    int handled;
    int64_t r = sys_files(s, nr, a, &handled, path, pathcap);
    if (handled) return r;
    switch (nr) {
    case SYS_brk: return do_brk(s, a[0]);
    case SYS_mmap: return do_mmap(s, a);
    case SYS_munmap: return do_munmap(s, a[0], a[1]);
    case SYS_mprotect:
        /* Bookkeeping only: the page tables stay as they were at boot. */
        return gmem_at(s->mem, a[0], a[1]) && !(a[0] & 4095) ? 0 : -ENOMEM;
    case SYS_madvise:
        if ((a[0] & 4095) || !gmem_at(s->mem, a[0], a[1])) return -EINVAL;
        if (a[2] == MADV_DONTNEED) zero(s, a[0], (a[1] + 4095) & ~4095ULL);
        return 0;
    case SYS_arch_prctl:
        if (a[0] == ARCH_SET_FS) {
            s->fsbase = a[1];
            *action = SNAPVM_ACT_WRFSBASE;
            *action_arg = a[1];
            return 0;
        }
        if (a[0] == ARCH_GET_FS) {
            uint64_t *dst = gmem_wr(s->mem, a[1], 8);
            if (!dst) return sys_bad(s, "arch_prctl");
            *dst = s->fsbase;
            return 0;
        }
        return -EINVAL;
    case SYS_set_tid_address:
    case SYS_getpid:
    case SYS_gettid: return getpid();
    case SYS_getppid: return getppid();
    case SYS_getuid: return getuid();
    case SYS_geteuid: return geteuid();
    case SYS_getgid: return getgid();
    case SYS_getegid: return getegid();
    case SYS_set_robust_list: return 0; /* one thread: nothing to clean up */
    case SYS_prlimit64: return do_prlimit(s, a);
    case SYS_mincore: return do_mincore(s, a[0], a[1], a[2]);
    case SYS_getrandom: {
        uint64_t len = a[1] > (32u << 20) ? (32u << 20) : a[1];
        void *dst = gmem_wr(s->mem, a[0], len);
        if (!dst) return sys_bad(s, "getrandom");
        long n = getrandom(dst, len, (unsigned)a[2] & (GRND_NONBLOCK | GRND_RANDOM));
        return n < 0 ? -errno : n;
    }
    case SYS_uname: {
        struct utsname u;
        uname(&u);
        snprintf(u.machine, sizeof u.machine, "x86_64");
        void *dst = gmem_wr(s->mem, a[0], sizeof u);
        if (!dst) return sys_bad(s, "uname");
        memcpy(dst, &u, sizeof u);
        return 0;
    }
    case SYS_clock_gettime: {
        struct timespec ts;
        if (clock_gettime((clockid_t)a[0], &ts)) return -errno;
        void *dst = gmem_wr(s->mem, a[1], sizeof ts);
        if (!dst) return sys_bad(s, "clock_gettime");
        memcpy(dst, &ts, sizeof ts);
        return 0;
    }
    case SYS_kill: return a[0] == (uint64_t)getpid() ? self_signal(s, a[1]) : -EPERM;
    case SYS_tgkill: return a[1] == (uint64_t)getpid() ? self_signal(s, a[2]) : -EPERM;
    case SYS_exit:
    case SYS_exit_group:
        s->exited = 1;
        s->status = (int)(a[0] & 0xff);
        return 0;
    }
    return -ENOSYS;
}

int64_t sys_serve(struct sys_state *s, const struct snapvm_syscall *req, uint64_t *action,
                  uint64_t *action_arg)
{
    char path[4096];
    *action = SNAPVM_ACT_NONE;
    *action_arg = 0;
    int64_t r = serve(s, req->nr, req->a, action, action_arg, path, sizeof path);
    if (req->nr < SYS_NR_MAX)
        s->count[req->nr]++;
    else
        s->other++;
    if (s->trace) sys_trace(s->trace, req->nr, req->a, r, path[0] ? path : NULL);
    return r;
}

int64_t hc_dispatch(struct sys_state *s, struct snapvm_ring *ring, sys_readline_fn *readline)
{
    struct snapvm_request req;
    /* The one read of the request: everything below uses the copy. */
    memcpy(&req, (const void *)&ring->req, sizeof req);
    uint64_t action = SNAPVM_ACT_NONE, arg = 0, flags = 0;
    int64_t r;
    switch (req.call) {
    case SNAPVM_CALL_SYSCALL: r = sys_serve(s, &req.u.sys, &action, &arg); break;
    case SNAPVM_CALL_READLINE:
        r = readline ? readline(s, &req.u.rl, &flags) : -ENOSYS;
        ring->req.u.rl.flags = flags;
        break;
    case SNAPVM_CALL_COARSE:
        r = -EINVAL; /* only on the vCPU thread, which stops the guest */
        break;
    case SNAPVM_CALL_INTERRUPT:
        if (req.u.intr.word && (req.u.intr.word & 3 || !gmem_wr(s->mem, req.u.intr.word, 4))) {
            r = -EFAULT;
            break;
        }
        s->intr_word = req.u.intr.word;
        r = 0;
        break;
    default: r = -ENOSYS; break;
    }
    ring->req.ret = r;
    ring->req.action = action;
    ring->req.action_arg = arg;
    return r;
}

void sys_print_counts(const struct sys_state *s, FILE *out)
{
    uint64_t total = s->other;
    fprintf(out, "snapvm: stats: system calls:");
    for (int nr = 0; nr < SYS_NR_MAX; nr++)
        if (s->count[nr]) {
            const char *name = sys_name((uint64_t)nr);
            if (name)
                fprintf(out, " %s %llu", name, (unsigned long long)s->count[nr]);
            else
                fprintf(out, " syscall_%d %llu", nr, (unsigned long long)s->count[nr]);
            total += s->count[nr];
        }
    fprintf(out, "%s; %llu in all\n", s->other ? " (and others)" : "", (unsigned long long)total);
}
