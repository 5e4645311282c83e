/* open_paths: for each path argument, whether it opens for reading
 * (tests/vmm/kvm_qemu.sh runs it under --sandbox with paths that try to
 * leave the sandbox).  With no argument it checks itself: its own path
 * opens, a missing file is ENOENT. */
#include "check.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc == 1) {
        int fd = open(argv[0], O_RDONLY);
        CHECK(fd >= 0);
        close(fd);
        CHECK(open("no-such-file.open_paths", O_RDONLY) == -1 && errno == ENOENT);
    }
    for (int i = 1; i < argc; i++) {
        int fd = open(argv[i], O_RDONLY);
        char buf[64] = "";
        if (fd >= 0) {
            ssize_t n = read(fd, buf, sizeof buf - 1);
            buf[n > 0 ? n : 0] = 0;
            buf[strcspn(buf, "\n")] = 0;
            close(fd);
        }
        printf("%s: %s\n", argv[i], fd >= 0 ? buf : strerror(errno));
    }
    puts("SUCCESS");
    return 0;
}
