/* sys_files.c: file and console system calls of the guest.
 *
 * Guest fds are translated through s->fds, so a guest can only name files
 * it opened (and the three standard streams), never the monitor's own
 * descriptors (/dev/kvm, the VM, the vCPU).  Paths go through the sandbox.
 */
#define _GNU_SOURCE
#include "sys_files.h"
#include "sys_names.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <termios.h>
#include <unistd.h>

#define IOV_LIMIT 1024

int64_t sys_bad(struct sys_state *s, const char *what)
{
    s->fatal = 1;
    snprintf(s->why, sizeof s->why, "bad address in %s: %s", what, s->mem->err);
    return -EFAULT;
}

static int hostfd(struct sys_state *s, uint64_t fd)
{
    return fd < SYS_MAX_FDS ? s->fds[fd] : -1;
}

static int64_t new_fd(struct sys_state *s, int h)
{
    if (h < 0) return h;
    for (int i = 0; i < SYS_MAX_FDS; i++)
        if (s->fds[i] < 0) {
            s->fds[i] = h;
            return i;
        }
    close(h);
    return -EMFILE;
}

static int64_t res(long r)
{
    return r < 0 ? -errno : r;
}

/* Copy a guest iovec array once and check every element. */
static int64_t iov_io(struct sys_state *s, int h, uint64_t giov, uint64_t cnt, int wr,
                      const char *what)
{
    if (cnt > IOV_LIMIT) return -EINVAL;
    struct iovec v[IOV_LIMIT];
    const uint8_t *src = gmem_at(s->mem, giov, cnt * 16);
    if (!src) return sys_bad(s, what);
    for (uint64_t i = 0; i < cnt; i++) {
        uint64_t base, len;
        memcpy(&base, src + 16 * i, 8);
        memcpy(&len, src + 16 * i + 8, 8);
        void *p = wr ? gmem_at(s->mem, base, len) : gmem_wr(s->mem, base, len);
        if (!p) return sys_bad(s, what);
        v[i] = (struct iovec){p, len};
    }
    return res(wr ? writev(h, v, (int)cnt) : readv(h, v, (int)cnt));
}

/* The path argument: copied once into (path).  -EFAULT ends the guest. */
static int64_t get_path(struct sys_state *s, uint64_t gva, char *path, size_t cap, const char *what)
{
    long n = gmem_str(s->mem, gva, path, cap);
    if (n == -EFAULT) return sys_bad(s, what);
    return n < 0 ? n : 0;
}

/* Only AT_FDCWD (or an absolute path) is accepted as a directory fd. */
static int64_t at_cwd(uint64_t dirfd, const char *path)
{
    return path[0] == '/' || (int)dirfd == AT_FDCWD ? 0 : -ENOTSUP;
}

static int64_t do_stat(struct sys_state *s, uint64_t dirfd, const char *path, uint64_t gbuf,
                       uint64_t flags)
{
    struct stat st;
    long r;
    if (flags & ~(uint64_t)(AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT)) return -EINVAL;
    if (!*path) {
        if (!(flags & AT_EMPTY_PATH)) return -ENOENT;
        int h = hostfd(s, dirfd);
        if (h < 0) return -EBADF;
        r = res(fstat(h, &st));
    } else {
        if (at_cwd(dirfd, path)) return -ENOTSUP;
        char name[256];
        int d = sandbox_parent(&s->sandbox, path, name, sizeof name);
        if (d == -EINVAL) /* "." or ".." as the last component: open it */
            d = sandbox_open(&s->sandbox, path, O_PATH, 0), name[0] = 0;
        if (d < 0) return d;
        r = res(fstatat(d, name, &st, (int)(flags & AT_SYMLINK_NOFOLLOW) | AT_EMPTY_PATH));
        close(d);
    }
    if (r < 0) return r;
    void *dst = gmem_wr(s->mem, gbuf, sizeof st);
    if (!dst) return sys_bad(s, "stat");
    memcpy(dst, &st, sizeof st);
    return 0;
}

static int64_t do_readlink(struct sys_state *s, const char *path, uint64_t gbuf, uint64_t size)
{
    char out[4096];
    long n;
    if ((int64_t)size <= 0) return -EINVAL;
    if (!strcmp(path, "/proc/self/exe")) {
        n = (long)strlen(s->exe);
        memcpy(out, s->exe, (size_t)n);
    } else {
        char name[256];
        int d = sandbox_parent(&s->sandbox, path, name, sizeof name);
        if (d < 0) return d;
        n = readlinkat(d, name, out, sizeof out);
        n = n < 0 ? -errno : n;
        close(d);
        if (n < 0) return n;
    }
    if ((uint64_t)n > size) n = (long)size;
    void *dst = gmem_wr(s->mem, gbuf, (uint64_t)n);
    if (!dst) return sys_bad(s, "readlink");
    memcpy(dst, out, (size_t)n);
    return n;
}

