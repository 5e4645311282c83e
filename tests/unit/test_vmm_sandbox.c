/* test_vmm_sandbox: --sandbox path resolution: nothing leaves the directory,
 * neither "..", nor an absolute path, nor a symbolic link. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "../../vmm/host/sandbox.h"

static char top[256], root[300], outside[300];

static int setup(void **state)
{
    snprintf(top, sizeof top, "%s/snapvm-sandbox-XXXXXX",
             getenv("TMPDIR") ? getenv("TMPDIR") : P_tmpdir);
    if (!mkdtemp(top)) return -1;
    snprintf(root, sizeof root, "%s/root", top);
    snprintf(outside, sizeof outside, "%s/secret", top);
    mkdir(root, 0700);
    char p[400];
    snprintf(p, sizeof p, "%s/sub", root);
    mkdir(p, 0700);
    FILE *f = fopen(outside, "w");
    fputs("secret", f);
    fclose(f);
    snprintf(p, sizeof p, "%s/inside.txt", root);
    f = fopen(p, "w");
    fputs("inside", f);
    fclose(f);
    snprintf(p, sizeof p, "%s/escape", root);
    if (symlink(outside, p)) /* absolute link pointing out */
        return -1;
    snprintf(p, sizeof p, "%s/sub/up", root);
    if (symlink("../../secret", p)) /* relative link climbing out */
        return -1;
    return 0;
}

static int teardown(void **state)
{
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", top);
    return system(cmd) == 0 ? 0 : -1;
}

static long read_all(int fd, char *buf, size_t n)
{
    long r = read(fd, buf, n - 1);
    buf[r > 0 ? r : 0] = 0;
    close(fd);
    return r;
}

static void confined(void **state)
{
    struct sandbox s;
    char buf[64];
    assert_int_equal(sandbox_init(&s, root), 0);
    int fd = sandbox_open(&s, "/inside.txt", O_RDONLY, 0);
    assert_true(fd >= 0);
    read_all(fd, buf, sizeof buf);
    assert_string_equal(buf, "inside");
    fd = sandbox_open(&s, "sub/../inside.txt", O_RDONLY, 0);
    assert_true(fd >= 0);
    close(fd);
    /* ".." at the root stays at the root */
    fd = sandbox_open(&s, "../../../inside.txt", O_RDONLY, 0);
    assert_true(fd >= 0);
    close(fd);
    /* a path to the host's secret as the guest sees it: not there */
    char guest_view[400];
    snprintf(guest_view, sizeof guest_view, "../secret");
    assert_int_equal(sandbox_open(&s, guest_view, O_RDONLY, 0), -ENOENT);
    assert_int_equal(sandbox_open(&s, outside, O_RDONLY, 0), -ENOENT);
    /* symbolic links are resolved inside the root */
    assert_int_equal(sandbox_open(&s, "escape", O_RDONLY, 0), -ENOENT);
    assert_int_equal(sandbox_open(&s, "sub/up", O_RDONLY, 0), -ENOENT);
    assert_int_equal(sandbox_open(&s, "/proc/self/root/etc/passwd", O_RDONLY, 0), -ENOENT);
    assert_int_equal(sandbox_open(&s, "", O_RDONLY, 0), -ENOENT);
    /* creating stays inside */
    fd = sandbox_open(&s, "/new.txt", O_WRONLY | O_CREAT, 0600);
    assert_true(fd >= 0);
    close(fd);
    char p[400];
    snprintf(p, sizeof p, "%s/new.txt", root);
    assert_int_equal(access(p, F_OK), 0);
    char cwd[64];
    assert_int_equal(sandbox_getcwd(&s, cwd, sizeof cwd), 2);
    assert_string_equal(cwd, "/");
    sandbox_fini(&s);
}

static void parent_split(void **state)
{
    struct sandbox s;
    char name[32];
    assert_int_equal(sandbox_init(&s, root), 0);
    int d = sandbox_parent(&s, "/sub/file.txt", name, sizeof name);
    assert_true(d >= 0);
    assert_string_equal(name, "file.txt");
    close(d);
    d = sandbox_parent(&s, "plain", name, sizeof name);
    assert_true(d >= 0);
    assert_string_equal(name, "plain");
    close(d);
    d = sandbox_parent(&s, "sub/", name, sizeof name);
    assert_true(d >= 0);
    assert_string_equal(name, "sub");
    close(d);
    assert_int_equal(sandbox_parent(&s, "sub/..", name, sizeof name), -EINVAL);
    assert_int_equal(sandbox_parent(&s, ".", name, sizeof name), -EINVAL);
    assert_int_equal(sandbox_parent(&s, "", name, sizeof name), -ENOENT);
    assert_int_equal(sandbox_parent(&s, "/a-name-longer-than-thirty-two-bytes", name, sizeof name),
                     -ENAMETOOLONG);
    /* the parent of a link that climbs out is still inside */
    d = sandbox_parent(&s, "/escape/x", name, sizeof name);
    assert_true(d < 0);
    sandbox_fini(&s);
}

static void unconfined(void **state)
{
    struct sandbox s;
    char buf[64];
    assert_int_equal(sandbox_init(&s, NULL), 0);
    int fd = sandbox_open(&s, outside, O_RDONLY, 0);
    assert_true(fd >= 0);
    read_all(fd, buf, sizeof buf);
    assert_string_equal(buf, "secret");
    assert_int_equal(sandbox_init(&s, "/nonexistent/dir"), -ENOENT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(confined),
        cmocka_unit_test(parent_split),
        cmocka_unit_test(unconfined),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
