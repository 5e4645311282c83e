/* sandbox.c: guest path resolution (see sandbox.h). */
#define _GNU_SOURCE
#include "sandbox.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int sandbox_init(struct sandbox *s, const char *dir)
{
    s->root = -1;
    strcpy(s->cwd, "/");
    if (!dir) return 0;
    s->root = open(dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
    return s->root < 0 ? -errno : 0;
}

void sandbox_fini(struct sandbox *s)
{
    if (s->root >= 0) close(s->root);
    s->root = -1;
}

/* The guest path as seen from DIR: absolute ones as they are (RESOLVE_IN_ROOT
 * treats "/" as DIR), relative ones prefixed with the guest's cwd. */
static int in_root(struct sandbox *s, const char *path, char *out, size_t cap)
{
    int n =
        path[0] == '/' ? snprintf(out, cap, "%s", path) : snprintf(out, cap, "%s/%s", s->cwd, path);
    return n < 0 || (size_t)n >= cap ? -ENAMETOOLONG : 0;
}

static int open_in_root(struct sandbox *s, const char *path, int flags, int mode)
{
    char full[4096];
    int rc = in_root(s, path, full, sizeof full);
    if (rc) return rc;
    struct open_how how = {
        .flags = (unsigned)flags | O_CLOEXEC,
        .mode = (flags & (O_CREAT | O_TMPFILE)) ? (unsigned)mode & 07777 : 0,
        .resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS,
    };
    long fd = syscall(SYS_openat2, s->root, full, &how, sizeof how);
    return fd < 0 ? -errno : (int)fd;
}

int sandbox_open(struct sandbox *s, const char *path, int flags, int mode)
{
    if (!*path) return -ENOENT;
    if (s->root < 0) {
        int fd = openat(AT_FDCWD, path, flags | O_CLOEXEC, mode);
        return fd < 0 ? -errno : fd;
    }
    return open_in_root(s, path, flags, mode);
}

int sandbox_parent(struct sandbox *s, const char *path, char *name, size_t cap)
{
    size_t len = strlen(path);
    if (!len) return -ENOENT;
    while (len > 1 && path[len - 1] == '/') /* "dir/" names dir */
        len--;
    size_t base = len;
    while (base > 0 && path[base - 1] != '/') base--;
    size_t nlen = len - base;
    if (nlen == 0 || (nlen == 1 && path[base] == '.') ||
        (nlen == 2 && path[base] == '.' && path[base + 1] == '.'))
        return -EINVAL;
    if (nlen >= cap) return -ENAMETOOLONG;
    memcpy(name, path + base, nlen);
    name[nlen] = 0;

    char dir[4096];
    if (base == 0)
        strcpy(dir, ".");
    else if (base >= sizeof dir)
        return -ENAMETOOLONG;
    else {
        memcpy(dir, path, base);
        dir[base] = 0;
    }
    if (s->root < 0) {
        int fd = openat(AT_FDCWD, dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
        return fd < 0 ? -errno : fd;
    }
    return open_in_root(s, dir, O_PATH | O_DIRECTORY, 0);
}

int sandbox_chdir(struct sandbox *s, const char *path)
{
    if (!*path) return -ENOENT;
    if (s->root < 0) return chdir(path) ? -errno : 0;
    int fd = open_in_root(s, path, O_PATH | O_DIRECTORY, 0);
    if (fd < 0) return fd;
    close(fd);
    char full[4096], cwd[sizeof s->cwd];
    int rc = in_root(s, path, full, sizeof full);
    if (rc) return rc;
    size_t n = 0;
    for (char *save, *seg = strtok_r(full, "/", &save); seg; seg = strtok_r(NULL, "/", &save)) {
        if (!strcmp(seg, ".")) continue;
        if (!strcmp(seg, "..")) {
            while (n > 0 && cwd[n - 1] != '/') n--;
            if (n > 0) n--;
            continue;
        }
        size_t k = strlen(seg);
        if (n + 1 + k >= sizeof cwd) return -ENAMETOOLONG;
        cwd[n++] = '/';
        memcpy(cwd + n, seg, k);
        n += k;
    }
    if (n == 0) cwd[n++] = '/';
    cwd[n] = 0;
    memcpy(s->cwd, cwd, n + 1);
    return 0;
}

int sandbox_getcwd(struct sandbox *s, char *buf, size_t size)
{
    if (s->root >= 0) {
        size_t n = strlen(s->cwd) + 1;
        if (n > size) return -ERANGE;
        memcpy(buf, s->cwd, n);
        return (int)n;
    }
    if (!getcwd(buf, size)) return -errno;
    return (int)strlen(buf) + 1;
}