/* unlink/rmdir/mkdir on the last component of path. */
static int64_t on_name(struct sys_state *s, const char *path, int op, uint64_t mode)
{
    char name[256];
    int d = sandbox_parent(&s->sandbox, path, name, sizeof name);
    if (d < 0) return d;
    long r = op == 'm' ? mkdirat(d, name, (mode_t)mode & 07777)
                       : unlinkat(d, name, op == 'r' ? AT_REMOVEDIR : 0);
    r = res(r);
    close(d);
    return r;
}

static int64_t do_rename(struct sys_state *s, uint64_t gold, uint64_t gnew, uint64_t flags,
                         char *path, size_t cap)
{
    char newp[4096], n1[256], n2[256];
    int64_t r = get_path(s, gold, path, cap, "rename");
    if (!r) r = get_path(s, gnew, newp, sizeof newp, "rename");
    if (r) return r;
    int d1 = sandbox_parent(&s->sandbox, path, n1, sizeof n1);
    if (d1 < 0) return d1;
    int d2 = sandbox_parent(&s->sandbox, newp, n2, sizeof n2);
    if (d2 < 0) {
        close(d1);
        return d2;
    }
    r = res(syscall(SYS_renameat2, d1, n1, d2, n2, (unsigned)flags));
    close(d1);
    close(d2);
    return r;
}

/* The terminal ioctls a program at a prompt needs: its modes (a key read
 * without Enter sets non-canonical mode, as swipl's toplevel does for `;`)
 * and the window size.  The kernel's struct termios is 36 bytes, not
 * glibc's. */
static int64_t do_ioctl(struct sys_state *s, int h, uint64_t req, uint64_t garg)
{
    uint8_t buf[64];
    size_t n;
    if (req == TCSETS || req == TCSETSW || req == TCSETSF) {
        const void *src = gmem_at(s->mem, garg, 36);
        if (!src) return sys_bad(s, "ioctl");
        memcpy(buf, src, 36);
        return res(ioctl(h, (unsigned long)req, buf));
    }
    if (req == TCGETS)
        n = 36;
    else if (req == TIOCGWINSZ)
        n = sizeof(struct winsize);
    else
        return -ENOTTY;
    void *dst = gmem_wr(s->mem, garg, n);
    if (!dst) return sys_bad(s, "ioctl");
    long r = res(ioctl(h, (unsigned long)req, buf));
    if (r == 0) memcpy(dst, buf, n);
    return r;
}

