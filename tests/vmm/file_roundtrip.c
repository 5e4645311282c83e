/* file_roundtrip: create, write, read back, stat, seek, rename and unlink
 * a file, list a directory (getdents64), change into it and back (chdir,
 * getcwd), mkdir/rmdir a directory, in a fresh directory under the cwd. */
#include "check.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

int main(void)
{
    char dir[64], a[128], b[128];
    snprintf(dir, sizeof dir, "snapvm-file-test.%d", (int)getpid());
    snprintf(a, sizeof a, "%s/a.txt", dir);
    snprintf(b, sizeof b, "%s/b.txt", dir);
    CHECK(mkdir(dir, 0700) == 0);

    FILE *f = fopen(a, "w");
    CHECK(f);
    for (int i = 0; i < 1000; i++) fprintf(f, "line %d\n", i);
    CHECK(fclose(f) == 0);

    struct stat st;
    CHECK(stat(a, &st) == 0 && S_ISREG(st.st_mode));
    long want = 0;
    for (int i = 0; i < 1000; i++) want += snprintf(NULL, 0, "line %d\n", i);
    CHECK(st.st_size == want);

    f = fopen(a, "r");
    CHECK(f);
    char line[64];
    for (int i = 0; i < 1000; i++) {
        char exp[64];
        snprintf(exp, sizeof exp, "line %d\n", i);
        CHECK(fgets(line, sizeof line, f) && !strcmp(line, exp));
    }
    CHECK(fgets(line, sizeof line, f) == NULL && feof(f));
    fclose(f);

    int fd = open(a, O_RDWR);
    CHECK(fd >= 3);
    CHECK(pwrite(fd, "LINE", 4, 0) == 4);
    char buf[8] = {0};
    CHECK(pread(fd, buf, 6, 0) == 6 && !memcmp(buf, "LINE 0", 6));
    CHECK(lseek(fd, -4, SEEK_END) == want - 4);
    struct iovec iov[2] = {{buf, 2}, {buf + 2, 2}};
    CHECK(readv(fd, iov, 2) == 4 && !memcmp(buf, "999\n", 4));
    struct stat st2;
    CHECK(fstat(fd, &st2) == 0 && st2.st_ino == st.st_ino);
    CHECK(close(fd) == 0);
    CHECK(close(fd) == -1 && errno == EBADF);

    DIR *d = opendir(dir);
    CHECK(d);
    int seen = 0, entries = 0;
    for (struct dirent *de; (de = readdir(d)); entries++)
        seen += !strcmp(de->d_name, "a.txt");
    CHECK(closedir(d) == 0);
    CHECK(seen == 1 && entries == 3); /* ".", "..", a.txt */
    CHECK(opendir("no-such-dir") == NULL && errno == ENOENT);

    char top[4096], in[4096];
    CHECK(getcwd(top, sizeof top));
    CHECK(chdir(dir) == 0);
    CHECK(getcwd(in, sizeof in));
    CHECK(strlen(in) == strlen(top) + (top[strlen(top) - 1] != '/') + strlen(dir));
    CHECK(!strcmp(in + strlen(in) - strlen(dir), dir));
    CHECK(stat("a.txt", &st2) == 0 && st2.st_ino == st.st_ino);
    CHECK(chdir("no-such-dir") == -1 && errno == ENOENT);
    CHECK(chdir("a.txt") == -1 && errno == ENOTDIR);
    CHECK(chdir("..") == 0);
    CHECK(getcwd(in, sizeof in) && !strcmp(in, top));

    CHECK(rename(a, b) == 0);
    CHECK(access(a, F_OK) == -1 || open(a, O_RDONLY) == -1);
    CHECK(open(a, O_RDONLY) == -1 && errno == ENOENT);
    CHECK(unlink(b) == 0);
    CHECK(unlink(b) == -1 && errno == ENOENT);
    CHECK(rmdir(dir) == 0);
    puts("SUCCESS");
    return 0;
}
