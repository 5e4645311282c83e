/* sandbox.h: the guest's view of the file system, optionally confined.
 *
 * Without a sandbox, guest paths are host paths.  With --sandbox DIR the
 * guest sees DIR as "/": absolute paths start at DIR, relative ones at the
 * guest's working directory (initially "/"), and neither "..", nor a
 * symbolic link, nor a magic /proc link can leave DIR: the kernel resolves
 * them with openat2(RESOLVE_IN_ROOT), so there is no check-then-use race.
 */
#ifndef SANDBOX_H
#define SANDBOX_H

#include <stddef.h>

struct sandbox {
    int root;       /* O_PATH fd of DIR, or -1 when not confined */
    char cwd[4096]; /* the guest's working directory, guest view ("/" = DIR) */
};

/* sandbox_init confines to (dir), or not when dir is NULL.  Returns 0 or
 * -errno (dir missing, not a directory). */
int sandbox_init(struct sandbox *s, const char *dir);
void sandbox_fini(struct sandbox *s);

/* sandbox_open opens the guest (path) relative to the guest's working
 * directory (dirfd must be AT_FDCWD: the guest's own directory fds are not
 * translated) with open(2) (flags, mode).  Returns a host fd or -errno. */
int sandbox_open(struct sandbox *s, const char *path, int flags, int mode);

/* sandbox_parent opens the directory that holds the last component of the
 * guest (path) and stores that component in (name, cap): for unlink,
 * rename, mkdir and stat of a name.  Returns an O_PATH directory fd to
 * close, or -errno (ENOENT, EINVAL for a last component "." or "..",
 * ENAMETOOLONG). */
int sandbox_parent(struct sandbox *s, const char *path, char *name, size_t cap);

/* sandbox_chdir makes the directory (path) the guest's working directory:
 * the monitor's own, unconfined; confined, the directory is opened inside
 * DIR to check it, and the guest's cwd becomes the path with "." and ".."
 * resolved by name (never above "/").  Returns 0 or -errno. */
int sandbox_chdir(struct sandbox *s, const char *path);

/* sandbox_getcwd writes the guest's working directory into (buf, size). */
int sandbox_getcwd(struct sandbox *s, char *buf, size_t size);

#endif
