/* plat_io: the platform layer's I/O: plat_write/plat_read round trip
 * through a file, errors as -errno, backend detection agrees with auxv. */
#include "check.h"
#include "plat.h"

#include "../../vmm/include/snapvm_abi.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
    CHECK((plat_backend() == PLAT_KVM) == (getauxval(SNAPVM_AT_PLATFORM) != 0));
    char path[64];
    snprintf(path, sizeof path, "snapvm-plat-io.%d", (int)getpid());
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
    CHECK(fd >= 0);
    CHECK(plat_write(fd, "platform layer\n", 15) == 15);
    CHECK(lseek(fd, 0, SEEK_SET) == 0);
    char buf[32] = {0};
    CHECK(plat_read(fd, buf, sizeof buf) == 15 && !memcmp(buf, "platform layer\n", 15));
    CHECK(plat_read(fd, buf, sizeof buf) == 0);
    close(fd);
    unlink(path);
    CHECK(plat_write(999, "x", 1) == -EBADF);
    CHECK(plat_syscall(SYS_getpid, 0, 0, 0, 0, 0, 0) == getpid());
    CHECK(plat_syscall(SYS_close, 999, 0, 0, 0, 0, 0) == -EBADF);
    struct stat st;
    CHECK(plat_syscall(SYS_fstat, 1, (long)&st, 0, 0, 0, 0) == 0);
    CHECK(plat_write(1, "plat_write to stdout\n", 21) == 21);
    /* readline with no terminal and no input: end of input */
    char line[16];
    CHECK(plat_readline("", line, sizeof line) == -1);
    printf("backend %s\n", plat_backend_name());
    puts("SUCCESS");
    return 0;
}