int64_t sys_files(struct sys_state *s, uint64_t nr, const uint64_t a[6], int *handled, char *path,
                  size_t pathcap)
{
    int64_t r;
    *handled = 1;
    path[0] = 0;
    switch (nr) {
    case SYS_read:
    case SYS_write:
    case SYS_pread64:
    case SYS_pwrite64: {
        int h = hostfd(s, a[0]), wr = nr == SYS_write || nr == SYS_pwrite64;
        if (h < 0) return -EBADF;
        void *p = wr ? gmem_at(s->mem, a[1], a[2]) : gmem_wr(s->mem, a[1], a[2]);
        if (!p) return sys_bad(s, sys_name(nr));
        if (nr == SYS_read) {
            /* A guest that takes Ctrl-C as a flag (SNAPVM_CALL_INTERRUPT)
             * reads on through it, as a native SA_RESTART handler would;
             * the monitor's own stop (stopping) still ends the read. */
            ssize_t n;
            do n = read(h, p, a[2]);
            while (n < 0 && errno == EINTR && s->intr_word && !s->stopping);
            return res(n);
        }
        if (nr == SYS_write) return res(write(h, p, a[2]));
        if (nr == SYS_pread64) return res(pread(h, p, a[2], (off_t)a[3]));
        return res(pwrite(h, p, a[2], (off_t)a[3]));
    }
    case SYS_readv:
    case SYS_writev: {
        int h = hostfd(s, a[0]);
        return h < 0 ? -EBADF : iov_io(s, h, a[1], a[2], nr == SYS_writev, sys_name(nr));
    }
    case SYS_open:
    case SYS_openat: {
        uint64_t dirfd = nr == SYS_open ? (uint64_t)AT_FDCWD : a[0];
        const uint64_t *x = nr == SYS_open ? a : a + 1;
        if ((r = get_path(s, x[0], path, pathcap, "openat"))) return r;
        if (at_cwd(dirfd, path)) return -ENOTSUP;
        /* The program's own file (its symbol table, say), read-only; the
         * rest of /proc describes the monitor, not the guest. */
        if (!strcmp(path, "/proc/self/exe")) {
            if ((x[1] & O_ACCMODE) != O_RDONLY) return -EACCES;
            int h = open(s->exe, O_RDONLY | O_CLOEXEC);
            return new_fd(s, h < 0 ? -errno : h);
        }
        return new_fd(s, sandbox_open(&s->sandbox, path, (int)x[1], (int)x[2]));
    }
    case SYS_close: {
        int h = hostfd(s, a[0]);
        if (h < 0) return -EBADF;
        s->fds[a[0]] = -1;
        /* The standard streams are the monitor's too: the guest only
         * forgets them. */
        return h <= 2 ? 0 : res(close(h));
    }
    case SYS_lseek: {
        int h = hostfd(s, a[0]);
        return h < 0 ? -EBADF : res(lseek(h, (off_t)a[1], (int)a[2]));
    }
    case SYS_fstat: return do_stat(s, a[0], "", a[1], AT_EMPTY_PATH);
    case SYS_stat:
        if ((r = get_path(s, a[0], path, pathcap, "stat"))) return r;
        return do_stat(s, (uint64_t)AT_FDCWD, path, a[1], 0);
    case SYS_newfstatat:
        if ((r = get_path(s, a[1], path, pathcap, "newfstatat"))) return r;
        return do_stat(s, a[0], path, a[2], a[3]);
    case SYS_ioctl: {
        int h = hostfd(s, a[0]);
        return h < 0 ? -EBADF : do_ioctl(s, h, a[1], a[2]);
    }
    case SYS_getcwd: {
        char cwd[4096];
        int n = sandbox_getcwd(&s->sandbox, cwd, sizeof cwd);
        if (n < 0) return n;
        if ((uint64_t)n > a[1]) return -ERANGE;
        void *dst = gmem_wr(s->mem, a[0], (uint64_t)n);
        if (!dst) return sys_bad(s, "getcwd");
        memcpy(dst, cwd, (size_t)n);
        return n;
    }
    case SYS_chdir:
        if ((r = get_path(s, a[0], path, pathcap, "chdir"))) return r;
        return sandbox_chdir(&s->sandbox, path);
    case SYS_getdents64: { /* on a directory the guest opened */
        int h = hostfd(s, a[0]);
        if (h < 0) return -EBADF;
        void *p = gmem_wr(s->mem, a[1], a[2]);
        if (!p) return sys_bad(s, "getdents64");
        return res(syscall(SYS_getdents64, h, p, a[2]));
    }
    case SYS_readlink:
    case SYS_readlinkat: {
        const uint64_t *x = nr == SYS_readlink ? a : a + 1;
        if ((r = get_path(s, x[0], path, pathcap, "readlink"))) return r;
        if (nr == SYS_readlinkat && at_cwd(a[0], path)) return -ENOTSUP;
        return do_readlink(s, path, x[1], x[2]);
    }
    case SYS_unlink:
    case SYS_rmdir:
    case SYS_mkdir:
        if ((r = get_path(s, a[0], path, pathcap, sys_name(nr)))) return r;
        return on_name(s, path, nr == SYS_mkdir ? 'm' : nr == SYS_rmdir ? 'r' : 'u', a[1]);
    case SYS_unlinkat:
    case SYS_mkdirat:
        if ((r = get_path(s, a[1], path, pathcap, sys_name(nr)))) return r;
        if (at_cwd(a[0], path)) return -ENOTSUP;
        if (nr == SYS_mkdirat) return on_name(s, path, 'm', a[2]);
        if (a[2] & ~(uint64_t)AT_REMOVEDIR) return -EINVAL;
        return on_name(s, path, a[2] ? 'r' : 'u', 0);
    case SYS_rename: return do_rename(s, a[0], a[1], 0, path, pathcap);
    case SYS_renameat:
    case SYS_renameat2:
        if ((int)a[0] != AT_FDCWD || (int)a[2] != AT_FDCWD) return -ENOTSUP;
        return do_rename(s, a[1], a[3], nr == SYS_renameat2 ? a[4] : 0, path, pathcap);
    }
    *handled = 0;
    return -ENOSYS;
}
